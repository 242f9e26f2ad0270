#!/usr/bin/env bash
# Backfill: how long each Streams application takes to catch up with a replay of generated articles, against the time
# extraction alone takes in the same run.
# Usage: deploy/measure-backfill.sh [articles (100000)] [days (180)]   (after ./mvnw -B -q package -DskipTests)
# Writes the archive once (bench --write-archive: articles of about 2.4 KB from six outlets, published evenly over the
# days from 2026-01-01; kept in /tmp for the next run), starts the packaged service on a fresh data directory and
# free ports (embedded broker, no samples, -Xmx1g; SERVICE_OPTS adds JVM options, e.g. a JFR recording), then starts
# `derivation-status --wait --follow 5` and `replay` together and waits until every application has caught up.
# Prints the replay tool's time, the status lines (records behind and done, load average) and, per application, when
# it caught up for good and its rate over its input topics; the last line gives the ratio to extraction's time.
# JAR=... runs another build of the service (e.g. an earlier one, to compare); TOOLS_JAR=... the commands (default
# JAR), which need derivation-status --follow.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
days=${2:-180}
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
tools=${TOOLS_JAR:-$jar}
[[ -f $jar && -f $tools ]] || { echo "no $jar: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
archive=/tmp/tension-archive-$articles-$days.jsonl
[[ -f $archive ]] || java -jar "$tools" bench --write-archive "$archive" --articles "$articles" --size-kb 2 --days "$days"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http=$(free_port)
broker=$(free_port)
dir=$(mktemp -d)
# shellcheck disable=SC2086
java -Xmx1g ${SERVICE_OPTS:-} -Dquarkus.http.port="$http" -Dtension.broker.port="$broker" -Dtension.data-dir="$dir/data" \
  -Dtension.samples.enabled=false -jar "$jar" >"$dir/service.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$http/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { echo "the service stopped; its log: $dir/service.log" >&2; exit 1; }
  sleep 0.5
done
echo "service ready (log $dir/service.log), load $(cut -d' ' -f1 /proc/loadavg); replaying $archive"
java -jar "$tools" derivation-status --bootstrap-servers "localhost:$broker" --wait --follow 5 --timeout 7200 \
  >"$dir/status.log" 2>&1 &
status=$!
t0=$(date +%s%N)
java -jar "$tools" replay --bootstrap-servers "localhost:$broker" --checkpoint "$dir/replay.checkpoint" --progress none \
  "$archive" >"$dir/replay.log" 2>&1
echo "replay tool done in $(( ($(date +%s%N) - t0) / 1000000 )) ms: $(tail -1 "$dir/replay.log")"
wait "$status" || true
cat "$dir/status.log"
kill "$pid"; wait "$pid" || true
trap - EXIT
echo "service log: $dir/service.log"
