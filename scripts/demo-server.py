"""The demo's SCIM service provider: scim2-server on loopback, its bearer token read from a
0600 file (never on a command line), exiting when the run script's pipe on stdin closes."""
import os
import sys
import threading

port, token_file = sys.argv[1], sys.argv[2]
with open(token_file, encoding="utf-8") as handle:
    token = handle.read().strip()


def watch():
    sys.stdin.buffer.read()
    os._exit(0)


threading.Thread(target=watch, daemon=True).start()
from scim2_server.testserver.cli import main  # noqa: E402

sys.argv = ["scim2-server", "--bearer-token", token, "--hostname", "127.0.0.1", "--port", port]
sys.exit(main())
