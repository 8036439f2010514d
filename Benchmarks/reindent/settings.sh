# The fitting settings of the shipped indentation model, shared by fit.sh and crossval.sh.
# The L2 weight was compared by four-fold cross-validation on the train half (crossval.sh, on
# b402451): 1e-5 pools 81.7% exact and 93.2% line accuracy over 1,822 held-out snippets, 1e-3
# 81.1% and 93.1%; a stronger penalty does not close the gap between in-sample and held-out.
# Ten refinement passes instead of six pool 81.6% and 93.2%: no better.
FIT_OPTIONS=(--steps 400 --l2 1e-5 --refine 6)
