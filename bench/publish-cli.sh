#!/usr/bin/env bash
# Publishes the `cohort` users get (native AOT, docs/operations.md) into out/cli, for the bench scripts that time it.
# The CLI shares the solution with the web app; retry if a build of it is caught mid-change.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf out/cli
for attempt in 1 2 3; do
  dotnet publish src/Cohort.Cli -c Release -r linux-x64 -o out/cli -v q -nologo && exit 0
  [ "$attempt" = 3 ] && exit 1
  sleep 15
done
