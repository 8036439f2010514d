# The fitting settings of the shipped indentation model, shared by fit.sh and crossval.sh.
FIT_OPTIONS=(--steps 400 --l2 1e-5 --refine 6)
