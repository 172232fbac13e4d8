#!/usr/bin/env bash
# The directory benchmark of issue 3 (not a test): generate 100,000 people in 2,000 groups,
# import them into a fresh store, import again (nothing changes), and time `list --filter`.
# Targets: import under 5 s and 200 MB peak memory; list --filter under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${PEOPLE:-100000}"
groups="${GROUPS_COUNT:-2000}"
swift build -c release --product scimdeck >/dev/null
bin="$(swift build -c release --show-bin-path)/scimdeck"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
store="$work/scimdeck.sqlite"

measure() { # label, command…
    local label="$1"; shift
    /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$@"
}

measure "generate $people people / $groups groups" "$bin" directory generate --people "$people" --groups "$groups" -o "$work/big.csv"
measure "import into an empty store" "$bin" directory import "$work/big.csv" --store "$store"
measure "re-import (no change)" "$bin" directory import "$work/big.csv" --store "$store"
# .42424@ matches one person, 李 about 3,000, nobody-matches none.
for filter in .42424@ "李" nobody-matches; do
    measure "list people --filter $filter (whole command)" "$bin" directory list people --filter "$filter" --store "$store" >/dev/null
done
if command -v sqlite3 >/dev/null; then
    echo "the --filter query alone (sqlite3 .timer):"
    printf "%s\n" ".timer on" "SELECT count(*) FROM (SELECT * FROM person WHERE instr(searchKey, '.42424@') > 0 ORDER BY +loginKey);" | sqlite3 "$store"
fi
ls -l "$store"
