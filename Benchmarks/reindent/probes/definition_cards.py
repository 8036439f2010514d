#!/usr/bin/env python3
"""How many "Write the code" cards the benchmark's guides make, and how many show the
original's indentation: the cards are made only where the reader is sure enough of a
definition's lines (IndentationGuess), and say "indentation guessed" where it is less sure.

    python3 ../shared/bench/reindent_bench.py .build/release/rehearse --split eval --n 2000 --seed 1 \\
        --workdir W --report R.json
    python3 Benchmarks/reindent/probes/definition_cards.py .build/release/rehearse W R.json

Each guide in W is imported into a database of its own (`rehearse import --no-lab`) and its
cards listed (`rehearse cards --json`); a card's section names its snippet. A card is right
when every statement line of its definition, and the next line after it, stands at the
original's depth. Prints the cards made and the share right: all, by whether the prompt says
"indentation guessed", and by the confidence of the whole block.
"""

import json
import os
import subprocess
import sys
import tempfile


def cards_of(binary, guide):
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, REHEARSE_DB=os.path.join(folder, "cards.sqlite"))
        subprocess.run([binary, "import", "--no-lab", guide], env=environment, capture_output=True, check=True)
        listed = subprocess.run([binary, "cards", "--json", "--limit", "100000"], env=environment,
                                capture_output=True, text=True, check=True)
    return [card for card in json.loads(listed.stdout) if card["kind"] == "write-code"]


def block_confidences(binary, guide):
    listed = subprocess.run([binary, "inspect", "--json", guide], capture_output=True, text=True)
    return {tuple(item["lines"]): item.get("confidence") for item in json.loads(listed.stdout)["items"]
            if item["kind"] == "code"}


def definition_span(lines, signature):
    """The definition's lines in the restored code (decorators first) and the next line, or None."""
    head = next((i for i, line in enumerate(lines) if not line.startswith(" ") and line.rstrip().rstrip(":") == signature), None)
    if head is None:
        return None
    start = head
    while start > 0 and lines[start - 1].startswith("@"):
        start -= 1
    end = head + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    return range(start, min(end + 1, len(lines)))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, workdir, report = sys.argv[1:]
    snippets = json.load(open(report))["snippets"]
    guides = sorted(name for name in os.listdir(workdir) if name.startswith("bench-"))
    rows = []  # (block confidence, right, guessed)
    for name in guides:
        path = os.path.join(workdir, name)
        confidences = block_confidences(binary, path)
        for card in cards_of(binary, path):
            # Sections are "Snippet 00042", numbered over the whole sample.
            snippet = snippets[int(card["section"][-1].split()[-1]) - 1]
            if len(snippet["items"]) != 1:
                continue
            item = snippet["items"][0]
            lines = item["code"].split("\n")
            span = definition_span(lines, card["prompt"].split("`")[1]) if len(lines) == len(snippet["depths"]) else None
            if span is None:
                continue
            right = all(snippet["got"][i] == snippet["depths"][i] for i in span if snippet["roles"][i] == "stmt")
            rows.append((confidences.get(tuple(item["lines"])), right, "indentation guessed" in card["prompt"]))

    def show(label, chosen):
        right = sum(row[1] for row in chosen)
        print(f"{label:<44} {len(chosen):5} cards {right:5} right ({100 * right / max(len(chosen), 1):.1f}%)")

    show("all", rows)
    show("prompt says the indentation is guessed", [row for row in rows if row[2]])
    show("prompt does not", [row for row in rows if not row[2]])
    show("in blocks of confidence 0.6 or more", [row for row in rows if row[0] is None or row[0] >= 0.6])
    show("in blocks of confidence below 0.6", [row for row in rows if row[0] is not None and row[0] < 0.6])


if __name__ == "__main__":
    main()
