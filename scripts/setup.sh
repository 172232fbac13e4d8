#!/usr/bin/env bash
# Installs what scimdeck needs to build, run and test, idempotently:
# Debian packages (only the missing ones) and, with --test, the Python venv of test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test_venv=0
[ "${1:-}" = "--test" ] && want_test_venv=1

# slapd and ldap-utils are for the tests, which start their own slapd; the system instance that
# slapd's postinst may set up is never used.
system_packages=(libcurl4-openssl-dev libncursesw5-dev libsqlite3-dev libldap-dev slapd ldap-utils tmux xmlsec1 python3-venv)
missing=()
for package in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

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
