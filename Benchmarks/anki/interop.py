#!/usr/bin/env python3
"""Anki package export and import: Rehearse against Anki's own library, on the same data,
in the same run.

    python3 Benchmarks/anki/interop.py [--cards 50000] [--reviews 500000] [--repeat 3]

Builds a Rehearse collection of CARDS cards and REVIEWS reviews (rehearse-bench anki-data),
then times, best of REPEAT:
  - Rehearse's export of it (rehearse-bench anki-export: database to .apkg);
  - Anki's import of that package into a new collection (import_anki_package);
  - Anki's export of the collection it made (export_anki_package, the latest format);
  - Rehearse's import of both packages into a new database (rehearse-bench anki-import).
Anki's library is the `anki` package in .venv-tests (`.ci/run` installs it); the release
build of rehearse-bench must exist (swift build -c release --product rehearse-bench).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, ".build", "release", "rehearse-bench")
PYTHON = os.path.join(ROOT, ".venv-tests", "bin", "python")

ANKI_SCRIPT = r"""
import json, os, sys, time
from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest
package, folder, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
imports, exports = [], []
for run in range(repeat):
    path = os.path.join(folder, f"anki-{run}.anki2")
    col = Collection(path)
    start = time.perf_counter()
    col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=ImportAnkiPackageOptions(with_scheduling=True)))
    imports.append(time.perf_counter() - start)
    out = os.path.join(folder, "anki-export.apkg")
    start = time.perf_counter()
    col.export_anki_package(out_path=out, options=ExportAnkiPackageOptions(with_scheduling=True, with_media=False, legacy=False), limit=None)
    exports.append(time.perf_counter() - start)
    cards, reviews = col.card_count(), col.db.scalar("select count() from revlog")
    col.close()
print(json.dumps({"import": min(imports), "export": min(exports), "cards": cards, "reviews": reviews, "package": out}))
"""


def bench(*arguments):
    result = subprocess.run([BENCH, *arguments], capture_output=True, text=True, check=True)
    return result.stdout


def seconds(output):
    return float(re.search(r"best ([0-9.]+) s", output).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--reviews", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for tool in (BENCH, PYTHON):
        if not os.access(tool, os.X_OK):
            sys.exit(f"missing {tool}")
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "rehearse.sqlite")
        ours = os.path.join(folder, "rehearse.apkg")
        print(bench("anki-data", "--db", db, "--cards", str(args.cards), "--reviews", str(args.reviews)).strip())
        export_output = bench("anki-export", "--db", db, "--out", ours, "--repeat", str(args.repeat))
        anki = json.loads(subprocess.run([PYTHON, "-c", ANKI_SCRIPT, ours, folder, str(args.repeat)],
                                         capture_output=True, text=True, check=True).stdout)
        import_ours = bench("anki-import", ours, "--repeat", str(args.repeat))
        import_anki = bench("anki-import", anki["package"], "--repeat", str(args.repeat))
        rows = [
            ("export", seconds(export_output), anki["export"], "Rehearse database → .apkg; Anki collection → .apkg (latest format)"),
            ("import", seconds(import_ours), anki["import"], "Rehearse's .apkg → new database; the same .apkg → new Anki collection"),
            ("import of Anki's .apkg", seconds(import_anki), anki["import"], "Anki's export → new Rehearse database; vs Anki's import above"),
        ]
        print(f"Anki imported {anki['cards']} cards and {anki['reviews']} reviews from Rehearse's package")
        print(f"{'':24} {'Rehearse':>9} {'Anki':>9} {'ratio':>7}")
        for name, ours_s, anki_s, what in rows:
            print(f"{name:24} {ours_s:8.2f}s {anki_s:8.2f}s {ours_s / anki_s:7.2f}   {what}")


if __name__ == "__main__":
    main()
