#!/usr/bin/env bash
# Load on the web app with wrk (Debian's package), on loopback only: durable answers through
# POST /api/reviews, and the study page, at 1, 16 and 64 connections.
#
#   Benchmarks/server/load.sh            # 10 s per run
#   SECONDS_PER_RUN=5 Benchmarks/server/load.sh
#   REHEARSE_BIN=/other/build/rehearse CONNECTIONS="64" TARGETS=answer Benchmarks/server/load.sh   # another build, e.g. the last release
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ -z "${REHEARSE_BIN:-}" ]; then swift build -c release --product rehearse >/dev/null; fi
bin=${REHEARSE_BIN:-.build/release/rehearse}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
db="$work/db.sqlite"
$bin import --db "$db" --no-lab Sources/RehearseCore/Resources/StarterGuides/00-python-deep-dive.md >/dev/null
port=18$((RANDOM % 900 + 100))
$bin serve --db "$db" --port "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
card=$(curl -s "http://127.0.0.1:$port/api/study/next" | python3 -c 'import json,sys; print(json.load(sys.stdin)["card"]["id"])')
cat > "$work/answer.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"card_id": "$card", "rating": 3, "duration_ms": 1000}'
LUA
seconds=${SECONDS_PER_RUN:-10}
printf "%-14s %6s %12s %10s %10s\n" endpoint conns "requests/s" p50 p99
for connections in ${CONNECTIONS:-1 16 64}; do
  threads=$(( connections < 2 ? 1 : 2 ))
  for target in ${TARGETS:-answer page}; do
    if [ "$target" = answer ]; then
      out=$(wrk -t$threads -c$connections -d${seconds}s --latency -s "$work/answer.lua" "http://127.0.0.1:$port/api/reviews")
    else
      out=$(wrk -t$threads -c$connections -d${seconds}s --latency "http://127.0.0.1:$port/")
    fi
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $4}')
    printf "%-14s %6s %12s %10s %10s %s\n" "$target" "$connections" "$rps" "$p50" "$p99" "${errors:+non-2xx: $errors}"
  done
done
echo "reviews stored: $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from review').fetchone()[0])" "$db")"
