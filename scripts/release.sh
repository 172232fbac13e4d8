#!/usr/bin/env bash
# `make release`: the binaries `make install` and `make deb` ship, in .build/release — scimdeck with
# the Swift runtime linked in (no Swift toolchain needed where it runs) and scimdeck-manual.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-info.sh
swift build -c release --static-swift-stdlib --product scimdeck >&2
swift build -c release --product scimdeck-manual >&2
