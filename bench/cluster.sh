#!/usr/bin/env bash
# Issue 9's cluster run: two nodes of the application jar on one PostgreSQL (embedded, the tests' own), started
# together on the empty database; appeals submitted to both nodes and every third one moderated; node-a killed with
# kill -9 in the middle of the load and started again; then, once no timer and no notice is due, the
# reconciliation, ending with "N lost, M duplicated". Exit status 1 unless both are 0.
#
#   bench/cluster.sh [appeals]          e.g. bench/cluster.sh 450
#
# Environment: RATE (appeals per second, 8), CONCURRENCY (8), PORTS ("8095,8096"), JAVA_OPTS.
# Logs of the nodes: target/cluster/<run>/node-a.log, node-b.log.
set -euo pipefail
cd "$(dirname "$0")/.."

APPEALS=${1:-450}

jar=$(ls target/appeal-engine-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  echo "Building the application jar…"
  ./mvnw -q -B -o package -DskipTests
  jar=$(ls target/appeal-engine-*.jar | grep -v original | head -1)
fi
echo "Compiling the harness (test sources)…"
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cluster-classpath.txt

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/cluster-classpath.txt)" \
  -Dcluster.jar="$jar" -Dcluster.appeals="$APPEALS" -Dcluster.rate="${RATE:-8}" \
  -Dcluster.concurrency="${CONCURRENCY:-8}" -Dcluster.ports="${PORTS:-8095,8096}" \
  ru.cur.appeals.cluster.ClusterRun
