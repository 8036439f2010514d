#!/usr/bin/env bash
# Feeds both guide readers a million mutated guides (ten seeded runs of 100,000), cut from
# the fixtures, the starter guide and the user's guide. A crash stops the run with the seed
# that found it; the slowest inputs of each run are kept in Benchmarks/out/fuzz/.
#   Benchmarks/fuzz/run.sh [RUNS] [INPUTS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
per_run="${2:-100000}"
shared="${REHEARSE_SHARED:-../shared}"
swift build -c release --product rehearse-bench >/dev/null
seeds=(Tests/RehearseCoreTests/Fixtures/*.txt Tests/RehearseCoreTests/Fixtures/*.md Tests/RehearseCoreTests/Fixtures/reindent/*.flat
       Sources/RehearseCore/Resources/StarterGuides/*.md)
[ -f "$shared/guides/03-python-deep-dive.txt" ] && seeds+=("$shared/guides/03-python-deep-dive.txt")
for seed in $(seq 1 "$runs"); do
  .build/release/rehearse-bench fuzz "${seeds[@]}" --count "$per_run" --seed "$seed" --keep Benchmarks/out/fuzz \
    || { echo "seed $seed: the reader crashed (exit $?)"; exit 1; }
done
