#!/usr/bin/env bash
# Side by side: the access log written on the request threads (main's jar, A), on its own thread
# (the new jar, N), and off (main's jar with covalue.access at warn, B). Smallest rule base and
# the shipped rules; the bench's v1 example body; wrk -t1 -c32; rounds alternate.
# usage: bench/experiments/access-log-side-by-side.sh OLD_JAR NEW_JAR OUT; REAL=1 adds the shipped rules.
# Needs wrk and bench/target/covalue-bench.jar (bench/run builds it).
set -euo pipefail
M=$1; NEW=$2; out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/experiments/common.sh"
work=$(mktemp -d /tmp/exp-accesslog.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$work"' EXIT
java -Dcovalue.root="$root" -cp "$root/bench/target/covalue-bench.jar" com.covalue.bench.SmallestRuleBase "$work/small" >/dev/null
mkdir -p "$work/real"; cp -r "$root/rules" "$work/real/rules"; cp -r "$root/scenarios" "$work/real/scenarios"
body=$root/src/test/resources/example-snapshot.json
write_post_lua "$work/post.lua"
declare -A P
start() { # name jar rules java-opts...
  local name=$1 jar=$2 rules=$3; shift 3; local p; p=$(free_port); P[$name]=$p
  java -Xmx256m "$@" -jar "$jar" serve --host 127.0.0.1 --port "$p" --rules "$rules" --rule-cache "$work/cache-$name" \
     --data "$work/data-$name" --bench-endpoints > "$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" http://127.0.0.1:$p/api/v1/advice)" = 200 ] && return 0; sleep 0.2; done
  echo "$name never answered 200" >&2; cat "$work/$name.log" >&2; exit 1
}
OFF=-Dorg.slf4j.simpleLogger.log.covalue.access=warn
start A "$M" "$work/small"; start N "$NEW" "$work/small"; start B "$M" "$work/small" $OFF
[ -n "${REAL:-}" ] && { start RA "$M" "$work/real/rules"; start RN "$NEW" "$work/real/rules"; }
w() { BODY=$body wrk -t1 -c32 -d"$1"s -s "$work/post.lua" "http://127.0.0.1:${P[$2]}$3" | grep '^RESULT'; }
for s in A N B; do for path in /api/v1/advice /bench/parse-only; do for _ in 1 2 3; do w 5 $s $path >/dev/null; done; done; done
[ -n "${REAL:-}" ] && for s in RA RN; do for _ in 1 2 3 4 5 6; do w 6 $s /api/v1/advice > /dev/null; done; done
echo "load before rounds: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
for r in 1 2 3; do
  for s in A N B; do echo "round $r parse-$s $(w 8 $s /bench/parse-only)" | tee -a "$out"; done
  for s in A N B; do echo "round $r small-$s $(w 8 $s /api/v1/advice)" | tee -a "$out"; done
  [ -n "${REAL:-}" ] && for s in RA RN; do echo "round $r real-$s $(w 8 $s /api/v1/advice)" | tee -a "$out"; done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
n=$(grep -c "method=POST path=/api/v1/advice" "$work/N.log" || true); echo "access lines in N's log: $n" | tee -a "$out"
