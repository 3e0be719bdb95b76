# shellcheck shell=bash
# Several API nodes behind HAProxy on one machine, for scripts/cluster.sh and bench/chaos.sh.
#
#   cluster_build                  build src/Web in Release; sets WEB_DIR
#   cluster_start_node I [VAR=V..] start node I (1-based) on a free port with NODE_ENV plus the given
#                                  settings; waits for /health/ready; sets NODE_PORTS[I], NODE_PIDS[I]
#   cluster_kill_node I            SIGKILL node I (a crash); cluster_start_node I starts it again, same port
#   cluster_start_haproxy ADDR     HAProxy on ADDR (host:port) in front of every started node
#   cluster_node_ready PORT        does 127.0.0.1:PORT answer GET /health/ready with 200?
#
# Every process started here is stopped by the cleanup hooks of common.sh (Ctrl-C included).
# Needs scripts/lib/postgres.sh (for pg_free_port and the helpers of common.sh) sourced first.

WEB_PROJECT=${WEB_PROJECT:-src/Web}
WEB_DIR=""
CLUSTER_DIR=${CLUSTER_DIR:-}
NODE_ENV=()          # VAR=VALUE settings every node gets
declare -a NODE_PORTS=() NODE_PIDS=() NODE_MANAGEMENT_PORTS=()
HAPROXY_PID=""
HAPROXY_BIN=""
CLUSTER_START_TIMEOUT=${CLUSTER_START_TIMEOUT:-60}   # seconds a node may take to answer /health/ready

cluster_build() {
  local root log
  root=$(repo_root)
  log=$CLUSTER_DIR/build.log
  log "building $WEB_PROJECT (Release)"
  if ! run_child dotnet build "$root/$WEB_PROJECT" -c Release --nologo -nodeReuse:false -p:UseSharedCompilation=false >"$log" 2>&1; then
    grep -E 'error' "$log" | tail -n 20 >&2 || true
    die "build failed (log: $log)"
  fi
  local dll found=""
  for dll in "$root/$WEB_PROJECT"/bin/Release/*/ShopEase.Web.dll; do
    [[ -f $dll && (-z $found || $dll -nt $found) ]] && found=$dll
  done
  [[ -n $found ]] || die "ShopEase.Web.dll not found under $WEB_PROJECT/bin/Release after the build"
  WEB_DIR=$(dirname "$found")
}

# GET /health/ready on 127.0.0.1:$1 answers 200?
cluster_node_ready() { http_ok "$1" /health/ready; }

# Run the app's migrate task once, before any node: it also creates the Development signing key,
# so that every node then reads the same one.
cluster_migrate() {
  log "applying migrations"
  (cd "$WEB_DIR" && exec env "${NODE_ENV[@]}" dotnet ShopEase.Web.dll migrate) >"$CLUSTER_DIR/migrate.log" 2>&1 </dev/null ||
    die "migrations failed (log: $CLUSTER_DIR/migrate.log)"
}

cluster_start_node() {
  local i=$1 attempt started
  shift
  local port=${NODE_PORTS[i]:-} management=${NODE_MANAGEMENT_PORTS[i]:-}
  for ((attempt = 1; attempt <= 3; attempt++)); do
    [[ -n $port ]] || port=$(pg_free_port)
    [[ -n $management ]] || management=$(pg_free_port)
    started=$SECONDS
    (cd "$WEB_DIR" && exec env "${NODE_ENV[@]}" Management__Port="$management" "$@" \
      dotnet ShopEase.Web.dll --urls "http://127.0.0.1:$port") >>"$CLUSTER_DIR/node$i.log" 2>&1 </dev/null &
    NODE_PIDS[i]=$!
    while ! cluster_node_ready "$port"; do
      kill -0 "${NODE_PIDS[i]}" 2>/dev/null || break
      ((SECONDS - started < CLUSTER_START_TIMEOUT)) ||
        die "node $i did not answer /health/ready within $CLUSTER_START_TIMEOUT s (log: $CLUSTER_DIR/node$i.log)"
      sleep 0.1
    done
    if kill -0 "${NODE_PIDS[i]}" 2>/dev/null; then
      NODE_PORTS[i]=$port
      NODE_MANAGEMENT_PORTS[i]=$management
      log "node $i (pid ${NODE_PIDS[i]}) serves http://127.0.0.1:$port, metrics at http://127.0.0.1:$management/metrics"
      return 0
    fi
    if grep -qi 'address already in use' "$CLUSTER_DIR/node$i.log"; then
      warn "a port of node $i was taken meanwhile; trying others"
      port="" management=""
      continue
    fi
    tail -n 20 "$CLUSTER_DIR/node$i.log" >&2
    die "node $i exited at start (log: $CLUSTER_DIR/node$i.log)"
  done
  die "node $i could not bind free ports after 3 tries"
}

cluster_kill_node() {
  local pid=${NODE_PIDS[$1]:-}
  [[ -n $pid ]] || return 0
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  NODE_PIDS[$1]=""
}

cluster_stop_nodes() {
  local i pid
  for i in "${!NODE_PIDS[@]}"; do
    pid=${NODE_PIDS[i]}
    [[ -n $pid ]] || continue
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping node $i (pid $pid)"
      terminate_tree "$pid" 15
    fi
    wait "$pid" 2>/dev/null || true
    NODE_PIDS[i]=""
  done
}

cluster_require_haproxy() {
  HAPROXY_BIN=$(command -v haproxy 2>/dev/null || true)
  [[ -z $HAPROXY_BIN && -x /usr/sbin/haproxy ]] && HAPROXY_BIN=/usr/sbin/haproxy
  if [[ -z $HAPROXY_BIN ]]; then
    log "haproxy not found"
    apt_install haproxy
    HAPROXY_BIN=$(command -v haproxy 2>/dev/null || echo /usr/sbin/haproxy)
    [[ -x $HAPROXY_BIN ]] || die "haproxy is installed but was not found on PATH or in /usr/sbin"
  fi
}

# HAProxy in front of every started node: round-robin, a health check on /health/ready every second,
# and retries on another node. A request that never reached a node (connection refused) is retried
# whatever its method; one that reached a node that then failed (closed, 502, 504, timed out) only when
# it is safe to repeat: GET, HEAD, OPTIONS, PUT and DELETE, or a POST carrying an Idempotency-Key.
# HAProxy's own answers when no node could (a node died under the request, none is up, none answered
# in time): the API's 503 service_unavailable problem, with Retry-After, instead of an HTML page. A
# client sees one contract however the failure came about; the title tells the balancer's apart.
_cluster_write_error_files() {
  local body status
  mkdir -p "$CLUSTER_DIR/errors"
  body='{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"No API node could answer; try again shortly.","status":503,"code":"service_unavailable"}'
  for status in 502 503 504; do
    printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nContent-Length: %s\r\nRetry-After: 1\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n%s' \
      "${#body}" "$body" >"$CLUSTER_DIR/errors/$status.http"
  done
}

cluster_start_haproxy() {
  local address=$1 cfg=$CLUSTER_DIR/haproxy.cfg i
  cluster_require_haproxy
  _cluster_write_error_files
  {
    cat <<EOF_CFG
# Written by scripts/lib/cluster.sh; rewritten on every start.
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 30s
    timeout http-request 10s
    timeout queue 10s
    # A busy node answers its health check late rather than not at all.
    timeout check 5s
    errorfile 502 $CLUSTER_DIR/errors/502.http
    errorfile 503 $CLUSTER_DIR/errors/503.http
    errorfile 504 $CLUSTER_DIR/errors/504.http
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response response-timeout 502 504

frontend api
    bind $address
    default_backend nodes

backend nodes
    balance roundrobin
    option forwardfor
    option httpchk GET /health/ready
    http-check expect status 200
    http-request disable-l7-retry if !{ method GET HEAD OPTIONS PUT DELETE } !{ req.hdr(idempotency-key) -m found }
    default-server inter 1s fastinter 500ms fall 3 rise 1 on-marked-down shutdown-sessions
EOF_CFG
    for i in "${!NODE_PORTS[@]}"; do
      echo "    server node$i 127.0.0.1:${NODE_PORTS[i]} check"
    done
  } >"$cfg"
  "$HAPROXY_BIN" -c -q -f "$cfg" || die "HAProxy rejected $cfg"
  "$HAPROXY_BIN" -db -f "$cfg" >>"$CLUSTER_DIR/haproxy.log" 2>&1 </dev/null &
  HAPROXY_PID=$!
  add_cleanup cluster_stop_haproxy
  local host=${address%:*} port=${address##*:} started=$SECONDS
  until (: </dev/tcp/"$host"/"$port") 2>/dev/null; do
    kill -0 "$HAPROXY_PID" 2>/dev/null || { tail -n 20 "$CLUSTER_DIR/haproxy.log" >&2; die "HAProxy exited at start (log: $CLUSTER_DIR/haproxy.log)"; }
    ((SECONDS - started < 10)) || die "HAProxy did not listen on $address within 10 s"
    sleep 0.1
  done
  log "HAProxy $("$HAPROXY_BIN" -v | sed -n '1s/^HAProxy version \([^ ]*\).*/\1/p') (pid $HAPROXY_PID) balances http://$address over ${#NODE_PORTS[@]} nodes"
}

cluster_stop_haproxy() {
  [[ -n $HAPROXY_PID ]] || return 0
  if kill -0 "$HAPROXY_PID" 2>/dev/null; then
    log "stopping HAProxy (pid $HAPROXY_PID)"
    terminate_tree "$HAPROXY_PID" 10
  fi
  wait "$HAPROXY_PID" 2>/dev/null || true
  HAPROXY_PID=""
}
