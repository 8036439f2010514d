#!/usr/bin/env python3
"""Evaluates `rehearse grade --jsonl` against human ratings.

    swift build -c release --product rehearse
    python3 Benchmarks/grading/evaluate.py ../shared/data/grading/dev-answers.json
    python3 Benchmarks/grading/evaluate.py Benchmarks/grading/own-answers.json   # references read from the user's guide

Reports, once with the file's key points and once with key points derived from the
reference: exact agreement and quadratic weighted kappa between suggested and human
ratings, key-point precision, recall and F1 (where the file says which points an answer
covers), how often a point judged contradicted is one the human did not credit, and the
mean rating per answer style beside the human mean.

The grader fits nothing to these files (its rules and the contradiction penalty are fixed),
so its leave-one-question-out figures are the figures printed here.
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
    contradicted_right = contradicted_wrong = 0
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
            for point in result.get("contradicted", []):
                if point["keypoint"] in truth:
                    contradicted_wrong += 1
                else:
                    contradicted_right += 1
    exact = sum(h == m for h, m in zip(human, machine)) / len(human)
    print(f"  {len(human)} answers: exact agreement {exact:.2f}, quadratic weighted kappa {quadratic_kappa(human, machine):.3f}")
    if use_keypoints and tp + fp + fn:
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"  key points: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}; "
              f"judged contradicted: {contradicted_right} not credited by the human, {contradicted_wrong} credited")
    for style, pairs in sorted(by_style.items()):
        human_mean = sum(h for h, _ in pairs) / len(pairs)
        ours = sum(m for _, m in pairs) / len(pairs)
        print(f"    {style:16} mean human {human_mean:.2f} suggested {ours:.2f}   " + " ".join(f"{h}→{m}" for h, m in pairs))


path = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/rehearse"
GUIDE = sys.argv[3] if len(sys.argv) > 3 else "../shared/guides/03-python-deep-dive.txt"
print(f"{path}")
print(" with the file's key points:")
run(path, binary, True)
print(" with key points derived from the reference:")
run(path, binary, False)
