#!/usr/bin/env bash
# Restoration measured on Python the model was not fitted on and that is not the standard
# library: packages installed on this machine (pip, pygments, cryptography, … and those of the
# test environment, hypothesis, anyio, attrs, click …), both halves of them, since the model
# saw neither. The bench skips paths with "dist-packages" or "site-packages" in them, so the
# packages are copied to a folder of their own first.
#   Benchmarks/reindent/other_python.sh [path/to/rehearse] [extra reindent_bench.py options]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-.build/release/rehearse}"
shift || true
bench="${REHEARSE_SHARED:-../shared}/bench/reindent_bench.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
packages="pip pygments cryptography oauthlib jwt yaml httplib2 pyparsing blinker lazr distro argcomplete
  _pytest hypothesis anki fsrs click markdown jsonschema attr anyio h11 markdown_it packaging pluggy"
for root in /usr/lib/python3/dist-packages .venv-tests/lib/python3*/site-packages; do
  for package in $packages; do
    [ -d "$root/$package" ] && [ ! -e "$work/src/$package" ] && mkdir -p "$work/src" && cp -r "$root/$package" "$work/src/"
  done
done
[ -d "$work/src" ] || { echo "other_python.sh: none of the packages is installed here" >&2; exit 1; }
echo "packages: $(ls "$work/src" | tr '\n' ' ')($(find "$work/src" -name '*.py' | wc -l) files)"
for split in eval train; do
  python3 "$bench" "$binary" --split "$split" --n 2000 --seed 1 --stdlib-dir "$work/src" "$@"
done
