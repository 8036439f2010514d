#!/usr/bin/env python3
"""FSRS-6 state updates per second: Rehearse (Swift) against fsrs-rs-python and py-fsrs,
on the same review histories in the same run, with the agreement of the final states.

    pip install fsrs==6.3.2 fsrs-rs-python==0.9.3
    swift build -c release --product rehearse-bench --product rehearse
    python3 Benchmarks/fsrs/compare.py [--cards 20000]
"""
import argparse
import csv
import json
import os
import random
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone

import fsrs
import fsrs_rs_python as fsrs_rs

parser = argparse.ArgumentParser()
parser.add_argument("--cards", type=int, default=20000)
parser.add_argument("--bin", default=".build/release")
args = parser.parse_args()

rng = random.Random(7)
start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
histories = []
for card in range(args.cards):
    day = 0
    reviews = []
    for index in range(rng.randint(2, 18)):
        day += 0 if index == 0 else rng.choice([0, 1, 1, 2, 3, 5, 8, 13, 21, 40, 90])
        reviews.append((day, rng.randint(1, 4)))
    histories.append(reviews)
total = sum(len(h) for h in histories)

folder = tempfile.mkdtemp()
log = os.path.join(folder, "revlog.csv")
with open(log, "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["card_id", "review_time", "review_rating"])
    for card, reviews in enumerate(histories):
        for offset, (day, rating) in enumerate(reviews):
            moment = start + timedelta(days=day, minutes=offset)
            writer.writerow([card, int(moment.timestamp() * 1000), rating])

# fsrs-rs-python: the memory state after every review of each card, in one batch.
items = []
for reviews in histories:
    previous = 0
    steps = []
    for day, rating in reviews:
        steps.append(fsrs_rs.FSRSReview(rating, day - previous))
        previous = day
    items.append(fsrs_rs.FSRSItem(steps))
model = fsrs_rs.FSRS(fsrs_rs.DEFAULT_PARAMETERS)
best_rs = float("inf")
for _ in range(3):
    begun = time.perf_counter()
    rs_states = model.memory_state_batch(items)
    best_rs = min(best_rs, time.perf_counter() - begun)

# py-fsrs: Scheduler.review_card for every review (no steps, no fuzz).
scheduler = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
sample = histories[: max(1, args.cards // 10)]
sample_total = sum(len(h) for h in sample)
begun = time.perf_counter()
for card_id, reviews in enumerate(sample):
    card = fsrs.Card(card_id=card_id + 1, due=start)
    for offset, (day, rating) in enumerate(reviews):
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), review_datetime=start + timedelta(days=day, minutes=offset))
py_seconds = time.perf_counter() - begun

swift = subprocess.run([os.path.join(args.bin, "rehearse-bench"), "fsrs", log, "--repeat", "5"], capture_output=True, text=True, check=True).stdout
best_swift = float(swift.split("best ")[1].split(" s")[0])

# Agreement of the final states: rehearse fsrs states against fsrs-rs.
states = subprocess.run([os.path.join(args.bin, "rehearse"), "fsrs", "states", "--input", log, "--jsonl"], capture_output=True, text=True, check=True).stdout
final = {}
for line in states.splitlines():
    row = json.loads(line)
    final[row["card_id"]] = (row["stability"], row["difficulty"])
worst = 0.0
for card, state in enumerate(rs_states):
    s, d = final[card]
    worst = max(worst, abs(s - state.stability) / state.stability, abs(d - state.difficulty) / state.difficulty)

rates = {"rehearse (Swift)": total / best_swift, "fsrs-rs-python": total / best_rs, "py-fsrs": sample_total / py_seconds}
print(f"{total} reviews of {args.cards} cards (py-fsrs on {sample_total} of them)")
for name, rate in rates.items():
    print(f"{name:18} {rate / 1e6:8.3f} M reviews/s   ratio to Swift {rate / rates['rehearse (Swift)']:.3f}")
print(f"largest relative difference of final stability/difficulty, Swift vs fsrs-rs (f32): {worst:.2e}")
