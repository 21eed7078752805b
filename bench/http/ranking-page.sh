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
app=
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; fi; }
trap 'stop_app; rm -rf "$work"' EXIT

# The Cookie header a browser would send: every cookie in curl's jar (curl itself keeps Secure ones off plain http).
cookies() { awk 'NF >= 7 && $0 !~ /^# / {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$work/jar"; }

# run PROVIDER CONNECTION DATABASE_ARGUMENT [ENV...]: seed, serve, sign in, time.
run() {
  local provider=$1 connection=$2 target=$3; shift 3
  echo "== $provider: $applications applications, $reviewers reviewers, $k reviews each"
  env "$@" dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll review-round-season "$target" "$applications" "$reviewers" "$k" | grep -v '^kept:'

  local port base
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  # Production, as an operator runs it, so the demo is not seeded over the season; two-step sign-in for admins is a
  # setting the product offers (on by default), turned off here so the script signs in with a password alone.
  # exec: $! is then the app itself, so stop_app stops it rather than only the subshell that started it.
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Cohort="$connection" \
    Cohort__PublicBaseUrl="$base" Cohort__RequireAdminTwoFactor=false Logging__LogLevel__Default=Warning \
    exec dotnet "$OLDPWD/src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll" --urls "$base" >"$work/app-$provider.log" 2>&1) &
  app=$!
  for _ in $(seq 1 240); do curl -fs "$base/healthz/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$base/healthz/ready" >/dev/null || { echo "the app did not become ready:" >&2; tail -30 "$work/app-$provider.log" >&2; exit 1; }

  # Sign in as the demo admin the way a browser does: the form's antiforgery token and cookie, then the post.
  rm -f "$work/jar"
  local token status
  token=$(curl -fs -c "$work/jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cookies)" -c "$work/jar" -X POST "$base/account/sign-in" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=admin@demo.cohort.test" \
    --data-urlencode "Input.Password=demo-admin-password")
  [ "$status" = 302 ] || { echo "signing in answered $status" >&2; exit 1; }

  local page="$base/admin/scores/general" header times=() time
  header="Cookie: $(cookies)"
  time=$(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' -H "$header" "$page")
  [ "${time% *}" = 200 ] || { echo "the ranking page answered ${time% *}" >&2; tail -30 "$work/app-$provider.log" >&2; exit 1; }
  grep -q 'id="calibration"' "$work/page.html" || { echo "the ranking page has no calibration section" >&2; exit 1; }
  local rows
  rows=$(grep -c '<td class="calibrated">' "$work/page.html" || true)
  [ "$rows" = "$applications" ] || { echo "the ranking page shows $rows scored rows, not $applications" >&2; exit 1; }
  echo "first GET (the app's first render of the page: JIT, caches): ${time#* } s; 200, id=\"calibration\", $rows scored rows, $(wc -c <"$work/page.html") bytes"
  for _ in $(seq 1 "$gets"); do
    time=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$header" "$page")
    [ "${time% *}" = 200 ] || { echo "a GET answered ${time% *}" >&2; exit 1; }
    times+=("${time#* }")
  done
  echo "then $gets sequential GETs (s): ${times[*]}"
  echo "median: $(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}') s"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run Sqlite "Data Source=$work/cohort.db" "$work/cohort.db" -u COHORT_BENCH_POSTGRES
if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
  run Postgres "$COHORT_BENCH_POSTGRES;Database=cohort_ranking_page" cohort_ranking_page
fi
