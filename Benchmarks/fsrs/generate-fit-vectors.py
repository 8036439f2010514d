#!/usr/bin/env python3
"""Generates the optimizer's parity vectors from fsrs-rs-python, the reference optimizer.

    pip install fsrs-rs-python==0.9.3
    python3 Benchmarks/fsrs/generate-fit-vectors.py > Tests/RehearseCoreTests/Fixtures/fsrs-fit.json

A small learner is simulated here in Python (its memory through fsrs-rs's own `next_states`,
recall drawn from the forgetting curve, same-day retries after Again), independent of
Rehearse's simulator. The file holds each card's ratings and elapsed days, fsrs-rs's
`evaluate` (log loss, RMSE over bins) of several parameter sets on them, and fsrs-rs's
`compute_parameters` fit with its log loss.
"""
import json
import random

import fsrs_rs_python as fsrs_rs

rng = random.Random(20261202)
TRUTH = [0.3, 1.6, 3.8, 12.0, 6.2, 0.7, 2.4, 0.01, 1.7, 0.14, 1.0, 1.6, 0.07, 0.3, 1.4, 0.5, 2.2, 0.5, 0.15, 0.08, 0.25]
truth = fsrs_rs.FSRS(TRUTH)
decay = -TRUTH[20]
factor = 0.9 ** (1 / decay) - 1


def recall_probability(days, stability):
    return (1 + factor * days / stability) ** decay


cards = []
reviews = 0
while reviews < 4000:
    start = rng.randint(0, 200)
    day, minute = start, rng.randint(480, 1100)
    ratings, elapsed, times = [], [], []
    memory, previous = None, None

    def review(rating):
        global memory, previous, minute
        gap = 0 if previous is None else day - previous
        states = truth.next_states(memory, 0.9, gap)
        memory = [states.again, states.hard, states.good, states.easy][rating - 1].memory
        ratings.append(rating)
        elapsed.append(gap)
        times.append((day * 1440 + minute) * 60_000)
        previous = day
        minute += 10

    first = rng.choices([1, 2, 3, 4], [0.25, 0.1, 0.55, 0.1])[0]
    review(first)
    if first <= 2:
        review(rng.choices([2, 3, 4], [0.15, 0.75, 0.1])[0])
    while True:
        target = rng.uniform(0.75, 0.95)
        interval = max(1, round(memory.stability / factor * (target ** (1 / decay) - 1) * rng.uniform(0.75, 1.25)))
        if day + interval >= 300:
            break
        day += interval
        minute = rng.randint(480, 1100)
        recalled = rng.random() < recall_probability(interval, memory.stability)
        rating = rng.choices([2, 3, 4], [0.15, 0.75, 0.1])[0] if recalled else 1
        review(rating)
        if rating == 1 and rng.random() < 0.7:
            review(rng.choices([2, 3, 4], [0.15, 0.75, 0.1])[0])
    cards.append({"ratings": ratings, "elapsed": elapsed, "times": times})
    reviews += len(ratings)

items = []
for index, card in enumerate(cards):
    for position in range(1, len(card["ratings"])):
        if card["elapsed"][position] > 0:
            items.append((card["times"][position], index, position))
items.sort()
fsrs_items = [fsrs_rs.FSRSItem([fsrs_rs.FSRSReview(r, e) for r, e in zip(cards[i]["ratings"][: p + 1], cards[i]["elapsed"][: p + 1])])
              for _, i, p in items]
card_ids = [i for _, i, _ in items]


def judged(parameters):
    evaluation = fsrs_rs.FSRS(parameters).evaluate(fsrs_items)
    return {"parameters": parameters, "log_loss": evaluation.log_loss, "rmse_bins": evaluation.rmse_bins}


fitted = fsrs_rs.FSRS(fsrs_rs.DEFAULT_PARAMETERS).compute_parameters(fsrs_items, card_ids=card_ids)
print(json.dumps({
    "cards": cards,
    "evaluations": [judged(list(fsrs_rs.DEFAULT_PARAMETERS)), judged(TRUTH)],
    "fit": judged(list(fitted)),
}, separators=(",", ":")))
