#!/usr/bin/env bash
# Reproduces the figures of docs/performance.md:
#  1. our network simplex against OR-Tools MinCostFlow on the reviewer instances (one process);
#  2. the whole `cohort match stable` run on the 45,000 x 6,000 instance: wall time, peak memory.
# usage: bench/run-matching.sh [RUNS] [--cli-only]    (from anywhere; builds what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cli_only="${2:-}"

if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

dotnet build -c Release bench/Cohort.Benchmarks -v q -nologo
bench_dll=bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll

if [ "$cli_only" != "--cli-only" ]; then
  echo "== reviewer assignment: ours vs OR-Tools, $runs runs each"
  dotnet "$bench_dll" compare "$runs"
fi

# The CLI shares the solution with the web app; retry if a build of it is caught mid-change.
for attempt in 1 2 3; do
  dotnet build -c Release src/Cohort.Cli -o out -v q -nologo && break
  [ "$attempt" = 3 ] && exit 1
  sleep 15
done

instance="${TMPDIR:-/tmp}/cohort-stable-45k.json"
dotnet "$bench_dll" stable-json "$instance"
echo "== cohort match stable on $instance ($(du -h "$instance" | cut -f1)), load average $(cut -d' ' -f1 /proc/loadavg)"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e %M %U %S" -o "${instance}.time" out/cohort match stable "$instance" > "${instance}.out"
  read -r seconds kilobytes user system < "${instance}.time"
  solve=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['stats']['solveMs'], d['stable'], len(d['matches']))" "${instance}.out")
  echo "run $i: wall ${seconds} s, cpu ${user}+${system} s, peak RSS $((kilobytes / 1024)) MB, solveMs/stable/matches: $solve"
done

reviewers="${TMPDIR:-/tmp}/cohort-reviewers-dense.json"
dotnet "$bench_dll" reviewers-json "$reviewers"
echo "== cohort reviewers assign on $reviewers ($(du -h "$reviewers" | cut -f1))"
for i in 1 2 3; do
  /usr/bin/time -f "%e %M %U %S" -o "${reviewers}.time" out/cohort reviewers assign "$reviewers" > "${reviewers}.out"
  read -r seconds kilobytes user system < "${reviewers}.time"
  result=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['objective'], d['stats']['solveMs'], d['certificate']['optimalityProven'])" "${reviewers}.out")
  echo "run $i: wall ${seconds} s, cpu ${user}+${system} s, peak RSS $((kilobytes / 1024)) MB, objective/solveMs/optimalityProven: $result"
done
