#!/usr/bin/env python3
"""Evaluates `rehearse grade --jsonl` against human ratings.

    swift build -c release --product rehearse
    python3 Benchmarks/grading/evaluate.py ../shared/data/grading/dev-answers.json
    python3 Benchmarks/grading/evaluate.py Benchmarks/grading/own-answers.json   # references read from the user's guide

Reports, once with the file's key points and once with key points derived from the
reference: exact agreement and quadratic weighted kappa between suggested and human
ratings, key-point precision and recall (where the file says which points an answer
covers), and the confusion of ratings by answer style.
"""
import json
import subprocess
import sys
from collections import defaultdict


def quadratic_kappa(a, b, k=4):
    observed = [[0] * k for _ in range(k)]
    for x, y in zip(a, b):
        observed[x - 1][y - 1] += 1
    n = len(a)
    hist_a = [sum(row) for row in observed]
    hist_b = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            weight = (i - j) ** 2 / (k - 1) ** 2
            num += weight * observed[i][j]
            den += weight * hist_a[i] * hist_b[j] / n
    return 1 - num / den if den else 1.0


def references_from_guide(binary, guide):
    """Answers of the user's guide by question, read with `rehearse inspect --json`."""
    document = json.loads(subprocess.run([binary, "inspect", guide, "--json"], capture_output=True, text=True, check=True).stdout)
    return {item["question"]: item["answer"] for item in document["items"] if item["kind"] in ("qa", "prompt")}


def run(path, binary, use_keypoints):
    data = json.load(open(path))
    references = None
    rows, meta = [], []
    for q in data["questions"]:
        if "reference" not in q:
            references = references or references_from_guide(binary, GUIDE)
            q["reference"] = references[q["question"]]
        for a in q["answers"]:
            if a.get("covers") and isinstance(a["covers"][0], int):
                a["covers"] = [q["keypoints"][i] for i in a["covers"]]
            row = {"question": q["question"], "reference": q["reference"], "answer": a["text"]}
            if use_keypoints:
                row["keypoints"] = q["keypoints"]
            rows.append(row)
            meta.append((q, a))
    out = subprocess.run([binary, "grade", "--jsonl"], input="\n".join(json.dumps(r) for r in rows) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    human, machine = [], []
    tp = fp = fn = 0
    by_style = defaultdict(list)
    for (q, a), line in zip(meta, out):
        result = json.loads(line)
        human.append(a["rating"])
        machine.append(result["rating"])
        by_style[a.get("style", "?")].append((a["rating"], result["rating"]))
        if use_keypoints and "covers" in a:
            truth = set(a["covers"])
            got = set(result["covered"])
            tp += len(truth & got)
            fp += len(got - truth)
            fn += len(truth - got)
    exact = sum(h == m for h, m in zip(human, machine)) / len(human)
    print(f"  {len(human)} answers: exact agreement {exact:.2f}, quadratic weighted kappa {quadratic_kappa(human, machine):.3f}")
    if use_keypoints and tp + fp + fn:
        print(f"  key points: precision {tp / max(tp + fp, 1):.2f}, recall {tp / max(tp + fn, 1):.2f}")
    for style, pairs in sorted(by_style.items()):
        print(f"    {style:14} human→suggested " + " ".join(f"{h}→{m}" for h, m in pairs))


path = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/rehearse"
GUIDE = sys.argv[3] if len(sys.argv) > 3 else "../shared/guides/03-python-deep-dive.txt"
print(f"{path}")
print(" with the file's key points:")
run(path, binary, True)
print(" with key points derived from the reference:")
run(path, binary, False)
