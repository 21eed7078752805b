#!/usr/bin/env bash
# Adds a migration of the same name to both databases' migration sets, so neither falls behind.
# usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet build "src/Cohort.Migrations.$provider" -v quiet -nologo >/dev/null
  dotnet ef migrations add "$name" --project "src/Cohort.Migrations.$provider" --output-dir Migrations --no-build
done
