#!/usr/bin/env bash
# While several people change the model at once, keeps ONE uncommitted migration named "Pending" in each
# migration set up to date with the whole model. Run it (under the lock) after any model change:
#   flock /tmp/cohort-migration.lock scripts/dev-migration.sh
# Before committing, the Pending migration is replaced by a named one with scripts/add-migration.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(cat .pending-migration-base 2>/dev/null || git rev-parse HEAD)
echo "$base" > .pending-migration-base
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dir="src/Cohort.Migrations.$provider/Migrations"
  rm -f "$dir"/*_Pending.cs "$dir"/*_Pending.Designer.cs
  git show "$base:$dir/CohortDbContextModelSnapshot.cs" > "$dir/CohortDbContextModelSnapshot.cs"
  dotnet build "src/Cohort.Migrations.$provider" -v quiet -nologo >/dev/null
  dotnet ef migrations add Pending --project "src/Cohort.Migrations.$provider" --output-dir Migrations --no-build >/dev/null
done
echo "Pending migrations regenerated against $base."
