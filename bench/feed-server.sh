# Sourced by the bench scripts: a free loopback port, and the workplace's feed server (serve.py) started on one.
# The caller sets $shared (the workplace's shared folder).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_feed_server ROOT PORT LOG [serve.py options...]: serves ROOT with gzip in the background, its pid in
# $feed_server, and returns once it answers (or fails, naming its log).
start_feed_server() {
  local root=$1 port=$2 log=$3; shift 3
  python3 "$shared/tools/bench/serve.py" --root "$root" --port "$port" --gzip "$@" > "$log" 2>&1 &
  feed_server=$!
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/__preload" > /dev/null 2>&1 && return 0
    sleep 0.2
  done
  kill "$feed_server" 2>/dev/null
  echo "the feed server on port $port did not answer within 10 s; see $log" >&2
  return 1
}
