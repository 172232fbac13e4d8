#!/usr/bin/env bash
# Builds and opens scimdeck: `make run` runs this. It also starts a scim2-server on loopback for the
# demo workspace (the console offers it on an empty store); SCIMDECK_DEMO_SERVER=0 skips the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-info.sh
swift build -c release --product scimdeck >&2
export SCIMDECK_VENV="$PWD/.venv"

if [ "${SCIMDECK_DEMO_SERVER:-1}" = "1" ] && [ -x .venv/bin/python3 ]; then
  demo_dir=$(mktemp -d "${TMPDIR:-/tmp}/scimdeck-demo.XXXXXX")
  # The token file is the owner's alone from the start (umask), and only its path is passed on.
  (umask 077 && .venv/bin/python3 -c 'import secrets; print(secrets.token_urlsafe(32))' > "$demo_dir/token")
  port=$(.venv/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # The server watches this fifo on stdin and exits when it closes, so it never outlives the console.
  mkfifo "$demo_dir/lifeline"
  .venv/bin/python3 scripts/demo-server.py "$port" "$demo_dir/token" < "$demo_dir/lifeline" > "$demo_dir/server.log" 2>&1 &
  server=$!
  exec 9> "$demo_dir/lifeline"
  trap 'exec 9>&-; kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$demo_dir"' EXIT
  for _ in $(seq 100); do
    .venv/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
  done
  export SCIMDECK_DEMO_BASE_URL="http://127.0.0.1:$port/v2"
  export SCIMDECK_DEMO_TOKEN_FILE="$demo_dir/token"
  export SCIMDECK_DEMO_DIRECTORY="$PWD/Samples/directory.csv"
fi
.build/release/scimdeck "$@"
