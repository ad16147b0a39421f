#!/usr/bin/env python3
"""Serves a folder of pages with validators, for the --cache (conditional rescan) tests.

`rescan_server.py DIR`: listens on 127.0.0.1 (an ephemeral port), prints "PORT n" and
serves until killed. Routes, FILE a file of DIR:
  /etag/FILE   with a strong ETag (a hash of the bytes); If-None-Match matching it: 304
  /lm/FILE     with Last-Modified only (when the bytes last changed); If-Modified-Since
               at or after it: 304
  /none/FILE   no validators: always 200 with the bytes
  /__replace?path=/etag/a.html&with=b.html   from now on `path` serves b.html's bytes
               (so its ETag and Last-Modified change too)
  /__stats     {"requests": {path: n}, "conditional": {path: requests carrying
               If-None-Match or If-Modified-Since}, "not_modified": {path: 304s sent}}
so tests count what the server saw instead of timing anything. /robots.txt is 404.
"""
import email.utils
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

from local_server import serve

ROOT = sys.argv[1]
lock = threading.Lock()
served = {}     # path -> file name, when replaced
changed = {}    # path -> time its bytes last changed
counts = {"requests": {}, "conditional": {}, "not_modified": {}}
START = time.time() - 3600


def bump(kind, path):
    counts[kind][path] = counts[kind].get(path, 0) + 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        if path == "/__stats":
            with lock:
                return self.send(200, json.dumps(counts).encode(), [("Content-Type", "application/json")])
        if path == "/__replace":
            q = urllib.parse.parse_qs(url.query)
            with lock:
                served[q["path"][0]] = q["with"][0]
                changed[q["path"][0]] = time.time()
            return self.send(200, b"ok", [("Content-Type", "text/plain")])
        parts = path.split("/")
        if len(parts) != 3 or parts[1] not in ("etag", "lm", "none"):
            return self.send(404, b"not found", [("Content-Type", "text/plain")])
        mode = parts[1]
        with lock:
            name = served.get(path, parts[2])
            since = changed.get(path, START)
            bump("requests", path)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm or ims:
                bump("conditional", path)
        file = os.path.join(ROOT, os.path.basename(name))
        if not os.path.isfile(file):
            return self.send(404, b"not found", [("Content-Type", "text/plain")])
        with open(file, "rb") as f:
            body = f.read()
        headers = [("Content-Type", "text/html")]
        fresh = False
        if mode == "etag":
            tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
            headers.append(("ETag", tag))
            fresh = inm is not None and tag in [t.strip() for t in inm.split(",")]
        elif mode == "lm":
            headers.append(("Last-Modified", email.utils.formatdate(since, usegmt=True)))
            if ims:
                when = email.utils.parsedate_to_datetime(ims).timestamp()
                fresh = int(since) <= int(when)
        if fresh:
            with lock:
                bump("not_modified", path)
            return self.send(304, b"", headers[1:])
        return self.send(200, body, headers)


if __name__ == "__main__":
    serve(Handler)
