# shellcheck shell=bash
# A local inbox for scripts/run.sh: smtp4dev (the dotnet tool pinned in dotnet-tools.json) catches
# every mail the app sends and shows it in a web page, so a newcomer can read the verification and
# password-reset links without a real mail server.
#
#   smtp4dev_start    restore the tool, start it on two free ports of 127.0.0.1 (SMTP and its web
#                     inbox), wait until it answers; sets SMTP4DEV_SMTP_PORT and SMTP4DEV_URL
#   smtp4dev_stop     stop it and delete its directory (a cleanup hook; safe to call twice)
#
# It listens on 127.0.0.1 only, with IMAP and POP3 off, keeps messages in memory, and writes its
# settings and log into a temporary directory outside the repository.

# pg_free_port and the helpers of common.sh.
# shellcheck source=scripts/lib/postgres.sh
declare -F pg_free_port >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

SMTP4DEV_SMTP_PORT=""
SMTP4DEV_URL=""
SMTP4DEV_PID=""
_SMTP4DEV_DIR=""

smtp4dev_start() {
  log "restoring the local inbox tool (smtp4dev)"
  dotnet tool restore >/dev/null || die "dotnet tool restore failed: smtp4dev could not be installed"
  _SMTP4DEV_DIR=$(mktemp -d "${TMPDIR:-/tmp}/shopease-smtp4dev.XXXXXX")
  add_cleanup smtp4dev_stop
  SMTP4DEV_SMTP_PORT=$(pg_free_port)
  local web_port
  web_port=$(pg_free_port)
  [[ $web_port != "$SMTP4DEV_SMTP_PORT" ]] || web_port=$(pg_free_port)
  SMTP4DEV_URL="http://127.0.0.1:$web_port"
  # An empty --db keeps the messages in memory; --imapport= and --pop3port= switch those servers off.
  dotnet tool run smtp4dev --urls="$SMTP4DEV_URL" --smtpport="$SMTP4DEV_SMTP_PORT" \
    --bindaddress=127.0.0.1 --allowremoteconnections- --hostname=localhost --imapport= --pop3port= \
    --db= --nousersettings --baseappdatapath="$_SMTP4DEV_DIR" \
    </dev/null >"$_SMTP4DEV_DIR/smtp4dev.log" 2>&1 &
  SMTP4DEV_PID=$!
  local i
  for ((i = 0; i < 600; i++)); do
    if ! kill -0 "$SMTP4DEV_PID" 2>/dev/null; then
      tail -n 20 "$_SMTP4DEV_DIR/smtp4dev.log" >&2 || true
      die "smtp4dev exited during start (log above)"
    fi
    if _pg_port_busy "$web_port" && _pg_port_busy "$SMTP4DEV_SMTP_PORT"; then
      return 0
    fi
    sleep 0.1
  done
  die "smtp4dev did not answer on $SMTP4DEV_URL within 60 s (log: $_SMTP4DEV_DIR/smtp4dev.log)"
}

smtp4dev_stop() {
  if [[ -n $SMTP4DEV_PID ]]; then
    log "stopping the local inbox (smtp4dev)"
    terminate_tree "$SMTP4DEV_PID" 10
    wait "$SMTP4DEV_PID" 2>/dev/null || true
    SMTP4DEV_PID=""
  fi
  if [[ -n $_SMTP4DEV_DIR ]]; then
    rm -rf -- "$_SMTP4DEV_DIR"
    _SMTP4DEV_DIR=""
  fi
}
