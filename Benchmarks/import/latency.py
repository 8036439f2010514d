#!/usr/bin/env python3
"""Wall time of `rehearse import` and `rehearse inspect` of one guide, end to end (process
start to exit), as a user runs them: into a fresh database, again into the same one (the
common case: the guide's prose edited), each with and without the code lab.

    python3 Benchmarks/import/latency.py [--guide FILE] [--runs N] [--baseline OTHER_REHEARSE] [REHEARSE]

REHEARSE defaults to .build/release/rehearse; the guide to the user's guide in
../shared/guides. With --baseline, the two binaries run alternately in the same rounds and
the ratio of their medians is printed. Each timing is the median of N runs (default 15).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_GUIDE = os.path.join(ROOT, "..", "shared", "guides", "03-python-deep-dive.txt")

CASES = [
    ("import, fresh database", ["import"], True),
    ("import again", ["import"], False),
    ("import --no-lab, fresh database", ["import", "--no-lab"], True),
    ("import --no-lab again", ["import", "--no-lab"], False),
    ("inspect", ["inspect"], False),
]


def run_once(binary, arguments, guide, database, fresh):
    """Seconds for one run; `fresh` deletes the database first (not timed)."""
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
    environment = dict(os.environ, REHEARSE_DB=database)
    start = time.perf_counter()
    finished = subprocess.run([binary, *arguments, guide], env=environment, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if finished.returncode != 0:
        sys.exit(f"{binary} {' '.join(arguments)} {guide} failed ({finished.returncode}): {finished.stderr.strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, ".build", "release", "rehearse"))
    parser.add_argument("--baseline", help="another rehearse binary, timed alternately in the same rounds")
    parser.add_argument("--guide", default=DEFAULT_GUIDE)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for path in [args.binary, args.guide] + ([args.baseline] if args.baseline else []):
        if not os.path.exists(path):
            sys.exit(f"{path}: no such file (build with `swift build -c release --product rehearse`)")
    binaries = [("this", args.binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    with tempfile.TemporaryDirectory() as folder:
        print(f"{os.path.basename(args.guide)}, median of {args.runs} runs")
        for label, arguments, fresh in CASES:
            times = {name: [] for name, _ in binaries}
            for name, binary in binaries:  # a first run fills the database and the page cache
                run_once(binary, arguments, args.guide, os.path.join(folder, f"{name}.sqlite"), True)
            for _ in range(args.runs):
                for name, binary in binaries:
                    times[name].append(run_once(binary, arguments, args.guide, os.path.join(folder, f"{name}.sqlite"), fresh))
            medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
            line = f"  {label:34} {medians['this']:7.1f} ms"
            if args.baseline:
                line += f"   baseline {medians['baseline']:7.1f} ms   ratio {medians['this'] / medians['baseline']:.2f}"
            print(line)


if __name__ == "__main__":
    main()
