#!/usr/bin/env python3
"""Would a token n-gram language model help rank the search's finalists?

    rehearse-bench fit-indentation TRAIN.jsonl --out /tmp/m.json --steps 400 --l2 1e-5 --refine 6 \\
        --record-finalists /tmp/finalists.jsonl
    python3 Benchmarks/reindent/probes/token_lm_rerank.py /tmp/finalists.jsonl [--order 4] [--min-count 3]

For each quarter of the train modules, an interpolated Kneser-Ney model of Python tokens
(INDENT, DEDENT and NEWLINE kept; strings and numbers masked; names seen fewer than
--min-count times masked) is fitted to the modules of the other quarters, and scores every
finalist of the quarter's searches. The reranking (a conditional logit over the search score
and the flaws, as the fitter weighs them) is then fitted on three quarters and judged on the
fourth, with and without the language model's score. Prints how many held-out searches rank
the true reading first each way. Train half only; numpy and scipy needed.
"""

import argparse
import collections
import io
import json
import math
import os
import sys
import tokenize

import numpy as np
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from training_set import DEFAULT_BENCH, PARTS, part_of  # noqa: E402


def tokens(text):
    """The token kinds a language model reads, or None when `text` does not tokenize."""
    out = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text + "\n").readline):
            kind = token.type
            if kind in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER):
                continue
            out.append({tokenize.INDENT: "<in>", tokenize.DEDENT: "<de>", tokenize.NEWLINE: "<nl>",
                        tokenize.STRING: "<str>", tokenize.NUMBER: "<num>"}.get(kind, token.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return out


class KneserNey:
    """Interpolated Kneser-Ney of one order, absolute discount `discount`."""

    def __init__(self, sequences, order, min_count, discount=0.75):
        self.order, self.discount = order, discount
        seen = collections.Counter(t for s in sequences for t in s)
        self.vocabulary = {t for t, n in seen.items() if n >= min_count}
        self.counts = [collections.Counter() for _ in range(order + 1)]
        for sequence in sequences:
            padded = ["<s>"] * (order - 1) + self.masked(sequence)
            for end in range(order - 1, len(padded)):
                self.counts[order][tuple(padded[end - order + 1:end + 1])] += 1
        for k in range(order, 1, -1):  # lower orders count distinct left contexts
            for gram in self.counts[k]:
                self.counts[k - 1][gram[1:]] += 1
        self.totals = [collections.Counter() for _ in range(order + 1)]
        self.followers = [collections.Counter() for _ in range(order + 1)]
        for k in range(1, order + 1):
            for gram, n in self.counts[k].items():
                self.totals[k][gram[:-1]] += n
                self.followers[k][gram[:-1]] += 1
        self.uniform = 1.0 / (len(self.counts[1]) + 1)
        self.cache = {}

    def masked(self, sequence):
        return [t if not (t[:1].isalpha() or t[:1] == "_") or t in self.vocabulary else "<name>" for t in sequence]

    def probability(self, gram):
        if gram in self.cache:
            return self.cache[gram]
        if not gram:
            return self.uniform
        lower = self.probability(gram[1:])
        total = self.totals[len(gram)].get(gram[:-1], 0)
        if total:
            count = self.counts[len(gram)].get(gram, 0)
            lower = max(count - self.discount, 0) / total + self.discount * self.followers[len(gram)][gram[:-1]] / total * lower
        self.cache[gram] = lower
        return lower

    def log_probability(self, sequence):
        padded = ["<s>"] * (self.order - 1) + self.masked(sequence)
        return sum(math.log(self.probability(tuple(padded[end - self.order + 1:end + 1])))
                   for end in range(self.order - 1, len(padded)))


def fit_reranking(groups, with_lm, l2=1e-3):
    data = [(features(g, with_lm), g["truth"]) for g in groups if g["truth"] >= 0]
    width = data[0][0].shape[1]

    def loss(w):
        total, gradient = 0.0, np.zeros(width)
        for x, truth in data:
            scores = x @ w
            top = scores.max()
            shares = np.exp(scores - top)
            norm = shares.sum()
            total -= scores[truth] - top - math.log(norm)
            gradient -= x[truth] - (shares / norm) @ x
        penalty = w.copy()
        penalty[0] = 0  # the search score's weight is a scale
        return total / len(data) + 0.5 * l2 * penalty @ penalty, gradient / len(data) + l2 * penalty

    start = np.zeros(width)
    start[0] = 1
    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def features(group, with_lm):
    rows = [[score] + flaws for score, flaws in zip(group["searchScores"], group["flaws"])]
    if with_lm:
        rows = [row + [lm] for row, lm in zip(rows, group["lm"])]
    return np.array(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("finalists")
    parser.add_argument("--bench", default=DEFAULT_BENCH)
    parser.add_argument("--order", type=int, default=4)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.bench)))
    import reindent_bench as bench

    modules = collections.defaultdict(list)
    for origin, text, _ in bench.stdlib_sources(bench.stdlib_dir(), "train"):
        sequence = tokens(text)
        if sequence:
            modules[part_of(origin)].append(sequence)
    with open(args.finalists, encoding="utf-8") as handle:
        groups = [json.loads(line) for line in handle][1:]  # the first line names the flaws
    models = {part: KneserNey([s for other, seqs in modules.items() if other != part for s in seqs], args.order, args.min_count)
              for part in range(PARTS)}
    for group in groups:
        scores = [models[group["part"]].log_probability(s) if s is not None else None
                  for s in map(tokens, group["texts"])]
        best = max((s for s in scores if s is not None), default=0)
        group["lm"] = [s - best if s is not None else -50.0 for s in scores]
    for with_lm in (False, True):
        right = present = 0
        for part in range(PARTS):
            weights = fit_reranking([g for g in groups if g["part"] != part], with_lm)
            held_out = [g for g in groups if g["part"] == part and g["truth"] >= 0]
            present += len(held_out)
            right += sum(int(np.argmax(features(g, with_lm) @ weights)) == g["truth"] for g in held_out)
        label = "search score, flaws and the token model" if with_lm else "search score and flaws"
        print(f"{label}: {right} of {present} held-out searches rank the true reading first "
              f"({len(groups)} searches, {len(groups) - present} without the truth among the finalists)")


if __name__ == "__main__":
    main()
