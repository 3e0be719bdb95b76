#!/usr/bin/env bash
# Types the example page from the running API, builds it and serves it on
# http://localhost:3000, the origin the API's CORS (and passkeys) allow by default, beside the
# plain-JavaScript passkey page passkeys.html. Start the API first:
#   SHOPEASE_URLS=http://localhost:5080 scripts/run.sh
# Environment: PORT (default 3000), SHOPEASE_API (default http://localhost:5080); open
# http://localhost:$PORT/?api=$SHOPEASE_API when the API is elsewhere. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

port=${PORT:-3000}
api=${SHOPEASE_API:-http://localhost:5080}
./check.sh "$api/openapi/v1.json"
node_modules/.bin/tsc -p .
echo "serve.sh: open http://localhost:$port/?api=$api (passkeys: http://localhost:$port/passkeys.html?api=$api)"
exec python3 -m http.server "$port" --bind 127.0.0.1
