#!/usr/bin/env python3
"""The floor of `sync --full` for `make bench`: every user the server holds, read with a plain paged
GET (`startIndex`/`count`, following `totalResults`) by the simplest client there is: http.client,
one request at a time, no bookkeeping. Prints a line for people, then `floor-seconds=S`.

usage: bench-full-sync-floor.py BASE_URL TOKEN PAGE_SIZE
"""
import http.client, json, sys, time, urllib.parse

base, token, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlsplit(base)
headers = {"Authorization": "Bearer " + token, "Accept": "application/scim+json"}

start = time.monotonic()
read, start_index, requests = 0, 1, 0
while True:
    conn = http.client.HTTPConnection(url.hostname, url.port)  # scim2-server closes after each answer
    conn.request("GET", url.path + "/Users?" + urllib.parse.urlencode({"startIndex": start_index, "count": page_size}), headers=headers)
    page = json.loads(conn.getresponse().read())
    conn.close()
    requests += 1
    resources = page.get("Resources", [])
    read += len(resources)
    if not resources or read >= page["totalResults"]:
        break
    start_index += len(resources)
elapsed = time.monotonic() - start
print(f"floor: {read} users in {requests} paged GETs in {elapsed:.2f} s")
print(f"floor-seconds={elapsed:.3f}")
