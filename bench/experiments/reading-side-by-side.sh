#!/usr/bin/env bash
# Side-by-side experiment for issue 16's "smallest rule base >= 0.6 x parse-only":
#   A: main's jar, access log on (as served)       -> parse-only and empty-base advice
#   B: main's jar, access log off                   -> parse-only and empty-base advice
#   C: an experiment jar, access log off, bind direct -> empty-base advice (v2 body bound straight from
#      the parser, no schema, no cross-field checks: an upper bound of what single-walk binding saves).
#      The experiment jar is this commit with Covalue.read(String, RuleSet) returning
#      Json.MAPPER.readValue(json, Snapshot.class) when -Dcovalue.experiment.bindDirect=true.
# usage: bench/experiments/reading-side-by-side.sh MAIN_JAR EXPERIMENT_JAR [OUT]; RULES=dir for a real rule folder.
# Needs wrk and bench/target/covalue-bench.jar (bench/run builds it).
# Same snapshot (the contract's v2 example), same wrk client, rounds alternating.
set -euo pipefail
M=$1; X=$2; out=${3:-/dev/null}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/experiments/common.sh"
work=$(mktemp -d /tmp/exp-reading.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$work"' EXIT
if [ -n "${RULES:-}" ]; then cp -r "$RULES" "$work/rules"; cp -r "$root/scenarios" "$work/scenarios"; else java -Dcovalue.root="$root" -cp "$root/bench/target/covalue-bench.jar" com.covalue.bench.SmallestRuleBase "$work/rules" >/dev/null; fi
body=$root/src/test/resources/contract/example-snapshot-v2.json
write_post_lua "$work/post.lua"
declare -A P
start() { # name jar java-opts...
  local name=$1 jar=$2; shift 2; local p; p=$(free_port); P[$name]=$p
  java -Xmx256m "$@" -jar "$jar" serve --host 127.0.0.1 --port "$p" --rules "$work/rules" --rule-cache "$work/cache-$name" \
     --data "$work/data-$name" --bench-endpoints > "$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do grep -q "listening on" "$work/$name.log" && break; sleep 0.1; done
  for _ in $(seq 1 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" http://127.0.0.1:$p/api/v1/advice)" = 200 ] && return 0; sleep 0.2; done
  echo "$name never answered 200" >&2; cat "$work/$name.log" >&2; exit 1
}
start A "$M"
start B "$M" -Dorg.slf4j.simpleLogger.log.covalue.access=warn
start C "$X" -Dorg.slf4j.simpleLogger.log.covalue.access=warn -Dcovalue.experiment.bindDirect=true
adv() { curl -s -H 'Content-Type: application/json' --data-binary @"$body" "http://127.0.0.1:${P[$1]}/api/v1/advice"; }
if [ "$(adv B | md5sum)" = "$(adv C | md5sum)" ]; then echo "advice B and C identical ($(adv B | wc -c) bytes)" | tee "$out"
else echo "advice B and C DIFFER" | tee "$out"; fi
w() { BODY=$body wrk -t1 -c32 -d"$1"s -s "$work/post.lua" "http://127.0.0.1:${P[$2]}$3" | grep '^RESULT'; }
for s in A B C; do for path in /api/v1/advice /bench/parse-only; do for _ in 1 2 3; do w 6 $s $path >/dev/null; done; done; done
echo "load before rounds: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
for r in 1 2 3; do
  echo "round $r parse-A $(w 8 A /bench/parse-only)" | tee -a "$out"
  echo "round $r empty-A $(w 8 A /api/v1/advice)" | tee -a "$out"
  echo "round $r parse-B $(w 8 B /bench/parse-only)" | tee -a "$out"
  echo "round $r empty-B $(w 8 B /api/v1/advice)" | tee -a "$out"
  echo "round $r empty-C $(w 8 C /api/v1/advice)" | tee -a "$out"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
