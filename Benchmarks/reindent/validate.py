#!/usr/bin/env python3
"""Scores restoration on a held-out quarter of the *train* modules, to choose fitting
settings without looking at the eval half.

    python3 Benchmarks/reindent/validate.py .build/release/rehearse [bench options…]

runs reindent_bench.py with its "eval" split replaced by the held-out quarter of the train
half (a module is held out when the SHA-1 of "fold:" + its path is 0 mod 4); fit the model to
the rest with `training_set.py --hold-out` first. The eval half stays unseen either way.
"""

import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BENCH = os.path.join(HERE, "..", "..", "..", "shared", "bench", "reindent_bench.py")


def held_out(relpath):
    return int(hashlib.sha1(("fold:" + relpath).encode()).hexdigest(), 16) % 4 == 0


def hold_out(bench, fitting):
    """Makes the bench's "train" split the fitted part of the train half and, when scoring,
    its "eval" split the held-out part."""
    original = bench.in_split

    def in_split(relpath, split):
        # The eval half is never used: neither for fitting nor for scoring here.
        if not original(relpath, "train"):
            return False
        return held_out(relpath) if split == "eval" and not fitting else not held_out(relpath)

    bench.in_split = in_split


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(os.environ.get("REINDENT_BENCH", DEFAULT_BENCH))))
    import reindent_bench as bench
    hold_out(bench, fitting=False)
    if "--split" not in sys.argv:
        sys.argv += ["--split", "eval"]
    bench.main()
