#!/usr/bin/env bash
# GET /api/v1/applications paging through a season of APPLICANTS general applications, every answer with each, over
# HTTP: the season is seeded into a kept database (bench exports-season: the export bench's season), the Release app
# (Kestrel, Production) serves it, `cohort token create` makes an applications:read token, and the script follows
# `next` from the first page to the last with curl, ROUNDS times for each page size (the default 50 and the maximum
# 200), printing each walk's wall time and its slowest page. SQLite, then PostgreSQL when COHORT_BENCH_POSTGRES names a
# server (there the database cohort_api_applications is kept after the run and replaced by the next).
# usage: [COHORT_BENCH_POSTGRES="Host=...;Username=..."] bench/http/api-applications.sh [ROUNDS] [APPLICANTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}; applicants=${2:-2500}
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Cohort.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/Cohort.Benchmarks -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-api-applications.XXXXXX)
app=
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; fi; }
trap 'stop_app; rm -rf "$work"' EXIT

# run PROVIDER CONNECTION DATABASE_ARGUMENT [ENV...]: seed, serve, make a token, page through.
run() {
  local provider=$1 connection=$2 target=$3; shift 3
  echo "== $provider: $applicants applicants"
  env "$@" dotnet bench/Cohort.Benchmarks/bin/Release/net10.0/Cohort.Benchmarks.dll exports-season "$target" "$applicants" | grep -v '^kept:'
  local secret
  secret=$(DOTNET_ENVIRONMENT=Production Cohort__PublicBaseUrl=http://127.0.0.1 dotnet src/Cohort.Cli/bin/Release/net10.0/cohort.dll token create --name "bench-$provider" \
    --scope applications:read --expires "$(date -u -d '+7 days' +%Y-%m-%d)" --provider "$provider" --connection "$connection" | grep '^coh_')

  local port base
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  # exec: $! is then the app itself, so stop_app stops it rather than only the subshell that started it.
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Cohort="$connection" \
    Cohort__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning \
    exec dotnet "$OLDPWD/src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll" --urls "$base" >"$work/app-$provider.log" 2>&1) &
  app=$!
  for _ in $(seq 1 240); do curl -fs "$base/healthz/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$base/healthz/ready" >/dev/null || { echo "the app did not become ready:" >&2; tail -30 "$work/app-$provider.log" >&2; exit 1; }

  # One untimed walk first: the app's first requests carry the JIT and the first queries' compilation. Each page's
  # time is curl's time_total (request to last byte); jq, which reads the page for its count and next link, is not timed.
  local limit round
  for limit in 50 200; do
    for round in $(seq 0 "$rounds"); do
      local next="/api/v1/applications?limit=$limit" items=0 times=() timing page
      while [ -n "$next" ]; do
        timing=$(curl -s -o "$work/page.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $secret" "$base$next")
        [ "${timing% *}" = 200 ] || { echo "$next answered ${timing% *}" >&2; cat "$work/page.json" >&2; exit 1; }
        times+=("${timing#* }")
        page=$(jq -r '"\(.items | length) \(.next // "")"' "$work/page.json")
        items=$((items + ${page%% *}))
        next=${page#* }
      done
      [ "$items" = "$applicants" ] || { echo "the walk read $items applications, not $applicants" >&2; exit 1; }
      [ "$round" = 0 ] && continue
      echo "limit=$limit: ${#times[@]} pages, $items applications with their answers: $(printf '%s\n' "${times[@]}" | awk '{s+=$1; if ($1>m) m=$1} END {printf "%.2f s in all, slowest page %.3f s", s, m}')"
    done
  done
  stop_app
}

echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
run Sqlite "Data Source=$work/api-applications.db" "$work/api-applications.db" -u COHORT_BENCH_POSTGRES
if [ -n "${COHORT_BENCH_POSTGRES:-}" ]; then
  run Postgres "$COHORT_BENCH_POSTGRES;Database=cohort_api_applications" cohort_api_applications
fi
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
