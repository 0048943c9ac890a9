#!/usr/bin/env bash
# One measured run of issue 9's figures on this machine (IntakeBenchmark, bench/README.md): appeal intake
# next to bare Camunda, the task lists with many open appeals, a timer storm, memory, bytes per appeal; and,
# unless --no-analytics, the heat map and KPIs over 1,000,000 appeals (AnalyticsBenchmark). PostgreSQL is the
# tests' embedded one: nothing to install. Results: bench/results/intake-<time>.json and .md.
#
#   bench/run.sh                 full sizes: 10,000 measured appeals, 100,000 open, 20,000 timers
#   bench/run.sh quick           3,000 open appeals, 1,000 measured after 1,000 unmeasured, 1,000 timers, no analytics (a few minutes)
#   bench/run.sh -Dbench.open=50000 -Dbench.concurrency=16 ...   any size or Spring property
set -euo pipefail
cd "$(dirname "$0")/.."

tests=IntakeBenchmark,AnalyticsBenchmark
sizes=()
if [[ "${1:-}" == quick ]]; then
  shift
  tests=IntakeBenchmark
  sizes=(-Dbench.intake=1000 -Dbench.open=3000 -Dbench.timers=1000)
fi
if [[ "${1:-}" == --no-analytics ]]; then
  shift
  tests=IntakeBenchmark
fi

./mvnw -B -q -Pbench verify -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false "${sizes[@]}" "$@"
latest=$(ls -t bench/results/intake-*.md | head -1)
echo
echo "== $latest"
cat "$latest"
