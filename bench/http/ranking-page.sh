#!/usr/bin/env bash
# The ranking page (/admin/scores/general, with its calibration diagnostic) at the model user's size, through HTTP:
# a stage 1 round of APPLICATIONS applications, REVIEWERS reviewers and K reviews each, assigned by the solver and
# fully reviewed, is seeded into a kept database (bench review-round-season, which also times the score table in
# process); the Release app (Kestrel, Production, admin two-step sign-in off) serves it; the demo admin signs in
# through the form as a browser does, and GETS sequential GETs of the page are timed with curl. SQLite, then
# PostgreSQL when COHORT_BENCH_POSTGRES names a server (there the database cohort_ranking_page is kept after the run,
# to open the page by hand, and replaced by the next run).
# usage: [COHORT_BENCH_POSTGRES="Host=...;Username=..."] bench/http/ranking-page.sh [GETS] [APPLICATIONS [REVIEWERS [K]]]
set -euo pipefail
cd "$(dirname "$0")/../.."
gets=${1:-10}; applications=${2:-2500}; reviewers=${3:-100}; k=${4:-3}
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null
dotnet build bench/Cohort.Benchmarks -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-ranking.XXXXXX)
. bench/http/signed-in-app.sh
trap 'stop_app; rm -rf "$work"' EXIT

# run PROVIDER CONNECTION DATABASE_ARGUMENT [ENV...]: seed, serve, sign in, time.
run() {
  local provider=$1 connection=$2 target=$3; shift 3
  echo "== $provider: $applications applications, $reviewers reviewers, $k reviews each"
  env "$@" dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll review-round-season "$target" "$applications" "$reviewers" "$k" | grep -v '^kept:'
  serve "$provider" "$connection"
  sign_in_admin
  time_gets "$base/admin/scores/general" "$gets"
  grep -q 'id="calibration"' "$work/page.html" || { echo "the ranking page has no calibration section" >&2; exit 1; }
  local rows
  rows=$(grep -c '<td class="calibrated">' "$work/page.html" || true)
  [ "$rows" = "$applications" ] || { echo "the ranking page shows $rows scored rows, not $applications" >&2; exit 1; }
  echo "the first GET's page: id=\"calibration\", $rows scored rows"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run Sqlite "Data Source=$work/cohort.db" "$work/cohort.db" -u COHORT_BENCH_POSTGRES
if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
  run Postgres "$COHORT_BENCH_POSTGRES;Database=cohort_ranking_page" cohort_ranking_page
fi
