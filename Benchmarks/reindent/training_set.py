#!/usr/bin/env python3
"""Writes the training set for Rehearse's indentation model as JSON Lines.

Snippets are cut from the `train` half of CPython's standard library only (the modules
`reindent_bench.py --list-train` prints), exactly as the benchmark cuts them, so that the
`eval` half stays unseen. Several seeds and comment-keeping rates vary what is kept.
One line per snippet: {"flat": [lines], "roles": ["stmt"|"comment"|"cont"], "depths": [...],
"part": K}, where K (0 to 3) is the quarter of the train modules the snippet comes from: the
fitter weighs whole readings on searches by models fitted without that quarter.

Usage: python3 training_set.py OUT.jsonl [--bench PATH/reindent_bench.py] [--n N] [--hold-out [--fold K]]
Deterministic: the same standard library gives the same file. With --hold-out, a quarter of
the train modules (validate.py's quarter K, 0 by default) is left out, to choose fitting settings on code the fit
has not seen without touching the eval half.
"""

import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BENCH = os.path.join(HERE, "..", "..", "..", "shared", "bench", "reindent_bench.py")

# (seed, chance a full-line comment is kept, chance a trailing comment is kept)
PASSES = [(101, 0.3, 0.5), (102, 0.0, 0.0), (103, 0.8, 0.5)]


GUIDE_BLOCKS = 3000
PARTS = 4


def part_of(origin):
    """The quarter of the train modules `origin` ("path.py:line…") belongs to: another cut
    than validate.py's folds, so that a held-out fold still spans every quarter."""
    module = origin.split(":")[0]
    return int(hashlib.sha1(("part:" + module).encode()).hexdigest(), 16) % PARTS


def module_code_windows(bench, root):
    """Runs of 2 to 6 top-level statements that define nothing (`try: import x`, constants,
    `if` blocks), as records: guides show such code between their functions."""
    windows = []
    for origin, text, _ in bench.stdlib_sources(root, "train"):
        try:
            tree = bench.ast.parse(text)
        except (SyntaxError, ValueError):
            continue
        lines = text.split("\n")
        body = [node for node in tree.body if not isinstance(node, bench.DEFS + (bench.ast.Expr,))]
        rng = bench.random.Random(f"module:{origin}")
        for start in range(0, len(body) - 1, 4):
            run = body[start:start + rng.randint(2, 6)]
            if any(b.lineno != a.end_lineno + 1 for a, b in zip(run, run[1:])):
                continue
            snippet = bench.process(lines[run[0].lineno - 1:run[-1].end_lineno], rng, 0.3, 0.5)
            if snippet is None or not any(isinstance(n, bench.COMPOUND) for n in run):
                continue
            roles, depths = bench.line_roles(snippet)
            windows.append({"flat": [line.strip() for line in snippet.split("\n")], "roles": roles, "depths": depths,
                            "category": "module", "part": part_of(origin)})
    return windows


def title_comments(bench, root):
    """Short capitalised comment lines of the train half (`# Fast path`), without the `#`."""
    found = set()
    for _, text, _ in bench.stdlib_sources(root, "train"):
        for line in text.split("\n"):
            body = line.strip()[1:].strip() if line.strip().startswith("#") else ""
            if body[:1].isupper() and not body.endswith(".") and len(body.split()) <= 8 and body.isprintable():
                found.add(body)
    return sorted(found)


def extra_candidates(bench, text):
    """Source lines of every def/class at any depth, and of every example window."""
    try:
        tree = bench.ast.parse(text)
    except (SyntaxError, ValueError):
        return
    lines = text.split("\n")
    for node in bench.ast.walk(tree):
        if isinstance(node, bench.DEFS):
            yield lines[bench.node_start(node) - 1:node.end_lineno]
    for _, _, alternatives in bench.candidates("x", text, "py"):
        if len(alternatives) > 1:
            yield from alternatives[1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output")
    parser.add_argument("--bench", default=os.environ.get("REINDENT_BENCH", DEFAULT_BENCH))
    parser.add_argument("--n", type=int, default=12000, help="snippets per pass")
    parser.add_argument("--hold-out", action="store_true", help="leave out validate.py's quarter of the train modules")
    parser.add_argument("--fold", type=int, default=0, choices=range(4), help="which quarter --hold-out leaves out")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.bench)))
    import reindent_bench as bench
    if args.hold_out:
        from validate import hold_out
        hold_out(bench, fitting=True, fold=args.fold)

    root = bench.stdlib_dir()
    seen = set()
    base = []
    written = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for seed, keep_full, keep_trailing in PASSES:
            sample, _ = bench.build_sample("train", args.n, seed, keep_full, keep_trailing, root)
            for snippet in sample:
                key = "\n".join(snippet["flat"])
                if key in seen:
                    continue
                seen.add(key)
                record = {"flat": snippet["flat"], "roles": snippet["roles"], "depths": snippet["depths"],
                          "category": snippet["category"], "part": part_of(snippet["origin"])}
                out.write(json.dumps(record) + "\n")
                base.append(record)
                written += 1
        # More of the same half: every nested function and class (methods included) and every
        # "define then use" window, up to 400 lines, so that rarer shapes are seen often enough.
        bench.MAX_LINES = 400
        for origin, text, _ in bench.stdlib_sources(root, "train"):
            for raw in extra_candidates(bench, text):
                rng = bench.random.Random(f"extra:{origin}:{raw[0]}:{len(raw)}")
                snippet = bench.process(raw, rng, 0.3, 0.5)
                if snippet is None:
                    continue
                flat = [line.strip() for line in snippet.split("\n")]
                key = "\n".join(flat)
                if key in seen:
                    continue
                seen.add(key)
                roles, depths = bench.line_roles(snippet)
                out.write(json.dumps({"flat": flat, "roles": roles, "depths": depths, "category": "extra",
                                      "part": part_of(origin)}) + "\n")
                written += 1
        # Guides show several examples in one block, each under a short comment that names it.
        # Such blocks are made from the snippets above, joined under comments of the same half;
        # the snippets of one block come from one quarter of the modules.
        titles = title_comments(bench, root)
        rng = bench.random.Random(7)
        pool = [r for r in base if r["category"] in ("func", "class", "example", "main")]
        pool += module_code_windows(bench, root)
        quarters = [[r for r in pool if r["part"] == part] for part in range(PARTS)]
        quarters = [quarter for quarter in quarters if len(quarter) >= 4]
        for _ in range(GUIDE_BLOCKS if titles and quarters else 0):
            parts = rng.sample(rng.choice(quarters), rng.randint(2, 4))
            record = {"flat": [], "roles": [], "depths": [], "category": "guide", "part": parts[0]["part"]}
            for position, part in enumerate(parts):
                if rng.random() < (0.8 if position else 0.4):
                    record["flat"].append("# " + rng.choice(titles))
                    record["roles"].append("comment")
                    record["depths"].append(0)
                for key in ("flat", "roles", "depths"):
                    record[key].extend(part[key])
            out.write(json.dumps(record) + "\n")
            written += 1
    print(f"{written} snippets from the train split of {root} -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
