#!/usr/bin/env python3
"""Writes HTML pages into WARC/1.1 files, for tests and bench/scale only (not a crawler).

  warc_write.py [--files N] [--copies C] [--plain] OUT_DIR PAGE...

Each page becomes, C times, a `request` record and a `response` record (HTTP/1.1 200,
Content-Type text/html, the page's own bytes); every file opens with a `warcinfo` record
and holds one small `resource` record that is not HTML (image/png). Records are spread
round-robin over N files OUT_DIR/part-00000.warc.gz ... (one gzip member per record, as
crawlers write them; --plain: .warc, uncompressed). Copy k of page P gets the target URI
http://copyK.example/P and a fixed WARC-Date, so two runs write the same bytes.
"""
import argparse
import gzip
import os
import uuid


def record(kind, headers, block):
    head = [b"WARC/1.1", b"WARC-Type: " + kind.encode()]
    head += [k.encode() + b": " + v.encode() for k, v in headers]
    head += [b"Content-Length: " + str(len(block)).encode()]
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def record_id(*parts):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--plain", action="store_true")
    ap.add_argument("out_dir")
    ap.add_argument("pages", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    ext = ".warc" if a.plain else ".warc.gz"
    outs = [open(os.path.join(a.out_dir, "part-%05d%s" % (i, ext)), "wb") for i in range(a.files)]

    def put(i, data):
        outs[i].write(data if a.plain else gzip.compress(data, mtime=0))

    date = "2026-11-30T12:00:00Z"
    for i in range(a.files):
        info = b"software: credcheck tests/warc_write.py\r\nformat: WARC File Format 1.1\r\n"
        put(i, record("warcinfo", [("WARC-Date", date), ("WARC-Record-ID", record_id("info", str(i))),
                                   ("Content-Type", "application/warc-fields")], info))
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        put(i, record("resource", [("WARC-Target-URI", "http://static.example/%d.png" % i),
                                   ("WARC-Date", date), ("WARC-Record-ID", record_id("png", str(i))),
                                   ("Content-Type", "image/png")], png))
    n = 0
    for copy in range(a.copies):
        for path in a.pages:
            with open(path, "rb") as f:
                body = f.read()
            uri = "http://copy%d.example/%s" % (copy, os.path.basename(path))
            rid = record_id(uri)
            req = ("GET /%s HTTP/1.1\r\nHost: copy%d.example\r\n\r\n" % (os.path.basename(path), copy)).encode()
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                    str(len(body)).encode() + b"\r\n\r\n" + body)
            i = n % a.files
            put(i, record("request", [("WARC-Target-URI", uri), ("WARC-Date", date),
                                      ("WARC-Record-ID", record_id("req", uri)),
                                      ("Content-Type", "application/http; msgtype=request")], req))
            put(i, record("response", [("WARC-Target-URI", uri), ("WARC-Date", date), ("WARC-Record-ID", rid),
                                       ("Content-Type", "application/http; msgtype=response")], http))
            n += 1
    for f in outs:
        f.close()
    print("%d pages in %d files under %s" % (n, a.files, a.out_dir))


if __name__ == "__main__":
    main()
