#!/usr/bin/env bash
# The benchmarks on a release build: `make bench` runs this. Figures go to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build -c release --product scimdeck-bench >&2
bench=.build/release/scimdeck-bench
$bench plan --people 100000 --groups 2000
