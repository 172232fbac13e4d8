#!/usr/bin/env bash
# The whole test suite, set-up included: `make test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export SCIMDECK_VENV="$PWD/.venv"
scripts/build-info.sh
# Each target lists exactly what its sources import (Package.swift stays honest).
python3 scripts/check-target-imports.py
swift build --build-tests
swift test --skip-build "$@"
