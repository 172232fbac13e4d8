#!/usr/bin/env bash
# Writes Sources/CBuildInfo/commit.h (git-ignored) with the commit being built, for `--version`.
# Rewritten only when the commit changes, so an unchanged tree does not relink; without git, left as is.
set -euo pipefail
cd "$(dirname "$0")/.."
header=Sources/CBuildInfo/commit.h
commit=$(git rev-parse --short HEAD 2>/dev/null) || exit 0
# Uncommitted changes to tracked files make the build not that commit: say so.
[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && commit="$commit-dirty"
line="#define SCIMDECK_COMMIT \"$commit\""
if [ "$(cat "$header" 2>/dev/null)" != "$line" ]; then
  echo "$line" > "$header"
  # The build tracks the C file, not a header that did not exist when it was last compiled.
  touch Sources/CBuildInfo/BuildInfo.c
fi
