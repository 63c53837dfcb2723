#!/usr/bin/env python3
"""Loopback HTTP server for the loader's URL tests (Tests/DramatisCoreTests/URLLoadingTests.swift).

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and serves until killed:

  /article          the harbor-gazette fixture page (text/html; charset=utf-8)
  /latin1           an ISO-8859-1 page whose charset is only in the Content-Type header
  /plain            a plain-text article (text/plain)
  /redirect         302 -> /article
  /redirect-chain/N 302 -> /redirect-chain/N-1 ... -> /article (N hops)
  /redirect-loop    302 -> /redirect-loop-b -> /redirect-loop ...
  /404              404 Not Found
  /500              500 Internal Server Error
  /slow             answers after 10 seconds
  /huge             50 MB of HTML, streamed without Content-Length
  /huge-declared    50 MB of HTML with a Content-Length header
  /binary           a PDF (application/pdf)
  /binary-untyped   PNG bytes labelled application/octet-stream
"""
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
FIFTY_MB = 50 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, target):
        self.send(302, b"moved", "text/plain", {"Location": target})

    def stream_huge(self, declared):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            self.send_header("Content-Length", str(FIFTY_MB))
        self.end_headers()
        chunk = (b"<p>" + b"filler text " * 85 + b"</p>\n")
        chunk = chunk * (65536 // len(chunk))
        sent = 0
        try:
            while sent < FIFTY_MB:
                part = chunk[: FIFTY_MB - sent]
                self.wfile.write(part)
                sent += len(part)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/article":
            with open(os.path.join(HERE, "html", "harbor-gazette.html"), "rb") as f:
                self.send(200, f.read(), "text/html; charset=utf-8")
        elif path == "/latin1":
            body = ("<html><head><title>Caf\u00e9 owners protest</title></head><body><article>"
                    "<h1>Caf\u00e9 owners protest</h1>"
                    "<p>The owners of the Caf\u00e9 M\u00fcller in the old town, na\u00efve about the new rules, "
                    "said on Monday that the terrace fee had tripled since last year.</p>"
                    "<p>\u00abWe will not pay it,\u00bb said Se\u00f1ora Ib\u00e1\u00f1ez, who runs the caf\u00e9 with her son.</p>"
                    "</article></body></html>").encode("iso-8859-1")
            self.send(200, body, "text/html; charset=ISO-8859-1")
        elif path == "/plain":
            body = ("Bridge reopens after repairs\n\nThe Mill Street bridge reopened on Friday, "
                    "two days ahead of schedule, the city said.\n\nTraffic was light.\n").encode("utf-8")
            self.send(200, body, "text/plain; charset=utf-8")
        elif path == "/redirect":
            self.redirect("/article")
        elif path.startswith("/redirect-chain/"):
            n = int(path.rsplit("/", 1)[1])
            self.redirect("/article" if n <= 1 else "/redirect-chain/%d" % (n - 1))
        elif path == "/redirect-loop":
            self.redirect("/redirect-loop-b")
        elif path == "/redirect-loop-b":
            self.redirect("/redirect-loop")
        elif path == "/404":
            self.send(404, b"<html><body><h1>Not Found</h1></body></html>", "text/html")
        elif path == "/500":
            self.send(500, b"<html><body><h1>Oops</h1></body></html>", "text/html")
        elif path == "/slow":
            time.sleep(10)
            try:
                self.send(200, b"<html><body><p>Too late.</p></body></html>", "text/html")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/huge":
            self.stream_huge(declared=False)
        elif path == "/huge-declared":
            self.stream_huge(declared=True)
        elif path == "/binary":
            self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"\x00" * 64,
                      "application/pdf")
        elif path == "/binary-untyped":
            self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "application/octet-stream")
        else:
            self.send(404, b"no such fixture", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up early (size limit, timeout) are expected


def main():
    # A child started from a libdispatch worker thread inherits its blocked signal mask;
    # unblock SIGTERM/SIGINT so the test can stop the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    server = Server(("127.0.0.1", 0), Handler)
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
