#!/usr/bin/env bash
# Installs what the tests need, starts a throwaway PostgreSQL on loopback, runs every test project,
# and ends with one line: "N passed, N failed" over all of them.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { echo "test.sh: $*" >&2; }

# --- what the tests need from Debian ------------------------------------------------------------
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# `cohort db backup` and `restore` on PostgreSQL run pg_dump and pg_restore; each server version's package brings the
# client of the same version (postgresql-client-15 for /usr/lib/postgresql/15), so pg_dump is never older than the server.
ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
# The reverse-proxy test runs nginx itself, on loopback, with a certificate openssl makes.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The two-instance test checks the systemd unit in deploy/ with systemd-analyze (no systemd needs to be running).
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
# The API's season script in docs/api.md, which a test runs, uses curl and jq.
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  # nginx's package would start its own service on port 80 of every interface; the tests need only the binary,
  # so services are held back (policy-rc.d, as Debian's container images do) while installing.
  held_back=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null && $sudo_cmd chmod +x /usr/sbin/policy-rc.d && held_back=1
  fi
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null; installed=$?
  [ -z "$held_back" ] || $sudo_cmd rm -f /usr/sbin/policy-rc.d
  [ "$installed" = 0 ] || { log "apt-get install failed"; exit 1; }
fi

# --- a throwaway PostgreSQL on 127.0.0.1 ---------------------------------------------------------
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGTMP=$(mktemp -d /tmp/cohort-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres: "$PGTMP"
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGTMP"; }
trap stop_pg EXIT
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null || { log "initdb failed"; exit 1; }
# fsync off: this cluster is thrown away after the run, and the durability tests use SQLite files.
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c max_connections=300" start >/dev/null || { cat "$PGTMP/log"; exit 1; }
export COHORT_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Include Error Detail=true"
log "PostgreSQL on 127.0.0.1:$PGPORT"

# --- build once, then run each test project ------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each in-process test host watches its content root and wwwroot; with the Web tests' many hosts at once, inotify's
# 128 instances per user run out ("The configured user limit (128) on the number of inotify instances has been
# reached") and pages fail at random. The tests never change a file under a running host, so polling costs nothing.
export DOTNET_USE_POLLING_FILE_WATCHER=1
dotnet tool restore >/dev/null
if ! dotnet build Cohort.slnx -c Release -nologo -v quiet; then
  log "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; status=0
results="$root/artifacts/test-results"; mkdir -p "$results"
# A report left by an earlier run would name its failures as this run's.
rm -f "$results"/*.trx
# Runs one test project into its log and writes its exit code beside it.
run_project() {
  local name; name=$(basename "$1" .csproj)
  # The TRX report beside the log holds each test's duration, to find where the run's time goes.
  dotnet test --project "$1" -c Release --no-build --no-ansi --no-progress \
    --results-directory "$results" --report-xunit-trx --report-xunit-trx-filename "$name.trx" >"$results/$name.log" 2>&1
  echo $? >"$results/$name.exit"
}
# Adds a finished project's totals, after showing its log.
count_project() {
  local name out code p f; name=$(basename "$1" .csproj); out="$results/$name.log"; code=$(cat "$results/$name.exit")
  cat "$out"
  p=$(grep -E '^\s*succeeded: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  f=$(grep -E '^\s*failed: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+')
  if [ -z "$p" ] && [ -z "$f" ]; then
    log "$name reported no totals (exit $code)"; f=1
  fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  [ "$code" = 0 ] || status=1
}
# The end-to-end journeys, the longest project, mostly wait on the browser and the app between steps and leave the cores
# half idle; the other projects run one after another beside them instead of after them (docs/performance.md, "Test suite").
e2e=tests/Cohort.EndToEnd/Cohort.EndToEnd.csproj
log "running Cohort.EndToEnd beside the others"
run_project "$e2e" &
e2e_pid=$!
for project in tests/*/*.csproj; do
  [ "$project" = "$e2e" ] && continue
  log "running $(basename "$project" .csproj)"
  run_project "$project"
  count_project "$project"
done
wait "$e2e_pid"
count_project "$e2e"

# The matching contract's public cases, against the built `cohort`.
if [ -f ../shared/checks/matching-contract.sh ]; then
  log "running the matching contract's public cases"
  contract=$(bash ../shared/checks/matching-contract.sh src/Cohort.Cli/bin/Release/net10.0/cohort 2>&1)
  echo "$contract"
  last=$(echo "$contract" | tail -n 1)
  if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
  else
    failed=$((failed + 1))
  fi
fi

[ "$failed" = 0 ] || status=1
python3 tests/failed-tests.py "$results"/*.trx
echo "$passed passed, $failed failed"
exit $status
