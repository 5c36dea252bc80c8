#!/usr/bin/env bash
# The sync APIs under load (issue 24), over N synthetic posts (default 100,000):
#  1. stream/contents of 1,000 items (Google Reader API), one app at a time (wrk, 1 connection): p99;
#  2. a full first sync of 10,000 unread items, as an app makes it: the ids of the unread items in one call,
#     then their contents 1,000 at a time (stream/items/contents), and the same through stream/contents with
#     continuations; three runs each, the wall time of each sync; and unread-count, five times.
# Usage: bench/sync-bench.sh [POSTS] [DATA_DIR] [PORT]   (defaults: 100000 /tmp/sift-reader-bench 7400)
# Needs wrk and python3. Shares its data folder with bench/reader-bench.sh (the reader 'bench'); the reader's
# marks are set here: everything read but the newest 10,000 posts.
set -euo pipefail
posts=${1:-100000}; data=${2:-/tmp/sift-reader-bench}; port=${3:-7400}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/web/target/sift.jar"
password="reader bench password"
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
if [ ! -f "$data/sift.mv.db" ]; then
  java -jar "$jar" bench-data --posts "$posts" --data "$data"
fi
if ! printf '%s\n' "$password" | java -jar "$jar" user add bench --data "$data" --password-stdin 2>/dev/null; then
  echo "(the reader 'bench' exists already)"
fi
java ${SIFT_JAVA_OPTS-} -jar "$jar" serve --data "$data" --port "$port" --no-ingest > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done
base="http://127.0.0.1:$port"

# an app password, made on the account page as a reader makes one
cookies=$(mktemp)
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"//'; }
token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | csrf)
curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "_csrf=$token" --data-urlencode "name=bench" \
  --data-urlencode "password=$password" "$base/login"
token=$(curl -s -c "$cookies" -b "$cookies" "$base/account" | csrf)
app_password=$(curl -s -c "$cookies" -b "$cookies" --data-urlencode "_csrf=$token" \
  --data-urlencode "name=sync bench $(date +%s)" "$base/account/apps" | grep -o 'id="new-app-password">[^<]*' | sed 's/.*>//')
rm -f "$cookies"
[ -n "$app_password" ] || { echo "no app password was made" >&2; exit 1; }
auth="Authorization: GoogleLogin auth=$app_password"
api="$base/api/greader/reader/api/0"

client=$(mktemp --suffix=.py)
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$client"' EXIT
cat > "$client" <<'PY'
# an app of the Google Reader API: "marks" sets the reader's marks, "sync" times full first syncs
import sys, urllib.request, urllib.parse, json, time
mode, api, auth = sys.argv[1], sys.argv[2], sys.argv[3]
READING_LIST, READ = "user/-/state/com.google/reading-list", "user/-/state/com.google/read"
def call(path, form=None):
    req = urllib.request.Request(api + path, data=None if form is None else urllib.parse.urlencode(form).encode(),
                                 headers={"Authorization": "GoogleLogin auth=" + auth})
    return urllib.request.urlopen(req, timeout=300).read()
def ids(query):
    return [r["id"] for r in json.loads(call("/stream/items/ids?s=" + READING_LIST + query))["itemRefs"]]
def by_ids():
    items, size, unread = 0, 0, ids("&xt=" + READ + "&n=10000")
    for i in range(0, len(unread), 1000):
        body = call("/stream/items/contents", [("i", x) for x in unread[i:i + 1000]])
        size += len(body)
        items += len(json.loads(body)["items"])
    return items, size
def by_continuations():
    items, size, c = 0, 0, None
    while True:
        query = "?n=1000&xt=" + READ + ("&c=" + urllib.parse.quote(c) if c else "")
        body = call("/stream/contents/" + READING_LIST + query)
        page = json.loads(body)
        size += len(body)
        items += len(page["items"])
        c = page.get("continuation")
        if not c:
            return items, size
if mode == "marks":  # everything read, then the newest 10,000 unread again
    t = call("/token").decode().strip()
    start = time.time()
    call("/mark-all-as-read", [("s", READING_LIST), ("T", t)])
    newest = ids("&n=10000")
    for i in range(0, len(newest), 1000):
        call("/edit-tag", [("i", x) for x in newest[i:i + 1000]] + [("r", READ), ("T", t)])
    print("marks set in %.1f s: %d unread" % (time.time() - start, json.loads(call("/unread-count"))["max"]))
else:
    times = []
    for run in range(5):
        start = time.time()
        call("/unread-count")
        times.append(time.time() - start)
    print("  %-22s %s s, median %.3f s" % ("unread-count", ", ".join("%.3f" % t for t in times), sorted(times)[2]))
    for name, sync in (("ids, then contents", by_ids), ("stream/contents pages", by_continuations)):
        times = []
        for run in range(3):
            start = time.time()
            items, size = sync()
            times.append(time.time() - start)
            print("  %-22s run %d: %d items, %.1f MB in %.2f s" % (name, run + 1, items, size / 1e6, times[-1]))
        print("  %-22s median %.2f s" % (name, sorted(times)[1]))
PY
python3 "$client" marks "$api" "$app_password"

echo "stream/contents, 1,000 items a call, one app (1 connection); 30 s warm-up, then three runs of 20 s:"
run() { # name, seconds, url
  wrk -t1 -c1 -d"$2s" --latency -H "$auth" "$3" | awk -v n="$1" '
    /50%/ {p50=$2} /99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$NF}
    END {printf "%-28s %8s req/s  p50 %-9s p99 %-9s %s\n", n, rps, p50, p99, (bad ? "NON-2XX: " bad : "")}'
}
url="$api/stream/contents/user/-/state/com.google/reading-list?n=1000"
run "warm-up" 30 "$url" > /dev/null
for i in 1 2 3; do run "reading-list n=1000" 20 "$url"; done
url="$api/stream/contents/user/-/state/com.google/reading-list?n=1000&xt=user/-/state/com.google/read"
for i in 1 2 3; do run "unread n=1000" 20 "$url"; done

echo "a full first sync of the 10,000 unread items:"
python3 "$client" sync "$api" "$app_password"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), posts: $posts"
