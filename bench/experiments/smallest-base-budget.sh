#!/usr/bin/env bash
# JFR budget of the smallest rule base under advice load (v2 example), one service at a time.
# usage: bench/experiments/smallest-base-budget.sh NAME JAR [java opts...]  -> ${OUT_DIR:-/tmp}/budget-NAME.txt and .jfr
# RULES=dir (and its ../scenarios) instead of the smallest base; BODY_FILE=snapshot (default: the v2 example);
# DELAY=seconds before the 20 s recording (default 45). Needs bench/target/covalue-bench.jar (bench/run builds it).
set -euo pipefail
name=$1; jar=$2; shift 2
root=$(cd "$(dirname "$0")/../.." && pwd); work=$(mktemp -d /tmp/exp-budget.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
. "$root/bench/experiments/common.sh"
if [ -n "${RULES:-}" ]; then cp -r "$RULES" "$work/rules"; cp -r "$root/scenarios" "$work/scenarios"; else java -Dcovalue.root="$root" -cp "$root/bench/target/covalue-bench.jar" com.covalue.bench.SmallestRuleBase "$work/rules" >/dev/null; fi
body=${BODY_FILE:-$root/src/test/resources/contract/example-snapshot-v2.json}
write_post_lua "$work/post.lua"
port=$(free_port)
path=${PATH_UNDER_LOAD:-/api/v1/advice}
java -Xmx256m -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -XX:StartFlightRecording=filename=$work/rec.jfr,settings=profile,delay=${DELAY:-45}s,duration=20s "$@" \
  -jar "$jar" serve --host 127.0.0.1 --port "$port" --rules "$work/rules" --rule-cache "$work/cache" --data "$work/data" --bench-endpoints > "$work/serve.log" 2>&1 &
pid=$!
ready=no
for _ in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" http://127.0.0.1:$port$path)" = 200 ] && { ready=yes; break; }; sleep 0.2; done
[ $ready = yes ] || { echo "the service never answered 200:" >&2; tail -20 "$work/serve.log" >&2; exit 1; }
# load until the recording starts (DELAY s after the JVM), then through its 20 s
BODY=$body wrk -t1 -c32 -d$(( ${DELAY:-45} - 5 ))s -s "$work/post.lua" "http://127.0.0.1:$port$path" | grep RESULT
BODY=$body wrk -t1 -c32 -d30s -s "$work/post.lua" "http://127.0.0.1:$port$path" | tee $work/load.txt | grep RESULT
for _ in $(seq 1 30); do [ -s "$work/rec.jfr" ] && break; sleep 1; done   # written when the recording ends
sleep 2
# requests in the 20 s window: the 30 s load's rate times 20 s
rps=$(grep '^RESULT' "$work/load.txt" | sed -E 's/.*rps=([0-9.]+).*/\1/')
inwin=$(awk -v r="$rps" 'BEGIN {printf "%d", r * 20}')
python3 "$root/bench/request-budget" "$work/rec.jfr" --requests "$inwin" | tee ${OUT_DIR:-/tmp}/budget-$name.txt
cp "$work/rec.jfr" ${OUT_DIR:-/tmp}/budget-$name.jfr
