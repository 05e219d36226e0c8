#!/usr/bin/env bash
# A fresh clone's first `./covalue serve` to the first served advice, as the launcher does it
# (build, record the class archive, serve) against the same with COVALUE_CDS=off (build, serve:
# no recording, a start without the archive). Pairs alternated; each on a new clone, store and cache.
# usage: bench/experiments/fresh-clone-variants.sh [PAIRS]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd); body=$root/src/test/resources/example-snapshot.json
. "$root/bench/experiments/common.sh"
work=$(mktemp -d /tmp/exp-fresh.XXXXXX); trap 'rm -rf "$work"' EXIT
one() { # label cds
  local dir=$work/clone-$RANDOM port t0 t1 pid code=000
  git clone -q "$root" "$dir"
  port=$(free_port)
  t0=$(date +%s%N)
  (cd "$dir" && COVALUE_CDS=$2 exec ./covalue serve --host 127.0.0.1 --port $port --data "$dir/data" --rule-cache "$dir/cache") > "$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @$body http://127.0.0.1:$port/api/v1/advice || true)
    [ "$code" = 200 ] && break; kill -0 $pid 2>/dev/null || break; sleep 0.05
  done
  t1=$(date +%s%N)
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  echo "$1 $(( (t1 - t0) / 1000000 )) ms (answer $code; load $(cut -d' ' -f1 /proc/loadavg))"
  rm -rf "$dir"
}
for _ in $(seq 1 "${1:-2}"); do one as-served on; one archive-off off; done
