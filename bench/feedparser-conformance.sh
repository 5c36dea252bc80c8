#!/usr/bin/env bash
# Scores `sift parse` against the Universal Feed Parser's test corpus (issue 4):
# runs it over every file from inside ../shared/corpora/feedparser, then feedparser_expect.py.
# Usage: bench/feedparser-conformance.sh [OUT.jsonl] [extra feedparser_expect.py options, e.g. --show-failures 50]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${SIFT_SHARED:-$here/../shared}"
out="${1:-$(mktemp --suffix=.jsonl)}"
shift || true
[ -f "$here/web/target/sift.jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
cd "$shared/corpora/feedparser"
find . -type f \( -name '*.xml' -o -name '*.json' \) | sed 's|^\./||' | LC_ALL=C sort \
  | xargs java -jar "$here/web/target/sift.jar" parse > "$out" || true
python3 "$shared/tools/feedparser_expect.py" --html-normalize --no-http "$out" "$@"
echo "results: $out"
