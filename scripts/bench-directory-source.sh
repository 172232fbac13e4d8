#!/usr/bin/env bash
# The live directory benchmark of issue 14 (part of `make bench`, not a test): a throw-away slapd on
# a free loopback port with PEOPLE people (default 100,000, loaded with slapadd), then
#   1. a full import into a fresh store,
#   2. an incremental import with no change,
#   3. an incremental import after CHANGES changed entries (default 100),
# each with its wall time and peak memory, and the incremental's cost as a ratio of the full one
# (the goal: in proportion to the changes, not to the directory).
# BINARY=path times a binary already built (e.g. .build/debug/scimdeck) instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${PEOPLE:-100000}"
changes="${CHANGES:-100}"
if [ -n "${BINARY:-}" ]; then
    bin="$BINARY"
else
    swift build -c release --product scimdeck >/dev/null
    bin="$(swift build -c release --show-bin-path)/scimdeck"
fi
work="$(mktemp -d)"
export SCIMDECK_KEY_FILE="$work/store.key"
slapd_pid=""
cleanup() { [ -n "$slapd_pid" ] && kill -9 "$slapd_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$RANDOM$RANDOM"
printf '%s' "$password" > "$work/root.pw"; chmod 600 "$work/root.pw"
mkdir "$work/db"
cat > "$work/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
maxsize 4294967296
suffix "dc=example,dc=com"
rootdn "cn=admin,dc=example,dc=com"
rootpw $password
directory $work/db
index objectClass eq
index entryUUID eq
index modifyTimestamp eq
sizelimit unlimited
CONF
python3 - "$people" > "$work/seed.ldif" <<'PY'
import sys, datetime
n = int(sys.argv[1])
start = datetime.datetime(2024, 1, 1)
# One entry a second, as a directory grown over time; a bulk load in one second would make every
# entry share the change mark, and an incremental import re-read them all (it reads >= the mark).
print("dn: dc=example,dc=com\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n")
print("dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n")
for i in range(n):
    print(f"dn: uid=u{i:06d},ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: u{i:06d}\ncn: User {i}\n"
          f"givenName: User\nsn: N{i}\nmail: u{i:06d}@example.com\n"
          f"modifyTimestamp: {(start + datetime.timedelta(seconds=i)).strftime('%Y%m%d%H%M%SZ')}\n")
PY
/usr/bin/time -f "slapadd $people people: %e s" /usr/sbin/slapadd -q -f "$work/slapd.conf" -l "$work/seed.ldif"
/usr/sbin/slapd -f "$work/slapd.conf" -h "ldap://127.0.0.1:$port/" -d 0 </dev/null >/dev/null 2>&1 &
slapd_pid=$!
disown "$slapd_pid"
for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.05; done

store="$work/store.sqlite"
"$bin" directory source add corp --url "ldap://127.0.0.1:$port" --bind-dn "cn=admin,dc=example,dc=com" \
    --password-file "$work/root.pw" --base-dn "dc=example,dc=com" --page-size 1000 --store "$store" >/dev/null

/usr/bin/time -f "full import of $people people: %e s wall, %M KB peak RSS" -o "$work/full.txt" \
    "$bin" directory source import corp --full --store "$store" >/dev/null
cat "$work/full.txt"
/usr/bin/time -f "incremental import, no change: %e s wall, %M KB peak RSS" -o "$work/none.txt" \
    "$bin" directory source import corp --store "$store" >/dev/null
cat "$work/none.txt"
python3 - "$changes" "$people" > "$work/changes.ldif" <<'PY'
import sys
n, people = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    k = (i * 997) % people
    print(f"dn: uid=u{k:06d},ou=people,dc=example,dc=com\nchangetype: modify\nreplace: sn\nsn: Changed{i}\n")
PY
ldapmodify -x -H "ldap://127.0.0.1:$port" -D "cn=admin,dc=example,dc=com" -y "$work/root.pw" -f "$work/changes.ldif" >/dev/null
/usr/bin/time -f "incremental import after $changes changes: %e s wall, %M KB peak RSS" -o "$work/changed.txt" \
    "$bin" directory source import corp --store "$store" > "$work/changed.out"
cat "$work/changed.txt"
sed 's/^/  /' "$work/changed.out"
full=$(grep -o '[0-9.]* s wall' "$work/full.txt" | cut -d' ' -f1)
changed=$(grep -o '[0-9.]* s wall' "$work/changed.txt" | cut -d' ' -f1)
python3 -c "print(f'incremental after $changes changes / full import: {float(\"$changed\") / float(\"$full\"):.3f}')"
