#!/usr/bin/env bash
# What the per-request security work costs: a signed-in page (the session's security stamp, sign-out record and
# lifetime checked against the database on every request, then the page's own queries) against a static file and a
# public page served by the same app in the same run. Absolute figures on a shared 2-core machine swing by 2x from
# run to run, so the ratios are the figures to compare.
# usage: bench/http/signed-in-pages.sh [SECONDS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; concurrency=${2:-20}
command -v hey >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-bench.XXXXXX)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
# Development: the demo season and its accounts, plain http. Logging down so the console is not the bottleneck.
# exec: $! is then the app itself, so the trap stops it rather than only the subshell that started it.
(cd "$work" && ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  exec dotnet "$OLDPWD/src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll" --urls "$base" >"$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -fs "$base/css/site.css" >/dev/null 2>&1 && break; sleep 1; done

# Sign in as the demo applicant the way a browser does: the form's antiforgery token, then the post.
jar="$work/cookies"
token=$(curl -fs -c "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$base/account/sign-in" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=applicant@demo.cohort.test" \
  --data-urlencode "Input.Password=demo-applicant-password"
cookie=$(awk '$6 ~ /auth/ {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "signing in failed" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/portal")" = 200 ] || { echo "the portal did not open" >&2; exit 1; }

rps() { hey -z "${seconds}s" -c "$concurrency" "$@" | awk '/Requests\/sec/ {print $2}'; }
static=$(rps "$base/css/site.css")
public=$(rps "$base/streams")
portal=$(rps -H "Cookie: $cookie" "$base/portal")
security=$(rps -H "Cookie: $cookie" "$base/account/security")
printf '%-34s %10s %8s\n' "request" "req/s" "ratio"
for row in "static file /css/site.css:$static" "public page /streams:$public" "signed-in /portal:$portal" "signed-in /account/security:$security"; do
  name=${row%:*}; value=${row##*:}
  printf '%-34s %10.0f %8.3f\n' "$name" "$value" "$(python3 -c "print($value/$static)")"
done
