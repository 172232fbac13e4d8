#!/usr/bin/env bash
# The SCIM client benchmark (`make bench`): a release build of scimdeck-scim-bench against a fresh
# scim2-server on a free loopback port. Pass options through: scripts/bench.sh --count 1000 --in-flight 4
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build -c release --product scimdeck-scim-bench >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SCIMDECK_TOKEN="bench-$RANDOM$RANDOM"
.venv/bin/scim2-server --bearer-token "$SCIMDECK_TOKEN" --hostname 127.0.0.1 --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
.build/release/scimdeck-scim-bench --url "http://127.0.0.1:$port/v2" "$@"
