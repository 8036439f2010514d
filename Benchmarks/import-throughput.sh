#!/usr/bin/env bash
# Import throughput and peak memory of Rehearse's guide readers, beside Debian's cmark-gfm
# rendering Markdown of the same size in the same run.
#
#   Benchmarks/import-throughput.sh            # 1, 10 and 50 MB synthetic guides
#   SIZES="1 10" REPEAT=2 Benchmarks/import-throughput.sh
#
# Synthetic guides repeat a source until they reach the size:
#   awkward-N.txt  the flat-text fixture of awkward cases: the densest guide (an item every
#                  two lines), a stress case;
#   user-N.txt     the user's guide (read from ../shared/guides, not copied here);
#   starter-N.md   the bundled Markdown starter guide.
# Prints, per file: size, best-of-N time to read the file into a guide, MB/s, the ratio to cmark-gfm's MB/s on the
# Markdown guide of the same size, peak memory (RSS) and that peak less the RSS of reading
# a one-line guide, as a multiple of the file size. For files of a megabyte or more the two
# run in turns, one cmark-gfm render then one read per round (REPEAT rounds, 5 by default),
# and each keeps its best round: this machine's speed drifts by a fifth within a minute, and
# measured apart the ratio drifted with it.
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

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

# Seconds to render `file` with cmark-gfm once.
cmark_seconds() {
  local start end
  start=$(date +%s.%N); cmark-gfm -e table "$1" >/dev/null; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

# MB/s of reading `file` in `seconds`.
mbps_of() { awk -v bytes="$(stat -c %s "$1")" -v t="$2" 'BEGIN {printf "%.1f", bytes / 1e6 / t}'; }

# cmark-gfm's best MB/s over three renders of `file`.
cmark_mbps() {
  local file=$1 best=999
  for _ in 1 2 3; do best=$(awk -v a="$(cmark_seconds "$file")" -v b="$best" 'BEGIN {print (a < b) ? a : b}'); done
  mbps_of "$file" "$best"
}

echo "Title" > "$out/one-line.txt"
baseline_kb=$(peak_kb "$bench" import "$out/one-line.txt" --repeat 1)
echo "baseline RSS (a one-line guide): $((baseline_kb / 1024)) MB"
printf "%-26s %7s %8s %7s %10s %7s %8s %9s\n" file MB "best s" "MB/s" "cmark MB/s" ratio "peak MB" "x size"

# Reads `file` and renders the Markdown guide `markdown` of the same size in turns; prints the
# best read line of rehearse-bench and cmark-gfm's best MB/s.
interleaved() {
  local file=$1 markdown=$2 rounds=${REPEAT:-5} best_cmark=999 best_line="" best_read=999 line seconds
  for _ in $(seq "$rounds"); do
    seconds=$(cmark_seconds "$markdown")
    best_cmark=$(awk -v a="$seconds" -v b="$best_cmark" 'BEGIN {print (a < b) ? a : b}')
    line=$($bench import "$file" --repeat 1)
    seconds=$(echo "$line" | awk -F'\t' '{print $4}' | awk '{print $2}')
    if awk -v a="$seconds" -v b="$best_read" 'BEGIN {exit !(a < b)}'; then best_read=$seconds; best_line=$line; fi
  done
  printf '%s\n%s\n' "$best_line" "$(mbps_of "$markdown" "$best_cmark")"
}

# One row of the table; `markdown` is the Markdown guide cmark-gfm renders beside it.
report() {
  local file=$1 markdown=$2 line mb mbps peak cmark
  if [ "$(stat -c %s "$file")" -lt 1000000 ]; then
    # A file under a megabyte reads in about a millisecond: best of a few hundred runs.
    line=$($bench import "$file" --repeat 300)
    cmark=$(cmark_mbps "$markdown")
  else
    local both
    both=$(interleaved "$file" "$markdown")
    line=$(echo "$both" | head -1)
    cmark=$(echo "$both" | tail -1)
  fi
  mb=$(echo "$line" | awk -F'\t' '{print $2}' | awk '{print $1}')
  mbps=$(echo "$line" | awk -F'\t' '{print $5}' | awk '{print $1}')
  peak=$(peak_kb "$bench" import "$file" --repeat 1)
  printf "%-26s %7s %8s %7s %10s %7s %8.1f %9s\n" "$(basename "$file")" "$mb" \
    "$(echo "$line" | awk -F'\t' '{print $4}' | awk '{print $2}')" "$mbps" "$cmark" \
    "$(awk -v a="$mbps" -v b="$cmark" 'BEGIN {printf "%.2f", a / b}')" "$(echo "$peak / 1024" | bc -l)" \
    "$(awk -v p="$peak" -v b="$baseline_kb" -v mb="$mb" 'BEGIN {printf (mb >= 1 ? "%.2f" : "-"), (p - b) / 1024 / mb}')"
}

if [ -f "$user_guide" ]; then
  $bench synth Sources/RehearseCore/Resources/StarterGuides/00-python-deep-dive.md --mb 1 --out "$out/starter-1.md"
  report "$user_guide" "$out/starter-1.md"
fi
for mb in $sizes; do
  $bench synth Sources/RehearseCore/Resources/StarterGuides/00-python-deep-dive.md --mb "$mb" --out "$out/starter-$mb.md"
  $bench synth Tests/RehearseCoreTests/Fixtures/awkward-cases.txt --mb "$mb" --out "$out/awkward-$mb.txt"
  report "$out/starter-$mb.md" "$out/starter-$mb.md"
  if [ -f "$user_guide" ]; then
    $bench synth "$user_guide" --mb "$mb" --out "$out/user-$mb.txt"
    report "$out/user-$mb.txt" "$out/starter-$mb.md"
  fi
  report "$out/awkward-$mb.txt" "$out/starter-$mb.md"
done
