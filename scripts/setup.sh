#!/usr/bin/env bash
# Installs what scimdeck needs to build, run and test, idempotently:
# Debian packages (only the missing ones) and, with --test, the Python venv of test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test_venv=0
[ "${1:-}" = "--test" ] && want_test_venv=1

# man-db renders the installed pages (`man -l`), dpkg-dev computes the .deb's Depends (dpkg-shlibdeps).
# slapd and ldap-utils are for the tests, which start their own slapd; the system instance that
# slapd's postinst may set up is never used.
# locales holds the Unicode data glibc's wcwidth is built from, which scripts/generate-display-width.py reads.
system_packages=(libcurl4-openssl-dev libncursesw5-dev libsqlite3-dev libldap-dev slapd ldap-utils tmux xmlsec1 python3-venv man-db dpkg-dev locales)
# A Samba AD DC for the Active Directory tests, which provision their own throw-away domain in a
# temp dir and run `samba -i` on loopback; the packaged services are never used.
samba_packages=(samba-ad-dc samba-ad-provision)
# The store key's keyring, for its tests: a private session bus, gnome-keyring and secret-tool
# (without their recommends, which would bring a desktop).
keyring_packages=(dbus-daemon gnome-keyring libsecret-tools)

missing_of() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
updated=0
install_missing() {
  local options=$1; shift
  local missing
  missing=($(missing_of "$@"))
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "setup: installing ${missing[*]}" >&2
  [ $updated -eq 1 ] || { $sudo_cmd apt-get update -qq; updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $options "${missing[@]}" >/dev/null
}
install_missing "" "${system_packages[@]}"
[ $want_test_venv -eq 1 ] && install_missing "--no-install-recommends" "${keyring_packages[@]}"
[ $want_test_venv -eq 1 ] && install_missing "--no-install-recommends" "${samba_packages[@]}"

# The venv holds scim2-server (the demo's and the tests' SCIM service provider) and the SAML checkers.
if [ $want_test_venv -eq 1 ] || [ "${SCIMDECK_DEMO_SERVER:-1}" = "1" ]; then
  stamp=".venv/.requirements.sha256"
  wanted=$(sha256sum scripts/requirements-test.txt | cut -d' ' -f1)
  if [ ! -x .venv/bin/scim2-server ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "setup: preparing .venv" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
    echo "$wanted" > "$stamp"
  fi
fi
