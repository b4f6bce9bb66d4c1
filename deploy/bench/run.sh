#!/usr/bin/env bash
# Casebook benchmark harness (issue 6). Starts Casebook with deploy/run-local.sh on a fresh temporary data folder,
# seeds it through the API, measures with wrk (and nginx for comparison) and a small Kafka client, prints a table
# and writes deploy/bench/results/<timestamp>.json. Loopback (127.0.0.1) only. See deploy/bench/README.md.
#
#   deploy/bench/run.sh                      full run: 1,000 case studies, 3 rounds of 10 s per measurement
#   deploy/bench/run.sh --quick              100 case studies, 3 rounds of 5 s
#   deploy/bench/run.sh --seed 300 --duration 5 --rounds 3 --time-limit 15 --publish-results
#   deploy/bench/run.sh --only import         the stack, then only the Markdown import row (about 2 minutes)
#   deploy/bench/run.sh --only login-flood --seed 200 --duration 5   the stack, a seed, then only the login-flood row
#   deploy/bench/run.sh --only samples --seed 100 --samples 20000   the stack, a seed, then only the samples intake row
#   deploy/bench/run.sh --scale [--scale-size 1000000] [--duration 5]   reads at 1,000 case studies, then at a million
#                                            seeded straight into PostgreSQL (about 2.5 GB of disk; time limit 90 min)
#   deploy/bench/run.sh publish [results/<run>.json] [--port 8080] [--username admin]
#                                            a recorded run as the case study "Casebook performance" in the Casebook
#                                            running on 127.0.0.1 (password from CASEBOOK_PUBLISH_PASSWORD, else asked)
#
# Not part of the Maven build. Needs the services built (mvn -B -q -DskipTests -pl
# deploy/devstack,auth-service,casestudy-service,metrics-service,gateway -am package), wrk, nginx, python3, java.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# Publishing a recorded run starts nothing and sends a handful of requests to 127.0.0.1 only.
if [ "${1:-}" = "publish" ]; then
  shift
  exec timeout --foreground 120 python3 "$here/bench.py" publish "$@"
fi

time_limit=20   # minutes, for everything (the default full run takes about 13)
host=127.0.0.1
keep=false
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time-limit) time_limit="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --quick) bench_args+=(--seed 100 --duration 5 --warmup 3 --samples 20000); shift ;;
    --keep) keep=true; shift ;;
    --scale) bench_args+=(--only scale); [ "$time_limit" = 20 ] && time_limit=90; shift ;;
    --seed|--rounds|--duration|--warmup|--clients|--writes|--write-clients|--samples|--sample-batch|--import-runs|--only|--scale-size)
      bench_args+=("$1" "$2"); shift 2 ;;
    --publish-results) bench_args+=("$1"); shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# 1. Loopback only: the stack listens on fixed local ports and the load would hit whatever answers there.
if [ "$host" != "127.0.0.1" ]; then
  echo "bench: refusing to run against $host: this harness only measures a stack it starts itself on 127.0.0.1" >&2
  exit 2
fi

# The whole run is bounded: re-run this script under timeout(1), which signals us (and only our process group).
if [ -z "${CASEBOOK_BENCH_TIMED:-}" ]; then
  export CASEBOOK_BENCH_TIMED=1
  exec timeout --kill-after=90 "${time_limit}m" "$0" --time-limit "$time_limit" "${bench_args[@]}" $($keep && echo --keep)
fi

for tool in wrk nginx python3 java curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk nginx)" >&2; exit 2; }
done
for module in auth-service casestudy-service metrics-service gateway; do
  [ -f "$root/$module/target/quarkus-app/quarkus-run.jar" ] || {
    echo "bench: $module is not built; run: mvn -B -q -DskipTests -pl deploy/devstack,auth-service,casestudy-service,metrics-service,gateway -am package" >&2
    exit 2; }
done
for port in 8080 8081 8082 8083 15432 19092; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "bench: port $port is in use (a Casebook already running?); stop it first" >&2
    exit 2
  fi
done

tmp="$(mktemp -d /tmp/casebook-bench.XXXXXX)"
runner_pid=""
bench_pid=""
recorder_pid=""
topic_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # Children the driver started (nginx, Kafka clients), by their recorded pids.
  [ -n "$bench_pid" ] && kill "$bench_pid" 2>/dev/null || true
  [ -n "$recorder_pid" ] && kill "$recorder_pid" 2>/dev/null || true
  [ -n "$topic_pid" ] && kill "$topic_pid" 2>/dev/null || true
  if [ -f "$tmp/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$tmp/pids"
  fi
  # The runner stops the four services, Kafka and PostgreSQL on SIGTERM (its shutdown hook).
  if [ -n "$runner_pid" ] && kill -0 "$runner_pid" 2>/dev/null; then
    echo "bench: stopping the stack (pid $runner_pid)"
    kill "$runner_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$runner_pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$runner_pid" 2>/dev/null; then kill -9 "$runner_pid" 2>/dev/null || true; fi
  fi
  # Anything the runner left behind (if it was killed): the processes recorded right after start.
  if [ -f "$tmp/stack.pids" ]; then
    while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done < "$tmp/stack.pids"
  fi
  if $keep || [ "$status" -ne 0 ]; then
    echo "bench: logs kept in $tmp"
  else
    rm -rf "$tmp"
  fi
  [ "$status" -eq 124 ] && echo "bench: stopped by SIGTERM (the time limit of ${time_limit} min, or someone)" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 124' TERM
trap 'exit 130' INT

# 2. The stack, on a fresh data folder, with a known admin password and the gateway's rate limit off.
export CASEBOOK_DATA_DIR="$tmp/data"
CASEBOOK_ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export CASEBOOK_ADMIN_PASSWORD
export CASEBOOK_GATEWAY_RATE_LIMIT_ENABLED=false
echo "bench: starting Casebook (run-local.sh --clean, data in $CASEBOOK_DATA_DIR, rate limit off; log $tmp/stack.log)"
"$root/deploy/run-local.sh" --clean >"$tmp/stack.log" 2>&1 &
runner_pid=$!

# The devstack declares every topic (metrics.samples included) before the services start, and run-local.sh writes the
# Kafka logins of the benchmark's tools into $CASEBOOK_DATA_DIR/kafka-clients at every start.

# Record what the runner starts (services, Kafka, PostgreSQL), so cleanup can kill leftovers by pid.
(
  for _ in $(seq 1 600); do
    sleep 1
    grep -q "casebook: ready" "$tmp/stack.log" 2>/dev/null && break
  done
  { cat "/proc/$runner_pid/task/"*/children 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' || true
    # PostgreSQL detaches from the runner; its postmaster pid is in its data folder.
    head -1 "$CASEBOOK_DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true; } > "$tmp/stack.pids"
) &
recorder_pid=$!

# 3.-5. Measure (the driver waits for readiness itself, to time it).
python3 "$here/bench.py" --tmp "$tmp" --runner-pid "$runner_pid" "${bench_args[@]}" &
bench_pid=$!
wait "$bench_pid"
bench_pid=""
