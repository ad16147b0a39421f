#!/usr/bin/env python3
"""A small forwarding HTTP proxy for the fetcher's tests: 127.0.0.1, an ephemeral port,
prints "PORT n". It forwards absolute-form GETs ("GET http://host:port/path") and counts
them; a host named *.invalid (no DNS answers it) is sent to the port given as argv[1] on
127.0.0.1, so a test can fetch a name only the proxy can reach. GET /__stats (origin
form) answers {"forwarded": n, "hosts": [...]}.
"""
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from local_server import serve

lock = threading.Lock()
forwarded = []
backend_port = int(sys.argv[1]) if len(sys.argv) > 1 else 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/__stats":
            with lock:
                body = json.dumps({"forwarded": len(forwarded), "hosts": forwarded}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        url = urlsplit(self.path)
        host, port = url.hostname, url.port or 80
        with lock:
            forwarded.append(host)
        if host.endswith(".invalid"):
            host, port = "127.0.0.1", backend_port
        path = url.path + ("?" + url.query if url.query else "")
        upstream = socket.create_connection((host, port), timeout=30)
        head = "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n" % (path, url.netloc)
        for k, v in self.headers.items():
            if k.lower() not in ("host", "connection", "proxy-connection"):
                head += "%s: %s\r\n" % (k, v)
        upstream.sendall((head + "\r\n").encode())
        self.close_connection = True
        while True:
            data = upstream.recv(65536)
            if not data:
                break
            self.wfile.write(data)
        upstream.close()


if __name__ == "__main__":
    serve(Handler)
