#!/usr/bin/env bash
# A ShopEase cluster on one machine: PostgreSQL, Redis, HAProxy and several API nodes.
# Run scripts/cluster.sh --help for usage.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
LOG_PREFIX="cluster"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/redis.sh
source scripts/lib/redis.sh
# shellcheck source=scripts/lib/cluster.sh
source scripts/lib/cluster.sh

PORT=${SHOPEASE_CLUSTER_PORT:-5080}
NODES=${SHOPEASE_CLUSTER_NODES:-3}
PGDATA_DIR=${SHOPEASE_PGDATA:-$ROOT/.data/postgres}
CLUSTER_DIR=$ROOT/.data/cluster

usage() {
  cat <<EOF
Usage: scripts/cluster.sh [--help]

Builds src/Web in Release and starts, on 127.0.0.1 only:
  - PostgreSQL 15, data kept in .data/postgres (the same database as scripts/run.sh),
  - Redis, which holds the per-IP limits that all nodes share (nothing kept on disk),
  - $NODES API nodes on free ports, each with its Prometheus scrape on a management port,
  - HAProxy on http://127.0.0.1:$PORT: round-robin, health checks on /health/ready,
    requests retried on another node when that is safe.
Missing PostgreSQL, Redis or HAProxy packages are installed with apt-get. Ctrl-C stops
everything it started. Logs: .data/cluster/ (node1.log, ..., haproxy.log, redis/redis.log).

Environment:
  SHOPEASE_CLUSTER_PORT       the port HAProxy listens on (default 5080)
  SHOPEASE_CLUSTER_NODES      how many API nodes (default 3)
  ConnectionStrings__Default  use this database instead (no PostgreSQL is started)
  ASPNETCORE_ENVIRONMENT      default: Development, where every node reads the same generated
                              signing and second-factor keys; elsewhere set Jwt__SigningKey and
                              Mfa__EncryptionKey, the same for all nodes
  SHOPEASE_PGDATA, SHOPEASE_PG_PORT   as for scripts/run.sh
EOF
}

accept_only_help "$@"
[[ $PORT =~ ^[0-9]+$ ]] || die "SHOPEASE_CLUSTER_PORT must be a port number (got: $PORT)"
[[ $NODES =~ ^[1-9][0-9]?$ ]] || die "SHOPEASE_CLUSTER_NODES must be a number from 1 to 99 (got: $NODES)"

require_dotnet
install_traps
mkdir -p "$CLUSTER_DIR"

# Processes an earlier run left behind (it was killed with SIGKILL, so its cleanup never ran): stop
# them, but only if they still are what that run started.
PIDS_FILE=$CLUSTER_DIR/pids
if [[ -f $PIDS_FILE ]]; then
  while read -r pid; do
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || continue
    if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qE "ShopEase\.Web\.dll|$CLUSTER_DIR/haproxy\.cfg|redis-server"; then
      warn "stopping process $pid left by an earlier run"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done <"$PIDS_FILE"
  rm -f -- "$PIDS_FILE"
fi

if (: </dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
  die "port $PORT is already in use (scripts/run.sh or another cluster?): stop it, or set SHOPEASE_CLUSTER_PORT, e.g. SHOPEASE_CLUSTER_PORT=5083 scripts/cluster.sh"
fi

cluster_build

if [[ -n ${ConnectionStrings__Default:-} ]]; then
  log "using ConnectionStrings__Default from the environment; not starting PostgreSQL"
  DATABASE=$ConnectionStrings__Default
else
  pg_start_persistent "$PGDATA_DIR"
  pg_ensure_database shopease
  DATABASE=$(pg_connection_string shopease)
fi

redis_start "$CLUSTER_DIR/redis"

NODE_ENV=(
  ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  ConnectionStrings__Default="$DATABASE"
  Redis__Configuration="127.0.0.1:$REDIS_PORT"
  # HAProxy forwards the client's address; only it is trusted to.
  ForwardedHeaders__KnownProxies__0=127.0.0.1
)
cluster_migrate

add_cleanup cluster_stop_nodes
for ((i = 1; i <= NODES; i++)); do
  cluster_start_node "$i"
done
cluster_start_haproxy "127.0.0.1:$PORT"
printf '%s\n' "${NODE_PIDS[@]}" "$HAPROXY_PID" "$REDIS_PID" >"$PIDS_FILE"
# shellcheck disable=SC2317 # invoked as a cleanup hook
forget_pids() { rm -f -- "$PIDS_FILE"; }
add_cleanup forget_pids

log "serving on http://127.0.0.1:$PORT through HAProxy; Ctrl-C stops the cluster"
while true; do
  for i in "${!NODE_PIDS[@]}"; do
    pid=${NODE_PIDS[i]}
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      warn "node $i (pid $pid) exited; HAProxy sends its share to the others (log: $CLUSTER_DIR/node$i.log)"
      NODE_PIDS[i]=""
    fi
  done
  kill -0 "$HAPROXY_PID" 2>/dev/null || die "HAProxy exited (log: $CLUSTER_DIR/haproxy.log)"
  sleep 1
done
