#!/usr/bin/env python3
"""The server's floor for `make bench`: the requests a sync of PEOPLE users and GROUPS groups of
MEMBERS sends (lookup + POST per user, lookup + POST per group, one PATCH per batch of members),
sent by the simplest client there is: http.client, IN_FLIGHT threads, no retries, no bookkeeping.

usage: bench-sync-floor.py BASE_URL TOKEN PEOPLE GROUPS MEMBERS BATCH IN_FLIGHT
"""
import http.client, json, sys, threading, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor

base, token = sys.argv[1], sys.argv[2]
people, groups, members, batch, in_flight = (int(x) for x in sys.argv[3:8])
url = urllib.parse.urlsplit(base)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/scim+json", "Accept": "application/scim+json"}
local = threading.local()

def send(method, path, body=None):
    conn = http.client.HTTPConnection(url.hostname, url.port)  # scim2-server closes after each answer
    conn.request(method, url.path + path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return json.loads(data) if data else None

def user(i):
    name = f"floor{i}@example.com"
    send("GET", "/Users?" + urllib.parse.urlencode({"filter": f'userName eq "{name}"', "startIndex": 1, "count": 100}))
    created = send("POST", "/Users", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": name, "active": True,
                                       "name": {"givenName": f"First{i}", "familyName": f"Last{i}"},
                                       "emails": [{"value": name, "type": "work", "primary": True}]})
    return created["id"]

def group(g):
    name = f"Floor group {g}"
    send("GET", "/Groups?" + urllib.parse.urlencode({"filter": f'displayName eq "{name}"', "startIndex": 1, "count": 100}))
    return send("POST", "/Groups", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": name, "members": []})["id"]

def patch(args):
    group_id, ids = args
    send("PATCH", f"/Groups/{group_id}", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                          "Operations": [{"op": "add", "path": "members", "value": [{"value": i} for i in ids]}]})

start = time.monotonic()
with ThreadPoolExecutor(in_flight) as pool:
    user_ids = list(pool.map(user, range(people)))
    group_ids = list(pool.map(group, range(groups)))
    batches = []
    for g, group_id in enumerate(group_ids):
        ids = user_ids[g * members:(g + 1) * members]
        batches += [(group_id, ids[k:k + batch]) for k in range(0, len(ids), batch)]
    list(pool.map(patch, batches))
elapsed = time.monotonic() - start
requests = 2 * people + 2 * groups + len(batches)
print(f"floor: {requests} requests in {elapsed:.2f} s ({requests / elapsed:.0f} req/s), {in_flight} in flight")
