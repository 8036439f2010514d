#!/usr/bin/env bash
# Import throughput of Rehearse's guide readers, beside Debian's cmark-gfm rendering the
# same Markdown in the same run.
#
#   Benchmarks/import-throughput.sh            # 1, 10 and 50 MB synthetic guides
#   SIZES="1 10" Benchmarks/import-throughput.sh
#
# Prints, per file: size, best-of-N parse time, MB/s, peak memory (RSS) and, for
# Markdown, cmark-gfm's MB/s and the ratio Rehearse / cmark-gfm.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cmark-gfm >/dev/null || { apt-get update -qq && apt-get install -y -qq cmark-gfm; }
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
swift build -c release --product rehearse-bench >/dev/null
bench=.build/release/rehearse-bench
out=${OUT:-/tmp/rehearse-bench}
mkdir -p "$out"
sizes=${SIZES:-"1 10 50"}
user_guide=${USER_GUIDE:-../shared/guides/03-python-deep-dive.txt}

peak_mb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'; }

cmark_mbps() {
  local file=$1 best=999
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N); cmark-gfm -e table "$file" >/dev/null; end=$(date +%s.%N)
    best=$(echo "$end - $start" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
  done
  awk -v bytes="$(stat -c %s "$file")" -v t="$best" 'BEGIN {printf "%.1f", bytes / 1e6 / t}'
}

printf "%-34s %8s %10s %9s %10s %10s %7s\n" file MB "best s" "MB/s" "peak MB" "cmark MB/s" ratio
report() {
  local file=$1 line mbps peak cmark ratio
  line=$($bench import "$file" --repeat "${REPEAT:-3}")
  mbps=$(echo "$line" | awk -F'\t' '{print $5}' | awk '{print $1}')
  peak=$(peak_mb "$bench" import "$file" --repeat 1)
  cmark="-"; ratio="-"
  if [[ $file == *.md ]]; then
    cmark=$(cmark_mbps "$file")
    ratio=$(awk -v a="$mbps" -v b="$cmark" 'BEGIN {printf "%.2f", a / b}')
  fi
  printf "%-34s %8s %10s %9s %10s %10s %7s\n" "$(basename "$file")" \
    "$(echo "$line" | awk -F'\t' '{print $2}' | awk '{print $1}')" \
    "$(echo "$line" | awk -F'\t' '{print $4}' | awk '{print $2}')" "$mbps" "$peak" "$cmark" "$ratio"
}

[ -f "$user_guide" ] && report "$user_guide"
for mb in $sizes; do
  $bench synth Tests/RehearseCoreTests/Fixtures/awkward-cases.txt --mb "$mb" --out "$out/synthetic-$mb.txt"
  $bench synth Sources/RehearseCore/Resources/StarterGuides/00-python-deep-dive.md --mb "$mb" --out "$out/synthetic-$mb.md"
  report "$out/synthetic-$mb.txt"
  report "$out/synthetic-$mb.md"
done
