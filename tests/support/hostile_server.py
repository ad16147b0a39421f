#!/usr/bin/env python3
"""A server that misbehaves on purpose, for the fetcher's end-to-end tests.

Listens on 127.0.0.1 (an ephemeral port), prints "PORT n" and serves until killed.
`--crawl-delay N` adds "Crawl-delay: N" to the rules for credcheck; `--tls CERT KEY`
serves HTTPS with that certificate (tests/support/tls/: self-signed for 127.0.0.1).
HTTP/1.1 with keep-alive, one thread per connection. GET /__stats returns what it saw:
{"requests": {path: count}, "max_active": {host: most requests in progress at once},
"headers": {path: the last request's headers, names lower-cased}},
so tests count work instead of timing it. Routes:
  /page/NAME          a small page, answered after 50 ms (so transfers overlap)
  /status/CODE        that status
  /retry-after/NAME   429 with Retry-After: 1 the first time, then a page
  /flaky/NAME         503 the first time, then a page
  /down/NAME          always 503
  /stall              headers and part of the body, then nothing
  /reset              part of the body, then a connection reset
  /endless            a chunked body that never ends
  /loop               a redirect to itself
  /chain/N            a redirect to /chain/N+1, for ever
  /to-file            a redirect to file:///etc/passwd
  /away?to=URL        a redirect to URL (another path, another host)
  /header-flood       a megabyte of headers
  /big                2 MiB of page
  /gzip-bomb          20 MiB of page gzipped to a few KiB
  /pdf                a PDF
  /big-pdf            a 2 MiB PDF (refused by its type before the byte cap is reached)
  /robots.txt         rules for `credcheck` (and others for `*`)
  /secret/..., /private/...   pages, subject to those rules
"""
import gzip
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>测试新闻</title></head>"
        "<body><h1>测试新闻</h1><p>本报讯 这是一条测试新闻的正文，用于检查抓取。</p>"
        "<p>来源：测试日报</p></body></html>").encode()
ROBOTS = (b"User-agent: *\nDisallow: /\n\n"
          b"User-agent: credcheck\nDisallow: /secret\nAllow: /secret/open$\n")
BOMB = gzip.compress(b"<p>" + b" " * (20 << 20) + b"</p>", 9)

lock = threading.Lock()
requests = {}
active = {}
max_active = {}
last_headers = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_start_of_body(self):
        """Promises 100,000 bytes of HTML and sends the first 40."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(PAGE[:40])
        self.wfile.flush()

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"", headers=[("Location", where)])

    def first_time(self, path):
        return requests.get(path, 0) == 1

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__stats":
            with lock:
                body = json.dumps({"requests": requests, "max_active": max_active,
                                   "headers": last_headers}).encode()
            return self.send(200, body, "application/json")
        host = self.headers.get("Host", "")
        with lock:
            requests[path] = requests.get(path, 0) + 1
            last_headers[path] = {k.lower(): v for k, v in self.headers.items()}
            active[host] = active.get(host, 0) + 1
            max_active[host] = max(max_active.get(host, 0), active[host])
        try:
            self.route(path)
        finally:
            with lock:
                active[host] -= 1

    def route(self, path):
        if path.startswith("/page/") or path.startswith("/secret/") or path.startswith("/private/"):
            time.sleep(0.05)
            return self.send(200, PAGE)
        if path == "/robots.txt":
            return self.send(200, ROBOTS, "text/plain")
        if path.startswith("/status/"):
            return self.send(int(path.split("/")[2]), b"status page")
        if path.startswith("/retry-after/"):
            if self.first_time(path):
                return self.send(429, b"slow down", headers=[("Retry-After", "1")])
            return self.send(200, PAGE)
        if path.startswith("/flaky/"):
            if self.first_time(path):
                return self.send(503, b"busy")
            return self.send(200, PAGE)
        if path.startswith("/down/"):
            return self.send(503, b"busy")
        if path == "/stall":
            self.send_start_of_body()
            time.sleep(600)
            return
        if path == "/reset":
            self.send_start_of_body()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            self.close_connection = True
            return
        if path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 8000 + b"</p>"
            try:
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                self.close_connection = True
            return
        if path == "/loop":
            return self.redirect("/loop")
        if path.startswith("/chain/"):
            return self.redirect("/chain/%d" % (int(path.split("/")[2]) + 1))
        if path == "/to-file":
            return self.redirect("file:///etc/passwd")
        if path == "/away":
            return self.redirect(self.path.split("?to=", 1)[1])
        if path == "/header-flood":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            for i in range(10000):
                self.send_header("X-Flood-%d" % i, "a" * 100)
            self.send_header("Content-Length", str(len(PAGE)))
            try:
                self.end_headers()
                self.wfile.write(PAGE)
            except OSError:
                self.close_connection = True
            return
        if path == "/big":
            return self.send(200, PAGE + b"<p>" + b"x" * (2 << 20) + b"</p>")
        if path == "/gzip-bomb":
            return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if path == "/pdf":
            return self.send(200, b"%PDF-1.4\n%fake\n", "application/pdf")
        if path == "/big-pdf":
            try:
                return self.send(200, b"%PDF-1.4\n" + b"x" * (2 << 20), "application/pdf")
            except OSError:
                self.close_connection = True
                return
        return self.send(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up mid-answer are what these tests are about
    request_queue_size = 128


def main():
    global ROBOTS
    args = sys.argv[1:]
    server = Server(("127.0.0.1", 0), Handler)
    while args:
        if args[0] == "--crawl-delay":
            ROBOTS += b"Crawl-delay: " + args[1].encode() + b"\n"
        elif args[0] == "--tls":  # --tls CERT KEY: HTTPS with that certificate
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(args[1], args[2])
            server.socket = context.wrap_socket(server.socket, server_side=True)
            args = args[1:]
        args = args[2:]
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
