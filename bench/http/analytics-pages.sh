#!/usr/bin/env bash
# Every analytics page (/admin/analytics/<topic>) on a whole season of the model user's size, through HTTP: the
# analytics bench season (bench analytics-season: APPLICANTS applicants through all three stages, a reviewed stage 1
# round, attempts, interviews, a published match with answered offers and a second run) is seeded into a kept
# database; the Release app (Kestrel, Production, admin two-step sign-in off) serves it; the demo admin signs in through
# the form as a browser does, and each topic's page is fetched once, then GETS more times, sequentially, with curl.
# SQLite, then PostgreSQL when COHORT_BENCH_POSTGRES names a server (there the database cohort_analytics_pages is kept
# after the run, to open the pages by hand, and replaced by the next run).
# usage: [COHORT_BENCH_POSTGRES="Host=...;Username=..."] bench/http/analytics-pages.sh [GETS] [APPLICANTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
gets=${1:-10}; applicants=${2:-2500}
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null
dotnet build bench/Cohort.Benchmarks -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-analytics.XXXXXX)
. bench/http/signed-in-app.sh
trap 'stop_app; rm -rf "$work"' EXIT

# run PROVIDER CONNECTION DATABASE_ARGUMENT [ENV...]: seed, serve, sign in, time each topic.
run() {
  local provider=$1 connection=$2 target=$3; shift 3
  echo "== $provider: $applicants applicants"
  env "$@" dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll analytics-season "$target" "$applicants" | grep -v '^kept:'
  serve "$provider" "$connection"
  sign_in_admin
  local topics topic charts
  topics=$(curl -s -H "$(cookie_header)" "$base/admin/analytics" | grep -o 'href="/admin/analytics/[a-z-]*?' | sed 's|href="/admin/analytics/||;s|?$||' | sort -u)
  [ -n "$topics" ] || { echo "the analytics page lists no topics" >&2; exit 1; }
  for topic in $topics; do
    echo "-- /admin/analytics/$topic"
    time_gets "$base/admin/analytics/$topic" "$gets"
    charts=$(grep -c '<svg' "$work/page.html" || true)
    echo "the first GET's page: $charts charts drawn"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run Sqlite "Data Source=$work/cohort.db" "$work/cohort.db" -u COHORT_BENCH_POSTGRES
if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
  run Postgres "$COHORT_BENCH_POSTGRES;Database=cohort_analytics_pages" cohort_analytics_pages
fi
