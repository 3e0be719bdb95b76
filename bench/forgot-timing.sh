#!/usr/bin/env bash
# Times POST /api/auth/password/forgot for unknown emails against real accounts, over HTTP, against
# a running ShopEase (e.g. scripts/run.sh). Run bench/forgot-timing.sh --help for usage.
set -euo pipefail

usage() {
  cat <<'EOF_USAGE'
Usage: bench/forgot-timing.sh [BASE_URL] [N]

Signs up N accounts (default 50), then sends one forgot-password request for each
of them and one for each of N unknown emails, alternating real and unknown, each
timed by curl (time_total). Prints the median, the 10th and 90th percentile and
the answers seen for each kind. Every request must answer 202.

BASE_URL defaults to http://127.0.0.1:5080. Each email is asked for once, so the
per-account limit is never reached; the per-IP limits of sign-up and mail
requests are, so start the API with them raised, e.g.

  RateLimiting__RegisterPerIpPerHour=1000 RateLimiting__EmailPerIpPerHour=1000 \
    SHOPEASE_URLS=http://127.0.0.1:5080 scripts/run.sh

Needs curl and python3.
EOF_USAGE
}

case "${1:-}" in -h | --help) usage; exit 0 ;; esac
BASE=${1:-http://127.0.0.1:5080}
N=${2:-50}
API=$BASE/api/auth
RUN=$(date +%s)-$$
PASSWORD='correct horse battery staple'
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

for ((i = 0; i < N; i++)); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$API/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"timing-$RUN-$i@shop.io\",\"password\":\"$PASSWORD\"}")
  [[ $code == 201 ]] || { echo "sign-up $i answered $code (raise RateLimiting__RegisterPerIpPerHour)" >&2; exit 1; }
done

forgot() {
  curl -s -o /dev/null -w "$1 %{http_code} %{time_total}\n" "$API/password/forgot" \
    -H 'Content-Type: application/json' -d "{\"email\":\"$2\"}" >>"$RESULTS"
}

# One request of each kind as a warm-up, not counted (first use of a route, the JIT).
curl -s -o /dev/null "$API/password/forgot" -H 'Content-Type: application/json' -d '{"email":"warm-up@shop.io"}'
for ((i = 0; i < N; i++)); do
  forgot real "timing-$RUN-$i@shop.io"
  forgot unknown "nobody-$RUN-$i@shop.io"
done

python3 - "$RESULTS" <<'EOF_PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for kind in ("unknown", "real"):
    times = sorted(float(t) * 1000 for k, _, t in rows if k == kind)
    codes = sorted({c for k, c, _ in rows if k == kind})
    q = statistics.quantiles(times, n=10)
    print(f"{kind:8} n={len(times)} median={statistics.median(times):.1f} ms p10={q[0]:.1f} ms p90={q[-1]:.1f} ms answers={','.join(codes)}")
bad = [r for r in rows if r[1] != "202"]
sys.exit(1 if bad else 0)
EOF_PY
