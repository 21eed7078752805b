#!/usr/bin/env bash
# The season archive at the model user's size: the review-round season of bench/Cohort.Benchmarks (APPLICATIONS
# submitted applications, REVIEWERS reviewers, K reviews each, assigned and fully reviewed) is seeded into a SQLite
# file; the Release `cohort` exports it (`cohort export season`), imports the archive into a new SQLite file and, when
# COHORT_BENCH_POSTGRES names a server, into a new PostgreSQL database, and exports it again from there. Each step is
# one process, timed with /usr/bin/time (wall time and peak memory); the archives are compared as the round-trip
# test compares them.
# usage: [COHORT_BENCH_POSTGRES="Host=...;Username=..."] bench/run-archive.sh [APPLICATIONS [REVIEWERS [K]]]
set -euo pipefail
cd "$(dirname "$0")/.."
applications=${1:-2500}; reviewers=${2:-100}; k=${3:-3}
dotnet build src/Cohort.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/Cohort.Benchmarks -c Release -nologo -v quiet >/dev/null
cohort="dotnet $PWD/src/Cohort.Cli/bin/Release/net10.0/cohort.dll"
work=$(mktemp -d /tmp/cohort-archive.XXXXXX)
database="cohort_archive_bench_$$"
# One setting of the Npgsql connection string, for psql.
setting() { echo "$COHORT_BENCH_POSTGRES" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -1; }
cleanup() {
  rm -rf "$work"
  if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
    psql "host=$(setting Host) port=$(setting Port) user=$(setting Username) dbname=postgres" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
env -u COHORT_BENCH_POSTGRES dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll review-round-season "$work/season.db" "$applications" "$reviewers" "$k" | grep -v '^kept:'

timed() { local what=$1; shift; /usr/bin/time -f "$what: %e s wall, %M KB peak" "$@" | sed 's/^/  /'; }

timed "export from SQLite" $cohort export season -o "$work/a.json" --provider Sqlite --connection "Data Source=$work/season.db"
echo "  archive: $(du -h "$work/a.json" | cut -f1)"
timed "import into an empty SQLite" $cohort import season "$work/a.json" --provider Sqlite --connection "Data Source=$work/restored.db"
timed "export from the restored SQLite" $cohort export season -o "$work/b.json" --provider Sqlite --connection "Data Source=$work/restored.db"
if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
  postgres="$COHORT_BENCH_POSTGRES;Database=$database"
  timed "import into an empty PostgreSQL" $cohort import season "$work/a.json" --provider Postgres --connection "$postgres"
  timed "export from PostgreSQL" $cohort export season -o "$work/c.json" --provider Postgres --connection "$postgres"
fi

for other in "$work"/b.json "$work"/c.json; do
  [ -f "$other" ] || continue
  if cmp -s <(grep -v '^  "generatedAt"' "$work/a.json") <(grep -v '^  "generatedAt"' "$other"); then
    echo "$(basename "$other"): the same archive but for generatedAt"
  else
    echo "$(basename "$other"): DIFFERS from a.json"; exit 1
  fi
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
