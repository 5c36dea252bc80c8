#!/usr/bin/env bash
# The soak run (issue 25; not in CI): MINUTES of FEEDS feeds with churn, READERS readers' page and API traffic and
# an admin's retraining and re-scoring, on PostgreSQL, with two `sift worker` processes ingesting and one
# `sift serve --no-ingest` serving. Then: errors by kind, heap and open files over time, and every fetch the feed
# server answered against the fetch log.
# Usage: bench/soak.sh [MINUTES] [FEEDS] [READERS]          (defaults 30 1000 100)
# PostgreSQL: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (defaults: the test database .ci/run makes); the run
# gets a schema of its own. Feeds: ../shared/tools/bench/feedgen.py (20 items each, a new generation every 3
# minutes: half the feeds publish 4 posts) served by serve.py with 20-100 ms of latency, plus 10 feeds at a port
# where nothing listens (the injected failures). Each feed is polled every 5 minutes, as an admin can set on
# its page (left alone, Sift polls these feeds hourly or less, by their posting rate). All feeds live on one
# host (127.0.0.1), so SIFT_HOST_GAP_MS=0, as in ingest-bench.sh.
set -euo pipefail
minutes=${1:-30}; feeds=${2:-1000}; readers=${3:-100}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SIFT_SHARED:-$here/../shared}
work=${SIFT_SOAK_DIR:-/tmp/sift-soak}
jar="$here/web/target/sift.jar"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-sift_test}
export PGUSER=${PGUSER:-sift_test} PGPASSWORD=${PGPASSWORD:-sift_test}
source "$here/bench/feed-server.sh"
feed_port=$(free_port); web_port=$(free_port); dead_port=$(free_port)
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
rm -rf "$work"; mkdir -p "$work"
schema="soak_$(date +%s)"
psql -q -c "CREATE SCHEMA $schema"
sql() { psql -qAt -c "SET search_path TO $schema; $1"; }

generations=$(( minutes * 60 / 180 + 1 ))
echo "generating $generations generations of $feeds feeds..."
for g in $(seq 1 "$generations"); do
  python3 "$shared/tools/bench/feedgen.py" -q --out "$work/g$g" --feeds "$feeds" --items 20 \
    --base-url "http://127.0.0.1:$feed_port" --generation "$g" --changed-frac 0.5 --new-frac 0.2
done
ln -sfn "$work/g1" "$work/current"
start_feed_server "$work/current" "$feed_port" "$work/feed-server.log" --latency-ms 20 --jitter-ms 80
pids=()
trap 'kill "${pids[@]}" $feed_server 2>/dev/null || true' EXIT

python3 - "$work/g1/feeds.opml" "$dead_port" > "$work/feeds.opml" <<'EOF'
import sys
opml, port = open(sys.argv[1]).read(), sys.argv[2]
dead = "".join(f'<outline type="rss" text="dead {i}" xmlUrl="http://127.0.0.1:{port}/dead-{i}.xml"/>' for i in range(10))
print(opml.replace("</body>", dead + "</body>"))
EOF
export SIFT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$schema"
export SIFT_DB_USER=$PGUSER SIFT_DB_PASSWORD=$PGPASSWORD SIFT_ALLOW_PRIVATE=true SIFT_HOST_GAP_MS=0
export SIFT_ADMIN_PASSWORD="soak admin password" SIFT_MIN_FREE_MB=0
java -jar "$jar" import-opml "$work/feeds.opml" --data "$work/serve" > "$work/import.log" 2>&1
sql "UPDATE feeds SET refresh_minutes = 5"
echo "$(sql 'SELECT COUNT(*) FROM feeds') feeds subscribed"

curl -sf "http://127.0.0.1:$feed_port/__stats?reset=1" > /dev/null
since=$(sql "SELECT now()")
java -jar "$jar" serve --no-ingest --data "$work/serve" --port "$web_port" > "$work/serve.log" 2>&1 &
serve=$!; pids+=("$serve")
for w in 1 2; do
  java -jar "$jar" worker --data "$work/worker$w" > "$work/worker$w.log" 2>&1 &
  pids+=("$!")
done
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$web_port/health" && break; sleep 1; done

echo "soaking for $minutes minutes: $readers readers, churn every 3 minutes..."
python3 "$here/bench/soak.py" --base "http://127.0.0.1:$web_port" --admin-password "$SIFT_ADMIN_PASSWORD" \
  --readers "$readers" --minutes "$minutes" --pids "serve=$serve,worker1=${pids[1]},worker2=${pids[2]}" \
  --current "$work/current" --generations "$generations" > "$work/report.json"

stop() { # name pid: SIGTERM, and how long the process took to go
  local started; started=$(date +%s%N)
  kill -TERM "$2"; wait "$2" || true
  echo "$1 stopped in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}
stop worker1 "${pids[1]}"; stop worker2 "${pids[2]}"
requests=$(curl -sf "http://127.0.0.1:$feed_port/__stats" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["feed_requests"])')
logged=$(sql "SELECT COUNT(*) FROM fetch_log l JOIN feeds f ON f.id = l.feed_id
              WHERE l.fetched_at >= '$since' AND f.url NOT LIKE '%/dead-%'")
dead=$(sql "SELECT COUNT(*) FROM fetch_log l JOIN feeds f ON f.id = l.feed_id
            WHERE l.fetched_at >= '$since' AND f.url LIKE '%/dead-%'")
failed=$(sql "SELECT COUNT(*) FROM fetch_log l JOIN feeds f ON f.id = l.feed_id
              WHERE l.fetched_at >= '$since' AND f.url NOT LIKE '%/dead-%' AND l.status = 'failed'")
posts=$(sql "SELECT COUNT(*) FROM posts"); once=$(sql "SELECT COUNT(DISTINCT (feed_id, guid)) FROM posts")
stop serve "$serve"
python3 - "$work/report.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{'answers':<16} {'n':>7} {'p50 ms':>8} {'p99 ms':>8}  errors")
for kind, a in r["answers"].items():
    print(f"{kind:<16} {a['n']:>7} {a['p50_ms']:>8} {a['p99_ms']:>8}  {a['errors'] or '-'}")
print("admin jobs:", ", ".join(f"{j['job'].split('/')[-1]} at {j['minute']} min: {j['status']}" for j in r["admin_jobs"]))
print("generations:", len(r["generations"]) + 1)
print(f"{'minute':>6} {'node':<8} {'heap MB':>8} {'live MB':>8} {'files':>6} {'threads':>7} {'RSS MB':>7}")
for s in r["samples"]:
    if "error" in s:
        print("sample failed:", s)
        continue
    print(f"{s['minute']:>6} {s['node']:<8} {s['heap_used_mb']:>8} {s.get('live_heap_mb', ''):>8} "
          f"{s['open_files']:>6} {s['threads']:>7} {s['rss_mb']:>7}")
EOF
echo "feed requests answered by the feed server: $requests; fetches in the fetch log: $logged ($failed failed)"
echo "fetches of the 10 dead feeds in the fetch log: $dead"
echo "posts: $posts, distinct (feed, guid): $once"
echo "errors in the logs: $(grep -c ' \[ERROR\] ' "$work"/serve.log "$work"/worker*.log | tr '\n' ' ')"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), minutes: $minutes, feeds: $feeds, readers: $readers"
echo "logs and report: $work"
