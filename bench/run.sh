#!/usr/bin/env bash
# Load benchmark of the ShopEase API. Run bench/run.sh --help for usage; bench/README.md
# explains the scenarios, the targets and what the numbers mean.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
LOG_PREFIX="bench"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

RESULTS=$ROOT/bench/results
LOADGEN_PROJECT=bench/LoadGen
WEB_PROJECT=src/Web

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--quick]

Builds src/Web and bench/LoadGen in Release, starts a throwaway PostgreSQL 15
(default durability settings) on a free port of 127.0.0.1, applies the
migrations, and starts the API twice the way production runs it (Production
environment, `dotnet ShopEase.Web.dll` in its output directory, a random
signing key, logging at Warning, rate limits off): once as is, once with
Revocation__CheckEnabled=false. The load generator seeds users, runs every
scenario with a fixed number of connections, prints a table with each target's
PASS/MISS, and writes bench/results/latest.json. Everything it started is
stopped when it ends, Ctrl-C included.

  --quick   one round of 4 s per scenario after a shorter warm-up (about
            2 minutes in all) instead of three rounds of 10 s (about 6.5 minutes)

Logs of the build, the migrations and both API processes: bench/results/logs/.
DOTNET_* variables of your environment reach the API processes (e.g.
DOTNET_gcServer=0 to compare garbage collectors), and so do Passwords__*
ones (e.g. Passwords__Algorithm=pbkdf2), which the hash ceiling uses too;
nothing else of it does.
Exit code: 0 when every request was answered with a 2xx (a missed target is a
finding, not a failure), 1 otherwise or when a step failed.
EOF
}

QUICK=0
for arg in "$@"; do
  case $arg in
    --quick) QUICK=1 ;;
    -h | --help | help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown option: $arg"
      ;;
  esac
done

# No MSBuild node or compiler server outlives this script (and none of another user's is stopped).
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
BUILD_FLAGS=(-c Release --nologo -nodeReuse:false -p:UseSharedCompilation=false)

require_dotnet
install_traps
mkdir -p "$RESULTS/logs"
LOGS=$RESULTS/logs

# TMPDIR of the build and the load generator, deleted at the end: dotnet leaves empty
# directories behind in it.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/shopease-bench.XXXXXX")
# shellcheck disable=SC2317 # invoked as a cleanup hook
remove_scratch() { rm -rf -- "$SCRATCH"; }
add_cleanup remove_scratch

build() {
  log "building $1 (Release)"
  if ! run_child env TMPDIR="$SCRATCH" dotnet build "$1" "${BUILD_FLAGS[@]}" >"$LOGS/build-$(basename "$1").log" 2>&1; then
    grep -E 'error|Error' "$LOGS/build-$(basename "$1").log" | tail -n 20 >&2 || true
    die "building $1 failed (log: $LOGS/build-$(basename "$1").log)"
  fi
}

# The output directory of a Release build, e.g. src/Web/bin/Release/net10.0 (the newest, if several).
output_dir() {
  local dll found=""
  for dll in "$ROOT/$1"/bin/Release/*/"$2"; do
    [[ -f $dll && ( -z $found || $dll -nt $found ) ]] && found=$dll
  done
  [[ -n $found ]] || die "$2 not found under $1/bin/Release after the build"
  dirname "$found"
}

build "$WEB_PROJECT"
build "$LOADGEN_PROJECT"
WEB_DIR=$(output_dir "$WEB_PROJECT" ShopEase.Web.dll)
LOADGEN_DLL=$(output_dir "$LOADGEN_PROJECT" ShopEase.LoadGen.dll)/ShopEase.LoadGen.dll

# Not --fast: fsync, synchronous_commit and full_page_writes keep their defaults, as in production.
# shellcheck disable=SC2119 # pg_start_throwaway takes no argument here
pg_start_throwaway
pg_ensure_database shopease_bench
PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")

# The API's whole environment: only what production would set, plus DOTNET_* runtime knobs and
# Passwords__* hashing settings (the load generator inherits those too, for the hash ceiling).
APP_ENV=(
  PATH="$PATH"
  HOME="${HOME:-/tmp}"
  ASPNETCORE_ENVIRONMENT=Production
  ConnectionStrings__Default="$(pg_connection_string shopease_bench)"
  Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
  Mfa__EncryptionKey="$(head -c 32 /dev/urandom | base64)"
  RateLimiting__Enabled=false
  Logging__LogLevel__Default=Warning
)
[[ -n ${TMPDIR:-} ]] && APP_ENV+=(TMPDIR="$TMPDIR")
for name in $(compgen -e); do
  [[ $name == DOTNET_* || $name == Passwords__* ]] && APP_ENV+=("$name=${!name}")
done

log "applying migrations"
(cd "$WEB_DIR" && exec env -i "${APP_ENV[@]}" dotnet ShopEase.Web.dll migrate) >"$LOGS/migrate.log" 2>&1 </dev/null ||
  die "migrations failed (log: $LOGS/migrate.log)"

API_PIDS=()
# shellcheck disable=SC2317 # invoked as a cleanup hook
stop_apis() {
  local pid
  for pid in "${API_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping API process $pid"
      terminate_tree "$pid" 30
    fi
    wait "$pid" 2>/dev/null || true
  done
  API_PIDS=()
}
add_cleanup stop_apis

# Does 127.0.0.1:$1 answer GET /health/live with 200? Bash only: no process is started per probe.
health_ok() { http_ok "$1" /health/live; }

now_us() { echo "${EPOCHREALTIME/./}"; }

# start_api NAME [VAR=VALUE...]: start the API on a free port; sets API_PORT, API_PID and
# API_STARTUP_MS (process start to the first 200 on /health/live).
start_api() {
  local name=$1 attempt started deadline
  shift
  for ((attempt = 1; attempt <= 3; attempt++)); do
    API_PORT=$(pg_free_port)
    started=$(now_us)
    # exec all the way down: $! is the pid of the dotnet process itself.
    (cd "$WEB_DIR" && exec env -i "${APP_ENV[@]}" "$@" dotnet ShopEase.Web.dll --urls "http://127.0.0.1:$API_PORT") \
      >"$LOGS/$name.log" 2>&1 </dev/null &
    API_PID=$!
    API_PIDS+=("$API_PID")
    deadline=$((started + 60000000))
    while ! health_ok "$API_PORT"; do
      if ! kill -0 "$API_PID" 2>/dev/null; then
        break
      fi
      (($(now_us) < deadline)) || die "$name did not answer /health/live within 60 s (log: $LOGS/$name.log)"
      sleep 0.01
    done
    if kill -0 "$API_PID" 2>/dev/null; then
      API_STARTUP_MS=$((($(now_us) - started) / 1000))
      log "$name (pid $API_PID) serves http://127.0.0.1:$API_PORT; first 200 after $API_STARTUP_MS ms"
      return 0
    fi
    if grep -qi 'address already in use' "$LOGS/$name.log"; then
      warn "port $API_PORT was taken meanwhile; trying another"
      continue
    fi
    tail -n 20 "$LOGS/$name.log" >&2
    die "$name exited at start (log: $LOGS/$name.log)"
  done
  die "$name could not bind a free port after 3 tries"
}

start_api api
MAIN_PORT=$API_PORT MAIN_PID=$API_PID MAIN_STARTUP_MS=$API_STARTUP_MS
start_api api-no-check Revocation__CheckEnabled=false
LOADGEN_ARGS=(
  --api "http://127.0.0.1:$MAIN_PORT" --api-pid "$MAIN_PID" --startup-ms "$MAIN_STARTUP_MS"
  --api-no-check "http://127.0.0.1:$API_PORT" --api-no-check-pid "$API_PID" --startup-ms-no-check "$API_STARTUP_MS"
  --postgres-pid "$PG_PID" --out "$RESULTS/latest.json"
)
[[ $QUICK -eq 1 ]] && LOADGEN_ARGS+=(--quick)
rc=0
# No diagnostics IPC for the load generator: nobody attaches to it, and it would leave its
# sockets behind when stopped by a signal.
run_child env TMPDIR="$SCRATCH" DOTNET_EnableDiagnostics=0 dotnet "$LOADGEN_DLL" "${LOADGEN_ARGS[@]}" || rc=$?

if [[ $rc -eq 0 || $rc -eq 1 ]] && [[ -f $RESULTS/latest.json ]]; then
  log "results: $RESULTS/latest.json (${SECONDS} s in all)"
fi
[[ $rc -eq 0 ]] || log "load generator exited with code $rc"
exit "$rc"
