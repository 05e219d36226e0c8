#!/usr/bin/env bash
# Warm start to first 200 advice (the launcher, warm compiled-rules cache, existing store), variants
# alternated; plus the JVM floor (covalue --version). usage: bench/experiments/start-variants.sh [ROUNDS, default 5]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); w=$(mktemp -d /tmp/exp-start.XXXXXX); body=$root/src/test/resources/example-snapshot.json
. "$root/bench/experiments/common.sh"
cd "$root"
one() { # label, COVALUE_JAVA_OPTS
  local port t0 t1 pid
  port=$(free_port)
  t0=$(date +%s%N)
  COVALUE_JAVA_OPTS="$2" ./covalue serve --host 127.0.0.1 --port "$port" --data "$w/data" --rule-cache "$w/cache" > "$w/v.log" 2>&1 &
  pid=$!
  local code=000 deadline=$(( $(date +%s) + 300 ))
  while [ "$code" != 200 ] && kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" "http://127.0.0.1:$port/api/v1/advice" || true)
    sleep 0.005
  done
  t1=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  [ "$code" = 200 ] && echo "$1 $(( (t1 - t0) / 1000000 ))" || { echo "$1 never answered 200:" >&2; tail -5 "$w/v.log" >&2; }
}
floor() { local t0 t1; t0=$(date +%s%N); ./covalue --version >/dev/null; t1=$(date +%s%N); echo "version $(( (t1 - t0) / 1000000 ))"; }
one first-start-fills-the-cache "" >/dev/null
for _ in $(seq 1 "${1:-5}"); do
  one as-is ""
  one c1-only "-XX:TieredStopAtLevel=1"
  one no-cds "-Xshare:off"
  floor
done
