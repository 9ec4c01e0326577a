"""Pipeline: find the summary files, run parse -> extract -> graph, write the outputs.

This is the Python API the CLI and the notebooks share:

>>> import kg, tempfile
>>> result = kg.build(["examples"], tempfile.mkdtemp())   # doctest: +SKIP
>>> result.graph.count_by_class()["Article"]                # doctest: +SKIP
1
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import vocab as V
from .export import write_turtle
from .extract import build_date, extract
from .graph import KnowledgeGraph, build_graph
from .model import ArticleRecord, Diagnostic
from .parse import parse_file


@dataclass
class SourceFile:
    path: Path
    shown_as: str  # relative to the source argument's parent: stable across machines


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    files: list[SourceFile]
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.graph.diagnostics


def find_sources(sources: Iterable[str | Path]) -> list[SourceFile]:
    """Every `*.md` file under the given files and folders, in a stable order.

    Raises FileNotFoundError for a source that does not exist.
    """
    found: list[SourceFile] = []
    for source in map(Path, sources):
        if not source.exists():
            raise FileNotFoundError(f"{source}: no such file or folder")
        if source.is_dir():
            root = source.resolve().parent
            for path in sorted(source.resolve().rglob("*.md")):
                if path.is_file() and not any(part.startswith(".") for part in
                                              path.relative_to(source.resolve()).parts):
                    found.append(SourceFile(path, path.relative_to(root).as_posix()))
        else:
            found.append(SourceFile(source.resolve(), source.name))
    return found


def read_records(files: Iterable[SourceFile], today: _dt.date | None = None
                 ) -> tuple[list[ArticleRecord], list[Diagnostic]]:
    """Parse and extract every file. A file that cannot be used gives an error
    diagnostic and is left out; all other files still come through."""
    today = today or build_date()
    records: list[ArticleRecord] = []
    problems: list[Diagnostic] = []
    seen: dict[str, tuple[str, str]] = {}  # stem -> (content hash, path)
    for source in files:
        try:
            digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
            doc = parse_file(source.path, source.shown_as)
        except OSError as err:
            problems.append(Diagnostic("error", source.shown_as, None,
                                       f"cannot read file: {err.strerror or err}"))
            continue
        if any(d.level == "error" for d in doc.diagnostics):
            problems.extend(doc.diagnostics)
            continue
        if doc.title is None and not doc.sections:
            problems.extend(doc.diagnostics)
            problems.append(Diagnostic("error", source.shown_as, None,
                                       "not a summary (no title line, no sections); skipped"))
            continue
        if doc.stem in seen:
            other_hash, other_path = seen[doc.stem]
            if other_hash == digest:
                problems.append(Diagnostic("warning", source.shown_as, None,
                                           f"same content as {other_path}; read once"))
                continue
            # Keep the article id: `<id>.md` -> `<id>.copy2`, `<id>.v2.md` -> `<id>.v2-copy2`.
            joiner = "-" if "." in doc.stem else "."
            copy = 2
            while f"{doc.stem}{joiner}copy{copy}" in seen:
                copy += 1
            new_stem = f"{doc.stem}{joiner}copy{copy}"
            doc.diagnostics.append(Diagnostic(
                "warning", source.shown_as, None,
                f"file name {doc.stem}.md is also used by {other_path} with other content; "
                f"read as another rendering, {new_stem}"))
            doc.stem = new_stem
        seen[doc.stem] = (digest, source.shown_as)
        records.append(extract(doc, today))
    return records, problems


def build(sources: Iterable[str | Path], outdir: str | Path = "output", *,
          base: str = V.DEFAULT_BASE, html: bool = True,
          today: _dt.date | None = None) -> BuildResult:
    """Build the knowledge graph of the summaries under `sources` into `outdir`.

    Writes `graph.ttl` (and `graph.html` unless html=False); every write is atomic.
    """
    files = find_sources(sources)
    records, problems = read_records(files, today)
    graph = build_graph(records, base=base)
    graph.diagnostics[:0] = problems
    outdir = Path(outdir)
    result = BuildResult(graph=graph, files=files)
    result.outputs["turtle"] = outdir / "graph.ttl"
    write_turtle(graph.triples, result.outputs["turtle"], base)
    if html:
        from .network import to_networkx
        from .view import write_html

        result.outputs["html"] = outdir / "graph.html"
        write_html(to_networkx(graph.triples), result.outputs["html"])
    return result
