#!/usr/bin/env bash
# The cost sheet of a warm `sift serve` (issue 26): serve (embedded H2, ingest on, the JVM's defaults) ingests
# FEEDS feeds of ITEMS items (feedgen seed 1) from scratch; once that pass is over, an admin imports FEEDS other
# feeds (seed 2) on /admin/opml, and the CPU counters of /metrics are read before and after their pass: CPU a
# stage on the threads doing it, and the whole process (index, story linking, JIT, GC: "other"), an entry read.
# Usage: bench/cost-sheet-warm.sh [FEEDS] [ITEMS] [WORKDIR]   (defaults 200 50 /tmp/csw)
set -euo pipefail
feeds=${1:-200}; items=${2:-50}; work=${3:-/tmp/csw}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SIFT_SHARED:-$here/../shared}
jar="$here/web/target/sift.jar"
source "$here/bench/feed-server.sh"
feed_port=$(free_port); web_port=$(free_port)
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
rm -rf "$work"; mkdir -p "$work"
gen() { python3 "$shared/tools/bench/feedgen.py" -q --feeds "$feeds" --items "$items" "$@"; }
gen --out "$work/root" --seed 1 --base-url "http://127.0.0.1:$feed_port"
gen --out "$work/root/b" --seed 2 --base-url "http://127.0.0.1:$feed_port/b"
start_feed_server "$work/root" "$feed_port" "$work/feed-server.log"
pids=("$feed_server")
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
export SIFT_ALLOW_PRIVATE=true SIFT_HOST_GAP_MS=0 SIFT_MIN_FREE_MB=0
export SIFT_ADMIN_PASSWORD="cost sheet admin password" SIFT_DIAGNOSTICS_TOKEN="cost-sheet-diagnostics-token"
java -jar "$jar" import-opml "$work/root/feeds.opml" --data "$work/data" > "$work/import.log" 2>&1
java ${SIFT_JAVA_OPTS-} -jar "$jar" serve --data "$work/data" --port "$web_port" > "$work/serve.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$web_port"
passes() { grep -c "Ingest pass: .* feeds reached" "$work/serve.log" || true; }
await_pass() { for _ in $(seq 900); do [ "$(passes)" -ge "$1" ] && return 0; sleep 1; done; echo "no pass $1" >&2; exit 1; }
await_pass 1
sleep 5 # the index catches up and links the first pass's stories
metrics() { curl -sf -H "Authorization: Bearer $SIFT_DIAGNOSTICS_TOKEN" "$base/metrics" \
  | grep -E '^(sift_ingest_cpu_seconds_total|sift_index_cpu_seconds_total|sift_ingest_entries_total|process_cpu_seconds_total)' > "$1"; }
metrics "$work/before"
cookies="$work/cookies"
token() { curl -s -c "$cookies" -b "$cookies" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "_csrf=$(token /login)" --data-urlencode "name=admin" \
  --data-urlencode "password=$SIFT_ADMIN_PASSWORD" --data-urlencode "next=/" "$base/login"
curl -s -c "$cookies" -b "$cookies" -o /dev/null -F "_csrf=$(token /admin/feeds)" -F "opml=@$work/root/b/feeds.opml" \
  "$base/admin/opml"
await_pass 2
sleep 5
metrics "$work/after"
python3 - "$work/before" "$work/after" <<'PY'
import re, sys
def read(path):
    values = {}
    for line in open(path):
        name, value = line.rsplit(" ", 1)
        values[name] = float(value)
    return values
before, after = read(sys.argv[1]), read(sys.argv[2])
delta = {k: after[k] - before.get(k, 0) for k in after}
entries = delta.get("sift_ingest_entries_total", 0) or 1
print(f"warm cost sheet: CPU of {entries:.0f} entries read by a serve that had ingested the same number before")
print(f"  {'stage':10} {'CPU ms':>10} {'us an entry':>14}")
stages = 0
for name, value in delta.items():
    m = re.match(r'sift_(?:ingest|index)_cpu_seconds_total\{(?:stage|work)="(\w+)"\}', name)
    if m:
        stages += value
        print(f"  {m.group(1):10} {value * 1e3:10.0f} {value * 1e6 / entries:14.1f}")
process = delta.get("process_cpu_seconds_total", 0)
print(f"  {'stages':10} {stages * 1e3:10.0f} {stages * 1e6 / entries:14.1f}")
print(f"  {'other':10} {(process - stages) * 1e3:10.0f} {(process - stages) * 1e6 / entries:14.1f}   (Lucene's merges, web, JIT, GC)")
print(f"  {'process':10} {process * 1e3:10.0f} {process * 1e6 / entries:14.1f}")
PY
grep -o "Ingest pass: .*" "$work/serve.log"
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
