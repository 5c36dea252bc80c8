#!/usr/bin/env bash
# Measures how long `sift serve --demo` takes to be healthy, and to list all 63 demo posts, on a fresh data folder.
# Usage: bench/demo-startup.sh [JAR] [PORT]; prints two numbers: seconds to healthy, seconds to 63 posts.
jar=${1:-web/target/sift.jar}; port=${2:-7272}
d=$(mktemp -d)
start=$(date +%s.%N)
java -jar "$jar" serve --demo --port "$port" --data "$d" >/dev/null 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.02; done
healthy=$(date +%s.%N)
until curl -sf "http://127.0.0.1:$port/health" | grep -q '"posts":63'; do sleep 0.02; done
full=$(date +%s.%N)
kill $pid; wait $pid 2>/dev/null
rm -rf "$d"
echo "$(echo "$healthy - $start" | bc) $(echo "$full - $start" | bc)"
