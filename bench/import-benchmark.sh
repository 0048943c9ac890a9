#!/usr/bin/env bash
# Measured run of POST /api/appeals/import: generates a file of registered appeals (100,000 rows unless
# told), starts the application in its embedded demo mode on a fresh H2 database, imports the file as the
# demo moderator, and prints how long the request took, rows per second of the job, and the memory of the
# application (heap after a full GC before and after, peak resident set while importing).
#
#   bench/import-benchmark.sh [rows]          e.g. bench/import-benchmark.sh 100000
#
# Environment: PORT (8097), HEAP (-Xmx, 1g), BATCH (appeals.import.batch-size, 100), JAVA_OPTS.
# To run it on PostgreSQL, export SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
# SPRING_DATASOURCE_PASSWORD (an empty database); the demo users are created there as well.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-100000}
PORT=${PORT:-8097}
HEAP=${HEAP:-1g}
BATCH=${BATCH:-100}
WORK=target/bench/import-$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"

jar=$(ls target/appeal-engine-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  echo "Building the application jar…"
  ./mvnw -q -B -o package -DskipTests
  jar=$(ls target/appeal-engine-*.jar | grep -v original | head -1)
fi

echo "Generating $ROWS rows…"
java bench/GenerateRegisteredAppeals.java "$ROWS" "$(date +%F)" "b$(date +%H%M%S)" > "$WORK/appeals.csv"
bytes=$(stat -c %s "$WORK/appeals.csv")
echo "  $WORK/appeals.csv: $((bytes / 1024 / 1024)) MB"

echo "Starting the application (heap $HEAP, batch $BATCH) on port $PORT…"
# shellcheck disable=SC2086
java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$jar" --server.port="$PORT" --appeals.data-dir="./$WORK/data" \
  --appeals.import.batch-size="$BATCH" --logging.file.name="$WORK/application.log" > "$WORK/console.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do
  if ! kill -0 $app 2>/dev/null; then
    echo "The application did not start; see $WORK/console.log" >&2
    exit 1
  fi
  sleep 2
done

heap_used_mb() {
  jcmd "$app" GC.run > /dev/null
  jcmd "$app" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1 | awk '{print int($1 / 1024)}'
}
rss_mb() {
  ps -o rss= -p "$app" | awk '{print int($1 / 1024)}'
}

heap_before=$(heap_used_mb)
echo "Importing…"
request_started=$(date +%s.%N)
location=$(curl -sS -u moderator:moderator -X POST -H 'Content-Type: text/csv' --upload-file "$WORK/appeals.csv" \
  -D - -o "$WORK/accepted.json" "http://localhost:$PORT/api/appeals/import" | tr -d '\r' | sed -n 's/^Location: //Ip')
request_ended=$(date +%s.%N)
if [ -z "$location" ]; then
  echo "The import was refused:" >&2
  cat "$WORK/accepted.json" >&2
  exit 1
fi
echo "  202 Accepted after $(echo "$request_ended - $request_started" | bc) s: $location"

peak_rss=0
state=RUNNING
while [ "$state" = RUNNING ]; do
  sleep 5
  report=$(curl -sS -u moderator:moderator "http://localhost:$PORT$location")
  state=$(echo "$report" | sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p')
  rss=$(rss_mb)
  [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  echo "  $(date +%T) $state $(echo "$report" | grep -o '"progress":[0-9]*') $(echo "$report" | grep -o '"rowsProcessed":[0-9]*') rss ${rss} MB"
done
finished=$(date +%s.%N)
echo "$report" > "$WORK/report.json"
heap_after=$(heap_used_mb)

imported=$(echo "$report" | grep -o '"imported":[0-9]*' | cut -d: -f2)
processed=$(echo "$report" | grep -o '"rowsProcessed":[0-9]*' | cut -d: -f2)
seconds=$(echo "$finished - $request_started" | bc)
echo
echo "state            $state"
echo "rows             $processed processed, $imported imported (file: $((bytes / 1024 / 1024)) MB)"
echo "time             $seconds s (±5 s polling), $(echo "scale=1; $processed / $seconds" | bc) rows/s"
echo "heap after GC    ${heap_before} MB before, ${heap_after} MB after (-Xmx$HEAP)"
echo "peak RSS         ${peak_rss} MB"
echo "report           $WORK/report.json"
