#!/usr/bin/env bash
# Builds and opens scimdeck: `make run` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product scimdeck >&2
export SCIMDECK_VENV="$PWD/.venv"
exec .build/release/scimdeck "$@"
