"""A triple store that fails: an HTTP proxy, run as its own process on loopback, that
forwards every request to a real store and answers some of them with an error instead.

    python tests/failing_store.py UPSTREAM PORT [--fail-from N] [--fail-count K]
                                  [--no-update] [--html-error] [--redirect URL]
                                  [--after-store] [--user NAME:PASSWORD]

Requests are numbered from 1 in the order they arrive (GET /__ready, used to wait for
the proxy, is not counted). Requests N .. N+K-1 are answered `500 boom` (or the
`--status` given) without
reaching the store (K = 0: every request from N on). `--no-update` answers 404 to the
store's SPARQL Update endpoint (`/update`), as a store without SPARQL Update would.
`--html-error` makes the errors HTML pages, as many servers send them. `--redirect URL`
answers those requests `302 Found` to URL instead; `--after-store` forwards them to the
store first, then answers the error (an answer lost after the store acted); `--user`
answers 401 to requests without that Basic authorization; `--log FILE` appends each
request's method, path and Authorization header to FILE.
"""

from __future__ import annotations

import argparse
import base64
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("upstream")
    parser.add_argument("port", type=int)
    parser.add_argument("--fail-from", type=int, default=0)
    parser.add_argument("--fail-count", type=int, default=0)
    parser.add_argument("--no-update", action="store_true")
    parser.add_argument("--html-error", action="store_true")
    parser.add_argument("--status", type=int, default=500)
    parser.add_argument("--redirect")
    parser.add_argument("--after-store", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--log")
    options = parser.parse_args()
    lock = threading.Lock()
    seen = [0]

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def answer(self, status: int, body: bytes, content_type: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def error(self, status: int, message: str) -> None:
            if options.html_error:
                page = (f"<!DOCTYPE html><html><head><title>{status} Error</title>"
                        f"<style>body {{color: red}}</style></head><body><h1>Error</h1>"
                        f"<p>{message}</p></body></html>")
                self.answer(status, page.encode(), "text/html")
            else:
                self.answer(status, message.encode())

        def forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            if self.path == "/__ready":
                self.answer(200, b"ready")
                return
            with lock:
                seen[0] += 1
                number = seen[0]
                if options.log:
                    with open(options.log, "a", encoding="utf-8") as log:
                        log.write(f"{self.command} {self.path} "
                                  f"{self.headers.get('Authorization', '-')}\n")
            if options.user and self.headers.get("Authorization") != "Basic " + \
                    base64.b64encode(options.user.encode()).decode():
                self.error(401, "who are you?")
                return
            if options.fail_from and number >= options.fail_from and (
                    not options.fail_count or number < options.fail_from + options.fail_count):
                if options.redirect:
                    self.send_response(302)
                    self.send_header("Location", options.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if options.after_store:
                    self.send_upstream(body)  # (its answer is lost)
                self.error(options.status, "boom")
                return
            if options.no_update and self.path.split("?")[0] == "/update":
                self.error(404, "no SPARQL Update here")
                return
            self.answer(*self.send_upstream(body))

        def send_upstream(self, body: bytes | None) -> tuple[int, bytes, str]:
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in ("content-type", "accept")}
            request = urllib.request.Request(options.upstream + self.path, data=body,
                                             method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    return (response.status, response.read(),
                            response.headers.get("Content-Type", "text/plain"))
            except urllib.error.HTTPError as err:
                return err.code, err.read(), err.headers.get("Content-Type", "text/plain")

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

    server = ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    server.serve_forever()


if __name__ == "__main__":
    main()
