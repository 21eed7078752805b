# Shared by the bench scripts that time signed-in admin pages through HTTP (ranking-page.sh, analytics-pages.sh);
# sourced, not run. Expects $work (a temp folder) and sets $app (the app's pid) and $base (its address).
#   serve PROVIDER CONNECTION   starts the Release app on the database, in Production, and waits until it is ready
#   sign_in_admin               signs the demo admin in through the form, as a browser does; cookies in $work/jar
#   cookie_header               the Cookie header a browser would send
#   time_gets URL GETS          a first GET, then GETS sequential ones; prints the times and their median
#   stop_app                    stops the app

app=
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; fi; }

# The Cookie header a browser would send: every cookie in curl's jar (curl itself keeps Secure ones off plain http).
cookie_header() { awk 'NF >= 7 && $0 !~ /^# / {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$work/jar" | sed 's/^/Cookie: /'; }

serve() {
  local provider=$1 connection=$2 port
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
}

sign_in_admin() {
  rm -f "$work/jar"
  local token status
  token=$(curl -fs -c "$work/jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$(cookie_header)" -c "$work/jar" -X POST "$base/account/sign-in" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=admin@demo.cohort.test" \
    --data-urlencode "Input.Password=demo-admin-password")
  [ "$status" = 302 ] || { echo "signing in answered $status" >&2; exit 1; }
}

# time_gets URL GETS: the first GET's time (JIT, caches) with the page kept in $work/page.html, then GETS more.
time_gets() {
  local page=$1 gets=$2 header time times=()
  header=$(cookie_header)
  time=$(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' -H "$header" "$page")
  [ "${time% *}" = 200 ] || { echo "$page answered ${time% *}" >&2; tail -30 "$work"/app-*.log >&2; exit 1; }
  echo "first GET (the app's first render of the page: JIT, caches): ${time#* } s; $(wc -c <"$work/page.html") bytes"
  for _ in $(seq 1 "$gets"); do
    time=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$header" "$page")
    [ "${time% *}" = 200 ] || { echo "a GET answered ${time% *}" >&2; exit 1; }
    times+=("${time#* }")
  done
  echo "then $gets sequential GETs (s): ${times[*]}"
  echo "median: $(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}') s"
}
