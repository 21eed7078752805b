#!/usr/bin/env bash
# Reproduces the "cohort calibrate" figures of docs/performance.md: the published `cohort` (native AOT, as users
# get it) on a planted-truth season of the calibration tests: 2,500 items, 100 reviewers and 7,500 reviews in 12
# topics, mostly nested (`reviews-csv` of bench/Cohort.Benchmarks); RUNS whole runs with the topic column and RUNS
# without it, each with its wall time, CPU, peak memory and the load average when it ran.
# usage: bench/run-calibrate.sh [RUNS]    (from anywhere; installs and builds what it needs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

# The published cohort, as users get it.
bench/publish-cli.sh

reviews="${TMPDIR:-/tmp}/cohort-reviews-2500.csv"
dotnet build -c Release bench/Cohort.Benchmarks -v q -nologo
dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll reviews-csv "$reviews"
# The same reviews without their topics: the fit without topic effects or topic diagnostics.
cut -d, -f1-3 "$reviews" > "${reviews%.csv}-no-topic.csv"

for input in "$reviews" "${reviews%.csv}-no-topic.csv"; do
  echo "== out/cli/cohort calibrate $input ($(($(wc -l < "$input") - 1)) reviews, $(du -h "$input" | cut -f1))"
  for i in $(seq 1 "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "${input}.time" out/cli/cohort calibrate "$input" > "${input}.json"
    read -r seconds user system kilobytes < "${input}.time"
    summary=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); g=d['diagnostics']; print(len(d['items']), 'items,', len(d['reviewers']), 'reviewers, bridging share', g['bridgingShare'], ',', len(g['warnings']), 'warnings')" "${input}.json")
    echo "run $i: wall ${seconds} s, cpu ${user}+${system} s, peak RSS $((kilobytes / 1024)) MB ($summary), load $load"
  done
done
