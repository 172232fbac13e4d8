#!/usr/bin/env bash
# Every benchmark on a release build: `make bench` runs this. Figures go to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# The benchmarks' throwaway stores seal their tokens under a throwaway key, not the user's.
export SCIMDECK_KEY_FILE="${TMPDIR:-/tmp}/scimdeck-bench-$$.key"
trap 'rm -f "$SCIMDECK_KEY_FILE"' EXIT
swift build -c release --product scimdeck-bench >&2

echo "== planner: 100,000 people, 2,000 pushed groups"
.build/release/scimdeck-bench plan --people 100000 --groups 2000

scripts/bench-sync.sh
echo "== directory source: slapd, full and incremental imports"
scripts/bench-directory-source.sh
scripts/bench-scim-client.sh
scripts/bench-console.sh
