# shellcheck shell=bash
# A private PostgreSQL server for scripts/run.sh and scripts/test.sh, listening on
# 127.0.0.1 only, on a free port, with trust authentication and no Unix socket.
#
#   pg_start_throwaway [--fast]   fresh cluster in a temp dir, removed on exit
#   pg_start_persistent DIR       cluster kept in DIR (created on first use)
#   pg_connection_string DB       Npgsql connection string to database DB
#   pg_ensure_database DB         CREATE DATABASE DB unless it exists
#   pg_psql ARGS...               psql connected as postgres to database postgres
#   pg_stop / pg_cleanup          stop the server (and remove a throwaway one)
#
# Either start function installs the EXIT/INT/TERM/HUP traps of common.sh, so
# the server is stopped however the script ends. Set by the start functions:
# PG_BINDIR, PG_DATA, PG_PORT. Environment knobs: PG_BINDIR (use these server
# binaries), SHOPEASE_PG_PORT (fixed port instead of a free one).
#
# initdb and postgres refuse to run as root: when root, the data directory
# belongs to the postgres user and every server command runs via runuser.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_BINDIR=${PG_BINDIR:-}
PG_DATA=""
PG_PORT=""
_PG_OWNER=""       # user that server commands run as ("" = ourselves)
_PG_REMOVE_DIR=""  # throwaway: the temp dir to delete after stopping
_PG_MAY_RUN=0      # set once we may have started a postmaster on PG_DATA
_PG_LOCK_FILE=""   # persistent clusters: file holding the pid of the script using it

_pg_has_tools() {
  local d=$1 t
  for t in initdb pg_ctl postgres pg_isready psql createdb; do
    [[ -x $d/$t ]] || return 1
  done
}

_pg_find_bindir() {
  local d
  if [[ -n $PG_BINDIR ]]; then
    _pg_has_tools "$PG_BINDIR" && { echo "$PG_BINDIR"; return 0; }
    warn "PG_BINDIR=$PG_BINDIR lacks initdb/pg_ctl/postgres/pg_isready/psql/createdb; looking elsewhere"
  fi
  _pg_has_tools /usr/lib/postgresql/15/bin && { echo /usr/lib/postgresql/15/bin; return 0; }
  if command -v dpkg >/dev/null 2>&1; then
    d=$(dpkg -L postgresql-15 2>/dev/null | grep '/bin/initdb$' | head -n 1 || true)
    [[ -n $d ]] && _pg_has_tools "${d%/initdb}" && { echo "${d%/initdb}"; return 0; }
  fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
    _pg_has_tools "$d" && { echo "$d"; return 0; }
  done
  if d=$(command -v initdb 2>/dev/null); then
    d=$(dirname "$(readlink -f "$d")")
    _pg_has_tools "$d" && { echo "$d"; return 0; }
  fi
  return 1
}

# Find the PostgreSQL server binaries, installing postgresql-15 when missing.
pg_require() {
  local d
  if ! d=$(_pg_find_bindir); then
    log "PostgreSQL server binaries not found"
    apt_install postgresql-15 postgresql-client-15
    d=$(_pg_find_bindir) || die "postgresql-15 is installed but its binaries were not found in /usr/lib/postgresql/15/bin"
  fi
  PG_BINDIR=$d
  if [[ $(id -u) -eq 0 ]]; then
    command -v runuser >/dev/null 2>&1 || die "runuser (util-linux) is needed to run PostgreSQL as the postgres user"
    id -u postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to run the server as (it comes with the postgresql-15 package)"
  fi
}

# Run a server-side command (initdb, pg_ctl) as the owner of the data dir.
_pg_server() {
  if [[ -n $_PG_OWNER ]]; then
    (cd / && exec runuser -u "$_PG_OWNER" -- "$@")
  else
    "$@"
  fi
}

# Can the data dir's owner reach (and write) directory $1?
_pg_owner_can_use() {
  if [[ -n $_PG_OWNER ]]; then
    (cd / && runuser -u "$_PG_OWNER" -- test -x "$1" -a -w "$1")
  else
    test -x "$1" -a -w "$1"
  fi
}

_pg_port_busy() {
  # Something accepts connections there (a connect that is refused = free).
  if command -v timeout >/dev/null 2>&1; then
    timeout 2 bash -c ": </dev/tcp/127.0.0.1/$1" 2>/dev/null
  else
    (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null
  fi
}

# Print a TCP port on 127.0.0.1 that nothing listens on, preferring $1. Ports
# come from 15000-31999, below Linux's ephemeral range. A port taken between
# this probe and the server's bind is handled by the retry in _pg_start_server.
pg_free_port() {
  local preferred=${1:-} port i
  if [[ -n $preferred ]] && ! _pg_port_busy "$preferred"; then
    echo "$preferred"
    return 0
  fi
  for ((i = 0; i < 50; i++)); do
    port=$((15000 + RANDOM % 17000))
    _pg_port_busy "$port" || { echo "$port"; return 0; }
  done
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' && return 0
  fi
  die "could not find a free TCP port on 127.0.0.1"
}

_pg_initdb() {
  local fast=$1
  log "creating a PostgreSQL cluster in $PG_DATA"
  local -a args=(-D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C --no-instructions)
  [[ $fast -eq 1 ]] && args+=(--no-sync)
  local out
  if ! out=$(_pg_server "$PG_BINDIR/initdb" "${args[@]}" 2>&1); then
    printf '%s\n' "$out" >&2
    die "initdb failed"
  fi
  # Only TCP on loopback; no Unix socket, so no clash with a system server's
  # /var/run/postgresql and no socket path length limit.
  {
    echo ""
    echo "# --- added by scripts/lib/postgres.sh ---"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = ''"
    if [[ $fast -eq 1 ]]; then
      echo "# throwaway test cluster: durability is not needed"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
      echo "max_connections = 200"
    fi
  } | _pg_server tee -a "$PG_DATA/postgresql.conf" >/dev/null
  printf '%s\n' \
    "# Only loopback TCP, no password (trust). Written by scripts/lib/postgres.sh." \
    "host all all 127.0.0.1/32 trust" \
    "host replication all 127.0.0.1/32 trust" |
    _pg_server tee "$PG_DATA/pg_hba.conf" >/dev/null
}

# Start the postmaster on a free port (retrying when the port gets taken in
# between) and wait until it answers.
_pg_start_server() {
  local preferred=${1:-} attempt logfile="$PG_DATA/server.log" before out
  for ((attempt = 1; attempt <= 5; attempt++)); do
    PG_PORT=$(pg_free_port "${SHOPEASE_PG_PORT:-$preferred}")
    preferred=""
    before=$(_pg_server_size "$logfile")
    _PG_MAY_RUN=1
    if out=$(_pg_server "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -l "$logfile" -w -t 60 -o "-p $PG_PORT" start 2>&1); then
      _pg_wait_ready
      log "PostgreSQL $(_pg_version) running on 127.0.0.1:$PG_PORT (data: $PG_DATA)"
      return 0
    fi
    local tail_out
    tail_out=$(_pg_server tail -c "+$((before + 1))" "$logfile" 2>/dev/null || true)
    if [[ -z ${SHOPEASE_PG_PORT:-} ]] && grep -q 'Address already in use' <<<"$tail_out"; then
      warn "port $PG_PORT was taken meanwhile; trying another"
      continue
    fi
    printf '%s\n%s\n' "$out" "$tail_out" >&2
    die "PostgreSQL failed to start (log: $logfile)"
  done
  die "PostgreSQL could not bind a free port after 5 tries"
}

_pg_server_size() { _pg_server stat -c %s "$1" 2>/dev/null || echo 0; }
_pg_version() { "$PG_BINDIR/postgres" --version | sed 's/^[^0-9]*//'; }

_pg_wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do
    "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2 && return 0
    sleep 0.5
  done
  die "PostgreSQL on port $PG_PORT did not answer pg_isready within 30 s (log: $PG_DATA/server.log)"
}

# Is a postmaster running on PG_DATA? (pg_ctl status: 0 running, 3 not running.)
_pg_running() {
  _pg_server "$PG_BINDIR/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# Stop the server on PG_DATA if one runs: fast, then immediate, then SIGKILL.
pg_stop() {
  [[ -n $PG_DATA && $_PG_MAY_RUN -eq 1 ]] || return 0
  if _pg_running; then
    log "stopping PostgreSQL (port ${PG_PORT:-?})"
    if ! _pg_server "$PG_BINDIR/pg_ctl" -D "$PG_DATA" stop -m fast -w -t 30 >/dev/null 2>&1; then
      warn "fast shutdown failed; trying immediate"
      if ! _pg_server "$PG_BINDIR/pg_ctl" -D "$PG_DATA" stop -m immediate -w -t 30 >/dev/null 2>&1; then
        local pid
        pid=$(_pg_server head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
        if [[ $pid =~ ^[0-9]+$ ]]; then
          warn "killing postmaster $pid"
          kill -KILL "$pid" 2>/dev/null || true
          local d
          for d in $(descendants "$pid"); do kill -KILL "$d" 2>/dev/null || true; done
        fi
      fi
    fi
  fi
  _PG_MAY_RUN=0
}

# A persistent cluster is used by one script at a time: PG_DATA.owner-pid
# names the script using it. (A pid file rather than flock: an inherited lock
# fd would stay held by any build server or postmaster a crashed run left.)
_pg_take_lock() {
  local lock=$PG_DATA.owner-pid pid me
  me=$(basename "$0")
  pid=$(cat "$lock" 2>/dev/null || true)
  if [[ $pid =~ ^[0-9]+$ && $pid != "$$" && -d /proc/$pid ]] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$me"; then
    die "another $me (pid $pid) is using $PG_DATA; stop it first"
  fi
  echo "$$" >"$lock"
  _PG_LOCK_FILE=$lock
}

# Cleanup hook: stop the server, and delete it when it was a throwaway one.
pg_cleanup() {
  pg_stop
  if [[ -n $_PG_LOCK_FILE ]]; then
    [[ $(cat "$_PG_LOCK_FILE" 2>/dev/null) == "$$" ]] && rm -f -- "$_PG_LOCK_FILE"
    _PG_LOCK_FILE=""
  fi
  if [[ -n $_PG_REMOVE_DIR ]]; then
    rm -rf -- "$_PG_REMOVE_DIR"
    _PG_REMOVE_DIR=""
  fi
}

# Fresh cluster in a temp dir, stopped and deleted when the script exits.
# --fast: no fsync/synchronous_commit/full_page_writes (tests only).
pg_start_throwaway() {
  local fast=0
  [[ ${1:-} == --fast ]] && fast=1
  pg_require
  install_traps
  add_cleanup pg_cleanup
  local base=${TMPDIR:-/tmp}
  [[ -d $base && -w $base ]] || base=/tmp
  _PG_REMOVE_DIR=$(mktemp -d "$base/shopease-pg.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    _PG_OWNER=postgres
    chown postgres: "$_PG_REMOVE_DIR"
    if ! _pg_owner_can_use "$_PG_REMOVE_DIR"; then
      # e.g. TMPDIR under /root: the postgres user cannot reach it.
      rm -rf -- "$_PG_REMOVE_DIR"
      _PG_REMOVE_DIR=$(mktemp -d /tmp/shopease-pg.XXXXXX)
      chown postgres: "$_PG_REMOVE_DIR"
    fi
  fi
  PG_DATA=$_PG_REMOVE_DIR/data
  _pg_initdb "$fast"
  _pg_start_server
}

# Cluster kept in DIR across runs (created on first use). A postmaster that an
# earlier, crashed run left on DIR is stopped first; a lock next to DIR makes a
# second concurrent run fail clearly instead of stopping the first one's server.
pg_start_persistent() {
  local dir=$1
  pg_require
  install_traps
  add_cleanup pg_cleanup
  local parent
  mkdir -p "$(dirname "$dir")"
  parent=$(cd "$(dirname "$dir")" && pwd -P)
  PG_DATA=$parent/$(basename "$dir")

  _pg_take_lock

  local me owner created=0
  me=$(id -un)
  if [[ -e $PG_DATA ]]; then
    owner=$(stat -c %U "$PG_DATA")
    if [[ $(id -u) -eq 0 ]]; then
      [[ $owner != root ]] || die "$PG_DATA belongs to root, and PostgreSQL refuses to run as root: remove it (rm -rf '$PG_DATA') and retry"
      _PG_OWNER=$owner
    elif [[ $owner != "$me" ]]; then
      die "$PG_DATA belongs to '$owner' (created by a run as root?), not to you ($me): run as root, or remove it and retry"
    fi
  elif [[ $(id -u) -eq 0 ]]; then
    _PG_OWNER=postgres
    mkdir -m 700 "$PG_DATA"
    chown postgres: "$PG_DATA"
    created=1
  fi
  if [[ -n $_PG_OWNER ]] && ! _pg_owner_can_use "$PG_DATA"; then
    [[ $created -eq 1 ]] && rmdir "$PG_DATA"
    die "the '$_PG_OWNER' user cannot reach $PG_DATA (a parent directory is not searchable by other users?): make the parents searchable (chmod o+x), set SHOPEASE_PGDATA to another directory, or run as a normal user"
  fi

  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    if [[ -d $PG_DATA ]] && [[ -n $(ls -A "$PG_DATA" 2>/dev/null) ]]; then
      die "$PG_DATA exists but is no PostgreSQL cluster: remove it and retry"
    fi
    _pg_initdb 0
  else
    local have want
    have=$(cat "$PG_DATA/PG_VERSION")
    want=$(_pg_version | cut -d. -f1)
    [[ $have == "$want" ]] || die "$PG_DATA holds a PostgreSQL $have cluster, but the server found is PostgreSQL $want ($PG_BINDIR): remove $PG_DATA (its data is lost) or set PG_BINDIR"
    if _pg_running; then
      local -a pidfile
      mapfile -t pidfile < <(_pg_server cat "$PG_DATA/postmaster.pid" 2>/dev/null || true)
      PG_PORT=${pidfile[3]:-}
      warn "a PostgreSQL (pid ${pidfile[0]:-?}, port ${PG_PORT:-?}) left by an earlier run still holds $PG_DATA; stopping it"
      _PG_MAY_RUN=1
      pg_stop
    fi
  fi

  local portfile=$PG_DATA.port preferred=""
  [[ -f $portfile ]] && preferred=$(cat "$portfile" 2>/dev/null || true)
  [[ $preferred =~ ^[0-9]+$ ]] || preferred=""
  _pg_start_server "$preferred"
  echo "$PG_PORT" >"$portfile" || true
}

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=$1"
}

pg_psql() {
  "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_ensure_database() {
  local db=$1 found
  found=$(pg_psql -tA -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
  if [[ $found != 1 ]]; then
    log "creating database $db"
    "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
  fi
}

# A crash and a restart on the same port: stop -m immediate (no goodbye to clients, recovery at start),
# wait $1 seconds (default 0), start again. For bench/chaos.sh.
pg_restart() {
  _pg_server "$PG_BINDIR/pg_ctl" -D "$PG_DATA" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
  sleep "${1:-0}"
  SHOPEASE_PG_PORT=$PG_PORT _pg_start_server "$PG_PORT"
}
