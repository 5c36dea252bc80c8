#!/usr/bin/env bash
# Issue 4's hostile inputs, each parsed by `sift parse` in its own JVM with a 1 GB heap:
# prints the wall time, the peak memory (resident set) and what Sift answered.
# Usage: bench/hostile-parse.sh [WORKDIR]   (files are generated there; default: a temporary folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
[ -f "$here/web/target/sift.jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
def rss(items, head=''):
    return head + '<rss version="2.0"><channel><title>T</title>' + items + '</channel></rss>'
files = {
  'xxe.xml': '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rss('<item><title>&xxe;</title></item>'),
  'billion-laughs.xml': '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">' + ''.join(
      '<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % ('' if i == 1 else i - 1)) * 10) for i in range(1, 10)) + ']>'
      + rss('<item><title>&lol9;</title></item>'),
  'nesting-200000.xml': rss('<item><description>' + '<x>' * 200000 + '</x>' * 200000 + '</description></item>'),
  'items-20000.xml': rss('<item><title>t</title><guid>g</guid><description>d</description></item>' * 20000),
  'item-15mb.xml': rss('<item><title>big</title><description><![CDATA[<p>' + 'packet ' * (15 * 1024 * 1024 // 7)
      + '</p>]]></description></item>'),
  'control-characters.xml': rss('<item><title>BGP\x01 \x08route\x1b leak</title></item>'),
}
for name, text in files.items():
    with open(os.path.join(w, name), 'w', encoding='utf-8') as f:
        f.write(text)
with open(os.path.join(w, 'latin1-says-utf8.xml'), 'wb') as f:
    f.write(('<?xml version="1.0" encoding="UTF-8"?>' + rss('<item><title>Caf\xe9 r\xe9seau</title></item>')).encode('latin-1'))
PY
printf '%-26s %8s %9s  %s\n' file seconds "peak MB" answer
for f in "$work"/*.xml; do
  out="$( { /usr/bin/time -f '%e %M' java -Xmx1g -jar "$here/web/target/sift.jar" parse "$f" > "$work/out.json" || true; } 2>&1 | tail -1)"
  read -r secs kb <<<"$out"
  answer="$(python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).read()); print(("error: " + r["error"])[:90] if r["error"] else "ok", "-", len(r["entries"]), "entries")' "$work/out.json")"
  printf '%-26s %8s %9d  %s\n' "$(basename "$f")" "$secs" "$((kb / 1024))" "$answer"
done
