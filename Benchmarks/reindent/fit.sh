#!/usr/bin/env bash
# Fits the indentation model from the train half of CPython's standard library and writes
# it where RehearseCore ships it. Deterministic: the same Python gives the same file.
#   Benchmarks/reindent/fit.sh [path/to/reindent_bench.py]
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="${1:-${REHEARSE_SHARED:-../shared}/bench/reindent_bench.py}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/reindent/training_set.py "$work/train.jsonl" --bench "$bench"
swift build -c release --product rehearse-bench
source Benchmarks/reindent/settings.sh
.build/release/rehearse-bench fit-indentation "$work/train.jsonl" \
  --out Sources/RehearseCore/Resources/IndentationModel/indentation-model.json "${FIT_OPTIONS[@]}"
