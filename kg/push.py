"""Push: upload a graph into a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

    kg push output/graph.ttl --store http://localhost:7878/store

The graph goes up as N-Triples in chunks: the first request of a graph is a PUT
(replace), the rest POST (add), each retried on connection errors and 5xx
answers. Afterwards the triples are counted through the store's own SPARQL
endpoint and compared with what was sent.

With `per_article=True` each article (the article, its summaries and its
mentions) goes to its own named graph and everything shared (entities, pages,
articles only known from links) to one more; a record of what each graph held
when last pushed to that store is kept next to the graph file, so a re-push
sends only the graphs that changed and deletes those of articles that are gone.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from .errors import PushError
from .export import named_graphs, ntriples_lines
from .files import atomic_write

if TYPE_CHECKING:
    from .graph import Graph

CHUNK_TRIPLES = 50_000
RETRIES = 4


@dataclass
class PushReport:
    graphs_sent: list[str] = field(default_factory=list)  # graph IRIs ("" = default graph)
    graphs_unchanged: int = 0
    graphs_deleted: list[str] = field(default_factory=list)
    triples_sent: int = 0
    requests: int = 0
    triples_in_store: int | None = None
    expected_in_store: int = 0


def query_endpoint_for(store_url: str) -> str:
    """The SPARQL query endpoint next to a Graph Store endpoint, by the usual layouts.

    >>> query_endpoint_for("http://localhost:7878/store")  # Oxigraph
    'http://localhost:7878/query'
    >>> query_endpoint_for("http://localhost:3030/ds/data")  # Fuseki
    'http://localhost:3030/ds/sparql'
    >>> query_endpoint_for("http://localhost:7200/repositories/kg/statements")  # GraphDB
    'http://localhost:7200/repositories/kg'
    """
    url = store_url.rstrip("/")
    for suffix, replacement in (("/store", "/query"), ("/data", "/sparql"),
                                ("/statements", ""), ("/sparql-graph-crud", "/sparql"),
                                ("/rdf-graph-store", "/sparql")):
        if url.endswith(suffix):
            return url[: -len(suffix)] + replacement
    raise PushError(f"cannot tell the SPARQL endpoint of {store_url}; give --sparql URL")


def _graph_url(store_url: str, graph: str) -> str:
    query = "default" if not graph else "graph=" + urllib.parse.quote(graph, safe="")
    return store_url + ("&" if "?" in store_url else "?") + query


def _request(method: str, url: str, body: bytes | None = None,
             headers: dict[str, str] | None = None, timeout: float = 300) -> bytes:
    """One HTTP request, retried with back-off on connection errors and 5xx answers."""
    for attempt in range(RETRIES + 1):
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read()[:500].decode("utf-8", errors="replace")
            if err.code < 500 or attempt == RETRIES:
                raise PushError(f"{method} {url}: HTTP {err.code} {detail}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError) as err:
            if attempt == RETRIES:
                raise PushError(f"{method} {url}: {err}") from None
        time.sleep(0.5 * 2 ** attempt)
    raise AssertionError("unreachable")


def count_triples(sparql_url: str, graphs: Iterable[str] | None = None) -> int:
    """Triples in the store, through its SPARQL endpoint: all graphs, or those named."""
    if graphs is None:
        query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    else:
        names = " ".join(f"<{g}>" for g in graphs if g)
        parts = [f"{{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?g {{ {names} }} }}"] if names else []
        if "" in graphs:
            parts.append("{ ?s ?p ?o }")
        query = "SELECT (COUNT(*) AS ?n) WHERE { " + " UNION ".join(parts) + " }"
    body = urllib.parse.urlencode({"query": query}).encode()
    answer = _request("POST", sparql_url, body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    return int(json.loads(answer)["results"]["bindings"][0]["n"]["value"])


def _state_path(graph_file: Path, store_url: str) -> Path:
    key = hashlib.blake2b(store_url.encode(), digest_size=8).hexdigest()
    return graph_file.resolve().parent / ".kg-cache" / f"push-{key}.json"


def push(source: "Graph | str | Path", store_url: str, *, graph: str | None = None,
         per_article: bool = False, base: str | None = None, sparql_url: str | None = None,
         chunk: int = CHUNK_TRIPLES, progress: Callable[[int], None] | None = None,
         verify: bool = True) -> PushReport:
    """Upload a graph (a kg.Graph or a graph file) to the Graph Store at `store_url` and
    verify the count.

    Into the default graph (or `graph`, an IRI) — replacing what was there — or,
    with `per_article`, one named graph per article plus one for shared nodes
    (names under `base`, default the articles' own base). `progress(n)` is called
    with the number of triples after each request.
    """
    from .graph import Graph, open_graph

    opened = source if isinstance(source, Graph) else open_graph(source)
    if opened.path is None:
        raise PushError("push a graph written to a file (kg.build or kg.open_graph)")
    graph_file = opened.path
    triples = opened.triples
    if per_article:
        groups = named_graphs(triples, base)
    else:
        groups = {graph or "": triples}
    report = PushReport()
    state_file = _state_path(graph_file, store_url)
    previous: dict[str, str] = {}
    if per_article:
        try:
            previous = json.loads(state_file.read_text())
        except (OSError, ValueError):
            previous = {}
    pushed: dict[str, str] = {}
    for name in sorted(groups):
        lines = ntriples_lines(groups[name])
        digest = hashlib.blake2b("".join(lines).encode(), digest_size=16).hexdigest()
        pushed[name] = digest
        report.expected_in_store += len(lines)
        if per_article and previous.get(name) == digest:
            report.graphs_unchanged += 1
            if progress:
                progress(len(lines))
            continue
        _send_graph(store_url, name, lines, chunk, report, progress)
        report.graphs_sent.append(name)
    for name in sorted(set(previous) - set(pushed)):
        try:
            _request("DELETE", _graph_url(store_url, name))
        except PushError as err:
            if "HTTP 404" not in str(err):
                raise
        report.graphs_deleted.append(name)
        report.requests += 1
    if per_article:
        with atomic_write(state_file) as handle:
            json.dump(pushed, handle, indent=0, sort_keys=True)
    if verify:
        endpoint = sparql_url or query_endpoint_for(store_url)
        report.triples_in_store = count_triples(endpoint, list(groups))
        if report.triples_in_store != report.expected_in_store:
            raise PushError(f"the store holds {report.triples_in_store:,} triples in the pushed "
                            f"graphs, {report.expected_in_store:,} were sent")
    return report


def _send_graph(store_url: str, name: str, lines: list[str], chunk: int, report: PushReport,
                progress: Callable[[int], None] | None) -> None:
    url = _graph_url(store_url, name)
    headers = {"Content-Type": "application/n-triples"}
    for start in range(0, max(len(lines), 1), chunk):
        part = lines[start:start + chunk]
        # The first request replaces the graph; the others add to it.
        _request("PUT" if start == 0 else "POST", url, "".join(part).encode("utf-8"), headers)
        report.requests += 1
        report.triples_sent += len(part)
        if progress:
            progress(len(part))
