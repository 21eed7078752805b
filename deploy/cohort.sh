#!/bin/sh
# `cohort` for operators: the CLI of the installed build with the instances' own settings. Install it as
# /usr/local/bin/cohort and run it as the service's user, e.g. `sudo -u cohort cohort db migrate`.
# COHORT_ENV_FILE and COHORT_HOME point it elsewhere (the two-instance test does).
set -eu
env_file=${COHORT_ENV_FILE:-/etc/cohort/cohort.env}
home=${COHORT_HOME:-/opt/cohort}
if [ ! -r "$env_file" ]; then
  echo "cohort: cannot read $env_file; run as the cohort user (sudo -u cohort cohort ...)" >&2
  exit 1
fi
set -a
. "$env_file"
set +a
exec "$home/cli/cohort" "$@"
