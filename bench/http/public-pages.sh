#!/usr/bin/env bash
# The public pages' throughput as a ratio to a static file served by the same app, side by side with hey: the home page
# and /streams as a visitor asks for them (no cookie), against /css/site.css. A Release build in Production on SQLite,
# the demo season put in with `cohort db migrate` and `cohort seed demo` as an operator would. hey asks for gzip, as
# browsers do; every response is compressed alike. Absolute figures swing with a shared machine's load; the ratios are
# the figures to compare.
# usage: bench/http/public-pages.sh [SECONDS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; concurrency=${2:-50}
command -v hey >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Cohort.Cli -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-bench.XXXXXX)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export ConnectionStrings__Cohort="Data Source=$work/cohort.db" Logging__LogLevel__Default=Warning
dotnet src/Cohort.Cli/bin/Release/net10.0/cohort.dll db migrate >/dev/null
# The demo accounts have published passwords, so the CLI seeds them only when told it is Development.
DOTNET_ENVIRONMENT=Development dotnet src/Cohort.Cli/bin/Release/net10.0/cohort.dll seed demo >/dev/null
# exec: $! is then the app itself, so the trap stops it rather than only the subshell that started it.
# A build (not a publish) has no wwwroot beside it, and only Development finds the project's: name it, so the static
# file is served from disk in Production as a publish would serve it.
(cd "$work" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_WEBROOT="$OLDPWD/src/Cohort.Web/wwwroot" Cohort__PublicBaseUrl="$base" \
  exec dotnet "$OLDPWD/src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll" --urls "$base" >"$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs "$base/css/site.css" >/dev/null 2>&1 && break; sleep 1; done
for path in /css/site.css / /streams; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" = 200 ] || { echo "$path did not answer 200" >&2; cat "$work/app.log" >&2; exit 1; }
done

rps() { hey -z "${seconds}s" -c "$concurrency" "$base$1" | awk '/Requests\/sec/ {print $2}'; }
# Warm every path once (JIT, first rendering) before any is timed.
for path in /css/site.css / /streams; do hey -n 200 -c 10 "$base$path" >/dev/null; done
static=$(rps /css/site.css)
home=$(rps /)
streams=$(rps /streams)
printf 'hey -c %s -z %ss, Production, SQLite, demo season; load average %s\n' "$concurrency" "$seconds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %10s %8s\n' "request" "req/s" "ratio"
for row in "static file /css/site.css:$static" "home page /:$home" "stream list /streams:$streams"; do
  name=${row%:*}; value=${row##*:}
  printf '%-28s %10.0f %8.3f\n' "$name" "$value" "$(python3 -c "print($value/$static)")"
done
