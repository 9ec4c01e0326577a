"""Serve: a read-only SPARQL 1.1 Protocol endpoint and Linked Data over a built graph.

    kg serve output/graph.ttl            # http://127.0.0.1:8484/sparql

Routes (GET and HEAD on each; OPTIONS for CORS preflights):

    /sparql     queries: GET `?query=`, POST form `query=`, POST application/sparql-query;
                without a query, the SPARQL 1.1 Service Description (by Accept)
    /id/...     Linked Data: the IRI `{base}...` as a page for browsers, RDF for machines
    /           the explorer page (graph.html next to the graph), /query a query form

What it promises (each tested in tests/test_serve_security.py):

* read-only: the store is opened read-only, SPARQL Update is refused (403);
* private: no CORS header unless `--cors ORIGIN` allows that origin's pages to read
  answers; on a loopback address, requests naming another host are refused (403);
* no outbound requests: SERVICE is refused (403) unless its endpoint is listed
  with `--allow-service`, and where Linux allows it, the query workers have no
  network at all (kg.querypool);
* limits: a query's text (1 MB, 256 levels of nesting, 4,000 chained operators),
  its time, its memory and its answer's size are capped, each refusal has its
  status (413, 400, 503, 503, 413), and the server goes on answering;
* HTTP/1.1 with keep-alive on waitress: a fixed pool of threads, a listen
  backlog of 1,024, a cap on open connections, idle connections closed,
  every request's header and body size capped, invalid lengths refused (400);
* slow clients cannot hold the connections: a request must arrive whole within
  its time and an answer be read at a real speed, and when connections run
  short the slowest idle and arriving ones are closed first
  (see `shed_slow_connections`).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import pyoxigraph as ox
import waitress.parser
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.rfc7230 import FIELD_VCHAR, TOKEN

from . import negotiate as neg
from .dataset import dataset_iri
from .errors import QueryError, for_terminal
from .linkeddata import PAGE_OFFERS, describe_job, page_style
from .querycheck import check_shape, default_graph_of, scan
from .querypool import Answer, Limits, QueryPool, too_large
from .view import explorer_policy, page_policy, sealed_page

__all__ = ["DEFAULT_PORT", "Settings", "SparqlApp", "SparqlServer", "make_server", "query_job",
           "serve_in_thread"]

# waitress reads a request's first line and each header line with patterns that
# backtrack in quadratic time, in its only I/O thread (an attack: one header of 100,000
# spaces held every other client for 72 s; a review: a request line "GET a://bbb...b X"
# did the same): the same patterns, linear. A header's whitespace is possessive; the
# request target, which waitress reads as an optional "scheme://host" then any run of
# non-spaces, is that run (the same lines match, with the same groups).
HEADER_FIELD_RE = re.compile(
    f"^(?P<name>{TOKEN}):[ \t]*+(?P<value>(?:{FIELD_VCHAR}++(?:[ \t]++{FIELD_VCHAR}++)*+)?)"
    f"[ \t]*+$".encode("latin-1"))
FIRST_LINE_RE = re.compile(rb"(?P<method>[!#$%&'*+\-.^_`|~0-9A-Za-z]++) (?P<uri>[^ ]++)"
                           rb"(?: HTTP/(?P<version>[0-9]\.[0-9]))?")
waitress.parser.HEADER_FIELD_RE = HEADER_FIELD_RE
waitress.parser.first_line_re = FIRST_LINE_RE

DEFAULT_PORT = 8484  # not Oxigraph's 7878, Fuseki's 3030, GraphDB's 7200 or Virtuoso's 8890
MAX_QUERY_BYTES = 1_000_000  # a query's text, and a request's body
MAX_HEADER_BYTES = 256 * 1024  # a request line and headers (a GET query included)
ID_PATH = "/id/"
FORMAT_PARAMS = ("format", "output", "results")  # Virtuoso, Fuseki, SPARQLWrapper
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
SD_PREFIXES = {"sd": SD, "void": VOID, "formats": FORMATS_NS}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Settings:
    """What the query workers need to know (picklable)."""

    prefixes: dict[str, str]
    endpoint: str  # this endpoint's URL: the base IRI of queries
    base: str  # the graph's IRI base, served under /id/
    allowed_services: frozenset[str] = frozenset()
    # Origins whose pages may read answers (CORS; "*" for any): none unless asked for.
    allowed_origins: frozenset[str] = frozenset()
    # Host names requests may name (None: any): a server answers only its own names, so
    # a site whose name comes to point at it (DNS rebinding) is refused; with
    # `any_address`, an address too (a name is what rebinding needs: an address in the
    # Host is the server itself, as the client typed it).
    allowed_hosts: frozenset[str] | None = None
    any_address: bool = False


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port.

    >>> host_name("LocalHost:8484"), host_name("[::1]:8484"), host_name("example.org")
    ('localhost', '[::1]', 'example.org')
    """
    header = header.strip().lower()
    if header.startswith("["):  # [v6]:port; anything else after "]" is kept, and refused
        end = header.find("]") + 1
        rest = header[end:]
        return header[:end] if end and (not rest or rest[:1] == ":" and rest[1:].isdigit()) \
            else header
    name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name.removesuffix(".")  # (a fully qualified "localhost." is localhost)


def not_acceptable(accept: str | None, offered) -> Answer:
    media = ", ".join(m for m, _ in offered)
    return Answer.text(406, f"cannot answer in {accept!r}; this can be: {media}")


def query_job(context, sparql: str, names: tuple[str, ...], accept: str | None,
              default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> Answer:
    """Run one query (in a query worker) and serialise it as the client asked."""
    settings = context.settings
    options = {"prefixes": settings.prefixes, "base_iri": settings.endpoint}
    if default_graphs or named_graphs:  # (the protocol's dataset replaces the query's:
        # with named graphs alone its default graph is empty, with a default graph alone
        # it has no named graph)
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    else:
        options.update(default_graph_of(scan(sparql)))
    try:
        results = context.store.query(sparql, **options)
    except SyntaxError as err:
        return Answer.text(400, f"SPARQL syntax error: {err}")
    except (ValueError, OSError) as err:
        return Answer.text(400, f"query failed: {err}")
    offered = neg.GRAPH if isinstance(results, ox.QueryTriples) else neg.RESULTS
    chosen = neg.choose(list(names), accept, offered)
    if chosen is None:
        return not_acceptable(accept, offered)
    media_type, fmt = chosen
    try:
        body = neg.serialize(results, fmt, context.limits.max_bytes)
    except (ValueError, OSError) as err:  # evaluation errors surface while writing
        return Answer.text(400, f"query failed: {err}")
    if body is None:
        return too_large(context.limits.max_bytes)
    return Answer(200, neg.content_type(media_type), body)


def service_description(settings: Settings, triple_count: int) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of the endpoint, as triples. Its default
    dataset is the graph's own dataset node (kg.dataset), here with its endpoint."""
    service, graph = ox.BlankNode("service"), ox.BlankNode("g")
    dataset = ox.NamedNode(dataset_iri(settings.base))

    def iri(text: str) -> ox.NamedNode:
        return ox.NamedNode(text)

    triples = [
        (service, iri(RDF_TYPE), iri(SD + "Service")),
        (service, iri(SD + "endpoint"), iri(settings.endpoint)),
        (service, iri(SD + "supportedLanguage"), iri(SD + "SPARQL11Query")),
        (service, iri(SD + "feature"), iri(SD + "UnionDefaultGraph")),
        (service, iri(SD + "defaultEntailmentRegime"),
         iri("http://www.w3.org/ns/entailment/Simple")),
        (service, iri(SD + "defaultDataset"), dataset),
        (dataset, iri(RDF_TYPE), iri(SD + "Dataset")),
        (dataset, iri(VOID + "sparqlEndpoint"), iri(settings.endpoint)),
        (dataset, iri(SD + "defaultGraph"), graph),
        (graph, iri(RDF_TYPE), iri(SD + "Graph")),
        (graph, iri(VOID + "triples"), ox.Literal(str(triple_count), datatype=iri(
            "http://www.w3.org/2001/XMLSchema#integer"))),
    ]
    if settings.allowed_services:
        triples.append((service, iri(SD + "feature"), iri(SD + "BasicFederatedQuery")))
    for _, fmt in neg.RESULTS + neg.GRAPH:
        # pyoxigraph names JSON-LD by a newer IRI; W3C's list of formats has it here
        name = (fmt.rdf or fmt.results).iri.replace(
            "https://www.w3.org/ns/formats/data/", FORMATS_NS)
        triples.append((service, iri(SD + "resultFormat"), iri(name)))
    return [ox.Triple(*t) for t in dict.fromkeys(triples)]


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Error"


class BadRequest(Exception):
    """A request the endpoint refuses; carries its answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.answer = Answer.text(status, message)


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, f"{what} is not UTF-8") from None


def _form(text: str, what: str) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(400, f"{what} is not UTF-8 once percent-decoded") from None


def _media_type(header: str) -> tuple[str, str | None]:
    """The media type of a Content-Type header and its charset, if it names one."""
    media, *params = [part.strip() for part in header.split(";")]
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


class SparqlApp:
    """The WSGI application: routes, protocol parameters, answers."""

    def __init__(self, pool: QueryPool, settings: Settings, triple_count: int,
                 explorer: bytes | None):
        self.pool, self.settings, self.explorer = pool, settings, explorer
        self.description = service_description(settings, triple_count)

    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        hosts = self.settings.allowed_hosts
        try:
            if hosts is not None and "HTTP_HOST" in environ and \
                    host_name(environ["HTTP_HOST"]) not in hosts and not (
                        self.settings.any_address and _is_address(environ["HTTP_HOST"])):
                # (the names are not listed: a rebinding page could read the answer)
                raise BadRequest(403, "this server answers to its own names and addresses "
                                 "only, not to another name for it (kg serve --allow-host "
                                 "NAME adds one)")
            if environ.get("PATH_INFO") == "/sparql" and \
                    environ.get("HTTP_SEC_FETCH_SITE") == "cross-site" and \
                    not self.cors(environ.get("HTTP_ORIGIN")):
                # Another site's page cannot read the answer, but it could make the
                # analyst's browser run queries by the thousand: refused unless --cors.
                raise BadRequest(403, "queries from another site's pages are refused "
                                 "(allow that site with --cors ORIGIN)")
            answer = self.route(method, environ)
        except BadRequest as refused:
            answer = refused.answer
        headers = [("Content-Type", answer.media_type),
                   ("Content-Length", str(len(answer.body))),
                   ("Vary", "Accept, Origin"),
                   ("X-Content-Type-Options", "nosniff"),
                   ("X-Frame-Options", "DENY"),  # no other site frames a page of ours
                   ("Content-Security-Policy", "frame-ancestors 'none'"),
                   *self.cors(environ.get("HTTP_ORIGIN")),
                   *answer.headers]
        start_response(_status_line(answer.status), headers)
        return [] if method == "HEAD" else [answer.body]

    def cors(self, origin: str | None) -> list[tuple[str, str]]:
        """The CORS header letting `origin`'s pages read the answer, when allowed."""
        allowed = self.settings.allowed_origins
        if "*" in allowed:
            return [("Access-Control-Allow-Origin", "*")]
        if origin and origin in allowed:
            return [("Access-Control-Allow-Origin", origin)]
        return []

    def route(self, method: str, environ) -> Answer:
        path = environ.get("PATH_INFO", "")
        if method == "OPTIONS":  # CORS preflight (YASGUI and other browser clients)
            return Answer(204, "text/plain", b"", (
                ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
                ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                ("Allow", "GET, HEAD, POST, OPTIONS")))
        allowed = ("GET", "HEAD", "POST") if path == "/sparql" else ("GET", "HEAD")
        if method not in allowed:
            return Answer(405, "text/plain; charset=utf-8",
                          f"{method} is not allowed here; use {', '.join(allowed)}\n".encode(),
                          (("Allow", ", ".join(allowed + ("OPTIONS",))),))
        if path == "/sparql":
            return self.sparql(method, environ)
        if path.startswith(ID_PATH):
            return self.resource(environ)
        if path == "/" and self.explorer is not None:  # (its own scripts only run)
            return Answer(200, "text/html; charset=utf-8", self.explorer,
                          (("Content-Security-Policy", explorer_policy()),))
        if path in ("/", "/query"):
            return QUERY_ANSWER
        return Answer.text(404, "no such page; the SPARQL endpoint is /sparql, "
                           f"and the graph's nodes are under {ID_PATH}")

    # --- /sparql --------------------------------------------------------------------

    def parameters(self, method: str, environ) -> dict[str, list[str]]:
        """The protocol's parameters, from the URL and (for POST) the body."""
        params = _form(environ.get("QUERY_STRING", ""), "the URL's query string")
        if method != "POST":
            return params
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress checked and capped it
        body = environ["wsgi.input"].read(length)
        header = environ.get("CONTENT_TYPE", "")
        media, charset = _media_type(header)
        if charset not in (None, "utf-8", "utf8"):
            raise BadRequest(415, f"the body is {charset}; send it in UTF-8")
        if media == "application/sparql-update":
            raise BadRequest(403, "this endpoint is read-only: SPARQL Update is refused")
        if media == "application/sparql-query":
            params.setdefault("query", []).append(_decode(body, "the query"))
        elif media == "application/x-www-form-urlencoded":
            for key, values in _form(_decode(body, "the form"), "the form").items():
                params.setdefault(key, []).extend(values)
        elif not media:
            raise BadRequest(415, "a POST needs a Content-Type: application/sparql-query "
                             "or application/x-www-form-urlencoded")
        else:
            raise BadRequest(415, f"unsupported Content-Type {media!r}: send "
                             "application/sparql-query or a form with query=")
        return params

    def sparql(self, method: str, environ) -> Answer:
        params = self.parameters(method, environ)
        if "update" in params:
            raise BadRequest(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        accept = environ.get("HTTP_ACCEPT")
        names = [name for key in FORMAT_PARAMS for name in params.get(key, [])]
        if not queries and method != "POST":
            return self.describe_service(names, accept)
        if len(queries) != 1 or not queries[0].strip():
            raise BadRequest(400, "give exactly one query (query=... or a POST body of type "
                             "application/sparql-query)")
        query = queries[0]
        if len(query.encode("utf-8")) > MAX_QUERY_BYTES:
            raise BadRequest(413, f"the query is longer than {MAX_QUERY_BYTES:,} bytes")
        self.check(query)
        datasets = [params.get(key, []) for key in ("default-graph-uri", "named-graph-uri")]
        for key, iris in zip(("default-graph-uri", "named-graph-uri"), datasets):
            for iri in iris:
                try:
                    ox.NamedNode(iri)
                except ValueError as err:
                    raise BadRequest(400, f"{key} {iri!r} is not an absolute IRI: {err}") \
                        from None
        return self.pool.run(query_job, query, tuple(names), accept,
                             tuple(datasets[0]), tuple(datasets[1]))

    def check(self, query: str) -> None:
        """Refuse what must not reach the engine: nesting it cannot parse, SERVICE
        calls to endpoints not allowed (the server makes no request of its own)."""
        shape = scan(query)
        try:
            check_shape(shape)
        except QueryError as err:
            raise BadRequest(400, str(err)) from None
        refused = [target for target in shape.services
                   if target not in self.settings.allowed_services]
        if refused:
            named = refused[0] or "a variable, prefixed name or relative IRI"
            raise BadRequest(403, f"SERVICE is refused: this endpoint makes no requests to "
                             f"other servers ({named}); `kg serve --allow-service URL` "
                             "allows an endpoint")

    def describe_service(self, names: list[str], accept: str | None) -> Answer:
        offered = neg.GRAPH + [neg.HTML]
        chosen = neg.choose(names, accept, offered)
        if chosen is None:
            return not_acceptable(accept, offered)
        media_type, fmt = chosen
        if fmt is None:
            return QUERY_ANSWER
        body = neg.serialize(self.description, fmt, self.pool.limits.max_bytes, SD_PREFIXES)
        return Answer(200, neg.content_type(media_type), body)

    # --- /id/... --------------------------------------------------------------------

    def resource(self, environ) -> Answer:
        # The path as sent (still percent-encoded, as the IRIs kg mints are).
        raw = environ.get("REQUEST_URI") or environ.get("PATH_INFO", "")
        raw = urllib.parse.urlsplit(raw).path
        iri = self.settings.base + raw[len(ID_PATH):]
        try:
            ox.NamedNode(iri)
        except ValueError:
            return Answer.text(404, "no such node: the path is not part of an IRI")
        params = _form(environ.get("QUERY_STRING", ""), "the URL's query string")
        names = [name for key in FORMAT_PARAMS for name in params.get(key, [])]
        accept = environ.get("HTTP_ACCEPT")
        if neg.choose(names, accept, PAGE_OFFERS) is None:
            return not_acceptable(accept, PAGE_OFFERS)
        return self.pool.run(describe_job, iri, tuple(names), accept, ID_PATH)


QUERY_PAGE = ("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>""" + page_style() + """ textarea{width:100%;height:12em;font-family:monospace}
#error{color:#b00;white-space:pre-wrap}</style>
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
""").encode()
QUERY_ANSWER = Answer(200, "text/html; charset=utf-8", QUERY_PAGE, (
    ("Content-Security-Policy", page_policy(QUERY_PAGE.decode(), connect="'self'")),))


class SparqlServer:
    """The endpoint on waitress: `run()` serves until `close()`."""

    def __init__(self, app: SparqlApp, waitress_server):
        self.app, self.pool, self._server = app, app.pool, waitress_server
        self.host = waitress_server.effective_host
        self.port = waitress_server.effective_port
        self._serving: threading.Thread | None = None  # the thread of run(), once running
        self._closing = threading.Event()  # close() asked the loop to end
        self._stopped = threading.Event()

    @property
    def server_address(self) -> tuple[str, int]:
        return self.host, self.port

    def run(self) -> None:
        """waitress' loop, a turn at a time, so that it ends when `close()` asks and
        closes its sockets itself (closed from another thread under its select(), they
        made it fail with EBADF)."""
        self._serving = threading.current_thread()
        self._stopped.clear()
        server = self._server
        try:
            while server._map and not self._closing.is_set():
                server.asyncore.loop(timeout=server.adj.asyncore_loop_timeout,
                                     map=server._map, use_poll=server.adj.asyncore_use_poll,
                                     count=1)
        except (SystemExit, KeyboardInterrupt):  # (as waitress' own run())
            server.task_dispatcher.shutdown()
        finally:
            if self._closing.is_set():
                server.asyncore.close_all(server._map)
            self._stopped.set()

    serve_forever = run

    def close(self) -> None:
        """Stop serving and the query workers. From another thread than the serving
        loop's, the loop is asked to end and close its own sockets, and waited for."""
        serving = self._serving
        self._closing.set()
        if serving is not None and serving is not threading.current_thread() \
                and not self._stopped.is_set():
            try:  # (wakes the loop now, else it sees the request within its timeout)
                self._server.trigger.pull_trigger()
            except OSError:  # (its trigger closed already: the loop is ending)
                pass
            self._stopped.wait(10)
        else:
            self._server.close()
        self.pool.close()

    shutdown = close


def make_server(graph: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *,
                timeout: float = 30, quick_timeout: float = 2, max_bytes: int = 100_000_000,
                memory_mb: int = 1000, workers: int = 3, page: Path | None = None,
                base: str | None = None, allow_services: tuple[str, ...] = (),
                cors: tuple[str, ...] = (), allow_hosts: tuple[str, ...] = (),
                threads: int = 8, max_connections: int = 200, idle_timeout: float = 30,
                request_timeout: float = 10, cache_mb: float = 64) -> SparqlServer:
    """A SparqlServer for a graph file, ready for `run()`.

    The graph is indexed once before the workers start (they open the index
    read-only). `page` is the explorer HTML served at `/` (default: the file next
    to the graph with the same name and .html, if there is one). `base` is the
    IRI base of the nodes served under /id/ (default: the graph's own).
    `request_timeout` is the time a request's line, headers and body have to
    arrive, from its first byte. `allow_hosts` are names clients may reach it by beside
    its own (`own_host_names`).
    """
    import logging

    import waitress

    from .graph import open_graph

    # waitress warns of every queued request; queueing is the design, not news
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    opened = open_graph(graph)
    triple_count = len(opened.store)  # builds the on-disk index once, here
    path = opened.path.resolve()
    page = page or path.with_suffix(".html")
    explorer = page.read_bytes() if page.is_file() else None
    if explorer is not None and (
            not sealed_page(explorer) or
            page_policy(explorer.decode("utf-8", "replace")) != explorer_policy()):
        # (a page of a folder handed over, changed, or of another kg version: not run on
        # this origin, whose /sparql it could read)
        print(f"kg serve: {for_terminal(str(page))} is no explorer page this kg wrote for "
              "you (kg view writes one); / shows the query page", file=sys.stderr)
        explorer = None
    limits = Limits(timeout=timeout, quick_timeout=quick_timeout, memory_mb=memory_mb,
                    max_bytes=max_bytes)
    threads = threads_for(workers, threads)
    server = waitress.create_server(
        lambda environ, start_response: app(environ, start_response),
        host=host, port=port, threads=threads,
        connection_limit=max_connections,
        channel_timeout=idle_timeout, cleanup_interval=0.25,
        backlog=1024, max_request_body_size=MAX_QUERY_BYTES,
        max_request_header_size=MAX_HEADER_BYTES, ident="kg", expose_tracebacks=False,
        clear_untrusted_proxy_headers=True)
    # waitress has no deadline for a request and no preference when connections run
    # short; its server takes its channel class and maintenance from the instance
    server.channel_class = TimedChannel
    server.maintenance = lambda now: shed_slow_connections(
        server.active_channels.values(), now, request_timeout, idle_timeout, max_connections)
    shown_host = f"[{host}]" if ":" in host else host
    settings = Settings(prefixes=opened.prefixes,
                        endpoint=f"http://{shown_host}:{server.effective_port}/sparql",
                        base=base or opened.base, allowed_services=frozenset(allow_services),
                        allowed_origins=frozenset(cors),
                        allowed_hosts=own_host_names(host, allow_hosts),
                        any_address=not _is_loopback(host))
    try:
        pool = QueryPool(path, workers=workers, limits=limits, settings=settings,
                         max_waiting=threads - workers - 1 - FREE_THREADS,
                         isolate=not allow_services, cache_bytes=int(cache_mb * (1 << 20)))
    except BaseException:
        server.close()
        raise
    app = SparqlApp(pool, settings, triple_count, explorer)
    return SparqlServer(app, server)


CROWDED_SHARE = 0.75  # of --max-connections open: the slowest connections are closed ...
CALM_SHARE = 0.5  # ... until no more than this share is open
CROWDED_GRACE = 1.0  # seconds: a request or slow answer younger is never cut then
# Seconds a connection may sit idle between requests then (keep-alive is a luxury when
# slots run short: 45 connections asking every 0.9 s held them all)
IDLE_GRACE = 0.25
MIN_SEND_RATE = 8192  # bytes a second: a client sending or reading slower is slow


def shed_slow_connections(channels, now: float, request_timeout: float, idle_timeout: float,
                          max_connections: int) -> int:
    """Mark for closing the connections that hold a slot while doing nothing useful, so
    slow clients (slowloris) cannot keep others out. Returns how many were marked.

    Always: a request still arriving `request_timeout` after its first byte; an answer
    read slower than MIN_SEND_RATE for that long; a connection with no request for
    `idle_timeout` (blank lines, which waitress takes as activity, are none). When
    CROWDED_SHARE of `max_connections` are open, the connections idle for over
    IDLE_GRACE, and those sending a request or reading an answer slower than
    MIN_SEND_RATE for over CROWDED_GRACE, are closed (idle first, then by bytes a
    second) until CALM_SHARE are open: a client that sends its request at a real speed
    is never among them.
    A connection whose request is queued or being served is never touched, and its
    next request's clock waits meanwhile (the server, not the client, is slow then).
    """
    channels = [channel for channel in channels if not channel.will_close]
    crowded = len(channels) >= CROWDED_SHARE * max_connections
    doomed, slow = [], []  # slow: (bytes a second, channel)
    for channel in channels:
        request = channel.request
        if channel.total_outbufs_len:  # an answer being read
            rate = channel.read_rate(now)
            if rate is not None and rate < MIN_SEND_RATE:
                if now - channel.slow_since > request_timeout:
                    doomed.append(channel)
                elif now - channel.slow_since > CROWDED_GRACE:
                    slow.append((rate, channel))
            continue
        channel.rate_mark = None  # (each answer's speed is measured from its start)
        if channel.requests:  # queued or being served
            if request is not None:
                request.started = now
            continue
        if request is not None and not request.completed and not request.blank:
            age = now - request.started
            if age > request_timeout:
                doomed.append(channel)
            elif age > CROWDED_GRACE and request.bytes_received / age < MIN_SEND_RATE:
                slow.append((request.bytes_received / age, channel))
        elif now - channel.last_request > idle_timeout:
            doomed.append(channel)
        elif now - max(channel.last_request, channel.last_sent) > IDLE_GRACE:
            slow.append((0.0, channel))  # (idle since its last request or answer)
    if crowded:
        excess = len(channels) - len(doomed) - int(CALM_SHARE * max_connections)
        slow.sort(key=lambda item: item[0])
        doomed += [channel for _, channel in slow[:max(excess, 0)]]
    for channel in doomed:
        channel.will_close = True
        if channel.total_outbufs_len:
            # A full socket is never writable, so waitress would never get to close it:
            # shut down, it reads as closed, and a writer waiting on it is let go.
            try:
                channel.socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
    return len(doomed)


class TimedRequestParser(HTTPRequestParser):
    """waitress's request parser, noting when the request's first byte came and how
    many have come, and telling its channel when a request (not a blank line) is whole."""

    def __init__(self, adj, on_request=None):
        super().__init__(adj)
        self.started = time.time()  # the clock waitress's maintenance is given
        self.bytes_received = 0
        self.blank = True  # only blank lines so far: no request (they may precede one)
        self.on_request = on_request

    def received(self, data: bytes) -> int:
        consumed = super().received(data)
        self.bytes_received += consumed
        if self.blank and data[:consumed].strip():
            self.blank = False
        if self.completed and not self.empty and self.on_request is not None:
            self.on_request()
            self.on_request = None
        return consumed


class TimedChannel(HTTPChannel):
    """waitress's channel, noting when its last request came, when it last sent, and
    how fast its client reads answers (see `shed_slow_connections`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_request = self.creation_time
        self.sent = 0  # bytes of answers sent
        self.rate_mark: tuple[float, int] | None = None  # (time, sent) when last measured
        self.slow_since = 0.0
        self.last_sent = self.creation_time  # when an answer's bytes were last sent

    def parser_class(self, adj) -> TimedRequestParser:
        return TimedRequestParser(adj, self._request_came)

    def _request_came(self) -> None:
        self.last_request = time.time()

    def send(self, data, do_close=True):
        sent = super().send(data, do_close=do_close)
        if sent:
            self.sent += sent
            self.last_sent = time.time()
        return sent

    def read_rate(self, now: float) -> float | None:
        """Bytes a second the client has read its answer at since the last measure (at
        least a second ago), or None until there is one."""
        mark = self.rate_mark
        if mark is None or self.sent < mark[1]:
            self.rate_mark, self.slow_since = (now, self.sent), now
            return None
        if now - mark[0] < 1.0:
            return None
        rate = (self.sent - mark[1]) / (now - mark[0])
        self.rate_mark = (now, self.sent)
        if rate >= MIN_SEND_RATE:
            self.slow_since = now
        return rate


FREE_THREADS = 2  # server threads kept from queries, for pages and cached answers


def threads_for(workers: int, asked: int) -> int:
    """Server threads: as asked, but enough for every worker's query (and the quick
    lane's), one waiting, and FREE_THREADS more.

    >>> threads_for(3, 8), threads_for(10, 8)
    (8, 14)
    """
    return max(asked, workers + 1 + 1 + FREE_THREADS)


def own_host_names(host: str, allow_hosts: tuple[str, ...] = ()) -> frozenset[str]:
    """The names a request's Host header may give a server listening on `host`: loopback
    names, the address itself, `allow_hosts`, and for any address but loopback the
    machine's name (its addresses are taken as they come: `Settings.any_address`). A
    page of another name that rebinds it to this machine must not read the archive
    (DNS rebinding). No name is looked up (a broken resolver must not stall a start).

    >>> sorted(own_host_names("127.0.0.1"))
    ['127.0.0.1', '::1', '[::1]', 'localhost']
    >>> names = own_host_names("0.0.0.0", ("KG.example.org",))
    >>> "kg.example.org" in names, socket.gethostname().lower() in names, "0.0.0.0" in names
    (True, True, False)
    """
    names = set(LOOPBACK_NAMES) | {host_name(name) for name in allow_hosts}
    if not _is_wildcard(host):
        names.add(host_name(host if ":" not in host else f"[{host.strip('[]')}]"))
    if not _is_loopback(host):
        names.add(host_name(socket.gethostname()))
    return frozenset(names)


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address `host` writes (bracketed or not), or None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _is_address(header: str) -> bool:
    """Whether a Host header names an IP address (with or without its port)."""
    return _address(host_name(header)) is not None


def _is_wildcard(host: str) -> bool:
    address = _address(host)
    return address.is_unspecified if address is not None else host == ""


def _is_loopback(host: str) -> bool:
    address = _address(host)
    return address.is_loopback if address is not None else host.lower() == "localhost"


def serve_in_thread(server: SparqlServer) -> threading.Thread:
    """Run `server` in a background thread (for notebooks and tests)."""
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return thread
