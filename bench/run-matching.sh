#!/usr/bin/env bash
# Reproduces the figures of docs/performance.md:
#  1. our network simplex against OR-Tools MinCostFlow on the reviewer instances (one process);
#  2. the published `cohort` (native AOT, as users get it): whole `cohort match stable` runs on the
#     45,000 x 6,000 instance and whole `cohort reviewers assign` runs on the dense 5,000 x 300 one,
#     wall time, CPU and peak memory, each with the load average when it ran;
#  3. the cold solve of the dense reviewer graph, ours (the CLI's solveMs) against LEMON's
#     NetworkSimplex (bench/lemon/assign.cpp), alternating run by run, with the ratio of the medians.
# usage: bench/run-matching.sh [RUNS] [--cli-only]    (from anywhere; installs and builds what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cli_only="${2:-}"
cli_runs=5

missing=()
[ -x /usr/bin/time ] || missing+=(time)
[ -f /usr/include/lemon/network_simplex.h ] || missing+=(liblemon-dev)
command -v g++ >/dev/null || missing+=(g++)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet build -c Release bench/Cohort.Benchmarks -v q -nologo
bench_dll=bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll

if [ "$cli_only" != "--cli-only" ]; then
  echo "== reviewer assignment: ours vs OR-Tools, $runs runs each"
  dotnet "$bench_dll" compare "$runs"
fi

# The published cohort, as users get it.
bench/publish-cli.sh
cohort=out/cli/cohort

mkdir -p out/lemon
g++ -O3 -DNDEBUG -o out/lemon/assign bench/lemon/assign.cpp

load() { cut -d' ' -f1 /proc/loadavg; }

# Runs cohort once under /usr/bin/time; prints "wall cpu-user cpu-system peak-MB".
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "${out}.time" "$cohort" "$@" > "$out"
  read -r seconds user system kilobytes < "${out}.time"
  echo "$seconds $user $system $((kilobytes / 1024))"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

instance="${TMPDIR:-/tmp}/cohort-stable-45k.json"
dotnet "$bench_dll" stable-json "$instance"
echo "== $cohort match stable on $instance ($(du -h "$instance" | cut -f1))"
for i in $(seq 1 "$cli_runs"); do
  before=$(load)
  read -r seconds user system megabytes < <(timed "${instance}.out" match stable "$instance")
  solve=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['stats']['solveMs'], d['stable'], len(d['matches']))" "${instance}.out")
  echo "run $i: wall ${seconds} s, cpu ${user}+${system} s, peak RSS ${megabytes} MB, solveMs/stable/matches: $solve, load $before"
done

reviewers="${TMPDIR:-/tmp}/cohort-reviewers-dense.json"
graph="${TMPDIR:-/tmp}/cohort-reviewers-dense.graph"
dotnet "$bench_dll" reviewers-json "$reviewers"
dotnet "$bench_dll" reviewers-graph "$graph"
echo "== $cohort reviewers assign on $reviewers ($(du -h "$reviewers" | cut -f1)), each run followed by LEMON's cold solve of the same graph"
ours=() lemons=()
for i in $(seq 1 "$cli_runs"); do
  before=$(load)
  read -r seconds user system megabytes < <(timed "${reviewers}.out" reviewers assign "$reviewers")
  read -r objective solve proven < <(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['objective'], d['stats']['solveMs'], d['certificate']['optimalityProven'])" "${reviewers}.out")
  echo "run $i: wall ${seconds} s, cpu ${user}+${system} s, peak RSS ${megabytes} MB, objective ${objective}, solveMs ${solve}, optimalityProven ${proven}, load $before"
  lemon=$(out/lemon/assign "$graph")
  echo "       LEMON: $lemon, load $(load)"
  lemon_objective=$(sed 's/.*objective //' <<< "$lemon")
  if [ "$lemon_objective" != "$objective" ]; then
    echo "objectives differ: cohort $objective, LEMON $lemon_objective" >&2
    exit 1
  fi
  ours+=("$solve")
  lemons+=("$(sed 's/.* solve \([0-9.]*\) ms.*/\1/' <<< "$lemon")")
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
lemon_median=$(printf '%s\n' "${lemons[@]}" | median)
echo "cold solve, median of $cli_runs: ours ${ours_median} ms (network built and solved), LEMON ${lemon_median} ms (solved), ratio $(python3 -c "print(round($ours_median / $lemon_median, 3))")"
