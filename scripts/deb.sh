#!/usr/bin/env bash
# `make deb`: dist/scimdeck_<version>_<arch>.deb, the files of `make install PREFIX=/usr` owned by
# root, with Depends: computed from the libraries the binary links (dpkg-shlibdeps).
# BINARY=PATH packages that binary rather than a fresh release build; OUTPUT=DIR puts the .deb there;
# DEB_COMPRESSION (default xz) is dpkg-deb's -Z.
# A binary that needs the Swift runtime (built without --static-swift-stdlib) is refused, since
# no Debian package provides it, unless ALLOW_UNPACKAGED_LIBS=1 (a test packaging its debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
output=${OUTPUT:-dist}

stage=$(mktemp -d "${TMPDIR:-/tmp}/scimdeck-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT
PREFIX=/usr DESTDIR="$stage/root" GZIP_MAN=1 BINARY="${BINARY:-}" scripts/install.sh >/dev/null
binary="$stage/root/usr/bin/scimdeck"

swift_runtime=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(libswift[^]]*\|libFoundation[^]]*\|libdispatch[^]]*\)\].*/\1/p' | paste -sd' ')
if [ -n "$swift_runtime" ] && [ "${ALLOW_UNPACKAGED_LIBS:-0}" != "1" ]; then
  echo "deb: $binary needs the Swift runtime ($swift_runtime), which no Debian package provides: build it with --static-swift-stdlib (make deb does)" >&2
  exit 1
fi

# dpkg-shlibdeps reads the package's name from debian/control, and the library versions from each
# library package's symbols files: Depends with the minimum versions this binary really needs.
mkdir -p "$stage/debian"
printf 'Source: scimdeck\n\nPackage: scimdeck\nArchitecture: any\n' > "$stage/debian/control"
depends=$(cd "$stage" && dpkg-shlibdeps -O --ignore-missing-info root/usr/bin/scimdeck 2>"$stage/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') || {
  cat "$stage/shlibdeps.log" >&2; exit 1; }
[ -n "$swift_runtime" ] && echo "deb: warning: the package does not declare the Swift runtime ($swift_runtime) the binary needs" >&2

version_line=$("$binary" --version)                    # scimdeck 0.2.0 (a3294a7[-dirty])
upstream=$(echo "$version_line" | awk '{print $2}')
commit=$(echo "$version_line" | sed -n 's/.*(\(.*\)).*/\1/p' | tr -c 'A-Za-z0-9\n' '.')
version="$upstream+git.$commit"
arch=$(dpkg --print-architecture)
maintainer=${DEB_MAINTAINER:-"$(git config user.name 2>/dev/null || echo scimdeck) <$(git config user.email 2>/dev/null || echo root@localhost)>"}

mkdir -p "$stage/root/DEBIAN"
cat > "$stage/root/DEBIAN/control" <<CONTROL
Package: scimdeck
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage/root" | cut -f1)
Depends: $depends
Section: admin
Priority: optional
Description: terminal console and CLI that provisions people into SCIM 2.0 apps
 scimdeck connects an app to your identity directory the way the Okta admin
 screens do: SAML sign-on settings, SCIM 2.0 provisioning of people and groups,
 assignments and group push, from the keyboard or from scripts. Ships bash, zsh
 and fish completions, a man page per command and a systemd unit for the agent.
CONTROL
(cd "$stage/root" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)

mkdir -p "$output"
deb="$output/scimdeck_${version}_${arch}.deb"
# DEB_COMPRESSION=none (the test) skips the minute xz takes on a large binary.
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$stage/root" "$deb" >/dev/null
echo "$deb"
