#!/usr/bin/env bash
# `make install` / `make uninstall`: scimdeck into PREFIX (default /usr/local) under DESTDIR —
#   PREFIX/bin/scimdeck                                   the binary (release, Swift runtime linked in)
#   PREFIX/share/scimdeck/{themes,Samples}                found by the binary from its own path
#   PREFIX/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d}
#   PREFIX/share/man/man1/scimdeck*.1                     one page per command
#   PREFIX/lib/systemd/system/scimdeck.service            the agent's unit (not enabled)
# BINARY=PATH installs that binary instead of building one (the man pages then come from the
# scimdeck-manual beside it); GZIP_MAN=1 compresses the pages, as a Debian package has them.
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
BINARY=${BINARY:-}
root="$DESTDIR$PREFIX"
bash_completion="$root/share/bash-completion/completions/scimdeck"
zsh_completion="$root/share/zsh/site-functions/_scimdeck"
fish_completion="$root/share/fish/vendor_completions.d/scimdeck.fish"
man_dir="$root/share/man/man1"
unit="$root/lib/systemd/system/scimdeck.service"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$root/bin/scimdeck" "$bash_completion" "$zsh_completion" "$fish_completion" "$unit"
  rm -f "$man_dir"/scimdeck.1 "$man_dir"/scimdeck-*.1 "$man_dir"/scimdeck.1.gz "$man_dir"/scimdeck-*.1.gz
  rm -rf "$root/share/scimdeck"
  echo "uninstalled scimdeck from $root"
  exit 0
fi

if [ -z "$BINARY" ]; then
  BINARY=.build/release/scimdeck
  if [ -n "${SUDO_USER:-}" ] && [ "$(id -u)" -eq 0 ]; then
    # `sudo make install` after `make release`: sudo's PATH has no swift, and a build as root
    # would leave root's files in the user's .build.
    [ -x "$BINARY" ] || { echo "install: no $BINARY: run \`make release\` as yourself first" >&2; exit 1; }
    echo "install: installing $BINARY as built by \`make release\`" >&2
  else
    scripts/release.sh
  fi
fi
manual="$(dirname "$BINARY")/scimdeck-manual"
[ -x "$BINARY" ] || { echo "install: no scimdeck binary at $BINARY" >&2; exit 1; }
[ -x "$manual" ] || { echo "install: no scimdeck-manual beside $BINARY (swift build --product scimdeck-manual)" >&2; exit 1; }

install -d "$root/bin" "$root/share/scimdeck/themes" "$root/share/scimdeck/Samples" "$man_dir" \
  "$(dirname "$bash_completion")" "$(dirname "$zsh_completion")" "$(dirname "$fish_completion")" "$(dirname "$unit")"
# Stripped, as Debian ships binaries: the symbol tables are half of a static-stdlib build.
install -s -m 0755 "$BINARY" "$root/bin/scimdeck"
install -m 0644 themes/*.toml "$root/share/scimdeck/themes/"
install -m 0644 Samples/directory.csv Samples/README.md "$root/share/scimdeck/Samples/"

# Generated from the installed binary, so they describe exactly the commands it has.
"$root/bin/scimdeck" --generate-completion-script bash > "$bash_completion"
"$root/bin/scimdeck" --generate-completion-script zsh > "$zsh_completion"
"$root/bin/scimdeck" --generate-completion-script fish > "$fish_completion"
chmod 0644 "$bash_completion" "$zsh_completion" "$fish_completion"
"$manual" "$root/bin/scimdeck" "$man_dir" >/dev/null
chmod 0644 "$man_dir"/scimdeck*.1
# -n: no name or time in the gzip header, so the same pages give the same bytes.
[ "${GZIP_MAN:-0}" = "1" ] && gzip -9nf "$man_dir"/scimdeck*.1

# The unit runs the binary where it was installed (PREFIX, not DESTDIR: DESTDIR is only staging).
sed "s|^ExecStart=/usr/bin/scimdeck|ExecStart=$PREFIX/bin/scimdeck|" contrib/scimdeck.service > "$unit"
chmod 0644 "$unit"
echo "installed scimdeck into $root"
