#!/usr/bin/env bash
# The deadline surge through HTTP: the Release app in its own process (Kestrel, Production) on a fresh database with the
# demo season; APPLICANTS applicants sign in, autosave SAVES times about every 3 s and submit (one in ten twice at
# once). SQLite, then PostgreSQL when COHORT_BENCH_POSTGRES names a server (a throwaway database is made and dropped).
# usage: [COHORT_BENCH_POSTGRES="Host=...;Username=..."] bench/http/deadline-surge.sh [APPLICANTS] [SAVES]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null
dotnet build bench/Cohort.Benchmarks -c Release -nologo -v quiet >/dev/null
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll deadline-surge-http \
  src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll "${1:-500}" "${2:-5}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
