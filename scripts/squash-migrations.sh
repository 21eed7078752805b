#!/usr/bin/env bash
# Until the first release, each provider keeps one migration, "Initial", regenerated from the model: nobody has a
# database to upgrade yet, and a dozen 3,000-line designers are noise to every reader. After the first release this
# script must not be used again; add migrations with scripts/add-migration.sh instead (docs/decisions/data.md).
# usage: scripts/squash-migrations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  rm -rf "src/Cohort.Migrations.$provider/Migrations"
  dotnet build "src/Cohort.Migrations.$provider" -v quiet -nologo >/dev/null
  dotnet ef migrations add Initial --project "src/Cohort.Migrations.$provider" --output-dir Migrations --no-build
done
