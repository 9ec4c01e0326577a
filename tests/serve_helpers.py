"""Helpers for the `kg serve` tests: a real server process on loopback, plain HTTP."""

from __future__ import annotations

import contextlib
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path

from .conftest import EXAMPLE, free_port, kg_cli, start_server, stop_server


def build_example(folder: Path, source: Path = EXAMPLE) -> Path:
    kg_cli("build", source, "-o", folder, "-q")
    return folder / "graph.ttl"


@contextlib.contextmanager
def kg_server(graph: Path, *options: str):
    """`kg serve GRAPH OPTIONS` as its own process; yields (base URL, process)."""
    port = free_port()
    process = start_server([sys.executable, "-m", "kg.cli", "serve", str(graph),
                            "--port", str(port), *options], port, "/sparql?query=ASK%7B%7D")
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        stop_server(process)


def http(url: str, data: bytes | None = None, headers: dict | None = None,
         method: str | None = None, timeout: float = 30):
    """(status, Content-Type, body) of one request; errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read()


def raw_request(base: str, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are and read the answer until the server closes or stops."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except socket.timeout:
            pass
        return b"".join(chunks)


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
