"""Command line: a thin layer over the Python API (kg.build, kg.open_graph, Graph).

Every command catches kg's own errors (KgError) and nothing else: those are
printed as one line (the file and line where known) with exit status 1;
anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import sys
from pathlib import Path

import click

from . import vocab as V
from .errors import InputError, KgError

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


@click.group()
@click.version_option(package_name="kg")
def main() -> None:
    """Turn horizon-scanning article summaries into a knowledge graph."""


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
@_kg_errors
def build(sources, outdir, base, html, strict, cache, jobs, quiet, aliases) -> None:
    """Build the graph of every *.md summary under SOURCES (files or folders)."""
    from .files import atomic_write
    from .pipeline import build as run_build

    report = run_build(sources, outdir, base=base, html=html, use_cache=cache, workers=jobs,
                       progress=not quiet and sys.stderr.isatty(), aliases=aliases).report
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
        click.echo(f"documents read: {len(report.documents)} of {len(report.files)} files"
                   + (f" ({report.reused} articles unchanged since the last build)"
                      if report.reused else ""))
        click.echo("nodes by type:")
        for name, count in report.counts.items():
            click.echo(f"  {name:<20} {count:>8}")
        click.echo(f"triples: {report.triple_count}")
        click.echo(f"warnings: {len(warnings)}  errors: {len(errors)}")
        for path in report.outputs.values():
            click.echo(f"wrote {path}")
    if strict and (warnings or errors):
        sys.exit(1)


def _list_queries(ctx: click.Context, _param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .query import saved_queries

    for name, saved in saved_queries().items():
        click.echo(f"{name:<30} {saved.title}")
        for param, description in saved.params.items():
            click.echo(f"{'':<30}   --param {param}=...  ({description})")
    ctx.exit()


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a .rq file.")
@click.option("-n", "--name", help="Run a saved query (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Value of a saved query's parameter.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml"]))
@click.option("--max-width", default=60, show_default=True,
              help="Longest cell shown in table format.")
@click.option("--list", "list_queries", is_flag=True, is_eager=True, expose_value=False,
              callback=_list_queries, help="List the saved queries and exit.")
@_kg_errors
def query(graph, sparql, query_file, name, params, fmt, max_width) -> None:
    """Run a SPARQL query over GRAPH (a graph.ttl written by `kg build`)."""
    from . import formats
    from .graph import open_graph
    from .query import as_table, format_results, format_table, saved_query

    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file or --name")
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
    opened = open_graph(graph)
    results = opened.results(sparql)
    if fmt == "table":
        click.echo(format_table(as_table(results), max_width=max_width,
                                prefixes=opened.prefixes))
    else:
        click.echo(format_results(results, formats.find(fmt, "results")), nl=False)


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
              help="HTML file to write (default: next to GRAPH, .html).")
@click.option("--focus", metavar="[TYPE:]LABEL",
              help="Open on what is near the node with this label (of this type, if given; "
                   "else the most linked one).")
@click.option("--depth", type=click.IntRange(0), default=None,
              help="Steps from the --focus node (default 1).")
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
    from .graph import open_graph

    if depth is not None and focus is None:
        raise click.UsageError("--depth applies to a --focus node; give --focus LABEL")
    output = Path(output or Path(graph).with_suffix(".html"))
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    shown = explorer.write_html(open_graph(graph).to_networkx(), output, max_nodes=max_nodes,
                                title=title, focus=focus, depth=1 if depth is None else depth,
                                types=type_list, min_degree=min_degree, since=since,
                                until=until, radar=radar)
    click.echo(f"wrote {output} ({shown} nodes)")
    if screenshot:
        try:
            png = explorer.screenshot(output, output.with_suffix(".png"))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            raise click.ClickException(f"no screenshot: {err}") from None
        click.echo(f"wrote {png}")


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: only this machine can ask).")
@click.option("--port", default=7878, show_default=True)
@click.option("--timeout", default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-result-mb", default=100.0, show_default=True,
              help="Largest result to send, in MB; larger ones are refused (413).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="Queries answered at once.")
@_kg_errors
def serve(graph, host, port, timeout, max_result_mb, workers) -> None:
    """Serve GRAPH read-only over the SPARQL 1.1 Protocol at /sparql, the explorer at /."""
    from .serve import make_server

    try:
        server = make_server(graph, host, port, timeout=timeout, workers=workers,
                             max_bytes=int(max_result_mb * 1e6))
    except OSError as err:
        raise KgError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can query this graph", err=True)
    click.echo(f"SPARQL endpoint: http://{host}:{server.server_address[1]}/sparql "
               f"(explorer at /, query page at /query; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.close()


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--store", "store_url", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Named graph to replace (default: the default graph).")
@click.option("--per-article-graphs", is_flag=True,
              help="One named graph per article (+ one shared); re-pushes send only changes.")
@click.option("--sparql", "sparql_url", metavar="URL",
              help="The store's SPARQL query endpoint, to verify the count (default: guessed "
                   "from --store).")
@click.option("--chunk", type=click.IntRange(1), default=50_000, show_default=True,
              help="Triples per request.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_kg_errors
def push(graph, store_url, graph_iri, per_article_graphs, sparql_url, chunk, quiet) -> None:
    """Upload GRAPH into a triple store (SPARQL 1.1 Graph Store HTTP Protocol) and verify it."""
    from .graph import open_graph
    from .progress import progress_bar
    from .push import push as push_graph

    if graph_iri and per_article_graphs:
        raise click.UsageError("--graph and --per-article-graphs exclude each other")
    bar = progress_bar(None, enabled=not quiet and sys.stderr.isatty(), unit="triple")
    try:
        report = push_graph(open_graph(graph), store_url, graph=graph_iri,
                            per_article=per_article_graphs, sparql_url=sparql_url, chunk=chunk,
                            progress=bar.update)
    finally:
        bar.close()
    click.echo(f"graphs sent: {len(report.graphs_sent)}  unchanged: {report.graphs_unchanged}  "
               f"deleted: {len(report.graphs_deleted)}")
    click.echo(f"triples sent: {report.triples_sent} in {report.requests} requests")
    click.echo(f"triples in the store's pushed graphs: {report.triples_in_store} "
               f"(expected {report.expected_in_store}) ok")


@main.command("export")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", metavar="FORMAT",
              help="ttl, nt, nq, trig, jsonld, rdfxml, graphml or gexf (default: from the "
                   "extension of -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="File to write, - for stdout (default: stdout).")
@_kg_errors
def export_command(graph, fmt, output) -> None:
    """Write GRAPH as another RDF format (nq/trig: a named graph per article), or as
    GraphML/GEXF for Gephi and Cytoscape."""
    from .files import STDOUT, atomic_write
    from .formats import export_format
    from .graph import open_graph

    chosen = export_format(fmt, output)
    opened = open_graph(graph)
    opened.triples  # noqa: B018 - read (and fail on a bad file) before writing anything
    with atomic_write(output or STDOUT, "wb") as handle:
        written = opened.export(handle, chosen)
    if output and output != STDOUT:
        click.echo(f"wrote {output} ({written})", err=True)


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="report.html (with charts) or report.md (default: Markdown on stdout).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="Rows per table.")
@_kg_errors
def stats(graph, output, top) -> None:
    """Analytics of GRAPH: counts, central entities, communities, co-occurrence, trends,
    driving forces."""
    from .files import STDOUT, atomic_write
    from .graph import open_graph
    from .report import explorer_href, to_html, to_markdown

    report = open_graph(graph).stats(top=top)
    if not output or output == STDOUT:
        click.echo(to_markdown(report), nl=False)
        return
    if output.endswith((".html", ".htm")):
        page = Path(graph).with_suffix(".html")
        text = to_html(report, explorer_href(output, page) if page.exists() else None)
    else:
        text = to_markdown(report)
    with atomic_write(output) as handle:
        handle.write(text)
    click.echo(f"wrote {output}")


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--threshold", default=90.0, show_default=True,
              help="Least rapidfuzz ratio for a spelling candidate.")
@click.option("--accept", "accept_file", type=click.Path(dir_okay=False),
              help="Append every candidate scoring >= --accept-score to this aliases file.")
@click.option("--accept-score", default=95.0, show_default=True)
@_kg_errors
def resolve(graph, threshold, accept_file, accept_score) -> None:
    """Show the merges the build made (entities with several names) and the candidate
    pairs it did not make, with scores, for review into an aliases file."""
    import csv

    from .graph import open_graph
    from .resolve import candidates

    opened = open_graph(graph)
    for iri, names in opened.merged_entities():
        click.echo(f"merged  {iri}: " + " | ".join(names))
    found = candidates(opened.entity_names(), threshold)
    for c in found:
        click.echo(f"candidate {c.score:5.1f} {c.reason:<8} {c.first_type}: {c.first!r}  ~  "
                   f"{c.second_type}: {c.second!r}")
    if accept_file:
        chosen = [c for c in found if c.score >= accept_score]
        try:
            with open(accept_file, "a", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                for c in chosen:
                    writer.writerow(["same", c.first, c.second])
        except OSError as err:
            raise InputError(f"cannot write: {err.strerror or err}", path=accept_file) from None
        click.echo(f"appended {len(chosen)} pairs to {accept_file}; build with --aliases "
                   f"{accept_file}")


if __name__ == "__main__":  # pragma: no cover
    main()
