#!/usr/bin/env bash
# The engine benchmark (part of `make bench`): a sync of 2,000 people and 40 pushed groups of 50
# into a fresh scim2-server, then the same requests from the simplest client (scripts/bench-sync-floor.py)
# into another fresh one: the server's floor. Needs a release build of scimdeck-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCIMDECK_TOKEN="bench-$RANDOM$RANDOM"
servers=()
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_server() {
  local port=$1
  .venv/bin/scim2-server --bearer-token "$SCIMDECK_TOKEN" --hostname 127.0.0.1 --port "$port" >/dev/null 2>&1 &
  servers+=($!)
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: scim2-server did not start on $port" >&2
  return 1
}

echo "== sync: 2,000 people, 40 pushed groups of 50, 4 in flight"
port=$(free_port); start_server "$port"
.build/release/scimdeck-bench sync --url "http://127.0.0.1:$port/v2" --people 2000 --groups 40 --members 50 --concurrency 4
port=$(free_port); start_server "$port"
python3 scripts/bench-sync-floor.py "http://127.0.0.1:$port/v2" "$SCIMDECK_TOKEN" 2000 40 50 100 4

echo "== incremental sync: 100,000 linked people, 100 changed in the directory"
port=$(free_port); start_server "$port"
.build/release/scimdeck-bench incremental --url "http://127.0.0.1:$port/v2" --people 100000 --changed 100
echo "== sync --full: 10,000 linked users, unchanged, against a plain paged GET of them all (goal ≤ 1.2×)"
port=$(free_port); start_server "$port"
full_out=$(.build/release/scimdeck-bench full-sync --url "http://127.0.0.1:$port/v2" --users 10000)
echo "$full_out" | grep -v '^full-sync-seconds='
floor_out=$(python3 scripts/bench-full-sync-floor.py "http://127.0.0.1:$port/v2" "$SCIMDECK_TOKEN" 1000)
echo "$floor_out" | grep -v '^floor-seconds='
full=$(echo "$full_out" | sed -n 's/^full-sync-seconds=//p')
floor=$(echo "$floor_out" | sed -n 's/^floor-seconds=//p')
python3 -c "import sys; print(f'sync --full / paged GET: {float(sys.argv[1]) / float(sys.argv[2]):.2f}×')" "$full" "$floor"
