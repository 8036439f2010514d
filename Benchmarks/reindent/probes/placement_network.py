#!/usr/bin/env python3
"""Would a small neural network place statements better than the log-linear model?

    rehearse-bench fit-indentation TRAIN.jsonl --out /tmp/m.json --steps 1 --record-decisions /tmp/decisions.jsonl
    python3 Benchmarks/reindent/probes/placement_network.py /tmp/decisions.jsonl

Each decision of the fit (the true depth among the allowed ones, with every candidate's
placement facts) is scored two ways, each fitted on three quarters of the train modules and
judged on the fourth: the model's templates (conjunctions of facts, one weight each, named on
the records' first line; Adam with the fitter's L2, no search refinement), and a network that embeds each fact (8
numbers), adds them through one hidden layer of 64 rectified units and outputs a score. Both
add the cues' fixed offsets. Prints each quarter's held-out log-loss and accuracy per
decision. Decision by decision only: the search and its refinement are not run. numpy needed.
"""

import argparse
import json

import numpy as np

# Template names that are not fact names: "method" is isMethod, "landingIsClass" is read
# from the landing block (one value per kind of block, a finer cut of the same fact).
FACT_ALIASES = {"method": "isMethod", "landingIsClass": "landing"}


class Decisions:
    def __init__(self, path):
        parts, truths, facts, offsets, group = [], [], [], [], []
        with open(path, encoding="utf-8") as handle:
            header = json.loads(handle.readline())
            names = header["facts"]
            depth = names.index("depth")
            self.templates = [tuple(names.index(FACT_ALIASES.get(fact, fact)) for fact in template.split("×"))
                              for template in header["templates"]]
            for number, line in enumerate(handle):
                record = json.loads(line)
                parts.append(record["part"])
                truths.append(record["truth"])
                for row, offset in zip(record["facts"], record["offsets"]):
                    row[depth] = min(row[depth], 4)
                    facts.append(row)
                    offsets.append(offset)
                    group.append(number)
        self.parts, self.truths = np.array(parts), np.array(truths)
        self.facts, self.offsets, group = np.array(facts), np.array(offsets), np.array(group)
        self.starts = np.searchsorted(group, np.arange(len(parts)))
        self.counts = np.diff(np.append(self.starts, len(group)))
        self.chosen = np.zeros(len(group))
        self.chosen[self.starts + self.truths] = 1
        self.cardinalities = self.facts.max(0) + 1

    def softmax(self, scores, starts, counts):
        top = np.maximum.reduceat(scores, starts)
        shares = np.exp(scores - np.repeat(top, counts))
        norms = np.add.reduceat(shares, starts)
        return shares / np.repeat(norms, counts), top + np.log(norms)

    def judge(self, scores, mask):
        _, normalisers = self.softmax(scores, self.starts, self.counts)
        truth = scores[self.starts + self.truths]
        return -(truth - normalisers)[mask].mean(), (truth >= np.maximum.reduceat(scores, self.starts))[mask].mean()


class Adam:
    def __init__(self, params, rate):
        self.moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
        self.rate, self.step_count = rate, 0

    def step(self, params, gradients):
        self.step_count += 1
        for p, g, (m, v) in zip(params, gradients, self.moments):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= self.rate * (m / (1 - 0.9 ** self.step_count)) / (np.sqrt(v / (1 - 0.999 ** self.step_count)) + 1e-8)


def log_linear(d, train, steps=400, l2=1e-5):
    columns, size = [], 0
    for template in d.templates:
        index = np.zeros(len(d.facts), dtype=np.int64)
        for fact in template:
            index = index * d.cardinalities[fact] + d.facts[:, fact]
        columns.append(index + size)
        size += int(np.prod([d.cardinalities[f] for f in template]))
    features = np.stack(columns, 1)
    weights = np.zeros(size)
    adam = Adam([weights], 0.05)
    in_train = np.repeat(train, d.counts)
    for _ in range(steps):
        shares, _ = d.softmax(weights[features].sum(1) + d.offsets, d.starts, d.counts)
        residual = (shares - d.chosen) * in_train
        gradient = np.bincount(features.ravel(), weights=np.repeat(residual, features.shape[1]), minlength=size)
        adam.step([weights], [gradient / train.sum() + l2 * weights])
    return weights[features].sum(1) + d.offsets


def network(d, train, width=8, hidden=64, epochs=8, rate=3e-3, decay=1e-5, seed=0):
    rng = np.random.default_rng(seed)
    firsts = np.concatenate([[0], np.cumsum(d.cardinalities)[:-1]])
    index = d.facts + firsts
    count = d.facts.shape[1]
    embedding = rng.normal(0, 0.1, (d.cardinalities.sum(), width))
    layer = rng.normal(0, 1 / np.sqrt(count * width), (count * width, hidden))
    bias, output = np.zeros(hidden), rng.normal(0, 1 / np.sqrt(hidden), hidden)
    params = [embedding, layer, bias, output]
    adam = Adam(params, rate)

    def forward(rows):
        inputs = embedding[index[rows]].reshape(len(rows), -1)
        before = inputs @ layer + bias
        after = np.maximum(before, 0)
        return inputs, before, after, after @ output

    decisions = np.where(train)[0]
    for _ in range(epochs):
        rng.shuffle(decisions)
        for first in range(0, len(decisions), 512):
            batch = np.sort(decisions[first:first + 512])
            rows = np.concatenate([np.arange(d.starts[i], d.starts[i] + d.counts[i]) for i in batch])
            counts = d.counts[batch]
            starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
            inputs, before, after, scores = forward(rows)
            shares, _ = d.softmax(scores + d.offsets[rows], starts, counts)
            residual = (shares - d.chosen[rows]) / len(batch)
            hidden_gradient = np.outer(residual, output) * (before > 0)
            embedding_gradient = np.zeros_like(embedding)
            np.add.at(embedding_gradient, index[rows].ravel(), (hidden_gradient @ layer.T).reshape(-1, width))
            adam.step(params, [embedding_gradient + decay * embedding, inputs.T @ hidden_gradient + decay * layer,
                               hidden_gradient.sum(0), after.T @ residual + decay * output])
    scores = np.concatenate([forward(np.arange(a, min(a + 100_000, len(d.facts))))[3]
                             for a in range(0, len(d.facts), 100_000)])
    return scores + d.offsets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("decisions")
    args = parser.parse_args()
    d = Decisions(args.decisions)
    print(f"{len(d.parts)} decisions, {len(d.facts)} candidate placements")
    for part in sorted(set(d.parts.tolist())):
        train, held_out = d.parts != part, d.parts == part
        linear = d.judge(log_linear(d, train), held_out)
        neural = d.judge(network(d, train), held_out)
        print(f"quarter {part}: log-linear loss {linear[0]:.4f} accuracy {linear[1]:.4f}; "
              f"network loss {neural[0]:.4f} accuracy {neural[1]:.4f}")


if __name__ == "__main__":
    main()
