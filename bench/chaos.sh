#!/usr/bin/env bash
# Chaos under load: a 3-node cluster behind HAProxy, loaded with sign-ups, logins, refresh chains and
# checkouts while, in turn, a node is killed (SIGKILL) and restarted, PostgreSQL is restarted and Redis is
# restarted. Then checks, through the API and the database, that nothing was lost or doubled, and prints
# the table. Run bench/chaos.sh --help for usage.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
LOG_PREFIX="chaos"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/redis.sh
source scripts/lib/redis.sh
# shellcheck source=scripts/lib/cluster.sh
source scripts/lib/cluster.sh

usage() {
  cat <<'EOF'
Usage: bench/chaos.sh [--help]

Builds src/Web and bench/LoadGen in Release and starts, on 127.0.0.1 only: a throwaway PostgreSQL 15
(default durability), Redis, 3 API nodes (Production, one random signing key) and HAProxy on a free port
(SHOPEASE_CHAOS_PORT to choose it). The load generator's chaos mode then signs up, logs in, rotates
refresh chains and checks out through HAProxy, retrying failures as a careful client would (the same
refresh token, the same Idempotency-Key), while this script, 10 s apart:
  1. kills node 2 with SIGKILL, and restarts it 3 s later,
  2. restarts PostgreSQL (stop -m immediate, 2 s down, start),
  3. restarts Redis (SIGKILL, start; its counters are gone).
Afterwards it checks through the API and the database: every acknowledged order exists once and reads
back, stock never negative and equal to what was sold, no refresh token rotated twice, every chain
continues or ended with an honest 401, failures only during faults and only 503 service_unavailable or
proxy/connection errors, every node ready within 10 s of each fault. Prints the table; exit code 0 when
every check passed. About 2 minutes. Logs: bench/results/chaos/. Everything it started is stopped.
EOF
}

accept_only_help "$@"

export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
require_dotnet
install_traps
CLUSTER_DIR=$ROOT/bench/results/chaos
# On a busy shared machine a node restarted under load may need long to start; it is measured, not fatal.
CLUSTER_START_TIMEOUT=180
rm -rf -- "$CLUSTER_DIR"
mkdir -p "$CLUSTER_DIR"

cluster_build
log "building bench/LoadGen (Release)"
run_child dotnet build bench/LoadGen -c Release --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$CLUSTER_DIR/build-loadgen.log" 2>&1 ||
  die "building bench/LoadGen failed (log: $CLUSTER_DIR/build-loadgen.log)"
LOADGEN_DLL=$(ls -t bench/LoadGen/bin/Release/*/ShopEase.LoadGen.dll | head -n 1)

# shellcheck disable=SC2119 # default durability, as in production
pg_start_throwaway
pg_ensure_database shopease_chaos
DATABASE=$(pg_connection_string shopease_chaos)
redis_start "$CLUSTER_DIR/redis"

NODE_ENV=(
  ASPNETCORE_ENVIRONMENT=Production
  ConnectionStrings__Default="$DATABASE"
  Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
  Mfa__EncryptionKey="$(head -c 32 /dev/urandom | base64)"
  Redis__Configuration="127.0.0.1:$REDIS_PORT"
  ForwardedHeaders__KnownProxies__0=127.0.0.1
  # Every client here is 127.0.0.1: the limits still run (through Redis), with room for the load.
  RateLimiting__LoginPerIpPerMinute=100000
  RateLimiting__RegisterPerIpPerHour=100000
  RateLimiting__RefreshPerSessionPerMinute=100000
  Logging__LogLevel__Default=Warning
)
cluster_migrate
add_cleanup cluster_stop_nodes
for i in 1 2 3; do
  cluster_start_node "$i"
done
cluster_start_haproxy "127.0.0.1:${SHOPEASE_CHAOS_PORT:-$(pg_free_port)}"
API=http://127.0.0.1:${SHOPEASE_CHAOS_PORT:-$(sed -n 's/^ *bind 127.0.0.1:\([0-9]*\)$/\1/p' "$CLUSTER_DIR/haproxy.cfg")}

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

# Milliseconds since the epoch at which every node answered /health/ready (waits up to 60 s).
all_ready_ms() {
  local port deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    for port in "${NODE_PORTS[@]}"; do
      cluster_node_ready "$port" || { sleep 0.1; continue 2; }
    done
    now_ms
    return 0
  done
  now_ms
}

FAULTS=$CLUSTER_DIR/faults.tsv
STOP=$CLUSTER_DIR/stop
printf '# name\tstart_ms\tend_ms\tall_ready_ms\n' >"$FAULTS"
fault() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$FAULTS"; log "$1: every node ready $(($4 - $3)) ms after it ended"; }

log "load through $API"
env DOTNET_EnableDiagnostics=0 dotnet "$LOADGEN_DLL" chaos --api "$API" --database "$DATABASE" \
  --faults "$FAULTS" --stop-file "$STOP" >"$CLUSTER_DIR/report.txt" 2>"$CLUSTER_DIR/loadgen.log" </dev/null &
LOADGEN_PID=$!
# shellcheck disable=SC2317 # invoked as a cleanup hook
stop_loadgen() { touch "$STOP"; kill -0 "$LOADGEN_PID" 2>/dev/null && terminate_tree "$LOADGEN_PID" 60; wait "$LOADGEN_PID" 2>/dev/null || true; }
add_cleanup stop_loadgen

# The load generator first measures WAL per request alone, then starts the load and says so.
until [[ -f $STOP.started ]]; do
  kill -0 "$LOADGEN_PID" 2>/dev/null || { cat "$CLUSTER_DIR/loadgen.log" >&2; die "the load generator exited before the load started"; }
  sleep 0.2
done
sleep 10
log "fault 1: SIGKILL node 2, restart it 3 s later"
start=$(now_ms)
cluster_kill_node 2
sleep 3
end=$(now_ms)
cluster_start_node 2
fault "node 2 SIGKILL + restart" "$start" "$end" "$(all_ready_ms)"

sleep 10
log "fault 2: restart PostgreSQL (immediate stop, 2 s down)"
start=$(now_ms)
pg_restart 2
end=$(now_ms)
fault "PostgreSQL restart" "$start" "$end" "$(all_ready_ms)"

sleep 10
log "fault 3: restart Redis (SIGKILL, start)"
start=$(now_ms)
redis_restart
end=$(now_ms)
fault "Redis restart" "$start" "$end" "$(all_ready_ms)"

sleep 10
touch "$STOP"
rc=0
wait "$LOADGEN_PID" || rc=$?
cat "$CLUSTER_DIR/report.txt"
[[ $rc -eq 0 ]] || log "some checks failed (exit code $rc; log: $CLUSTER_DIR/loadgen.log)"
exit "$rc"
