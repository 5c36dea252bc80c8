#!/usr/bin/env bash
# The sync APIs under load (issue 24), over N synthetic posts (default 100,000):
#  1. stream/contents of 1,000 items (Google Reader API), one app at a time (wrk, 1 connection): p99;
#  2. a full first sync of 10,000 unread items, as an app makes it: the ids of the unread items in one call,
#     then their contents 1,000 at a time (stream/items/contents), and the same through stream/contents with
#     continuations; three runs each, the wall time of each sync.
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

python3 - "$api" "$app_password" <<'PY'
# the reader's marks: all read, then the newest 10,000 unread again
import sys, urllib.request, urllib.parse, json, time
api, auth = sys.argv[1], sys.argv[2]
def call(path, form=None):
    req = urllib.request.Request(api + path, data=None if form is None else urllib.parse.urlencode(form).encode(),
                                 headers={"Authorization": "GoogleLogin auth=" + auth})
    return urllib.request.urlopen(req, timeout=300).read()
t = call("/token").decode().strip()
start = time.time()
call("/mark-all-as-read", [("s", "user/-/state/com.google/reading-list"), ("T", t)])
ids = [r["id"] for r in json.loads(call("/stream/items/ids?s=user/-/state/com.google/reading-list&n=10000"))["itemRefs"]]
for i in range(0, len(ids), 1000):
    call("/edit-tag", [("i", x) for x in ids[i:i + 1000]] + [("r", "user/-/state/com.google/read"), ("T", t)])
unread = json.loads(call("/unread-count"))["max"]
print("marks set in %.1f s: %d unread" % (time.time() - start, unread))
PY

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
python3 - "$api" "$app_password" <<'PY'
import sys, urllib.request, urllib.parse, json, time
api, auth = sys.argv[1], sys.argv[2]
def call(path, form=None):
    req = urllib.request.Request(api + path, data=None if form is None else urllib.parse.urlencode(form).encode(),
                                 headers={"Authorization": "GoogleLogin auth=" + auth})
    return urllib.request.urlopen(req, timeout=300).read()
def by_ids():
    ids = [r["id"] for r in json.loads(call(
        "/stream/items/ids?s=user/-/state/com.google/reading-list&xt=user/-/state/com.google/read&n=10000"))["itemRefs"]]
    items = 0
    size = 0
    for i in range(0, len(ids), 1000):
        body = call("/stream/items/contents", [("i", x) for x in ids[i:i + 1000]])
        size += len(body)
        items += len(json.loads(body)["items"])
    return items, size
def by_continuations():
    items, size, c = 0, 0, None
    while True:
        q = "?n=1000&xt=user/-/state/com.google/read" + ("&c=" + urllib.parse.quote(c) if c else "")
        body = call("/stream/contents/user/-/state/com.google/reading-list" + q)
        page = json.loads(body)
        size += len(body)
        items += len(page["items"])
        c = page.get("continuation")
        if not c:
            return items, size
for name, sync in (("ids, then contents", by_ids), ("stream/contents pages", by_continuations)):
    times = []
    for run in range(3):
        start = time.time()
        items, size = sync()
        times.append(time.time() - start)
        print("  %-22s run %d: %d items, %.1f MB in %.2f s" % (name, run + 1, items, size / 1e6, times[-1]))
    print("  %-22s median %.2f s" % (name, sorted(times)[1]))
PY
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d), posts: $posts"
