#!/usr/bin/env bash
# Runs microcred on this machine: DynamoDB Local, S3Proxy and the SES emulator with the tables,
# buckets and routes of template.yaml, the real function handlers behind a local API Gateway
# (with a dev JWT issuer), and the demo data. Data is kept in .microcred/data between runs.
#
#   infrastructure/run-local.sh            # build, then start on http://127.0.0.1:3000
#   infrastructure/run-local.sh --reset    # wipe .microcred/data and load the demo data again
#
# MICROCRED_PORT changes the port; MICROCRED_SKIP_BUILD=true reuses the last build;
# MICROCRED_DEMO=false starts empty: only the platform admin can sign in (see /_local/tokens).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [[ "${MICROCRED_SKIP_BUILD:-false}" != "true" ]]; then
  echo "Building microcred (mvn install, tests skipped)..." >&2
  mvn -q -B -Dstyle.color=never -DskipTests install
fi

classpath_file="$repo/infrastructure/local/target/local-classpath.txt"
mvn -q -B -Dstyle.color=never -pl infrastructure/local dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

# Powertools reads this from the process environment; locally, metrics would only be console noise.
export POWERTOOLS_METRICS_DISABLED=true

exec java -Dlog4j2.configurationFile=log4j2-local.xml \
  -cp "infrastructure/local/target/classes:$(cat "$classpath_file")" \
  org.microcred.local.LocalMicrocred "$@"
