"""A keep-alive HTTP/1.1 server that answers POST /Users and GET like scim2-server, for `make bench` only.

scim2-server speaks HTTP/1.0 and closes every connection, so against it the client pays a TCP connect and
close per request. This server keeps connections open, so the benchmark's second run shows the client's own
CPU per request with connection reuse. It stores nothing and checks nothing: it is not a SCIM server.
Each answer goes out in one write: a head and a body written apart meet Nagle and delayed ACK (40 ms).
"""
import http.server, json, sys, uuid
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send_json(self, status, obj):
        body = json.dumps(obj).encode()
        head = "HTTP/1.1 %d X\r\nContent-Type: application/scim+json\r\nContent-Length: %d\r\n\r\n" % (status, len(body))
        self.wfile.write(head.encode() + body)
    def do_GET(self):
        self.send_json(200, {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 0, "Resources": []})
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); req = json.loads(self.rfile.read(n))
        i = uuid.uuid4().hex
        req.update({"id": i, "meta": {"resourceType": "User", "created": "2026-11-29T08:43:57.689347Z", "lastModified": "2026-11-29T08:43:57.689347Z", "location": "http://127.0.0.1/v2/Users/" + i, "version": "W/\"1\""}})
        self.send_json(201, req)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
