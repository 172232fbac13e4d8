#!/usr/bin/env bash
# The SCIM client benchmark (part of `make bench`): a release build of scimdeck-scim-bench, run against a fresh
# scim2-server (HTTP/1.0, a new connection per request), then against a keep-alive echo server
# (scripts/bench-keepalive-server.py) that isolates the client's own CPU per request with connection reuse.
# Options pass through: scripts/bench.sh --count 1000 --in-flight 4
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build -c release --product scimdeck-scim-bench >&2
export SCIMDECK_TOKEN="bench-$RANDOM$RANDOM"
servers=()
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing listens on port $1" >&2
  return 1
}

port=$(free_port)
.venv/bin/scim2-server --bearer-token "$SCIMDECK_TOKEN" --hostname 127.0.0.1 --port "$port" >/dev/null 2>&1 &
servers+=($!)
wait_for "$port"
echo "== scim2-server (HTTP/1.0, connection closed after each answer)"
.build/release/scimdeck-scim-bench --url "http://127.0.0.1:$port/v2" "$@"

port=$(free_port)
python3 scripts/bench-keepalive-server.py "$port" >/dev/null 2>&1 &
servers+=($!)
wait_for "$port"
echo "== keep-alive echo server (connections reused: the client's own cost)"
.build/release/scimdeck-scim-bench --url "http://127.0.0.1:$port/v2" "$@"
