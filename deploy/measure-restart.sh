#!/usr/bin/env bash
# Time to readiness after a crash: the packaged service on the embedded broker, killed with SIGKILL and restarted on
# its data directory.
# Usage: deploy/measure-restart.sh [runs]   (after ./mvnw -B -q package -DskipTests)
# For each run: starts the service on a fresh data directory (HTTP port 18080, the sample articles ingested), waits
# until it is ready and 40 s more (the samples processed, offsets and changelogs written), kills it with kill -9,
# starts it again on the same directory and polls /q/health/ready every 100 ms from the moment the command starts.
# Prints the time to ready, the embedded broker's share of it (from the log) and the 1-minute load average.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[[ -f $jar ]] || { echo "no $jar: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
start_and_wait() { # data dir, log file; sets pid and ready_ms
  local t0
  t0=$(date +%s%N)
  java -Xmx1g -Dquarkus.http.port=18080 -Dtension.broker.port=0 -Dtension.data-dir="$1" -jar "$jar" >"$2" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://localhost:18080/q/health/ready; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; its log: $2" >&2; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start_and_wait "$dir/data" "$dir/first.log"
  sleep 40
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  start_and_wait "$dir/data" "$dir/restart.log"
  load=$(cut -d' ' -f1 /proc/loadavg)
  broker=$(grep -o 'Embedded Kafka broker started .*(\([0-9]*\) ms)' "$dir/restart.log" | grep -o '[0-9]* ms' | tail -1)
  kill "$pid"; wait "$pid" || true
  printf 'run %d: ready %d.%01d s after kill -9 and restart (broker %s), load %s\n' "$run" $((ready_ms / 1000)) \
    $((ready_ms % 1000 / 100)) "${broker:-?}" "$load"
  rm -rf "$dir"
done
