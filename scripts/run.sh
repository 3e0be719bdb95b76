#!/usr/bin/env bash
# Build ShopEase, start its PostgreSQL, apply migrations and serve the API.
# Run scripts/run.sh --help for usage.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
LOG_PREFIX="run"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/smtp4dev.sh
source scripts/lib/smtp4dev.sh

URLS=${SHOPEASE_URLS:-http://127.0.0.1:5080}
PGDATA_DIR=${SHOPEASE_PGDATA:-$ROOT/.data/postgres}
WEB_PROJECT=src/Web
CONFIGURATION=Debug

usage() {
  cat <<EOF
Usage:
  scripts/run.sh                          build, migrate, serve the API on $URLS
  scripts/run.sh create-admin --email E   build, migrate, create an admin user
                                          (password read from stdin, or prompted)
  scripts/run.sh --help

Without ConnectionStrings__Default in the environment, a local PostgreSQL is
started on a free port of 127.0.0.1, with its data kept in .data/postgres
(database "shopease"), and stopped again when this script ends (Ctrl-C).
PostgreSQL 15 is installed with apt-get when missing.

In Development, unless Email__Smtp__Host is set, a local inbox (smtp4dev, a
dotnet tool from dotnet-tools.json) is started on free ports of 127.0.0.1 and
catches every mail the app sends; its address is printed ("inbox:") and it is
stopped with everything else.

Environment:
  ConnectionStrings__Default  use this database instead (no PostgreSQL is started)
  Email__Smtp__Host           send mail through this server instead (no local inbox is started)
  ASPNETCORE_ENVIRONMENT      default: Development
  SHOPEASE_URLS               where to listen (default: http://127.0.0.1:5080)
  SHOPEASE_PGDATA             data directory of the local PostgreSQL (default: .data/postgres)
  SHOPEASE_PG_PORT            fixed port for it (default: a free one, the last one if free)
EOF
}

command=serve
case "${1:-}" in
  -h | --help | help)
    usage
    exit 0
    ;;
  create-admin)
    command=create-admin
    shift
    ;;
  serve)
    shift
    ;;
  "") ;;
  *)
    usage >&2
    die "unknown command or option: $1"
    ;;
esac
if [[ $command == serve && $# -gt 0 ]]; then
  usage >&2
  die "serve takes no arguments (got: $*)"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

# Port of the first URL, e.g. 5080 for http://127.0.0.1:5080.
url_port() {
  local hostport=${1%%;*}
  hostport=${hostport#*://}
  hostport=${hostport%%/*}
  if [[ $hostport =~ :([0-9]+)$ ]]; then
    echo "${BASH_REMATCH[1]}"
  elif [[ $1 == https://* ]]; then
    echo 443
  else
    echo 80
  fi
}

app() {
  run_child dotnet run --no-build --no-launch-profile -c "$CONFIGURATION" --project "$WEB_PROJECT" -- "$@"
}

require_dotnet
install_traps

if [[ $command == serve ]]; then
  port=$(url_port "$URLS")
  if (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    die "port $port is already in use (another ShopEase running?): stop it, or set SHOPEASE_URLS, e.g. SHOPEASE_URLS=http://127.0.0.1:5081 scripts/run.sh"
  fi
fi

log "building $WEB_PROJECT ($CONFIGURATION)"
run_child dotnet build "$WEB_PROJECT" -c "$CONFIGURATION" --nologo -nodeReuse:false || die "build failed"

if [[ -n ${ConnectionStrings__Default:-} ]]; then
  log "using ConnectionStrings__Default from the environment; not starting PostgreSQL"
else
  pg_start_persistent "$PGDATA_DIR"
  pg_ensure_database shopease
  ConnectionStrings__Default=$(pg_connection_string shopease)
  export ConnectionStrings__Default
  log "database: $ConnectionStrings__Default"
fi

if [[ $command == serve && $ASPNETCORE_ENVIRONMENT == Development && -z ${Email__Smtp__Host:-} ]]; then
  smtp4dev_start
  export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$SMTP4DEV_SMTP_PORT Email__Smtp__Security=None
  log "inbox: $SMTP4DEV_URL (mail the app sends arrives here; SMTP on 127.0.0.1:$SMTP4DEV_SMTP_PORT)"
fi

log "applying migrations"
app migrate || die "migrations failed (exit code $?)"

case $command in
  serve)
    log "serving on $URLS ($ASPNETCORE_ENVIRONMENT); Ctrl-C stops the app${SMTP4DEV_PID:+, the inbox} and what else this script started"
    rc=0
    app --urls "$URLS" || rc=$?
    log "app exited with code $rc"
    exit "$rc"
    ;;
  create-admin)
    # Echo back on even if the app dies in the middle of a password prompt.
    tty_state=""
    [[ -t 0 ]] && tty_state=$(stty -g 2>/dev/null || true)
    # shellcheck disable=SC2317 # invoked as a cleanup hook
    restore_tty() { [[ -z $tty_state ]] || stty "$tty_state" 2>/dev/null || true; }
    add_cleanup restore_tty
    rc=0
    app create-admin "$@" || rc=$?
    [[ $rc -eq 0 ]] || log "create-admin exited with code $rc"
    exit "$rc"
    ;;
esac
