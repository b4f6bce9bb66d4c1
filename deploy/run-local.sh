#!/usr/bin/env bash
# Runs Casebook on this machine: embedded PostgreSQL and Kafka, the three services and the gateway
# on http://localhost:8080. Needs only a JDK 17+ and Maven.
#
#   deploy/run-local.sh            start (builds first when something is not built yet)
#   deploy/run-local.sh --clean    start with an empty database and broker
#   deploy/run-local.sh --rebuild  rebuild the services before starting
#   deploy/run-local.sh --replicas 2   two instances of each service and of the gateway (ports in the README);
#                                      every gateway balances across every instance of a service
#
# Ctrl-C stops everything it started. Data lives in ./data (or $CASEBOOK_DATA_DIR).
# Links the services write (Location, Link) name http://localhost:8080, or $CASEBOOK_PUBLIC_URL when clients
# reach Casebook elsewhere (a tunnel, a proxy in front); the gateway never takes that from a client's Host.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

modules=(deploy/devstack auth-service casestudy-service metrics-service gateway)
classpath_file=deploy/devstack/target/classes/dev/casebook/devstack/runtime.classpath

build=false
for arg in "$@"; do
  [ "$arg" = "--rebuild" ] && build=true
done
for module in auth-service casestudy-service metrics-service gateway; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || build=true
done
[ -f "$classpath_file" ] || build=true

if $build; then
  echo "casebook: building ${modules[*]} (the first build downloads dependencies and takes a few minutes)"
  mvn -B -q -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am package
fi

# exec: Ctrl-C and SIGTERM go straight to the runner, which stops every process it started.
exec java -cp "deploy/devstack/target/classes:$(cat "$classpath_file")" dev.casebook.devstack.LocalRun --root "$root" "$@"
