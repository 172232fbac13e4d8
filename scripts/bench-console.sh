#!/usr/bin/env bash
# The console benchmark of issue 5 (not a test), on a release build with a 100,000-person store:
#   time to first frame (target < 300 ms), `d` to the People table drawn (target < 1 s), one frame
#   of the filtered 100,000-row People table (target < 5 ms), and peak memory of the console with
#   that store open on the Directory (< 150 MB).
# In-process figures come from `scimdeck-bench console`; the real binary is then timed in tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${PEOPLE:-100000}"
swift build -c release --product scimdeck >/dev/null
swift build -c release --product scimdeck-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
socket="scimdeck-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
store="$work/scimdeck.sqlite"
echo "== filling a store with $people people (generate, import)"
"$bin/scimdeck" directory generate --people "$people" --groups 2000 -o "$work/big.csv" >/dev/null
"$bin/scimdeck" directory import "$work/big.csv" --store "$store" >/dev/null
"$bin/scimdeck" app add --catalog "Axiad Cloud" --label "Axiad Cloud (prod)" --store "$store" >/dev/null

echo "== console, in process (memory backend)"
"$bin/scimdeck-bench" console --store "$store" --query li

if ! command -v tmux >/dev/null; then echo "tmux is not installed: the real-binary figures are skipped"; exit 0; fi
echo "== console, the real binary in tmux (200×50)"
now_ms() { date +%s%3N; }
start=$(now_ms)
tmux -L "$socket" -f /dev/null new-session -d -s bench -x 200 -y 50 \
  "exec env TERM=xterm-256color LANG=C.UTF-8 $bin/scimdeck --store $store"
wait_for() { # pattern: poll the pane (20 s at most)
  for _ in $(seq 4000); do tmux -L "$socket" capture-pane -p -t bench | grep -q "$1" && return 0; sleep 0.005; done
  echo "gave up waiting for: $1" >&2; return 1
}
wait_for "Axiad Cloud (prod)"
echo "launch to first frame on screen (incl. tmux polling): $(( $(now_ms) - start )) ms  [target < 300 ms]"
pid=$(tmux -L "$socket" display-message -p -t bench '#{pane_pid}')
start=$(now_ms)
tmux -L "$socket" send-keys -t bench d
wait_for "People ([0-9]"
echo "d to the Directory with every person listed (incl. tmux polling): $(( $(now_ms) - start )) ms  [target < 1000 ms]"
tmux -L "$socket" send-keys -t bench / l i
sleep 0.5
grep -E "VmHWM|VmRSS" "/proc/$pid/status" | sed 's/^/peak and current memory of the console on the filtered Directory: /'
echo "  [target: VmHWM < 150 MB]"
tmux -L "$socket" send-keys -t bench Escape Escape q
