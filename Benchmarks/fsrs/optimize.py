#!/usr/bin/env python3
"""FSRS-6 parameter fitting: Rehearse (Swift) against fsrs-rs-python's optimizer (and py-fsrs's
PyTorch optimizer on the small sets), on the review logs of simulated learners with known
parameters, in the same run.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install fsrs-rs-python==0.9.3 "fsrs[optimizer]==6.3.2"
    swift build -c release --product rehearse-bench --product rehearse
    .venv-bench/bin/python Benchmarks/fsrs/optimize.py [--sets all|small] [--skip-py-fsrs]

Each log is written by `rehearse-bench fsrs-simulate` (a learner whose memory follows FSRS-6
with the set's parameters, reviewing on an FSRS schedule). Every fit is scored by the
reference's own judge, fsrs-rs's `FSRS.evaluate` (recency-weighted log loss, RMSE over
bins), on all the log's predictions; "truth" is the simulating parameters. Parameter error
is the mean of |fitted - true| / spread over the 21 parameters, with fsrs-rs's per-parameter
spreads. Times are the fit alone: fsrs-rs's `compute_parameters` (with card ids, its fastest
path) and `rehearse-bench fsrs-optimize` (best of 3; 1 for the 1M sets), neither counting
reading the file.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

import fsrs_rs_python as fsrs_rs

SPREADS = [6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27]
LEARNERS = {
    "default": list(fsrs_rs.DEFAULT_PARAMETERS),
    "steady": [0.4, 1.8, 4.5, 15.0, 6.0, 0.6, 2.2, 0.01, 1.6, 0.12, 1.1, 1.8, 0.08, 0.35, 1.2, 0.45, 2.4, 0.6, 0.2, 0.1, 0.3],
    "forgetful": [0.1, 0.6, 1.5, 5.0, 7.0, 0.9, 2.5, 0.02, 1.3, 0.2, 0.7, 2.2, 0.1, 0.25, 1.9, 0.5, 1.6, 0.7, 0.3, 0.05, 0.2],
}
SETS = [("default", 10_000), ("steady", 10_000), ("forgetful", 30_000), ("steady", 100_000), ("forgetful", 300_000),
        ("default", 1_000_000), ("steady", 1_000_000)]

parser = argparse.ArgumentParser()
parser.add_argument("--bin", default=".build/release")
parser.add_argument("--sets", choices=["all", "small", "large"], default="all", help="small: up to 100k reviews; large: the 1M sets")
parser.add_argument("--skip-py-fsrs", action="store_true")
args = parser.parse_args()


def read_sequences(path):
    """Each card's (rating, elapsed days, time) in time order, days by UTC date (as Rehearse reads them)."""
    cards = {}
    with open(path) as handle:
        for row in csv.DictReader(handle):
            cards.setdefault(int(row["card_id"]), []).append((int(row["review_time"]), int(row["review_rating"])))
    sequences = {}
    for card, reviews in cards.items():
        reviews.sort()
        previous, steps = None, []
        for moment, rating in reviews:
            day = moment // 86_400_000
            steps.append((rating, 0 if previous is None else max(day - previous, 0), moment))
            previous = day
        sequences[card] = steps
    return sequences


def fsrs_items(sequences):
    """fsrs-rs's items: each review a day or more after the previous one, with the reviews before it, in time order."""
    items = []
    for card, steps in sequences.items():
        for index in range(1, len(steps)):
            if steps[index][1] > 0:
                items.append((steps[index][2], card, index))
    items.sort()
    built, card_ids = [], []
    for _, card, index in items:
        built.append(fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(rating, elapsed) for rating, elapsed, _ in sequences[card][: index + 1]]))
        card_ids.append(card)
    return built, card_ids


def judge(parameters, items):
    evaluation = fsrs_rs.FSRS(parameters).evaluate(items)
    return evaluation.log_loss, evaluation.rmse_bins


def parameter_error(fitted, truth):
    return sum(abs(a - b) / s for a, b, s in zip(fitted, truth, SPREADS)) / len(SPREADS)


def py_fsrs_fit(sequences):
    import fsrs
    logs = []
    for card, steps in sequences.items():
        for rating, _, moment in steps:
            logs.append(fsrs.ReviewLog(card_id=card, rating=fsrs.Rating(rating),
                                       review_datetime=datetime.fromtimestamp(moment / 1000, tz=timezone.utc), review_duration=None))
    begun = time.perf_counter()
    parameters = fsrs.Optimizer(logs).compute_optimal_parameters()
    return list(parameters), time.perf_counter() - begun


folder = tempfile.mkdtemp()
sets = {"all": SETS, "small": [s for s in SETS if s[1] <= 100_000], "large": [s for s in SETS if s[1] >= 1_000_000]}[args.sets]
rows = []
for learner, reviews in sets:
    seed = SETS.index((learner, reviews)) + 1
    truth = LEARNERS[learner]
    log = os.path.join(folder, f"{learner}-{reviews}.csv")
    subprocess.run([os.path.join(args.bin, "rehearse-bench"), "fsrs-simulate", "--out", log, "--reviews", str(reviews),
                    "--seed", str(seed), "--weights", ",".join(map(str, truth))], check=True)
    sequences = read_sequences(log)
    items, card_ids = fsrs_items(sequences)

    begun = time.perf_counter()
    rs_parameters = fsrs_rs.FSRS(fsrs_rs.DEFAULT_PARAMETERS).compute_parameters(items, card_ids=card_ids)
    rs_seconds = time.perf_counter() - begun

    repeats = "1" if reviews >= 1_000_000 else "3"
    bench = subprocess.run([os.path.join(args.bin, "rehearse-bench"), "fsrs-optimize", log, "--repeat", repeats],
                           capture_output=True, text=True, check=True).stdout
    swift_seconds = float(bench.split("best ")[1].split(" s")[0])
    report = json.loads(subprocess.run([os.path.join(args.bin, "rehearse"), "fsrs", "optimize", "--input", log, "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    swift_parameters = report["parameters"]

    fits = {"truth": (truth, None), "default": (list(fsrs_rs.DEFAULT_PARAMETERS), None),
            "fsrs-rs": (rs_parameters, rs_seconds), "rehearse": (swift_parameters, swift_seconds)}
    if reviews <= 10_000 and not args.skip_py_fsrs:
        fits["py-fsrs"] = py_fsrs_fit(sequences)
    scored = {name: judge(parameters, items) + (parameter_error(parameters, truth), seconds) for name, (parameters, seconds) in fits.items()}
    rows.append((learner, reviews, len(items), scored))
    sys.stderr.write(f"done {learner} {reviews}\n")

print(f"{'set':>18} {'fit':>9} {'log loss':>9} {'RMSE':>7} {'param err':>9} {'seconds':>8}  vs fsrs-rs")
for learner, reviews, predictions, scored in rows:
    reference_loss, reference_seconds = scored["fsrs-rs"][0], scored["fsrs-rs"][3]
    for name, (loss, rmse, error, seconds) in scored.items():
        relation = ""
        if name in ("rehearse", "py-fsrs"):
            relation = f"loss {100 * (loss / reference_loss - 1):+.2f}%, time x{seconds / reference_seconds:.2f}"
        timing = f"{seconds:8.3f}" if seconds is not None else " " * 8
        print(f"{learner + ' ' + format(reviews, ','):>18} {name:>9} {loss:9.4f} {rmse:7.4f} {error:9.3f} {timing}  {relation}")
    print(f"{'':>18} ({predictions:,} predictions)")
