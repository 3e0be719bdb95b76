# shellcheck shell=bash
# A private Redis for scripts/cluster.sh and bench/chaos.sh, and the redis-server binary that
# scripts/test.sh hands to the tests (they start servers of their own).
#
#   redis_require              find redis-server (installing Debian's redis-server when missing); sets REDIS_SERVER
#   redis_start DIR            start a server on a free port of 127.0.0.1, no persistence, logs in DIR; sets REDIS_PORT
#   redis_restart              SIGKILL it and start it again on the same port (bench/chaos.sh)
#   redis_stop                 stop it (a cleanup hook; safe to call twice)
#
# Nothing is kept: no RDB or AOF file, so a restart starts with no counters, as after a crash.

# pg_free_port and the helpers of common.sh.
# shellcheck source=scripts/lib/postgres.sh
declare -F pg_free_port >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

REDIS_SERVER=${REDIS_SERVER:-}
REDIS_PORT=""
REDIS_PID=""
_REDIS_DIR=""

redis_require() {
  if [[ -z $REDIS_SERVER ]]; then
    REDIS_SERVER=$(command -v redis-server 2>/dev/null || true)
    [[ -z $REDIS_SERVER && -x /usr/bin/redis-server ]] && REDIS_SERVER=/usr/bin/redis-server
  fi
  if [[ -z $REDIS_SERVER ]]; then
    log "redis-server not found"
    apt_install redis-server
    REDIS_SERVER=$(command -v redis-server 2>/dev/null || echo /usr/bin/redis-server)
    [[ -x $REDIS_SERVER ]] || die "redis-server is installed but was not found on PATH or in /usr/bin"
  fi
}

# Does redis on 127.0.0.1:$1 answer PING?
_redis_ping() { [[ $(tcp_first_line "$1" 'PING\r\n') == "+PONG"* ]]; }

_redis_launch() {
  "$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --dir "$_REDIS_DIR" --logfile "$_REDIS_DIR/redis.log" </dev/null >/dev/null 2>&1 &
  REDIS_PID=$!
  local i
  for ((i = 0; i < 100; i++)); do
    _redis_ping "$REDIS_PORT" && return 0
    kill -0 "$REDIS_PID" 2>/dev/null || break
    sleep 0.1
  done
  return 1
}

redis_start() {
  _REDIS_DIR=$1
  mkdir -p "$_REDIS_DIR"
  redis_require
  install_traps
  add_cleanup redis_stop
  local attempt
  for ((attempt = 1; attempt <= 5; attempt++)); do
    REDIS_PORT=$(pg_free_port)
    if _redis_launch; then
      log "Redis $("$REDIS_SERVER" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') running on 127.0.0.1:$REDIS_PORT (pid $REDIS_PID)"
      return 0
    fi
    redis_stop
    grep -qi 'address already in use' "$_REDIS_DIR/redis.log" 2>/dev/null || break
    warn "port $REDIS_PORT was taken meanwhile; trying another"
  done
  tail -n 20 "$_REDIS_DIR/redis.log" >&2 2>/dev/null || true
  die "Redis failed to start (log: $_REDIS_DIR/redis.log)"
}

redis_restart() {
  [[ -n $REDIS_PID ]] && kill -KILL "$REDIS_PID" 2>/dev/null
  wait "$REDIS_PID" 2>/dev/null || true
  _redis_launch || die "Redis did not come back on port $REDIS_PORT (log: $_REDIS_DIR/redis.log)"
}

redis_stop() {
  [[ -n $REDIS_PID ]] || return 0
  if kill -0 "$REDIS_PID" 2>/dev/null; then
    log "stopping Redis (port $REDIS_PORT)"
    kill -TERM "$REDIS_PID" 2>/dev/null
    local i
    for ((i = 0; i < 50; i++)); do
      kill -0 "$REDIS_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$REDIS_PID" 2>/dev/null || true
  fi
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
}
