#!/usr/bin/env bash
# Regenerates the TypeScript types of the ShopEase API from an OpenAPI document and
# type-checks the example front end against them, so that a change of the document that
# would break a client fails here as a type error.
#
# Usage: examples/check.sh [DOCUMENT]
#   DOCUMENT  a URL or a file; default http://127.0.0.1:5080/openapi/v1.json (scripts/run.sh)
#
# Needs Node.js and npm (Debian: apt-get install nodejs npm). Installs the pinned packages of
# package-lock.json with `npm ci` when they are missing or out of date. Exits 0 when the example
# compiles, 1 when it does not, 2 when a tool is missing.
set -euo pipefail

document=${1:-http://127.0.0.1:5080/openapi/v1.json}
if [[ $document != http://* && $document != https://* ]]; then
  document=$(realpath -- "$document")
fi
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool is not installed (Debian: apt-get install nodejs npm)" >&2
    exit 2
  fi
done

installed=node_modules/.shopease-package-lock.json
if ! cmp -s package-lock.json "$installed"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$installed"
fi

node_modules/.bin/openapi-typescript "$document" --output generated/shopease-api.d.ts
if ! node_modules/.bin/tsc --noEmit -p .; then
  echo "check.sh: the example does not compile against $document" >&2
  exit 1
fi
echo "check.sh: the example compiles against $document"
