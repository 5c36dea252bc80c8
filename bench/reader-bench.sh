#!/usr/bin/env bash
# The reader under load (issue 8): a signed-in reader's river (first page, pages deep in the archive, a filtered
# unread view) and post pages, with wrk, over N synthetic posts.
# Usage: bench/reader-bench.sh [POSTS] [DATA_DIR] [PORT]   (defaults: 100000 /tmp/sift-reader-bench 7400)
# SIFT_BENCH_VIEWS picks views (default: "first deep unread-routing posts feed feed-built"); feed is the
# re-exported Atom feed of the 100 newest posts (issue 9), feed-built the same feed built anew on every request.
# Needs wrk (apt-get install wrk). Loads the posts once (sift bench-data); later runs reuse the folder.
# 90 s of warm-up for the JIT on the first view (C2 keeps a core busy for minutes on 2 cores), 30 s on the
# others, then three runs of 20 s each, 2 wrk threads and 16 connections; prints requests a second and p99.
set -euo pipefail
posts=${1:-100000}; data=${2:-/tmp/sift-reader-bench}; port=${3:-7400}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/web/target/sift.jar"
password="reader bench password"   # of the reader 'bench', made here on the first run
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
if [ ! -f "$data/sift.mv.db" ]; then
  java -jar "$jar" bench-data --posts "$posts" --data "$data"
fi
if ! printf '%s\n' "$password" | java -jar "$jar" user add bench --data "$data" --password-stdin 2>/dev/null; then
  echo "(the reader 'bench' exists already)"
fi
java ${SIFT_JAVA_OPTS-} -jar "$jar" serve --data "$data" --port "$port" --no-ingest \
  > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done
base="http://127.0.0.1:$port"
jar_file=$(mktemp)
token=$(curl -s -c "$jar_file" -b "$jar_file" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$jar_file" -b "$jar_file" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "name=bench" \
  --data-urlencode "password=$password" --data-urlencode "next=/" "$base/login"
cookie="Cookie: sift_session=$(awk '/sift_session/ {print $7}' "$jar_file")"
rm -f "$jar_file"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base/")" = 200 ] || { echo "login failed" >&2; exit 1; }
export SIFT_BENCH_MAX_ID=$posts
run() { # name, seconds, wrk arguments...
  local name=$1 secs=$2; shift 2
  wrk -t2 -c16 -d"${secs}s" --latency -H "$cookie" "$@" | awk -v n="$name" '
    /99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$NF}
    END {printf "%-24s %10s req/s  p99 %-9s %s\n", n, rps, p99, (bad ? "NON-2XX: " bad : "")}'
}
views=${SIFT_BENCH_VIEWS:-first deep unread-routing posts feed feed-built}
for view in $views; do
  case $view in
    first) args=("$base/") ;;
    deep) args=(-s "$here/bench/wrk-river-deep.lua" "$base") ;;
    unread-routing) args=(-s "$here/bench/wrk-river-deep.lua" "$base") ; export SIFT_BENCH_FILTER="topic=routing&show=unread" ;;
    posts) args=(-s "$here/bench/wrk-posts.lua" "$base") ;;
    feed) args=("$base/feeds/posts.atom?limit=100") ;;
    feed-built) args=(-s "$here/bench/wrk-feed-built.lua" "$base") ;;
  esac
  run "$view (warm-up)" "$([ $view = "${views%% *}" ] && echo 90 || echo 30)" "${args[@]}" > /dev/null
  for i in 1 2 3; do run "$view" 20 "${args[@]}"; done
  unset SIFT_BENCH_FILTER
done
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), posts: $posts"
