"""Push: upload a graph into a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

    kg push output/graph.ttl --store http://localhost:7878/store

A push never leaves a store with part of the new graph in place of the old one
where the store takes SPARQL Update: the graph goes up as N-Triples in chunks
into a temporary named graph (`urn:uuid:...`), and one SPARQL Update request
then moves it into place (`MOVE <tmp> TO <graph>`: the store replaces the old
graph in one transaction). A failure before that leaves the old graph as it
was and the temporary one is removed. A store that refuses SPARQL Update (or
whose update endpoint kg cannot tell) gets the chunks directly (the first a PUT
that replaces, then POSTs that add); a failure then says exactly how many
triples of the graph the store holds. Every request is retried on connection
errors and 5xx answers; afterwards the triples are counted through the store's
own SPARQL endpoint and compared with what was sent.

With `per_article=True` each article (the article, its summaries and its
mentions) goes to its own named graph and everything shared (entities, pages,
articles only known from links) to one more. A record of what each graph held
when last pushed to that store is kept next to the graph file, so a re-push
sends only the graphs that changed and deletes those of articles that are gone;
before trusting the record kg counts each graph's triples in the store, so a
store that lost data (a restart without persistence, a wipe) gets back what it
lacks. `force=True` sends everything.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import html
import http.client
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import orjson

from .cache import cache_dir, prepare_cache_dir
from .errors import PushError
from .export import named_graphs, ntriples_lines
from .files import atomic_write, read_kept_file
from .seal import keep_latest, latest, seal

if TYPE_CHECKING:
    from .graph import Graph

__all__ = ["push", "PushReport", "shown_url", "query_endpoint_for", "update_endpoint_for", "count_triples",
           "graph_counts", "CHUNK_TRIPLES"]

CHUNK_TRIPLES = 50_000
RETRIES = 4


@dataclass
class PushReport:
    graphs_sent: list[str] = field(default_factory=list)  # graph IRIs ("" = default graph)
    graphs_unchanged: int = 0
    graphs_deleted: list[str] = field(default_factory=list)
    graphs_restored: list[str] = field(default_factory=list)  # recorded, but lacking in the store
    triples_sent: int = 0
    requests: int = 0
    triples_in_store: int | None = None
    expected_in_store: int = 0
    atomic: bool = False  # moved into place by SPARQL Update
    update_url: str | None = None
    notes: list[str] = field(default_factory=list)  # what the user should know (warnings)


# Endpoint layouts of the common stores: Graph Store suffix -> (query, update) suffixes.
_LAYOUTS = (("/store", "/query", "/update"),  # Oxigraph
            ("/data", "/sparql", "/update"),  # Fuseki
            ("/rdf-graphs/service", "", "/statements"),  # GraphDB
            ("/statements", "", "/statements"),  # GraphDB, RDF4J
            ("/sparql-graph-crud-auth", "/sparql-auth", "/sparql-auth"),  # Virtuoso
            ("/sparql-graph-crud", "/sparql", "/sparql"),
            ("/rdf-graph-store", "/sparql", "/sparql"))


def _layout(store_url: str) -> tuple[str, str, str] | None:
    url = store_url.split("?")[0].rstrip("/")
    for suffix, query, update in _LAYOUTS:
        if url.endswith(suffix):
            return url[: -len(suffix)], query, update
    return None


def query_endpoint_for(store_url: str) -> str:
    """The SPARQL query endpoint next to a Graph Store endpoint, by the usual layouts.

    >>> query_endpoint_for("http://localhost:7878/store")  # Oxigraph
    'http://localhost:7878/query'
    >>> query_endpoint_for("http://localhost:3030/ds/data")  # Fuseki
    'http://localhost:3030/ds/sparql'
    >>> query_endpoint_for("http://localhost:7200/repositories/kg/rdf-graphs/service")  # GraphDB
    'http://localhost:7200/repositories/kg'
    """
    found = _layout(store_url)
    if found is None:
        raise PushError(f"cannot tell the SPARQL endpoint of {shown_url(store_url)}; "
                        "give --sparql URL")
    return found[0] + found[1]


def update_endpoint_for(store_url: str) -> str | None:
    """The SPARQL Update endpoint next to a Graph Store endpoint, by the usual layouts;
    None when the layout is not known.

    >>> update_endpoint_for("http://localhost:7878/store"), update_endpoint_for("http://x/gsp")
    ('http://localhost:7878/update', None)
    """
    found = _layout(store_url)
    return None if found is None else found[0] + found[2]


def _check_url(url: str, option: str) -> str:
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port  # (raises for a port that is no number or out of range)
    except ValueError:
        parts = None
    start, end = url.find("//") + 2, _userinfo_end(url)
    shown = url if end is None else url[:start] + "…" + url[end:]  # (never a password)
    if end is not None and any(c in url[start:end] for c in "/?#"):
        # ("user:pass/word@host": a "/", "?" or "#" ended the host early)
        raise PushError(f"{option} {shown_url(shown)!r}: its password ends the host "
                        "early; write its / ? # : @ as %2F %3F %23 %3A %40")
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{option} {shown_url(shown)!r} is not an http(s) URL "
                        "(e.g. http://localhost:7878/store)")
    return url


_HOST_AFTER_AT = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]+)?(?=[/?#]|$)")


def _userinfo_end(url: str) -> int | None:
    """Where a URL's `user:password@` ends (the index of its `@`), or None: the `@` of
    the host part, or a later one that a host follows when what is before it holds a
    ":" (a password holding "/", "?" or "#": "http://alice:12?34@h.example/store"; not
    "http://h.example/store/@x").

    >>> _userinfo_end("http://a:b@h/x"), _userinfo_end("http://a:1?2@h.example:80/x")
    (10, 12)
    >>> _userinfo_end("http://h.example:80/store/@x"), _userinfo_end("http://h/x")
    (None, None)
    """
    start = url.find("//") + 2
    if start < 2:
        return None
    host_end = min((i for i in (url.find(c, start) for c in "/?#") if i >= 0), default=len(url))
    if "@" in url[start:host_end]:
        return url.rindex("@", start, host_end)
    last = url.rfind("@")
    if last < start or ":" not in url[start:last]:
        return None
    host = _HOST_AFTER_AT.match(url, last + 1)
    if host and (host.group(2) or "." in host.group(1) or host.group(1).startswith("[")
                 or host.group(1).lower() == "localhost"):
        return last
    return None


def _graph_url(store_url: str, graph: str) -> str:
    query = "default" if not graph else "graph=" + urllib.parse.quote(graph, safe="")
    return store_url + ("&" if "?" in store_url else "?") + query


def _store_message(body: bytes) -> str:
    """The gist of an error answer in one line: an HTML page's title and text, or the
    text itself, cut to 300 characters."""
    text = body[:20_000].decode("utf-8", errors="replace")
    if re.search(r"<(html|body|head|title|h1|p|pre)\b", text, re.IGNORECASE):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        body_text = re.sub(r"<(script|style|title|head)\b.*?</\1\s*>", " ", text,
                           flags=re.IGNORECASE | re.DOTALL)
        parts = [html.unescape(re.sub(r"<[^>]*>", " ", part))
                 for part in ((title[1] if title else ""), body_text)]
        words = [" ".join(part.split()) for part in parts]
        text = words[1] if words[0] and words[0] in words[1] else " — ".join(w for w in words if w)
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: kg contacts only the URLs the user gave (a store's
    answer must not send it elsewhere, another host or another scheme)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)
MAX_ANSWER = 64 << 20  # bytes of a store's answer read at most (counts are tiny)


def _without_credentials(url: str) -> tuple[str, str | None]:
    """The URL without its `user:password@`, and those as a Basic Authorization header
    (sent, never shown: messages name the URL without them).

    >>> _without_credentials("http://alice:s3cret@localhost/store")
    ('http://localhost/store', 'Basic YWxpY2U6czNjcmV0')
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password)}"
                             .encode("utf-8")).decode("ascii")
    return urllib.parse.urlunsplit(parts._replace(netloc=host)), f"Basic {token}"


_SECRET_PARAMETER_RE = re.compile(r"([?&][^=&#]*(?:key|token|secret|pass|auth|sig)[^=&#]*=)"
                                  r"[^&#]*", re.IGNORECASE)


def shown_url(url: str) -> str:
    """A URL as messages show it: the values of parameters that look like secrets hidden.

    >>> shown_url("http://h/store?api_key=abc&graph=urn%3Ax")
    'http://h/store?api_key=…&graph=urn%3Ax'
    """
    return _SECRET_PARAMETER_RE.sub(r"\1…", url)


def _host(url: str) -> str:
    """scheme://host:port of a URL, in lower case (what credentials are kept by)."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.hostname}:" \
        f"{parts.port or (443 if parts.scheme == 'https' else 80)}"


class _Client:
    """HTTP requests to one store: retried with back-off on connection errors and 5xx
    answers (not after a timeout: a store that does not answer is not asked again);
    errors as one line naming the request (`status` on the error: the HTTP status, or
    None when no answer came)."""

    def __init__(self, retries: int = RETRIES, timeout: float = 120,
                 deadline: float = 900, credentials: dict[str, str] | None = None):
        self.retries = retries
        self.timeout = timeout  # seconds of silence
        self.deadline = deadline  # seconds for a whole answer
        self.credentials = credentials or {}  # a URL given -> its Authorization header
        self.answered = False  # a refused connection before any answer is not retried

    def authorization_for(self, url: str) -> str | None:
        """The Authorization of the URL given that `url` starts with (the longest), else
        of the first given on its host (an endpoint guessed beside the store)."""
        host = _host(url)
        given = [u for u in self.credentials if _host(u) == host and url.startswith(u) and (
            len(url) == len(u) or u.endswith("/") or url[len(u)] in "/?#")]
        if given:
            return self.credentials[max(given, key=len)]
        return next((a for u, a in self.credentials.items() if _host(u) == host), None)

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, retries: int | None = None) -> bytes:
        retries = self.retries if retries is None else retries
        headers = dict(headers or {})
        authorization = self.authorization_for(url)
        if authorization:
            headers["Authorization"] = authorization
        ends = time.monotonic() + self.deadline  # (retries included: a store answering
        # 503 just inside the deadline held one request for each of them)
        for attempt in range(retries + 1):
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                answer, failed = _within(ends - time.monotonic(),
                                         functools.partial(self._exchange, request))
                if failed is None:
                    return answer
                err = failed
                if 300 <= err.code < 400:
                    raise PushError(f"{method} {shown_url(url)}: HTTP {err.code} {err.reason}: "
                                    f"the store redirects to {err.headers.get('Location', '?')!r}"
                                    f", which kg does not follow; give that URL", err.code)
                if err.code < 500 or attempt == retries:
                    message = _store_message(answer)
                    raise PushError(f"{method} {shown_url(url)}: HTTP {err.code} {err.reason}"
                                    + (f": {message}" if message else ""), err.code)
            except _Late:
                raise PushError(f"{method} {shown_url(url)}: no whole answer in "
                                f"{self.deadline:.0f} s") from None
            except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
                reason = getattr(err, "reason", err)
                refused = isinstance(reason, ConnectionRefusedError)
                silent = isinstance(reason, TimeoutError)
                if attempt == retries or silent or (refused and not self.answered):
                    hint = " (is it an http:// store?)" if silent and url.startswith("https:") \
                        else ""
                    text = getattr(reason, "strerror", None) or reason or type(err).__name__
                    raise PushError(f"cannot reach {method} {shown_url(url)}: "
                                    f"{text}{hint}") from None
            time.sleep(0.5 * 2 ** attempt)
        raise AssertionError("unreachable")

    def _exchange(self, request) -> tuple[bytes, urllib.error.HTTPError | None]:
        """One request's answer: its body, and the HTTPError of an answer that is one
        (whose body is its first 20 KB, the store's message)."""
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                self.answered = True
                return self._read(response, request.get_method(), request.full_url), None
        except urllib.error.HTTPError as err:
            self.answered = True
            return (b"" if 300 <= err.code < 400 else err.read(20_000)), err

    def _read(self, response, method: str, url: str) -> bytes:
        """The answer's body, of MAX_ANSWER bytes at most."""
        chunks, size = [], 0
        while chunk := response.read1(1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_ANSWER:
                raise PushError(f"{method} {shown_url(url)}: the answer is over "
                                f"{MAX_ANSWER >> 20} MB")
        if response.length:  # (the connection closed before the length it announced)
            raise http.client.IncompleteRead(b"".join(chunks), response.length)
        return b"".join(chunks)


    def sparql(self, url: str, form: dict[str, str], accept: str | None = None,
               retries: int | None = None) -> bytes:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if accept:
            headers["Accept"] = accept
        return self.request("POST", url, urllib.parse.urlencode(form).encode(), headers,
                            retries)


class _Late(Exception):
    """No whole answer within the deadline."""


def _within(seconds: float, work: Callable):
    """`work()`'s value, or _Late once `seconds` have passed: status line,
    headers and body all timed (a store dripping a byte now and then is never silent
    long enough for the socket's timeout). The late request is left to a daemon thread,
    which ends with the process."""
    done: dict = {}

    def run():
        try:
            done["value"] = work()
        except BaseException as err:  # (raised here, in the caller's thread)
            done["error"] = err
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(max(seconds, 0))
    if thread.is_alive():
        raise _Late()
    if "error" in done:
        raise done["error"]
    return done["value"]


def _results(answer: bytes, url: str) -> list[dict]:
    """The bindings of a SPARQL JSON results answer (PushError when it is not one)."""
    try:
        # (orjson: a depth limit, where json's recursion fails on "[[[[...")
        bindings = orjson.loads(answer)["results"]["bindings"]
        if isinstance(bindings, list) and all(isinstance(row, dict) for row in bindings):
            return bindings
    except (ValueError, KeyError, TypeError):
        pass
    raise PushError(f"{shown_url(url)}: the store's answer is not SPARQL JSON results")


def _number(row: dict, name: str, url: str) -> int:
    try:
        return int(row[name]["value"])
    except (KeyError, TypeError, ValueError):
        raise PushError(f"{shown_url(url)}: the store's count is not a number") from None


def count_triples(sparql_url: str, graphs: Iterable[str] | None = None,
                  client: _Client | None = None) -> int:
    """Triples in the store, through its SPARQL endpoint: all graphs, or those named
    ("" for the default graph)."""
    if graphs is None:
        query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    else:
        graphs = list(graphs)
        names = " ".join(f"<{g}>" for g in graphs if g)
        parts = [f"{{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?g {{ {names} }} }}"] if names else []
        if "" in graphs:
            parts.append("{ ?s ?p ?o }")
        query = "SELECT (COUNT(*) AS ?n) WHERE { " + " UNION ".join(parts) + " }"
    answer = (client or _Client()).sparql(sparql_url, {"query": query},
                                          "application/sparql-results+json")
    rows = _results(answer, sparql_url)
    return _number(rows[0], "n", sparql_url) if rows else 0


def graph_counts(sparql_url: str, graphs: Iterable[str], client: _Client | None = None
                 ) -> dict[str, int]:
    """Triples in each named graph (graphs the store lacks count 0)."""
    graphs = [g for g in graphs if g]
    counts = dict.fromkeys(graphs, 0)
    if graphs:
        query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?g { "
                 + " ".join(f"<{g}>" for g in graphs) + " } } GROUP BY ?g")
        answer = (client or _Client()).sparql(sparql_url, {"query": query},
                                              "application/sparql-results+json")
        for row in _results(answer, sparql_url):
            name = row.get("g", {}).get("value") if isinstance(row.get("g"), dict) else None
            if name in counts:
                counts[name] = _number(row, "n", sparql_url)
    return counts


def _state_path(graph_file: Path, store_url: str) -> Path:
    """The record of what this graph file last pushed to this store: each graph file of
    a folder has its own (graph.ttl, the one `kg build` writes, keeps the name records
    had before other files had theirs)."""
    graph_file = graph_file.resolve()
    named = store_url if graph_file.name == "graph.ttl" else f"{store_url}\n{graph_file.name}"
    key = hashlib.blake2b(named.encode(), digest_size=8).hexdigest()
    return cache_dir(graph_file.parent) / f"push-{key}.json"


_MAX_RECORD = 256 << 20  # (a record of a million per-article graphs is about 150 MB)


def _record_seal(graph_file: Path, store_url: str, graphs: bytes, push_id: str) -> str:
    return seal("push record", str(graph_file.resolve()), store_url, push_id,
                graphs.decode("utf-8"))


def _record_name(graph_file: Path, store_url: str) -> str:
    return f"push record\0{graph_file.resolve()}\0{store_url}"


def _write_state(graph_file: Path, store_url: str, pushed: dict[str, dict]) -> str | None:
    """The record of this push, sealed to its graph file and store (kg.seal) and kept as
    the latest (an older one put back is no record); or why it could not be kept."""
    path = _state_path(graph_file, store_url)
    graphs = orjson.dumps(pushed, option=orjson.OPT_SORT_KEYS)
    push_id = uuid.uuid4().hex
    try:  # (the id first: a record written without it is never trusted)
        keep_latest(_record_name(graph_file, store_url), push_id)
        prepare_cache_dir(path.parent.parent)  # (never written through a link)
        with atomic_write(path, "wb") as handle:
            handle.write(orjson.dumps({"seal": _record_seal(graph_file, store_url, graphs,
                                                            push_id),
                                       "push": push_id, "graphs": pushed},
                                      option=orjson.OPT_SORT_KEYS))
    except OSError as err:
        return (f"the record of this push could not be kept ({err.strerror or err}): the "
                "next push sends every graph")
    return None


def _read_state(graph_file: Path, store_url: str, namespace: str
                ) -> tuple[dict[str, dict], bool]:
    """{graph: {"digest": ..., "triples": n}} of the last push, and whether a record was
    there but not trusted: none is when it is not sealed by this user for this graph
    file and store, or is not the latest this user wrote for them (its names go into
    updates that delete graphs: a record handed over, copied, edited, read through a
    linked cache or put back from a backup deletes nothing). Only graph names kg makes
    under `namespace` (`<base>graph/`), each an IRI."""
    kept = read_kept_file(_state_path(graph_file, store_url), _MAX_RECORD)
    if kept is None:
        return {}, False
    try:
        record = orjson.loads(kept)
    except ValueError:
        return {}, True
    if not isinstance(record, dict) or not isinstance(record.get("seal"), str):
        return {}, True
    data, push_id = record.get("graphs"), record.get("push")
    if not isinstance(data, dict) or not isinstance(push_id, str) or \
            push_id != latest(_record_name(graph_file, store_url)) or not hmac.compare_digest(
                record["seal"], _record_seal(graph_file, store_url, orjson.dumps(
                    data, option=orjson.OPT_SORT_KEYS), push_id)):
        return {}, True
    return {name: (entry if isinstance(entry, dict) else {"digest": entry})
            for name, entry in data.items()
            if isinstance(name, str) and name.startswith(namespace) and _is_iri(name)}, False


def _is_iri(name: str) -> bool:
    """An absolute IRI as SPARQL writes one between < and > (nothing that ends it)."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(name)
    except ValueError:
        return False
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", name)) and \
        not re.search(r'[\x00-\x20<>"{}|^`\\]', name)


def _target(name: str) -> str:
    return f"<{name}>" if name else "DEFAULT"


def _shown(name: str) -> str:
    return f"<{name}>" if name else "the default graph"


def push(source: "Graph | str | Path", store_url: str, *, graph: str | None = None,
         per_article: bool = False, base: str | None = None, sparql_url: str | None = None,
         update_url: str | None = None, chunk: int = CHUNK_TRIPLES,
         progress: Callable[[int], None] | None = None, verify: bool = True,
         force: bool = False, retries: int = RETRIES) -> PushReport:
    """Upload a graph (a kg.Graph or a graph file) to the Graph Store at `store_url` and
    verify the count.

    Into the default graph (or `graph`, an IRI) — replacing what was there — or,
    with `per_article`, one named graph per article plus one for shared nodes
    (names under `base`, default the articles' own base). `update_url` is the
    store's SPARQL Update endpoint (guessed from `store_url`; "" for none): with
    one the new graphs replace the old in one transaction. `progress(n)` is
    called with the number of triples after each request. Raises PushError,
    saying what the store then holds.
    """
    from .graph import Graph, open_graph

    # Each URL's user:password@ goes with requests to it (the store's also to the
    # endpoints kg guesses on its host), never into a message.
    credentials: dict[str, str] = {}
    urls = []
    for url, option in ((store_url, "--store"), (sparql_url, "--sparql"),
                        (update_url, "--update")):
        if url:
            url, authorization = _without_credentials(_check_url(url, option))
            if authorization:
                credentials.setdefault(url, authorization)
        urls.append(url)
    store_url, sparql_url, update_url = urls
    if graph and not _is_iri(graph):
        raise PushError(f"--graph {graph!r} is not an absolute IRI "
                        "(e.g. https://example.org/graph/kg)")
    if store_url.rstrip("/").endswith(("/sparql-graph-crud", "/sparql-graph-crud-auth")) \
            and not (graph or per_article):
        raise PushError("Virtuoso's Graph CRUD endpoint takes named graphs only: give "
                        "--graph IRI (or --per-article-graphs)")
    opened = source if isinstance(source, Graph) else open_graph(source)
    if opened.path is None:
        raise PushError("push a graph written to a file (kg.build or kg.open_graph)")
    groups = named_graphs(opened.triples, base) if per_article else {graph or "": opened.triples}
    client = _Client(retries, credentials=credentials)
    endpoint = sparql_url or (query_endpoint_for(store_url) if verify or per_article else None)
    report = PushReport()
    if not groups:
        raise PushError(f"{opened.path}: the graph is empty: nothing to push")
    namespace = next(iter(groups))[:next(iter(groups)).rindex("graph/") + 6] \
        if per_article else ""
    previous, distrusted = _read_state(opened.path, store_url, namespace) \
        if per_article else ({}, False)
    if distrusted and not force:
        report.notes.append("the push record of this graph file and store is not one kg can "
                            "trust (written by an older kg, elsewhere, or put back): every "
                            "graph is sent, none deleted; graphs of articles removed since "
                            "the last push stay in the store")

    try:
        lines = {name: ntriples_lines(triples) for name, triples in sorted(groups.items())}
    except ValueError as err:  # (a graph file written by hand)
        raise PushError(f"{opened.path}: a term no store would take: {err}") from None
    for name, text in lines.items():  # (each request is its own blank-node scope)
        if len(text) > chunk and any(line.startswith("_:") or " _:" in line for line in text):
            raise PushError(f"{opened.path}: {_shown(name)} has blank nodes, which would "
                            f"be split over {-(-len(text) // chunk)} requests: push it "
                            f"with --chunk {len(text)}")
    pushed = {name: {"digest": hashlib.blake2b("".join(text).encode(),
                                               digest_size=16).hexdigest(),
                     "triples": len(text)} for name, text in lines.items()}
    report.expected_in_store = sum(len(text) for text in lines.values())
    to_send = sorted(lines)
    if previous and not force:
        # Trust the record only as far as the store still holds what it says.
        held = graph_counts(endpoint, [n for n in lines if n in previous], client)
        to_send = []
        for name in sorted(lines):
            recorded = previous.get(name, {})
            if recorded.get("digest") != pushed[name]["digest"]:
                to_send.append(name)
            elif held.get(name) != pushed[name]["triples"]:
                to_send.append(name)
                report.graphs_restored.append(name)
            else:
                report.graphs_unchanged += 1
                if progress:
                    progress(pushed[name]["triples"])
    removed = sorted(set(previous) - set(lines))

    report.update_url = _usable_update_endpoint(client, store_url, update_url,
                                                bool(to_send or removed))
    report.atomic = report.update_url is not None
    if report.atomic:
        _push_through_temporary_graphs(client, store_url, report, lines, to_send, removed,
                                       chunk, progress)
    else:
        _push_directly(client, store_url, report, lines, to_send, removed, chunk, progress)
    report.graphs_deleted = removed
    if per_article:
        problem = _write_state(opened.path, store_url, pushed)
        if problem:
            report.notes.append(problem)
    if verify:
        report.triples_in_store = count_triples(endpoint, list(lines), client)
        if report.triples_in_store != report.expected_in_store:
            raise PushError(f"the store holds {report.triples_in_store:,} triples in the pushed "
                            f"graphs, {report.expected_in_store:,} were sent")
    return report


def _usable_update_endpoint(client: _Client, store_url: str, update_url: str | None,
                            needed: bool) -> str | None:
    """The update endpoint, if the store takes SPARQL Update there: tried with an update
    that changes nothing (dropping a graph that does not exist)."""
    if not needed or update_url == "":
        return None
    url = update_url or update_endpoint_for(store_url)
    if url is None:
        return None
    try:
        client.sparql(url, {"update": f"DROP SILENT GRAPH <urn:uuid:{uuid.uuid4()}>"})
    except PushError as err:
        status = err.status
        if update_url or not (status is not None and 400 <= status < 500 or status == 501):
            raise  # asked for by name, or the store is down, failing or elsewhere: say so
        return None  # refused (4xx, 501): the store takes no SPARQL Update there
    return url


def _send_chunks(client: _Client, store_url: str, name: str, lines: list[str], chunk: int,
                 report: PushReport, progress, sent: list[int]) -> None:
    url = _graph_url(store_url, name)
    headers = {"Content-Type": "application/n-triples"}
    for start in range(0, max(len(lines), 1), chunk):
        part = lines[start:start + chunk]
        # The first request replaces the graph; the others add to it.
        client.request("PUT" if start == 0 else "POST", url, "".join(part).encode("utf-8"),
                       headers)
        report.requests += 1
        report.triples_sent += len(part)
        sent[0] += len(part)
        if progress:
            progress(len(part))


def _push_through_temporary_graphs(client: _Client, store_url: str, report: PushReport,
                                   lines: dict[str, list[str]], to_send: list[str],
                                   removed: list[str], chunk: int, progress) -> None:
    temporary = {name: f"urn:uuid:{uuid.uuid4()}" for name in to_send if lines[name]}
    # One request, so one transaction: every graph replaced, or none.
    operations = [f"MOVE GRAPH <{temporary[name]}> TO {_target(name)}" if name in temporary
                  else f"DROP SILENT {'GRAPH <%s>' % name if name else 'DEFAULT'}"
                  for name in to_send]
    operations += [f"DROP SILENT GRAPH <{name}>" for name in removed]
    try:
        for name, tmp in temporary.items():
            _send_chunks(client, store_url, tmp, lines[name], chunk, report, progress, [0])
        # (sent once: a store that applied it and lost its answer would refuse it again)
        client.sparql(report.update_url, {"update": " ;\n".join(operations)}, retries=0)
        report.requests += 1
    except PushError as err:
        status = err.status
        if report.triples_sent == sum(len(lines[n]) for n in temporary) and \
                (status is None or status >= 500):  # the update went out, unanswered
            kept = ", ".join(f"<{g}>" for g in temporary.values())
            raise PushError(f"{err.message} — the store did not say whether it replaced the "
                            f"graphs: it holds its previous graphs (and the temporary "
                            f"{kept}) or the new ones; push again") from None
        left = _drop_graphs(client, report.update_url, list(temporary.values()))
        what = (f"; the temporary graph{'s' if len(left) > 1 else ''} "
                f"{', '.join(f'<{g}>' for g in left)} could not be removed" if left else "")
        raise PushError(f"{err.message} — nothing was replaced: the store still holds its "
                        f"previous graphs{what}") from None
    report.graphs_sent = to_send


def _drop_graphs(client: _Client, update_url: str, graphs: list[str]) -> list[str]:
    """Drop graphs; the ones that could not be dropped."""
    if not graphs:
        return []
    try:
        client.sparql(update_url, {"update": " ;\n".join(f"DROP SILENT GRAPH <{g}>"
                                                        for g in graphs)})
        return []
    except PushError:
        return graphs


def _push_directly(client: _Client, store_url: str, report: PushReport,
                   lines: dict[str, list[str]], to_send: list[str], removed: list[str],
                   chunk: int, progress) -> None:
    for index, name in enumerate(to_send):
        sent = [0]
        try:
            _send_chunks(client, store_url, name, lines[name], chunk, report, progress, sent)
        except PushError as err:
            total = len(lines[name])
            held = (f"{_shown(name)} now holds the first {sent[0]:,} of its {total:,} triples"
                    if sent[0] else f"{_shown(name)} was not replaced")
            done = (f"; {index} of {len(to_send)} graphs were replaced before it"
                    if len(to_send) > 1 else "")
            raise PushError(f"{err.message} — the store takes no SPARQL Update, so the graph "
                            f"went in directly: {held}{done}; push again") from None
        report.graphs_sent.append(name)
    for name in removed:
        try:
            client.request("DELETE", _graph_url(store_url, name))
        except PushError as err:
            if "HTTP 404" not in str(err):
                raise
        report.requests += 1
