#!/usr/bin/env bash
# Search while the index links stories after a bulk load (issue 26): `sift serve --no-ingest` starts on DATA (a
# folder `sift bench-data` filled, whose posts are not yet linked to stories), and bench/paced.py sends the 12
# queries of `sift bench-search` over HTTP at RATE a second from the moment /health answers, for SECONDS.
# Usage: bench/search-after-load.sh DATA [RATE] [SECONDS]   (defaults 20 120)
# SIFT_BENCH_NICE0=true puts the search index's thread back at nice 0 meanwhile, for comparison.
set -euo pipefail
data=${1:?DATA}; rate=${2:-20}; seconds=${3:-120}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/web/target/sift.jar"
source "$here/bench/feed-server.sh"
port=$(free_port)
SIFT_PUBLIC_READER=true java ${SIFT_JAVA_OPTS-} -jar "$jar" serve --no-ingest --data "$data" --port "$port" \
  > "$data/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; wait $serve 2>/dev/null' EXIT
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
nice0=(); [ "${SIFT_BENCH_NICE0:-false}" = true ] && nice0=(--nice0-pid "$serve")
python3 "$here/bench/paced.py" "http://127.0.0.1:$port" --views search --rate "$rate" --seconds "$seconds" --window 20 \
  "${nice0[@]}"
grep -o "linked [0-9]* posts to their stories.*" "$data/serve.log" | tail -2 || true
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
