# shellcheck shell=bash
# Shared helpers for scripts/*.sh: logging, cleanup hooks run on exit or signal,
# running a child process that signals are forwarded to, and prerequisite checks.
# Source it after setting LOG_PREFIX (e.g. LOG_PREFIX=run).

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

LOG_PREFIX=${LOG_PREFIX:-shopease}

log() { printf '[%s] %s\n' "$LOG_PREFIX" "$*" >&2; }
warn() { printf '[%s] warning: %s\n' "$LOG_PREFIX" "$*" >&2; }
die() {
  printf '[%s] error: %s\n' "$LOG_PREFIX" "$*" >&2
  exit 1
}

# The repository root: the parent of scripts/.
repo_root() { (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P); }

# --- cleanup hooks -----------------------------------------------------------
# Functions registered with add_cleanup run once, newest first, when the script
# exits for any reason (normal end, error under set -e, INT/TERM/HUP).

_CLEANUP_HOOKS=()
_CHILD_PID=""
_CLEANING_UP=0

add_cleanup() { _CLEANUP_HOOKS+=("$1"); }

_run_cleanup() {
  [[ $_CLEANING_UP -eq 1 ]] && return 0
  _CLEANING_UP=1
  set +e
  stop_child
  local i
  for ((i = ${#_CLEANUP_HOOKS[@]} - 1; i >= 0; i--)); do
    "${_CLEANUP_HOOKS[i]}"
  done
}

_on_signal() {
  local sig=$1 code=$2
  trap '' INT TERM HUP # a second Ctrl-C must not cut the cleanup short
  log "received SIG$sig, shutting down"
  stop_child
  exit "$code" # runs the EXIT trap, which runs the cleanup hooks
}

install_traps() {
  trap _run_cleanup EXIT
  trap '_on_signal INT 130' INT
  trap '_on_signal TERM 143' TERM
  trap '_on_signal HUP 129' HUP
}

# --- child processes ---------------------------------------------------------

# Every descendant pid of $1 (breadth-first), read from /proc so that no
# procps is needed.
descendants() {
  local root=$1 stat rest pid ppid
  local -A kids=()
  for stat in /proc/[0-9]*/stat; do
    read -r rest 2>/dev/null <"$stat" || continue
    pid=${rest%% *}
    rest=${rest##*) } # drop "pid (comm) ", comm may hold spaces
    read -r _ ppid _ <<<"$rest"
    kids[$ppid]+="$pid "
  done
  local -a queue=("$root")
  local p c
  while ((${#queue[@]})); do
    p=${queue[0]}
    queue=("${queue[@]:1}")
    for c in ${kids[$p]:-}; do
      echo "$c"
      queue+=("$c")
    done
  done
}

# Is any of the given pids still alive (and not a zombie)?
_any_alive() {
  local p rest
  for p in "$@"; do
    read -r rest 2>/dev/null <"/proc/$p/stat" || continue
    rest=${rest##*) }
    [[ ${rest%% *} != Z ]] && return 0
  done
  return 1
}

# Ask the process tree rooted at $1 to stop: SIGTERM to the root (dotnet run
# forwards it to the app), then to every descendant still around, then SIGKILL
# after $2 seconds (default 30).
terminate_tree() {
  local root=$1 grace=${2:-30} i
  local -a tree
  mapfile -t tree < <(descendants "$root")
  tree=("$root" "${tree[@]}")
  kill -TERM "$root" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    _any_alive "${tree[@]}" || return 0
    ((i == 50)) && kill -TERM "${tree[@]}" 2>/dev/null # nudge the rest after 5 s
    sleep 0.1
  done
  warn "processes ${tree[*]} did not stop within ${grace}s; killing them"
  kill -KILL "${tree[@]}" 2>/dev/null || true
}

# Run "$@" as a child that keeps this script's stdin, wait for it and return its
# exit status. INT/TERM/HUP received meanwhile are forwarded to it (see
# _on_signal); the script then exits after the cleanup hooks ran.
run_child() {
  if [[ -e /proc/self/fd/0 ]]; then
    "$@" <&0 &
  else
    "$@" </dev/null & # stdin closed (e.g. CI): never hand a child a closed fd 0
  fi
  _CHILD_PID=$!
  local rc=0
  wait "$_CHILD_PID" || rc=$?
  _CHILD_PID=""
  return "$rc"
}

stop_child() {
  [[ -n $_CHILD_PID ]] || return 0
  local pid=$_CHILD_PID
  _CHILD_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping child process $pid"
    terminate_tree "$pid" 30
  fi
  wait "$pid" 2>/dev/null || true
}

# --- probes ------------------------------------------------------------------

# Send REQUEST (printf %b escapes: \r\n) to 127.0.0.1:PORT and print the first line of the answer, or
# nothing when no one listens. Bash only: no process is started per probe.
tcp_first_line() {
  local port=$1 request=$2 fd line=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  { printf '%b' "$request" 1>&"$fd"; } 2>/dev/null || true
  IFS= read -r -t 5 line <&"$fd" || true
  exec {fd}>&-
  printf '%s\n' "$line"
}

# Does GET PATH on 127.0.0.1:PORT answer 200?
http_ok() {
  [[ $(tcp_first_line "$1" "GET $2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") == "HTTP/1.1 200"* ]]
}

# For scripts that take no argument but --help (they define usage): print it and exit 0 on --help,
# fail on anything else.
accept_only_help() {
  case "${1:-}" in
    -h | --help | help)
      usage
      exit 0
      ;;
    "") ;;
    *)
      usage >&2
      die "unknown option: $1"
      ;;
  esac
  [[ $# -le 1 ]] || die "unexpected arguments: $*"
}

# --- prerequisites -----------------------------------------------------------

# Run "$@" as root: directly when root, through sudo when it exists, else fail.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run '$*', and sudo is not installed; run it as root, then retry"
  fi
}

# apt-get install the given Debian packages.
apt_install() {
  command -v apt-get >/dev/null 2>&1 ||
    die "missing packages ($*) and no apt-get here: install them by hand"
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    die "missing packages: $*. Installing them needs root and there is no sudo: as root, run 'apt-get update && apt-get install -y $*', then retry"
  fi
  log "installing $* with apt-get (this may take a minute)"
  # Wait for another apt-get (another checkout's script, say) rather than fail on its lock.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q ||
    die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@" ||
    die "apt-get install $* failed"
}

# Node.js and npm, which type-check the example front end in examples/ against the OpenAPI
# document. Installed when missing; when that fails, the test that needs them fails and says so.
require_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && return 0
  (apt_install nodejs npm) || warn "Node.js and npm could not be installed: the typed-client check will fail"
}

# Debian's chromium for the headless passkey run of the example page (Playwright drives it
# through SHOPEASE_CHROMIUM; it cannot download a browser of its own here).
require_chromium() {
  [[ -x /usr/bin/chromium ]] || (apt_install chromium) ||
    warn "chromium could not be installed: the headless-browser passkey test will fail"
  export SHOPEASE_CHROMIUM=${SHOPEASE_CHROMIUM:-/usr/bin/chromium}
}

# The .NET SDK 10 must be on PATH; global.json picks the version inside it.
require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    die "dotnet is not on PATH: install the .NET SDK 10 (https://dot.net) and retry"
  local version
  version=$(cd "$(repo_root)" && dotnet --version 2>/dev/null) ||
    die "dotnet found at $(command -v dotnet), but it has no .NET SDK matching global.json (10.0.100 or later): install the .NET SDK 10"
  [[ ${version%%.*} -ge 10 ]] ||
    die "dotnet SDK $version is too old: the .NET SDK 10 is needed"
}
