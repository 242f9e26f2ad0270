#!/usr/bin/env bash
# Start-up time and memory of the packaged service on a fresh data directory.
# Usage: deploy/measure-startup.sh [runs]   (after ./mvnw -B -q package -DskipTests)
# For each run: starts the service with the embedded broker on a free port and its HTTP port on 18080, polls
# /q/health/ready every 100 ms from the moment the command starts, waits 20 s more (the sample articles processed),
# then prints the time to ready, the 1-minute load average at readiness and the peak resident set (VmHWM).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "no $jar: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  java -Dquarkus.http.port=18080 -Dtension.broker.port=0 -Dtension.data-dir="$dir/data" -jar "$jar" >"$dir/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://localhost:18080/q/health/ready; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; its log: $dir/log" >&2; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  sleep 20
  hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" || true
  printf 'run %d: ready in %d.%01d s, load %s, peak RSS %d MB\n' "$run" $((ready_ms / 1000)) $((ready_ms % 1000 / 100)) "$load" $((hwm_kb / 1024))
  rm -rf "$dir"
done
