#!/usr/bin/env bash
# The reader while ingest works (issue 26): `sift serve` (embedded H2, ingest on) starts with FEEDS feeds of ITEMS
# items subscribed and nothing stored, so its first pass is a cold refresh of all of them; meanwhile
# bench/paced.py sends river and post pages at RATE requests a second (open loop) for SECONDS, and reports the
# latencies. Then, once the pass is over, the same traffic again on the quiet server, for comparison.
# Usage: bench/reader-under-ingest.sh [FEEDS] [ITEMS] [RATE] [SECONDS] [WORKDIR]   (defaults 1000 20 200 60 /tmp/riu)
# SIFT_BENCH_NICE0=true puts Sift's background threads (analysis, search index) back at nice 0 while the traffic
# runs, for comparison with the lower priority they give themselves. SIFT_BENCH_QUIET=false skips the quiet run.
# Feeds from the workplace's feedgen.py, served over loopback by serve.py; SIFT_HOST_GAP_MS=0 (one host).
set -euo pipefail
feeds=${1:-1000}; items=${2:-20}; rate=${3:-200}; seconds=${4:-60}; work=${5:-/tmp/riu}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SIFT_SHARED:-$here/../shared}
jar="$here/web/target/sift.jar"
source "$here/bench/feed-server.sh"
feed_port=$(free_port); web_port=$(free_port)
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
rm -rf "$work"; mkdir -p "$work"
python3 "$shared/tools/bench/feedgen.py" -q --out "$work/g1" --feeds "$feeds" --items "$items" \
  --base-url "http://127.0.0.1:$feed_port"
start_feed_server "$work/g1" "$feed_port" "$work/feed-server.log"
pids=("$feed_server")
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
export SIFT_ALLOW_PRIVATE=true SIFT_HOST_GAP_MS=0 SIFT_PUBLIC_READER=true SIFT_MIN_FREE_MB=0
export SIFT_ADMIN_PASSWORD="reader under ingest password" SIFT_DIAGNOSTICS_TOKEN="reader-under-ingest-diagnostics"
java -jar "$jar" import-opml "$work/g1/feeds.opml" --data "$work/data" > "$work/import.log" 2>&1
java ${SIFT_JAVA_OPTS-} -jar "$jar" serve --data "$work/data" --port "$web_port" > "$work/serve.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$web_port"
posts() { curl -sf -H "Authorization: Bearer $SIFT_DIAGNOSTICS_TOKEN" "$base/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"]["posts"])' 2>/dev/null || echo 0; }
for _ in $(seq 120); do [ "$(posts)" -gt 200 ] && break; sleep 0.5; done
nice0=(); [ "${SIFT_BENCH_NICE0:-false}" = true ] && nice0=(--nice0-pid "${pids[1]}")
echo "under ingest ($(posts) of $((feeds * items)) posts stored at the start):"
python3 "$here/bench/paced.py" "$base" --rate "$rate" --seconds "$seconds" "${nice0[@]}"
echo "($(posts) posts stored at the end)"
[ "${SIFT_BENCH_QUIET:-true}" = true ] || exit 0
for _ in $(seq 900); do
  grep -q "Ingest pass: $feeds of $feeds feeds reached" "$work/serve.log" && break; sleep 1
done
echo "quiet ($(posts) posts; pass over: $(grep -o 'Ingest pass: .*' "$work/serve.log" | head -1)):"
python3 "$here/bench/paced.py" "$base" --rate "$rate" --seconds "$seconds"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
