#!/usr/bin/env bash
# Four-fold cross-validation of the indentation model on the train half of the standard
# library: for each quarter of the train modules, fits a model to the other three (with the
# settings of settings.sh, or the fit options given here) and restores the quarter's
# snippets with it; prints each quarter's line and the pooled rates over all of them, with
# the counts behind them (about 1,800 snippets, four times validate.py's one quarter). The
# eval half is never read.
# The shipped model is put back afterwards, and `rehearse` rebuilt with it.
#   Benchmarks/reindent/crossval.sh [fit options…]      e.g. crossval.sh --steps 400 --l2 1e-4
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="${REHEARSE_SHARED:-../shared}/bench/reindent_bench.py"
model=Sources/RehearseCore/Resources/IndentationModel/indentation-model.json
source Benchmarks/reindent/settings.sh
options=("${FIT_OPTIONS[@]}")
if [ $# -gt 0 ]; then options=("$@"); fi
work="$(mktemp -d)"
cp "$model" "$work/shipped.json"
restore() {
  cp "$work/shipped.json" "$model"
  swift build -c release --product rehearse >/dev/null || echo "crossval: rebuild rehearse (swift build -c release --product rehearse): it still holds a fold's model" >&2
  rm -rf "$work"
}
trap restore EXIT
# Runs a step quietly; on failure shows its output and names the step.
quietly() {
  "$@" >"$work/step.log" 2>&1 || { cat "$work/step.log" >&2; echo "crossval: failed: $*" >&2; exit 1; }
}
swift build -c release --product rehearse-bench
for fold in 0 1 2 3; do
  python3 Benchmarks/reindent/training_set.py "$work/train.jsonl" --bench "$bench" --hold-out --fold "$fold"
  quietly .build/release/rehearse-bench fit-indentation "$work/train.jsonl" --out "$model" "${options[@]}"
  quietly swift build -c release --product rehearse
  python3 Benchmarks/reindent/validate.py .build/release/rehearse --fold "$fold" --n 2000 --seed 1 --report "$work/fold$fold.json" 2>/dev/null \
    | head -1
done
python3 - "$work" <<'PY'
import json, sys
snippets = [s for fold in range(4) for s in json.load(open(f"{sys.argv[1]}/fold{fold}.json"))["snippets"]]
lines = sum(s["stmt_total"] for s in snippets)
for key, right, total in (("exact", sum(s["exact"] for s in snippets), len(snippets)),
                          ("line_acc", sum(s["stmt_right"] for s in snippets), lines),
                          ("parses", sum(s["parses"] for s in snippets), len(snippets))):
    print(f"pooled {key}: {100 * right / total:.1f}% ({right} of {total})")
PY
