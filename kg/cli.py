"""Command line: a thin layer over the Python API (kg.build, kg.query, kg.view)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import click

from . import vocab as V

MAX_SHOWN_DIAGNOSTICS = 30


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
def build(sources, outdir, base, html, strict, cache, jobs, quiet, aliases) -> None:
    """Build the graph of every *.md summary under SOURCES (files or folders)."""
    from .export import atomic_write
    from .pipeline import build as run_build

    try:
        result = run_build(sources, outdir, base=base, html=html, use_cache=cache,
                           workers=jobs, progress=not quiet and sys.stderr.isatty(),
                           aliases=aliases)
    except ValueError as err:  # a malformed aliases file, with its line
        raise click.ClickException(str(err)) from None
    diagnostics = result.diagnostics
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
        click.echo(f"documents read: {len(result.documents)} of {len(result.files)} files"
                   + (f" ({result.reused} articles unchanged since the last build)"
                      if result.reused else ""))
        click.echo("nodes by type:")
        for name, count in result.counts.items():
            click.echo(f"  {name:<20} {count:>8}")
        click.echo(f"triples: {result.triple_count}")
        click.echo(f"warnings: {len(warnings)}  errors: {len(errors)}")
        for path in result.outputs.values():
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
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--max-width", default=60, show_default=True,
              help="Longest cell shown in table format.")
@click.option("--list", "list_queries", is_flag=True, is_eager=True, expose_value=False,
              callback=_list_queries, help="List the saved queries and exit.")
def query(graph, sparql, query_file, name, params, fmt, max_width) -> None:
    """Run a SPARQL query over GRAPH (a graph.ttl written by `kg build`)."""
    from .query import query_files, saved_queries

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
        queries = saved_queries()
        if name not in queries:
            raise click.BadParameter(f"no saved query {name!r}; try --list", param_hint="--name")
        try:
            sparql = queries[name].bind(values)
        except KeyError as err:
            raise click.BadParameter(err.args[0], param_hint="--param") from None
    elif values:
        raise click.UsageError("--param only applies to saved queries (--name)")
    elif query_file:
        sparql = query_file.read()
    try:
        click.echo(query_files([graph], sparql, fmt, max_width).rstrip("\n"))
    except (SyntaxError, OSError, ValueError) as err:
        raise click.ClickException(str(err)) from None


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
@click.option("--focus", metavar="LABEL", help="Show only what is near the node with this label.")
@click.option("--depth", default=1, show_default=True, help="Steps from the --focus node.")
@click.option("--types", metavar="TYPE,...",
              help="Only these node types (e.g. Technology,Concern); articles stay as links.")
@click.option("--min-degree", default=0, show_default=True, help="Only nodes with this many links.")
@click.option("--since", callback=_date, metavar="DATE", help="Only articles from this page date.")
@click.option("--until", callback=_date, metavar="DATE", help="Only articles up to this page date.")
@click.option("--max-nodes", default=600, show_default=True,
              help="Show at most this many of the best-connected nodes.")
@click.option("--screenshot", is_flag=True,
              help="Also write a PNG of the page next to it (needs Chromium).")
def view(graph, output, focus, depth, types, min_degree, since, until, max_nodes,
         screenshot) -> None:
    """Write the interactive explorer page of GRAPH (a Turtle file from `kg build`)."""
    from .network import to_networkx
    from .store import triples_from_file
    from . import view as explorer

    output = Path(output or Path(graph).with_suffix(".html"))
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        shown = explorer.write_html(to_networkx(triples_from_file(graph)), output,
                                    max_nodes=max_nodes,
                                    title=f"kg: {Path(graph).resolve().parent.name}",
                                    focus=focus, depth=depth, types=type_list,
                                    min_degree=min_degree, since=since, until=until)
    except (LookupError, ValueError) as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"wrote {output} ({shown} nodes)")
    if screenshot:
        try:
            png = explorer.screenshot(output, output.with_suffix(".png"))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            raise click.ClickException(str(err)) from None
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
@click.option("--workers", default=2, show_default=True, help="Queries answered at once.")
def serve(graph, host, port, timeout, max_result_mb, workers) -> None:
    """Serve GRAPH read-only over the SPARQL 1.1 Protocol at /sparql, the explorer at /."""
    from .serve import make_server

    try:
        server = make_server(graph, host, port, timeout=timeout, workers=workers,
                             max_bytes=int(max_result_mb * 1e6))
    except OSError as err:
        raise click.ClickException(f"cannot listen on {host}:{port}: {err}") from None
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
@click.option("--chunk", default=50_000, show_default=True, help="Triples per request.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def push(graph, store_url, graph_iri, per_article_graphs, sparql_url, chunk, quiet) -> None:
    """Upload GRAPH into a triple store (SPARQL 1.1 Graph Store HTTP Protocol) and verify it."""
    from .push import PushError, push as push_graph
    from .pipeline import progress_bar

    if graph_iri and per_article_graphs:
        raise click.UsageError("--graph and --per-article-graphs exclude each other")
    bar = progress_bar(None, enabled=not quiet and sys.stderr.isatty(), unit="triple")
    try:
        report = push_graph(graph, store_url, graph=graph_iri, per_article=per_article_graphs,
                            sparql_url=sparql_url, chunk=chunk, progress=bar.update)
    except (PushError, ValueError, OSError) as err:
        raise click.ClickException(str(err)) from None
    finally:
        bar.close()
    click.echo(f"graphs sent: {len(report.graphs_sent)}  unchanged: {report.graphs_unchanged}  "
               f"deleted: {len(report.graphs_deleted)}")
    click.echo(f"triples sent: {report.triples_sent} in {report.requests} requests")
    click.echo(f"triples in the store's pushed graphs: {report.triples_in_store} "
               f"(expected {report.expected_in_store}) ok")


@main.command("export")
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
def export_command(graph, fmt, output) -> None:
    """Write GRAPH as another RDF format (nq/trig: a named graph per article), or as
    GraphML/GEXF for Gephi and Cytoscape."""
    from .export import atomic_write, export_graph

    if output:
        with atomic_write(output, "wb") as handle:
            count = export_graph(graph, fmt, handle)
        click.echo(f"wrote {output} ({count} triples)", err=True)
    else:
        export_graph(graph, fmt, sys.stdout.buffer)


@main.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="report.html (with charts) or report.md (default: Markdown on stdout).")
@click.option("--top", default=10, show_default=True, help="Rows per table.")
def stats(graph, output, top) -> None:
    """Analytics of GRAPH: counts, central entities, communities, co-occurrence, trends,
    driving forces."""
    from .export import atomic_write
    from .network import to_networkx
    from .report import explorer_href, make_report, to_html, to_markdown
    from .store import triples_from_file

    report = make_report(to_networkx(triples_from_file(graph)), top=top)
    if not output:
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
@click.option("--report", is_flag=True, default=True, help="List merges and candidates.")
@click.option("--threshold", default=90.0, show_default=True,
              help="Least rapidfuzz ratio for a spelling candidate.")
@click.option("--accept", "accept_file", type=click.Path(dir_okay=False),
              help="Append every candidate scoring >= --accept-score to this aliases file.")
@click.option("--accept-score", default=95.0, show_default=True)
def resolve(graph, report, threshold, accept_file, accept_score) -> None:
    """Show the merges the build made (entities with several names) and the candidate
    pairs it did not make, with scores, for review into an aliases file."""
    from .resolve import candidates, merges_in_graph, labels_in_graph

    for iri, names in merges_in_graph(graph):
        click.echo(f"merged  {iri}: " + " | ".join(names))
    found = candidates(labels_in_graph(graph), threshold)
    for c in found:
        click.echo(f"candidate {c.score:5.1f} {c.reason:<8} {c.first_type}: {c.first!r}  ~  "
                   f"{c.second_type}: {c.second!r}")
    if accept_file:
        chosen = [c for c in found if c.score >= accept_score]
        with open(accept_file, "a", encoding="utf-8", newline="") as handle:
            import csv

            writer = csv.writer(handle)
            for c in chosen:
                writer.writerow(["same", c.first, c.second])
        click.echo(f"appended {len(chosen)} pairs to {accept_file}; build with --aliases "
                   f"{accept_file}")


if __name__ == "__main__":  # pragma: no cover
    main()
