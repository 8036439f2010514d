#!/usr/bin/env python3
"""Generates FSRS-6 parity vectors from py-fsrs, the reference implementation.

    pip install fsrs==6.3.2
    python3 Benchmarks/fsrs/generate-parity-vectors.py > Tests/RehearseCoreTests/Fixtures/fsrs-parity.json

Random review histories (all ratings, same-day reviews, long gaps, non-default weights,
retention, steps and maximum intervals) are replayed through py-fsrs's Scheduler with fuzz
off; after every review the card's stability, difficulty, due time, phase and step are
recorded, with the retrievability py-fsrs predicts just before the review. Fuzz ranges come
from py-fsrs's own `_get_fuzz_range`. Memory states for `rehearse fsrs states` use
py-fsrs's formulas with elapsed time counted in UTC calendar days, as the FSRS optimizer
tools count it.
"""
import json
import random
import types
from datetime import datetime, timedelta, timezone

import fsrs
from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

rng = random.Random(20261124)
EPOCH = datetime(2026, 1, 5, 8, 30, tzinfo=timezone.utc)


def random_weights():
    if rng.random() < 0.4:
        return list(DEFAULT_PARAMETERS)
    weights = []
    for default, low, high in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        spread = (high - low) * 0.15
        weights.append(round(min(max(default + rng.uniform(-spread, spread), low), high), 4))
    return weights


def random_gap():
    kind = rng.random()
    if kind < 0.25:
        return timedelta(minutes=rng.uniform(0.5, 300))  # same day
    if kind < 0.8:
        return timedelta(days=rng.uniform(0.8, 40))
    return timedelta(days=rng.uniform(60, 1500))  # a long gap


def scheduler_cases(count):
    cases = []
    for _ in range(count):
        settings = {
            "weights": random_weights(),
            "desired_retention": round(rng.uniform(0.7, 0.97), 3),
            "learning_steps": rng.choice([[], [60], [60, 600], [300, 1800, 86400]]),
            "relearning_steps": rng.choice([[], [600], [600, 3600]]),
            "maximum_interval": rng.choice([36500, 365, 30]),
        }
        scheduler = Scheduler(
            parameters=settings["weights"],
            desired_retention=settings["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in settings["learning_steps"]],
            relearning_steps=[timedelta(seconds=s) for s in settings["relearning_steps"]],
            maximum_interval=settings["maximum_interval"],
            enable_fuzzing=False,
        )
        card = Card(card_id=1, due=EPOCH)
        now = EPOCH
        reviews = []
        for _ in range(rng.randint(1, 14)):
            now = now + random_gap()
            now = now.replace(microsecond=(now.microsecond // 1000) * 1000)
            rating = Rating(rng.randint(1, 4))
            retrievability = scheduler.get_card_retrievability(card, current_datetime=now)
            card, _ = scheduler.review_card(card, rating, review_datetime=now)
            reviews.append({
                "time_ms": int(now.timestamp() * 1000),
                "rating": int(rating),
                "retrievability": retrievability,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due_ms": int(card.due.timestamp() * 1000),
                "phase": int(card.state),
                "step": card.step,
            })
        cases.append({"settings": settings, "reviews": reviews})
    return cases


def fuzz_ranges():
    code = next(c for c in Scheduler._get_fuzzed_interval.__code__.co_consts
                if isinstance(c, types.CodeType) and c.co_name == "_get_fuzz_range")
    ranges = []
    for maximum in (36500, 100, 30):
        scheduler = Scheduler(maximum_interval=maximum)
        get_range = types.FunctionType(code, vars(fsrs.scheduler), closure=(types.CellType(scheduler),))
        for days in list(range(1, 120)) + [200, 365, 1000, 5000, 36500]:
            if days < 3:
                continue
            low, high = get_range(interval_days=days)
            ranges.append({"days": days, "maximum_interval": maximum, "lower": low, "upper": high})
    return ranges


def memory_states(count):
    cases = []
    for _ in range(count):
        weights = random_weights()
        scheduler = Scheduler(parameters=weights, enable_fuzzing=False)
        now = EPOCH
        rows = []
        stability = difficulty = None
        last_day = None
        for _ in range(rng.randint(1, 12)):
            now = now + random_gap()
            rating = Rating(rng.randint(1, 4))
            day = now.date()
            retrievability = None
            if stability is None:
                stability = scheduler._initial_stability(rating=rating)
                difficulty = scheduler._initial_difficulty(rating=rating, clamp=True)
            else:
                elapsed = (day - last_day).days
                retrievability = (1 + scheduler._FACTOR * elapsed / stability) ** scheduler._DECAY
                if elapsed == 0:
                    stability = scheduler._short_term_stability(stability=stability, rating=rating)
                else:
                    stability = scheduler._next_stability(difficulty=difficulty, stability=stability,
                                                          retrievability=retrievability, rating=rating)
                difficulty = scheduler._next_difficulty(difficulty=difficulty, rating=rating)
            last_day = day
            rows.append({"review_time": int(now.timestamp() * 1000), "rating": int(rating),
                         "retrievability": retrievability, "stability": stability, "difficulty": difficulty})
        cases.append({"weights": weights, "reviews": rows})
    return cases


print(json.dumps({
    "reference": "py-fsrs " + getattr(fsrs, "__version__", "6.3.2"),
    "scheduler": scheduler_cases(2000),
    "fuzz_ranges": fuzz_ranges(),
    "memory_states": memory_states(500),
}))
