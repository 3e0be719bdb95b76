#!/usr/bin/env bash
# Build the solution and run every test project against a throwaway PostgreSQL.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Login").
# The last line printed is "N passed, N failed"; the exit code is non-zero when
# the build or any test failed.
set -euo pipefail

cd "$(dirname "$0")/.."
LOG_PREFIX="test"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/redis.sh
source scripts/lib/redis.sh

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  cat <<'EOF'
Usage: scripts/test.sh [dotnet test options...]

Builds ShopEase.sln, starts a throwaway PostgreSQL (fresh temp dir, free port on
127.0.0.1, deleted afterwards), exports SHOPEASE_TEST_DATABASE (an Npgsql
connection string to its "postgres" database) and SHOPEASE_REDIS_SERVER (the
redis-server binary, installed with apt-get when missing; the tests of the
shared limits start servers of their own with it) and runs `dotnet test` on the
solution. Node.js and npm are installed with apt-get when missing: a test
type-checks the example front end in examples/ against the OpenAPI document.
Debian's chromium is installed when missing: a test signs up, adds a passkey
and signs in with it on examples/passkeys.html in headless Chromium.
Prints "N passed, N failed" last; exits non-zero if anything failed.

Environment:
  SHOPEASE_KEEP_BUILD_SERVERS=1   skip the final `dotnet build-server shutdown`
EOF
  exit 0
fi

SOLUTION=ShopEase.sln

# No MSBuild worker node outlives this script; compiler servers are shut down
# at the end.
export MSBUILDDISABLENODEREUSE=1

# shellcheck disable=SC2317 # invoked as a cleanup hook
shutdown_build_servers() {
  [[ -n ${SHOPEASE_KEEP_BUILD_SERVERS:-} ]] && return 0
  dotnet build-server shutdown >/dev/null 2>&1 || true
}

RESULTS=""
# shellcheck disable=SC2317 # invoked as a cleanup hook
remove_results() { [[ -z $RESULTS ]] || rm -rf -- "$RESULTS"; }

# Clean up (server, temp dirs, build servers), then print the summary as the
# very last line and exit.
finish() {
  local passed=$1 failed=$2 code=$3
  _run_cleanup
  echo "$passed passed, $failed failed"
  exit "$code"
}

require_dotnet
require_node
require_chromium
install_traps
add_cleanup shutdown_build_servers # registered first, so it runs last
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/shopease-test.XXXXXX")
add_cleanup remove_results

pg_start_throwaway --fast
SHOPEASE_TEST_DATABASE=$(pg_connection_string postgres)
export SHOPEASE_TEST_DATABASE
# The outage tests start and stop a cluster of their own with these binaries.
export SHOPEASE_PG_BINDIR=$PG_BINDIR
# The shared-limit tests start (and kill) redis-servers of their own with this binary.
redis_require
export SHOPEASE_REDIS_SERVER=$REDIS_SERVER
log "SHOPEASE_TEST_DATABASE=$SHOPEASE_TEST_DATABASE"

log "building $SOLUTION"
if ! run_child dotnet build "$SOLUTION" --nologo; then
  log "build failed"
  finish 0 1 1
fi

# One TRX file per test project, each in its own directory (with a single
# --results-directory, parallel projects may overwrite each other's file).
cat >"$RESULTS/trx.targets" <<'EOF'
<Project>
  <PropertyGroup Condition="'$(ShopEaseTrxRoot)' != ''">
    <VSTestResultsDirectory>$(ShopEaseTrxRoot)/$(MSBuildProjectName)</VSTestResultsDirectory>
  </PropertyGroup>
</Project>
EOF

log "running tests"
rc=0
run_child dotnet test "$SOLUTION" --no-build --nologo --logger trx \
  "-p:CustomAfterMicrosoftCommonTargets=$RESULTS/trx.targets" \
  "-p:ShopEaseTrxRoot=$RESULTS/trx" "$@" || rc=$?

# Sum the <Counters .../> of every TRX file.
counter() {
  local v
  v=$(sed -n "s/.*<Counters[^>]*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" "$2" | head -n 1)
  echo "${v:-0}"
}
passed=0 failed=0 skipped=0 files=0
shopt -s nullglob
for trx in "$RESULTS"/trx/*/*.trx; do
  grep -q '<Counters' "$trx" || continue
  files=$((files + 1))
  total=$(counter total "$trx") executed=$(counter executed "$trx")
  passed=$((passed + $(counter passed "$trx")))
  file_failed=0
  for c in failed error timeout aborted; do
    file_failed=$((file_failed + $(counter "$c" "$trx")))
  done
  # A test host that crashed leaves outcome="Failed" with no failed test in it.
  if [[ $file_failed -eq 0 ]] && grep -Eq '<ResultSummary outcome="(Failed|Aborted|Error|Timeout)"' "$trx"; then
    log "$(basename "$(dirname "$trx")"): the test run failed without a failed test (crashed or aborted test host?); counting one failure"
    file_failed=1
  fi
  failed=$((failed + file_failed))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
shopt -u nullglob
log "$files test result file(s); $skipped test(s) skipped"

if [[ $rc -ne 0 && $failed -eq 0 ]]; then
  log "dotnet test exited with code $rc but recorded no failed test (a crashed or aborted test run?); counting it as one failure"
  failed=1
fi
if [[ $rc -ne 0 || $failed -ne 0 ]]; then
  finish "$passed" "$failed" 1
fi
finish "$passed" 0 0
