"""Command line: a thin layer over the Python API (kg.build, kg.open_graph, Graph).

Every command catches kg's own errors (KgError) and nothing else: those are
printed as one line (the file and line where known) with exit status 1;
anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import math
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import click

from . import vocab as V
from .errors import InputError, KgError, NothingToBuild

MAX_SHOWN_DIAGNOSTICS = 30


def _kg_errors(command):
    """Show a KgError as click shows its own errors: `Error: ...` and exit 1."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as err:
            raise click.ClickException(str(err)) from None
    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Turn horizon-scanning article summaries into a knowledge graph.

    `kg COMMAND -h` shows a command's options and an example. Shell completion (bash,
    zsh, fish): eval "$(_KG_COMPLETE=bash_source kg)" in ~/.bashrc (zsh_source,
    fish_source for the others)."""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--outdir", default="output", show_default=True, type=click.Path(),
              help="Folder for graph.ttl, graph.html and diagnostics.txt.")
@click.option("--base", default=V.DEFAULT_BASE, show_default=True,
              help="Base IRI of the graph's nodes.")
@click.option("--html/--no-html", default=True, show_default=True,
              help="Also write the graph.html explorer.")
@click.option("--strict", is_flag=True, help="Exit with status 1 if there is any warning.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse unchanged articles from the previous build in OUTDIR "
                   "(--no-cache rebuilds everything).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Worker processes (default: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors; no progress bar.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False),
              help="CSV of same,NAME,NAME / never,NAME,NAME decisions (see `kg resolve`).")
@click.option("--related/--no-related", default=True, show_default=True,
              help="Link related entities of different articles and group them into "
                   "trends.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Least score of a related link (default 0.5; higher: fewer, surer links; "
                   "a link to a theme needs 0.6 at least).")
@click.option("--encoder", default=None, metavar="SPEC",
              help="Text encoder for related links: static (shipped, default) or "
                   "sentence-transformers:/path/to/local/model.")
@click.option("--related-weights", type=click.Path(exists=True, dir_okay=False),
              help="Weights of the related-links model fitted by bench/related_train.py "
                   "(for another encoder).")
@click.option("--related-max-texts", type=click.IntRange(2), default=None,
              help="Most entity texts linked in one build (default 300,000, about 7,500 "
                   "articles; about 2 KB of memory each); beyond, the most recent articles "
                   "are linked and the build says so.")
@click.option("--license", "license_iri", metavar="IRI",
              help="Licence of the graph, stated in its dataset description "
                   "(e.g. https://creativecommons.org/licenses/by/4.0/).")
@_kg_errors
def build(sources, outdir, base, html, strict, cache, jobs, quiet, aliases, related,
          min_score, encoder, related_weights, related_max_texts, license_iri) -> None:
    """Build the graph of every Markdown summary (*.md, *.markdown) under SOURCES
    (files or folders)."""
    import dataclasses

    from .files import atomic_write
    from .pipeline import build as run_build
    from .related import Settings

    settings = dataclasses.replace(
        Settings(), enabled=related, encoder=encoder, weights=related_weights,
        **({"min_score": min_score} if min_score is not None else {}),
        **({"max_mentions": related_max_texts} if related_max_texts is not None else {}))
    try:
        report = run_build(sources, outdir, base=base, html=html, use_cache=cache,
                           workers=jobs, progress=not quiet and sys.stderr.isatty(),
                           aliases=aliases, related=settings, license=license_iri).report
    except NothingToBuild as err:  # say why each file was not a summary, then the error
        for diagnostic in err.diagnostics[:MAX_SHOWN_DIAGNOSTICS]:
            click.echo(str(diagnostic), err=True)
        raise
    diagnostics = report.diagnostics
    with atomic_write(Path(outdir) / "diagnostics.txt") as handle:
        handle.writelines(f"{d}\n" for d in diagnostics)
    errors = [d for d in diagnostics if d.level == "error"]
    warnings = [d for d in diagnostics if d.level == "warning"]
    shown = errors + warnings if not quiet else errors
    for diagnostic in shown[:MAX_SHOWN_DIAGNOSTICS]:
        click.echo(str(diagnostic), err=True)
    if len(shown) > MAX_SHOWN_DIAGNOSTICS:
        click.echo(f"... and {len(shown) - MAX_SHOWN_DIAGNOSTICS} more in "
                   f"{Path(outdir) / 'diagnostics.txt'}", err=True)
    if not quiet:
        read = len({stem.split(".", 1)[0] for stem in report.documents})
        click.echo(f"documents read: {len(report.documents)} of {len(report.files)} files, "
                   f"{read} article{'s' if read != 1 else ''}"
                   + (f" ({report.reused} unchanged since the last build)"
                      if report.reused else ""))
        click.echo("nodes by type:")
        for name, count in report.counts.items():
            note = ""
            if name == "Article" and count > read:
                note = f"  ({read} read, {count - read} known only from Closest links)"
            elif name == "Mention":
                note = "  (the mentions of every kind, together)"
            click.echo(f"  {name:<20} {count:>8}{note}")
        click.echo(f"triples: {report.triple_count}")
        click.echo(f"warnings: {len(warnings)}  errors: {len(errors)}")
        for path in report.outputs.values():
            click.echo(f"wrote {path}")
    if strict and (warnings or errors):
        if quiet:  # the warnings were not shown: say how many there are
            click.echo(f"{len(errors)} error{'' if len(errors) == 1 else 's'}, {len(warnings)} "
                       f"warning{'' if len(warnings) == 1 else 's'} (--strict): see "
                       f"{Path(outdir) / 'diagnostics.txt'}", err=True)
        sys.exit(1)


def _seconds(_ctx, _param, value: float) -> float:
    if not math.isfinite(value) or value > 1e7:
        raise click.BadParameter(f"{value!r} is not a number of seconds (0 for no limit)")
    return value


def _list_queries(ctx: click.Context, _param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import textwrap

    from .query import saved_queries

    width = min(shutil.get_terminal_size((100, 24)).columns, 100)

    def wrapped(text: str, indent: str) -> str:
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    for name, saved in saved_queries().items():
        click.echo(f"{name}: {saved.title}")
        if saved.description:
            click.echo(wrapped(saved.description, "    "))
        for param, description in saved.params.items():
            if param in saved.defaults:
                default = saved.defaults[param].replace("\\", "\\\\").replace('"', '\\"')
                need = f'default "{default}"'
            else:
                need = "required"
            click.echo(wrapped(f"-p {param}=VALUE  ({need}) {description}", "    "))
    ctx.exit()


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a .rq file (- for stdin).")
@click.option("-n", "--name", help="Run a saved query (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Value of a saved query's parameter.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              help="SELECT/ASK: table (default), csv, tsv, json, xml; CONSTRUCT/DESCRIBE: ttl "
                   "(default), nt, jsonld.")
@click.option("--max-width", default=60, show_default=True,
              help="Longest cell shown in table format.")
@click.option("--timeout", default=300.0, show_default=True,
              type=click.FloatRange(min=0), callback=_seconds,
              help="Seconds the query may run before it is stopped (0: no limit).")
@click.option("--list", "list_queries", is_flag=True, is_eager=True, expose_value=False,
              callback=_list_queries, help="List the saved queries, their parameters, and exit.")
@_kg_errors
def query(graph, sparql, query_file, name, params, fmt, max_width, timeout) -> None:
    """Run a SPARQL query over GRAPH (a graph.ttl written by `kg build`).

    The query is SPARQL, a file (--file), a saved query (--name, or its name alone
    in place of SPARQL) or, for SPARQL `-`, standard input. kg:, rdfs:, skos:,
    dcterms:, schema:, prov: and the graph's own prefixes need no PREFIX lines."""
    import pyoxigraph as ox

    from . import formats
    from .errors import QueryError, for_terminal
    from .graph import open_graph
    from .query import as_table, format_results, format_table, saved_query

    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file or --name")
    if sparql and re.fullmatch(r"\w[\w-]*", sparql.strip()):  # a word is no SPARQL: a name
        name, sparql = sparql.strip(), None
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        values[key] = value
    if name:
        sparql = saved_query(name).bind(values)
    elif values:
        raise click.UsageError("--param only applies to saved queries (--name)")
    elif query_file:
        sparql = query_file.read()
    elif sparql == "-":
        sparql = sys.stdin.read()
    opened = open_graph(graph)
    with _time_limit(timeout):
        results = opened.results(sparql)
        triples = isinstance(results, ox.QueryTriples)
        chosen = fmt or ("ttl" if triples else "table")
        if chosen == "table" and triples:
            raise QueryError("a CONSTRUCT or DESCRIBE result is triples: give --format ttl, "
                             "nt or jsonld, not table")
        with _evaluating():
            if chosen == "table":
                table = as_table(results)
            else:
                found = formats.find(chosen, "graph" if chosen in ("ttl", "nt", "jsonld")
                                     else "results")
                written = format_results(results, found, opened.prefixes)
    if chosen == "table":
        click.echo(format_table(table, max_width=max_width, prefixes=opened.prefixes))
        return
    click.echo(for_terminal(written.decode("utf-8", "replace")) if sys.stdout.isatty()
               else written, nl=False)


def _append_rows(path: Path, rows: list[list[str]]) -> None:
    """Add CSV rows to the file (atomically: the file with its rows added replaces it, a
    failed write leaves it as it was; through a symbolic link, into the file it names,
    keeping its mode and line ends; a last row without its line end is ended first).
    A name a spreadsheet would run as a formula is written as text (kg.export's
    spreadsheet_text; AliasTable.read reads it back)."""
    import csv
    import io

    from .export import spreadsheet_text
    from .files import atomic_write

    target = path.resolve()
    try:
        kept = target.read_bytes() if target.exists() else b""
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        end = "\r\n" if b"\r\n" in kept else "\n"
        text = io.StringIO()
        csv.writer(text, lineterminator=end).writerows(
            [[spreadsheet_text(cell) for cell in row] for row in rows])
        with atomic_write(target, "wb") as handle:
            handle.write(kept + (end.encode() if kept and not kept.endswith(b"\n") else b"")
                         + text.getvalue().encode("utf-8"))
        if mode is not None:
            os.chmod(target, mode)
    except OSError as err:
        raise InputError(f"cannot write: {err.strerror or err}", path=path) from None


@contextlib.contextmanager
def _evaluating():
    """Results are computed as they are read: what fails then (a SERVICE the query calls
    that cannot be reached, a timeout) is a QueryError, not a traceback."""
    from .errors import QueryError

    try:
        yield
    except (OSError, RuntimeError) as err:  # (what pyoxigraph raises as it evaluates)
        raise QueryError(f"query failed: {err}") from None


@contextlib.contextmanager
def _time_limit(seconds: float):
    """End the program with an error when the block runs longer than `seconds` (0: no
    limit). No exception stops the engine mid-query, but it lets other threads run, so
    this one can end the process: only while the block runs (after it, what the block
    made is written whole). Ends a program that runs `main` in-process too."""
    from .errors import QueryError

    if not seconds:
        yield
        return
    lock, state = threading.Lock(), {"running": True}

    def stop() -> None:
        time.sleep(seconds)
        with lock:
            if state["running"]:
                click.ClickException(f"the query ran longer than the limit of {seconds:g} s "
                                     "and was stopped (--timeout 0: no limit)").show()
                os._exit(QueryError.exit_code)

    threading.Thread(target=stop, daemon=True).start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False


def _date(_ctx, _param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default=None, type=click.Path(),
              help="HTML file to write, - for stdout (default: next to GRAPH, .html).")
@click.option("--focus", metavar="[TYPE:]LABEL",
              help="Open on what is near the node with this label (of this type, if given; "
                   "else the most linked one).")
@click.option("--depth", type=click.IntRange(1, 4), default=None,
              help="Steps from the --focus node, 1 to 4 as on the page (default 1).")
@click.option("--types", metavar="TYPE,...",
              help="Only these node types, any case (e.g. technology,concern); articles "
                   "stay as links.")
@click.option("--min-degree", type=click.IntRange(0), default=0, show_default=True,
              help="Only nodes with this many links.")
@click.option("--since", callback=_date, metavar="DATE", help="Only articles from this page date.")
@click.option("--until", callback=_date, metavar="DATE", help="Only articles up to this page date.")
@click.option("--max-nodes", type=click.IntRange(1), default=600, show_default=True,
              help="Show at most this many of the best-connected nodes.")
@click.option("--title", help="The page's title (default: the folders the articles came from).")
@click.option("--radar", is_flag=True, help="Open the page on the radar of signals and technologies.")
@click.option("--screenshot", is_flag=True,
              help="Also write a PNG of the page next to it (needs Chromium).")
@_kg_errors
def view(graph, output, focus, depth, types, min_degree, since, until, max_nodes, title, radar,
         screenshot) -> None:
    """Write the interactive explorer page of GRAPH (a Turtle file from `kg build`)."""
    from . import view as explorer
    from .files import STDOUT
    from .graph import open_graph

    if depth is not None and focus is None:
        raise click.UsageError("--depth applies to a --focus node; give --focus LABEL")
    to_stdout = output == STDOUT
    if screenshot and to_stdout:
        raise click.UsageError("--screenshot needs the page in a file: give -o FILE.html")
    output = STDOUT if to_stdout else Path(output or Path(graph).with_suffix(".html"))
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    shown = explorer.write_html(open_graph(graph).to_networkx(), output, max_nodes=max_nodes,
                                title=title, focus=focus, depth=1 if depth is None else depth,
                                types=type_list, min_degree=min_degree, since=since,
                                until=until, radar=radar)
    if not to_stdout:
        click.echo(f"wrote {output} ({shown} nodes)", err=True)
    if screenshot:
        try:
            png = explorer.screenshot(output, output.with_suffix(".png"))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            raise click.ClickException(f"no screenshot: {err}") from None
        click.echo(f"wrote {png}", err=True)


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: only this machine can ask).")
@click.option("--port", default=8484, show_default=True)
@click.option("--base", metavar="IRI",
              help="IRI base of the nodes served under /id/ (default: the graph's own); "
                   "a public base (e.g. a w3id redirect) that points at this server.")
@click.option("--timeout", default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--quick-timeout", default=2.0, show_default=True,
              help="Seconds a query may run on the quick lane, the worker kept for queries "
                   "that arrive while every other worker is busy.")
@click.option("--max-result-mb", default=100.0, show_default=True,
              help="Largest result to send, in MB; larger ones are refused (413).")
@click.option("--max-memory-mb", default=1000, show_default=True, type=click.IntRange(64),
              help="Memory of each query worker, in MB; a query needing more is stopped (503).")
@click.option("--workers", type=click.IntRange(1), default=3, show_default=True,
              help="Queries answered at once (plus one on the quick lane).")
@click.option("--allow-service", "allow_services", multiple=True, metavar="URL",
              help="A SPARQL endpoint SERVICE may call (repeatable); by default the server "
                   "makes no request to any other server.")
@click.option("--cors", multiple=True, metavar="ORIGIN",
              help="A web origin whose pages may read answers, e.g. https://yasgui.example "
                   "(repeatable; * for any); by default no other site's page may.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A name clients reach the server by, besides the machine's own "
                   "(repeatable; with a --host other than loopback, e.g. kg.example.org); "
                   "a request naming another host is refused.")
@click.option("--max-connections", type=click.IntRange(1), default=200, show_default=True,
              help="Open connections at most; more wait in the listen backlog.")
@click.option("--idle-timeout", default=30.0, show_default=True,
              help="Seconds an idle connection is kept open.")
@click.option("--request-timeout", default=10.0, show_default=True,
              help="Seconds a request's line, headers and body have to arrive.")
@click.option("--cache-mb", default=64.0, show_default=True,
              help="Memory for answers kept for repeated queries (0: none).")
@_kg_errors
def serve(graph, host, port, base, timeout, quick_timeout, max_result_mb, max_memory_mb,
          workers, allow_services, cors, allow_hosts, max_connections, idle_timeout,
          request_timeout, cache_mb) -> None:
    """Serve GRAPH read-only: SPARQL 1.1 Protocol at /sparql, Linked Data at /id/, the
    explorer at /.

    \b
    Example:
      kg serve output/graph.ttl --port 8484
      curl -H 'Accept: text/turtle' http://127.0.0.1:8484/id/technology/digital_twin
    """
    from .serve import make_server

    if base is not None:
        _check_base(base)
    try:
        server = make_server(graph, host, port, timeout=timeout, quick_timeout=quick_timeout,
                             workers=workers, max_bytes=int(max_result_mb * 1e6),
                             memory_mb=max_memory_mb, base=base, allow_services=allow_services,
                             cors=cors, allow_hosts=allow_hosts,
                             max_connections=max_connections, idle_timeout=idle_timeout,
                             request_timeout=request_timeout, cache_mb=cache_mb)
    except OSError as err:
        raise KgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    if not server.app.settings.allowed_hosts:  # (only a loopback address has them)
        click.echo(f"warning: listening on {host}: other machines can query this graph", err=True)
    if not allow_services and not server.pool.network_isolated:
        click.echo("warning: this system does not let the query workers run without a "
                   "network (no unprivileged network namespace, no seccomp through "
                   "libseccomp); SERVICE and other fetches "
                   "are refused by kg's query check alone", err=True)
    url = server.app.settings.endpoint
    click.echo(f"SPARQL endpoint: {url} (Linked Data at {url.removesuffix('sparql')}id/..., "
               "explorer at /; Ctrl-C stops)", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _check_base(base: str) -> None:
    import pyoxigraph as ox

    try:
        ox.NamedNode(base)
    except ValueError as err:
        raise InputError(f"--base {base!r} is not an absolute IRI: {err}") from None


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--store", "store_url", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Named graph to replace (default: the default graph).")
@click.option("--per-article-graphs", is_flag=True,
              help="One named graph per article (+ one shared); re-pushes send only changes "
                   "and what the store lacks.")
@click.option("--force", is_flag=True,
              help="With --per-article-graphs: send every graph, whatever was sent before.")
@click.option("--sparql", "sparql_url", metavar="URL",
              help="The store's SPARQL query endpoint, to verify the count (default: guessed "
                   "from --store).")
@click.option("--update", "update_url", metavar="URL",
              help="The store's SPARQL Update endpoint, to replace graphs in one transaction "
                   "(default: guessed from --store; '' for none).")
@click.option("--chunk", type=click.IntRange(1), default=50_000, show_default=True,
              help="Triples per request.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_kg_errors
def push(graph, store_url, graph_iri, per_article_graphs, force, sparql_url, update_url, chunk,
         quiet) -> None:
    """Upload GRAPH into a triple store (SPARQL 1.1 Graph Store HTTP Protocol) and verify it.

    Where the store takes SPARQL Update the new graph goes into a temporary graph and
    then replaces the old one in one step, so a failed push leaves the old graph."""
    from .graph import open_graph
    from .progress import progress_bar
    from .push import push as push_graph, shown_url

    if graph_iri and per_article_graphs:
        raise click.UsageError("--graph and --per-article-graphs exclude each other")
    if force and not per_article_graphs:
        raise click.UsageError("--force applies to --per-article-graphs (a plain push always "
                               "sends everything)")
    bar = progress_bar(None, enabled=not quiet and sys.stderr.isatty(), unit="triple")
    try:
        report = push_graph(open_graph(graph), store_url, graph=graph_iri,
                            per_article=per_article_graphs, sparql_url=sparql_url,
                            update_url=update_url, chunk=chunk, progress=bar.update, force=force)
    finally:
        bar.close()
    for note in report.notes:
        click.echo(f"kg push: warning: {note}", err=True)
    restored = f"  restored: {len(report.graphs_restored)}" if report.graphs_restored else ""
    click.echo(f"graphs sent: {len(report.graphs_sent)}  unchanged: {report.graphs_unchanged}  "
               f"deleted: {len(report.graphs_deleted)}{restored}")
    click.echo(f"triples sent: {report.triples_sent} in {report.requests} requests")
    click.echo(f"triples in the store's pushed graphs: {report.triples_in_store} "
               f"(expected {report.expected_in_store}) ok")
    if report.graphs_sent or report.graphs_deleted:
        click.echo(f"replaced in one transaction through {shown_url(report.update_url)}"
                   if report.atomic
                   else "replaced graph by graph (the store takes no SPARQL Update: give "
                        "--update URL if it has an endpoint for it)")


@main.command("export")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", metavar="FORMAT",
              help="ttl, nt, nq, trig, jsonld, rdfxml, graphml, gexf or csv (default: from the "
                   "extension of -o).")
@click.option("-o", "--output", type=click.Path(),
              help="File to write, - for stdout (default: stdout); for csv a folder (or "
                   "FOLDER/nodes.csv) that gets nodes.csv and edges.csv.")
@_kg_errors
def export_command(graph, fmt, output) -> None:
    """Write GRAPH as another RDF format (nq/trig: a named graph per article), as
    GraphML/GEXF for Gephi and Cytoscape, or as nodes.csv and edges.csv."""
    from .files import STDOUT, atomic_write
    from .formats import export_format
    from .graph import open_graph

    chosen = export_format(fmt, output)
    opened = open_graph(graph)
    opened.triples  # noqa: B018 - read (and fail on a bad file) before writing anything
    if chosen.files:
        folder = _files_folder(chosen, output)
        written = opened.export(folder, chosen)
        click.echo(f"wrote {' and '.join(str(folder / n) for n in chosen.files)} ({written})",
                   err=True)
        return
    with atomic_write(output or STDOUT, "wb") as handle:
        written = opened.export(handle, chosen)
    if output and output != STDOUT:
        click.echo(f"wrote {output} ({written})", err=True)


def _files_folder(chosen, output: str | None) -> Path:
    """The folder a format of several files goes to: -o FOLDER, or -o FOLDER/one-of-them."""
    usage = (f"{chosen.name} writes {' and '.join(chosen.files)}: give -o FOLDER (or "
             f"-o FOLDER/{chosen.files[0]})")
    if not output or output == "-":
        raise InputError(usage)
    path = Path(output)
    if path.name in chosen.files:
        return path.parent
    if path.suffix.lstrip(".").lower() in chosen.extensions or path.is_file():
        raise InputError(usage)
    return path


def _emergence_options(command):
    """The emergence map's thresholds and windows (kg.analytics.Thresholds)."""
    from .analytics import Thresholds

    defaults = Thresholds()
    for option in reversed([
        click.option("--frequent", type=click.FloatRange(0, 1), default=defaults.frequent,
                     show_default=True, help="Emergence map: visibility (time-weighted share "
                     "of a window's articles) from which an item is frequent."),
        click.option("--growing", type=float, default=defaults.growing, show_default=True,
                     help="Emergence map: growth per window from which an item is growing "
                     "(0.1 = +10%)."),
        click.option("--time-weight", type=click.FloatRange(0, 1),
                     default=defaults.time_weight, show_default=True,
                     help="Emergence map: how much less each older window weighs."),
        click.option("--min-articles", type=click.IntRange(1), default=defaults.min_articles,
                     show_default=True, help="Emergence map: least dated articles for an item."),
        click.option("--window", type=click.Choice(["auto", "month", "quarter"]),
                     default="auto", show_default=True,
                     help="Time windows of page dates (auto: months when they hold enough "
                     "articles, else quarters)."),
    ]):
        command = option(command)
    return command


def _thresholds(frequent, growing, time_weight, min_articles):
    from .analytics import Thresholds

    return Thresholds(frequent, growing, time_weight, min_articles)


def _report_format(output: str | None, fmt: str | None, known: tuple[str, ...]) -> str:
    """The format asked for by --format, else by -o's extension, else Markdown."""
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    suffix = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
    if suffix and suffix not in known:
        raise click.BadParameter(f"cannot tell the format from {output!r}: use "
                                 f"{', '.join('.' + k for k in known)} or --format",
                                 param_hint="-o")
    return suffix or "md"


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="report.html (with charts) or report.md, - for stdout (default: Markdown "
                   "on stdout).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]),
              help="Output format (default: from the extension of -o, else md).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="Rows in every table.")
@click.option("--title", help="The report's title (default: names the folders the graph was "
                              "built from).")
@_emergence_options
@_kg_errors
def stats(graph, output, fmt, top, title, frequent, growing, time_weight, min_articles,
          window) -> None:
    """Analytics of GRAPH: what recurs and what emerges (emergence map of keywords, themes
    and trends), drivers, the category x relevancy radar."""
    from .files import STDOUT, atomic_write
    from .graph import open_graph
    from .report import explorer_href, to_html, to_markdown

    chosen = _report_format(output, fmt, ("md", "html"))
    report = open_graph(graph).stats(
        top=top, thresholds=_thresholds(frequent, growing, time_weight, min_articles),
        size=window)
    to_file = output and output != STDOUT
    page = Path(graph).with_suffix(".html")
    explorer = explorer_href(output, page) if to_file and page.exists() else None
    if chosen == "html":
        text = to_html(report, explorer, title)
    else:
        text = to_markdown(report, explorer, title)
    with atomic_write(output or STDOUT) as handle:
        handle.write(text)
    if to_file:
        click.echo(f"wrote {output}", err=True)


@main.command("diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="diff.html, diff.md, diff.json or diff.ttl (default: Markdown on stdout).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json", "ttl"]),
              help="Output format (default: from the extension of -o, else md); ttl: the "
                   "changes as RDF (kg:ScanDiff, kg:ScanChange) for a triple store.")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="Rows in every table (md, html).")
@click.option("--window", type=click.Choice(["auto", "month", "quarter"]), default="auto",
              show_default=True, help="Time windows of page dates for what grew or faded.")
@_kg_errors
def diff_command(old, new, output, fmt, top, window) -> None:
    """What changed from the OLD scan's graph to the NEW one: articles added and removed,
    new entities and trends, keywords, themes and trends that grew or faded, new related
    links, changed relevancies."""
    from .diff import read_and_compare, to_json, to_turtle
    from .files import STDOUT, atomic_write
    from .report import diff_html, diff_markdown, explorer_href

    chosen = _report_format(output, fmt, ("md", "html", "json", "ttl"))
    found = read_and_compare(old, new, size=window)
    to_file = output and output != STDOUT
    page = Path(new).with_suffix(".html")
    explorer = explorer_href(output, page) if to_file and page.exists() else None
    text = {"md": lambda: diff_markdown(found, top, explorer),
            "html": lambda: diff_html(found, top, explorer),
            "json": lambda: to_json(found), "ttl": lambda: to_turtle(found)}[chosen]()
    with atomic_write(output or STDOUT) as handle:
        handle.write(text)
    if to_file:
        counts = ", ".join(f"{name} {n}" for name, n in found.counts().items() if n)
        click.echo(f"wrote {output} ({counts or 'no changes'})", err=True)


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--threshold", default=90.0, show_default=True,
              help="Least rapidfuzz ratio for a spelling candidate.")
@click.option("--accept", "accept_file", type=click.Path(dir_okay=False),
              help="Append the candidates with strong evidence (the same letters spaced "
                   "differently) to this aliases file, each pair once; the rest are for "
                   "you to judge.")
@_kg_errors
def resolve(graph, threshold, accept_file) -> None:
    """Show the merges the build made (entities with several names) and the candidate
    pairs it did not make, with scores, for review into an aliases file."""
    from .errors import clean_text
    from .graph import open_graph
    from .model import Diagnostic
    from .rdf import key_of_iri
    from .resolve import AliasTable, accepted_candidates, candidates, name_key

    opened = open_graph(graph)
    for iri, names in opened.merged_entities():
        click.echo(clean_text(f"merged  {iri}: " + " | ".join(names)))
    # What the build made one node, or nodes of one key in several types (linked by
    # skos:exactMatch; the key ends their IRIs), is proposed no more. (A node an aliases
    # file keeps apart, "=" and its name, is compared by its names' keys, as before.)
    joined = {}
    for iri, name in opened.entity_nodes():
        key = key_of_iri(iri)
        if not key.startswith("="):
            joined[name_key(name)] = key
    names = opened.entity_names()
    for c in candidates(names, threshold, joined):
        click.echo(f"candidate {c.score:5.1f} {c.reason:<8} {c.first_type}: {c.first!r}  ~  "
                   f"{c.second_type}: {c.second!r}")
    if not accept_file:
        return
    # Pairs the file already joins (or keeps apart) are not written again.
    existing = AliasTable.read(accept_file) if Path(accept_file).exists() else AliasTable()
    for line, problem in existing.problems:  # (kept in the file; the build warns too)
        click.echo(str(Diagnostic("warning", str(accept_file), line, problem)), err=True)
    written: set[frozenset[str]] = set()
    chosen = []
    for c in accepted_candidates(names, joined):
        first, second = existing.canonical(name_key(c.first)), existing.canonical(name_key(c.second))
        pair = frozenset((first, second))
        if first == second or pair in written or existing.kept_apart(c.first) \
                or existing.kept_apart(c.second) or \
                any(end in c.first + c.second for end in "\r\n"):  # (no line holds it)
            continue
        written.add(pair)
        chosen.append(c)
    # (a new file gets a comment line, so that the build the message advises reads one)
    header = [] if Path(accept_file).exists() else [[_ALIASES_HEADER]]
    if chosen or header:
        _append_rows(Path(accept_file), header + [["same", c.first, c.second] for c in chosen])
    for c in chosen:
        click.echo(clean_text(f"appended  same,{c.first},{c.second}"))
    click.echo(f"appended {len(chosen)} pair{'' if len(chosen) == 1 else 's'} to {accept_file}; "
               f"build with --aliases {accept_file}")


_ALIASES_HEADER = ("# kg aliases: rows of same or never and two names (kg resolve --accept "
                   "appends the strong pairs; add the ones you judge)")


@main.command()
@click.option("--shapes", is_flag=True, help="The SHACL shapes (ontology/shapes.ttl) instead.")
@click.option("--context", "context_", is_flag=True,
              help="The JSON-LD context (ontology/context.jsonld) instead.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="File to write, - for stdout (default: stdout).")
@_kg_errors
def ontology(shapes, context_, output) -> None:
    """Print or write kg's OWL ontology (ontology/kg.ttl), shipped with kg."""
    from importlib import resources

    from .files import STDOUT, atomic_write

    if shapes and context_:
        raise click.UsageError("--shapes and --context exclude each other")
    name = "shapes.ttl" if shapes else "context.jsonld" if context_ else "kg.ttl"
    data = resources.files("kg").joinpath("ontology", name).read_bytes()
    with atomic_write(output or STDOUT, "wb") as handle:
        handle.write(data)
    if output and output != STDOUT:
        click.echo(f"wrote {output}", err=True)


# One example per command, shown at the end of its --help (tests check every command
# has one, so a new command cannot come without).
EXAMPLES = {
    "build": ["kg build examples -o output",
              "kg build ~/summaries -o output --aliases aliases.csv -q",
              "kg build ~/summaries -o output --min-score 0.7"],
    "query": ["kg query output/graph.ttl 'SELECT ?t WHERE { ?t a kg:Technology } LIMIT 5'",
              "kg query output/graph.ttl -n articles-mentioning -p label='digital twins'",
              "kg query output/graph.ttl - --format csv < question.rq"],
    "view": ["kg view output/graph.ttl --focus 'generative AI' --depth 2 -o genai.html"],
    "serve": ["kg serve output/graph.ttl --port 7879"],
    "push": ["kg push output/graph.ttl --store http://localhost:7878/store",
             "kg push output/graph.ttl --store http://localhost:3030/kg/data --per-article-graphs"],
    "export": ["kg export output/graph.ttl -o graph.nt",
               "kg export output/graph.ttl --format csv -o gephi/"],
    "stats": ["kg stats output/graph.ttl -o output/report.html",
              "kg stats output/graph.ttl --top 20 --window quarter --growing 0.25"],
    "diff": ["kg diff last-month/graph.ttl output/graph.ttl -o output/diff.html",
             "kg diff last-month/graph.ttl output/graph.ttl --format ttl -o changes.ttl"],
    "resolve": ["kg resolve output/graph.ttl --accept aliases.csv"],
    "ontology": ["kg ontology --shapes -o shapes.ttl"],
}
for _name, _lines in EXAMPLES.items():
    main.commands[_name].epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in _lines)


if __name__ == "__main__":  # pragma: no cover
    main()
