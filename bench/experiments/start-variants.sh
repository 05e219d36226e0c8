#!/usr/bin/env bash
# Warm start to first 200 advice (the launcher, warm compiled-rules cache, existing store), variants
# alternated; plus the JVM floor (covalue --version). usage: bench/experiments/start-variants.sh [ROUNDS, default 5]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); w=$(mktemp -d /tmp/exp-start.XXXXXX); body=$root/src/test/resources/example-snapshot.json
. "$root/bench/experiments/common.sh"
cd $root
one() { # label, env assignments via OPTS
  local port t0 t1 pid
  port=$(free_port)
  t0=$(date +%s%N)
  COVALUE_JAVA_OPTS="$2" ./covalue serve --host 127.0.0.1 --port $port --data $w/data --rule-cache $w/cache > $w/v.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @$body http://127.0.0.1:$port/api/v1/advice)" = 200 ]; do sleep 0.005; done
  t1=$(date +%s%N)
  local open; open=$(head -1 $w/v.log | cut -c1-10)
  kill $pid; wait $pid 2>/dev/null
  echo "$1 $(( (t1 - t0) / 1000000 ))"
}
floor() { local t0 t1; t0=$(date +%s%N); ./covalue --version >/dev/null; t1=$(date +%s%N); echo "version $(( (t1 - t0) / 1000000 ))"; }
one first-start-fills-the-cache "" >/dev/null
for _ in $(seq 1 "${1:-5}"); do
  one as-is ""
  one c1-only "-XX:TieredStopAtLevel=1"
  one no-cds "-Xshare:off"
  floor
done
