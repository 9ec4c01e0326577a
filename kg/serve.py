"""Serve: a read-only SPARQL 1.1 Protocol endpoint over a built graph.

    kg serve output/graph.ttl            # http://127.0.0.1:7878/sparql

`/sparql` takes GET `?query=`, POST form-encoded `query=`, and POST with
`Content-Type: application/sparql-query`; results are negotiated from the
Accept header (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD, RDF/XML
for CONSTRUCT and DESCRIBE). SPARQL Update is refused (403). `/` is the
explorer page, `/query` a small query form.

Queries run in worker processes (pyoxigraph over the on-disk index of the
graph, opened read-only), so a query over its time limit is stopped by ending
its worker, and the server goes on answering. Results larger than the size
limit are refused rather than cut short (413), so no answer is silently partial.
"""

from __future__ import annotations

import html
import multiprocessing
import queue
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import formats
from .formats import Format

def _offers(family: str, extra: dict[str, str]) -> list[tuple[str, Format]]:
    """(media type, Format) pairs of a family in order of preference for */*, with
    other media types clients use for some of them (`application/json`)."""
    offers = []
    for fmt in formats.of_family(family):
        offers.append((fmt.media_type, fmt))
        offers.extend((media, fmt) for media, name in extra.items() if name == fmt.name)
    return offers


SOLUTION_FORMATS = _offers("results", {"application/json": "json", "application/xml": "xml"})
GRAPH_FORMATS = _offers("graph", {"text/plain": "nt"})
MAX_QUERY_BYTES = 1_000_000


def negotiate(accept: str | None, offered: list[tuple[str, Format]]
              ) -> tuple[str, Format] | None:
    """The offered (media type, format) the Accept header likes best; None if none.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_FORMATS)[0]
    'application/sparql-results+xml'
    >>> negotiate("*/*", GRAPH_FORMATS)[0], negotiate("image/png", GRAPH_FORMATS)
    ('text/turtle', None)
    """
    if not accept or not accept.strip():
        return offered[0]
    best, best_q = None, 0.0
    for rank, item in enumerate(accept.split(",")):
        media, *params = [part.strip() for part in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.lower()
        for offer in offered:
            kind = offer[0].split("/")[0]
            if media in (offer[0], "*/*", f"{kind}/*"):
                # exact types beat wildcards at equal q; earlier Accept items beat later
                score = q - (0.001 if "*" in media else 0) - rank * 1e-6
                if q > 0 and score > best_q:
                    best, best_q = offer, score
                break
    return best


def format_accept(name: str, accept: str | None) -> str:
    """An Accept header for a `?format=` value (clients that cannot set headers, and
    SPARQLWrapper, send one): the named format of each family first (`xml` is SPARQL
    results XML for SELECT, RDF/XML for CONSTRUCT), then the client's own Accept.

    >>> format_accept("xml", "*/*")
    'application/sparql-results+xml, application/rdf+xml, */*'
    """
    named = [fmt.media_type for family in ("results", "graph")
             if (fmt := formats.find(name, family)) is not None]
    if not named and "/" in name:  # a media type given as the format
        named = [name]
    return ", ".join(named + ([accept] if accept else []))


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes


class _Limited:
    """A write-only buffer that raises once more than `limit` bytes are written."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())


def answer_query(store, sparql: str, accept: str | None, max_bytes: int,
                 prefixes: dict[str, str] | None = None, default_graphs=(), named_graphs=()
                 ) -> Answer:
    """Run one query on a pyoxigraph Store and serialise it as the client asked."""
    import pyoxigraph as ox

    options = {"prefixes": prefixes or {}}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    try:
        results = store.query(sparql, **options)
    except SyntaxError as err:
        return _error(400, f"SPARQL syntax error: {err}")
    except (ValueError, OSError) as err:
        return _error(400, f"query failed: {err}")
    graph = isinstance(results, ox.QueryTriples)
    chosen = negotiate(accept, GRAPH_FORMATS if graph else SOLUTION_FORMATS)
    if chosen is None:
        offered = ", ".join(m for m, _ in (GRAPH_FORMATS if graph else SOLUTION_FORMATS))
        return _error(406, f"cannot answer in {accept!r}; this result can be: {offered}")
    media_type, fmt = chosen
    out = _Limited(max_bytes)
    try:
        results.serialize(out, fmt.rdf if graph else fmt.results)
    except OverflowError:
        return _error(413, f"the result is larger than the limit of {max_bytes:,} bytes; "
                      "narrow the query or add a LIMIT")
    except (ValueError, OSError) as err:
        return _error(500, f"query failed: {err}")
    charset = "" if fmt.name == "jsonld" else "; charset=utf-8"
    return Answer(200, media_type + charset, b"".join(out.parts))


def _worker_main(graph: str, connection, max_bytes: int, prefixes: dict[str, str]) -> None:
    from .store import open_store

    store = open_store(graph)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        try:
            answer = answer_query(store, *request[:2], max_bytes, prefixes, *request[2:])
        except Exception as err:  # noqa: BLE001 - a bad query must not end the worker
            answer = _error(500, f"query failed: {type(err).__name__}: {err}")
        connection.send(answer)


class QueryPool:
    """Worker processes that answer queries; one past its time limit is ended and replaced."""

    def __init__(self, graph: str | Path, workers: int = 2, timeout: float = 30,
                 max_bytes: int = 100_000_000, prefixes: dict[str, str] | None = None):
        self.graph, self.timeout, self.max_bytes = str(graph), timeout, max_bytes
        self.prefixes = prefixes or {}
        self.context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.idle: queue.Queue = queue.Queue()
        for _ in range(workers):
            self.idle.put(self._start())

    def _start(self):
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_worker_main, daemon=True,
                                       args=(self.graph, theirs, self.max_bytes, self.prefixes))
        process.start()
        theirs.close()
        return process, mine

    def ask(self, sparql: str, accept: str | None, default_graphs=(), named_graphs=()) -> Answer:
        try:
            process, connection = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return _error(503, "all query workers are busy; try again")
        timed_out = False
        try:
            connection.send((sparql, accept, tuple(default_graphs), tuple(named_graphs)))
            if connection.poll(self.timeout):
                answer = connection.recv()
                self.idle.put((process, connection))
                return answer
            timed_out = True
        except (EOFError, OSError):
            pass
        process.kill()  # over its time (or dead): end it, start a fresh one
        process.join()
        connection.close()
        self.idle.put(self._start())
        if not timed_out:
            return _error(500, "the query worker failed")
        return _error(503, f"the query ran longer than the limit of {self.timeout:g} s "
                      "and was stopped")

    def close(self) -> None:
        while not self.idle.empty():
            process, connection = self.idle.get_nowait()
            connection.close()
            process.kill()
            process.join()


QUERY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>body{font:14px system-ui,sans-serif;margin:1em}textarea{width:100%;height:12em;
font-family:monospace}table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;
padding:2px 6px;text-align:left;vertical-align:top}#error{color:#b00;white-space:pre-wrap}</style>
</head><body><h1>SPARQL</h1><p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only).
<a href="/">Explorer</a></p>
<form id="f"><textarea id="q" aria-label="SPARQL query">PREFIX kg: <https://w3id.org/hskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?technology (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?article kg:mentionsTechnology ?t . ?t rdfs:label ?technology .
} GROUP BY ?technology ORDER BY DESC(?articles) LIMIT 20</textarea>
<button>Run</button></form><div id="error"></div><table id="r"></table>
<script>
"use strict";
document.getElementById("f").addEventListener("submit", async (e) => {
  e.preventDefault();
  const table = document.getElementById("r"), error = document.getElementById("error");
  table.replaceChildren(); error.textContent = "";
  const response = await fetch("/sparql", { method: "POST", body: document.getElementById("q").value,
    headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" } });
  if (!response.ok) { error.textContent = await response.text(); return; }
  const data = await response.json();
  if ("boolean" in data) { error.textContent = "ASK: " + data.boolean; return; }
  const head = table.insertRow();
  for (const v of data.head.vars) head.appendChild(document.createElement("th")).textContent = v;
  for (const b of data.results.bindings) {
    const row = table.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = b[v] ? b[v].value : "";
  }
});
</script></body></html>
"""


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pool: QueryPool, page: bytes | None):
        self.pool, self.page = pool, page
        super().__init__(address, SparqlHandler)


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"

    def log_message(self, format, *args) -> None:  # one line per request, on stderr
        super().log_message(format, *args)

    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.media_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # read-only: any web client may ask
        self.send_header("Vary", "Accept")
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def do_OPTIONS(self) -> None:  # CORS preflight (YASGUI and other browser clients)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sparql":
            self._sparql(urllib.parse.parse_qs(url.query, keep_blank_values=True))
        elif url.path == "/" and self.server.page is not None:
            self._send(Answer(200, "text/html; charset=utf-8", self.server.page))
        elif url.path in ("/query", "/"):
            self._send(Answer(200, "text/html; charset=utf-8", QUERY_PAGE.encode()))
        else:
            self._send(_error(404, f"no such page: {html.escape(url.path)}; "
                               "the SPARQL endpoint is /sparql"))

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._send(_error(404, "the SPARQL endpoint is /sparql"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            self._send(_error(413, f"request larger than {MAX_QUERY_BYTES:,} bytes"))
            return
        body = self.rfile.read(length)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._refuse_update()
        elif media == "application/sparql-query":
            params["query"] = [body.decode("utf-8", errors="replace")]
            self._sparql(params)
        elif media in ("application/x-www-form-urlencoded", ""):
            form = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"),
                                         keep_blank_values=True)
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            self._sparql(params)
        else:
            self._send(_error(415, f"unsupported Content-Type {media!r}: send "
                               "application/sparql-query or a form with query="))

    def _refuse_update(self) -> None:
        self._send(_error(403, "this endpoint is read-only: SPARQL Update is refused"))

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._refuse_update()
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._send(_error(400, "give exactly one query (query=... or a POST body of type "
                               "application/sparql-query)"))
            return
        accept = self.headers.get("Accept")
        if params.get("format"):
            accept = format_accept(params["format"][0], accept)
        self._send(self.server.pool.ask(queries[0], accept, params.get("default-graph-uri", []),
                                        params.get("named-graph-uri", [])))


def make_server(graph: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
                timeout: float = 30, max_bytes: int = 100_000_000, workers: int = 2,
                page: Path | None = None) -> SparqlServer:
    """A SparqlServer for a graph file, ready for `serve_forever()`.

    The graph is indexed once before the workers start (they open the index
    read-only). `page` is the explorer HTML served at `/` (default: the file next
    to the graph with the same name and .html, if there is one).
    """
    from .graph import open_graph

    opened = open_graph(graph)
    opened.store  # noqa: B018 - build the on-disk index once, here, not in every worker
    graph = opened.path.resolve()
    prefixes = opened.prefixes
    page = page or graph.with_suffix(".html")
    body = page.read_bytes() if page.is_file() else None
    pool = QueryPool(graph, workers=workers, timeout=timeout, max_bytes=max_bytes,
                     prefixes=prefixes)
    try:
        return SparqlServer((host, port), pool, body)
    except OSError:
        pool.close()
        raise


def serve_in_thread(server: SparqlServer) -> threading.Thread:
    """Run `server` in a background thread (for notebooks and tests)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
