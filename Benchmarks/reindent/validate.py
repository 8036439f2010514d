#!/usr/bin/env python3
"""Scores restoration on a held-out quarter of the *train* modules, to choose fitting
settings without looking at the eval half.

    python3 Benchmarks/reindent/validate.py .build/release/rehearse [--fold K] [bench options…]

runs reindent_bench.py with its "eval" split replaced by held-out quarter K (0 to 3, default 0)
of the train half (a module is in quarter K when the SHA-1 of "fold:" + its path is K mod 4);
fit the model to the rest with `training_set.py --hold-out --fold K` first. The eval half
stays unseen either way. One quarter holds about 520 snippets, too few to tell settings a
point apart: `crossval.sh` scores all four quarters.
"""

import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BENCH = os.path.join(HERE, "..", "..", "..", "shared", "bench", "reindent_bench.py")


FOLDS = 4


def held_out(relpath, fold=0):
    return int(hashlib.sha1(("fold:" + relpath).encode()).hexdigest(), 16) % FOLDS == fold


def take_fold(argv):
    """Removes `--fold K` from `argv`; returns K (0 without it)."""
    if "--fold" not in argv:
        return 0
    at = argv.index("--fold")
    if at + 1 >= len(argv) or not argv[at + 1].isdigit() or int(argv[at + 1]) >= FOLDS:
        sys.exit(f"--fold takes a quarter from 0 to {FOLDS - 1}")
    fold = int(argv[at + 1])
    del argv[at:at + 2]
    return fold


def hold_out(bench, fitting, fold=0):
    """Makes the bench's "train" split the fitted part of the train half and, when scoring,
    its "eval" split the held-out part."""
    original = bench.in_split

    def in_split(relpath, split):
        # The eval half is never used: neither for fitting nor for scoring here.
        if not original(relpath, "train"):
            return False
        return held_out(relpath, fold) if split == "eval" and not fitting else not held_out(relpath, fold)

    bench.in_split = in_split


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(os.environ.get("REINDENT_BENCH", DEFAULT_BENCH))))
    import reindent_bench as bench
    hold_out(bench, fitting=False, fold=take_fold(sys.argv))
    if "--split" not in sys.argv:
        sys.argv += ["--split", "eval"]
    bench.main()
