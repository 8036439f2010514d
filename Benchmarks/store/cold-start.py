#!/usr/bin/env python3
"""Wall time of `rehearse` on a large collection: cold start to the first card shown, and
`rehearse stats`. The collection is the one `rehearse-bench store` leaves behind.

    .build/release/rehearse-bench store --cards 50000 --db /tmp/rehearse-50k.sqlite
    python3 Benchmarks/store/cold-start.py /tmp/rehearse-50k.sqlite
"""
import os
import subprocess
import sys
import time

database = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/rehearse"


def first_card_ms():
    begun = time.perf_counter()
    process = subprocess.Popen([binary, "study", "--db", database], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    line = process.stdout.readline()  # the first card's header line
    elapsed = (time.perf_counter() - begun) * 1000
    process.stdin.write(b"q")
    process.stdin.close()
    process.wait()
    assert line.startswith(b"["), line
    return elapsed


def stats_ms():
    begun = time.perf_counter()
    subprocess.run([binary, "stats", "--db", database], stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - begun) * 1000


first = sorted(first_card_ms() for _ in range(11))
stats = sorted(stats_ms() for _ in range(5))
print(f"cold start to first card\tmedian {first[5]:.1f} ms\tbest {first[0]:.1f} ms")
print(f"rehearse stats\tmedian {stats[2]:.1f} ms\tbest {stats[0]:.1f} ms")
