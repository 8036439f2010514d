#!/usr/bin/env python3
"""Anki's own backend (PyPI `anki`) answering cards, for comparison with
`rehearse-bench store`: a collection of N notes, then ANSWERS cards answered one by one
through the v3 scheduler, each answer committed by the backend.

    pip install anki==26.9.3
    python3 Benchmarks/store/anki_answer.py --cards 50000 --answers 2000
"""
import argparse
import os
import tempfile
import time

from anki.collection import Collection

parser = argparse.ArgumentParser()
parser.add_argument("--cards", type=int, default=50000)
parser.add_argument("--answers", type=int, default=2000)
args = parser.parse_args()

path = os.path.join(tempfile.mkdtemp(), "collection.anki2")
col = Collection(path)
model = col.models.by_name("Basic")
deck = col.decks.id("Bench")
config = col.decks.config_dict_for_deck_id(deck)
config["new"]["perDay"] = args.answers + 10
col.decks.save(config)
col.decks.select(deck)
for index in range(args.cards):
    note = col.new_note(model)
    note["Front"] = f"What is fact number {index}?"
    note["Back"] = f"Fact {index} is the answer, with detail {index * 7}."
    col.add_note(note, deck)

begun = time.perf_counter()
for index in range(args.answers):
    card = col.sched.getCard()
    if card is None:
        break
    col.sched.answerCard(card, index % 4 + 1)
seconds = time.perf_counter() - begun
print(f"anki answer+commit\t{args.answers} answers\t{seconds:.3f} s\t{args.answers / seconds:.0f} answers/s")
col.close()
