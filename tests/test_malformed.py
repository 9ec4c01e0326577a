"""Bad input: clear diagnostics naming file and line, and the rest still builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.files import atomic_write
from kg import build

from .conftest import BASE, EXAMPLE, TODAY

GOOD = (EXAMPLE / "coca-cola-generative-ai.md").read_text(encoding="utf-8")

RAGGED = """# __Ragged__, (from page [20250101](https://k.org/p/20250101).)

__[External link](https://example.com/r)__

## Concerns

| name | description |
|:--|:--|
| Pipes | a | b inside |
| Short |
"""


@pytest.fixture
def messy(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.md").write_text(GOOD, encoding="utf-8")
    (src / "ragged.md").write_text(RAGGED, encoding="utf-8")
    (src / "empty.md").write_bytes(b"")
    (src / "latin1.md").write_bytes(GOOD.replace("Coca-Cola's Pioneering", "Caf\u00e9").encode(
        "utf-8").replace("Caf\u00e9".encode("utf-8"), b"Caf\xe9"))
    (src / "untitled.md").write_text("## Keywords\n\n* lonely\n", encoding="utf-8")
    (src / "notes.md").write_text("just some text\n", encoding="utf-8")
    return src


def test_a_skipped_file_gets_one_error_and_no_repairs(tmp_path):
    """A binary file named .md was skipped and also "repaired" (the file name used as its
    title, its first line ignored and quoted): four warnings about nothing kept, counted
    with the build's (a review's finding)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.md").write_text(GOOD, encoding="utf-8")
    (src / "binary.md").write_bytes(bytes(range(256)) * 4 + b"secret line\n")
    result = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    assert [str(d) for d in result.report.diagnostics if "binary" in str(d)] == [
        "src/binary.md: error: not a summary (no title line, no sections); skipped"]


def test_bad_files_are_reported_and_the_rest_builds(messy, tmp_path):
    result = build([messy], tmp_path / "out", base=BASE, today=TODAY)
    shown = sorted(str(d) for d in result.report.diagnostics)
    assert "src/empty.md: error: empty file" in shown
    assert "src/notes.md: error: not a summary (no title line, no sections); skipped" in shown
    assert ("src/ragged.md:9: warning: `Concerns` row has 3 cells but the header has 2; "
            "cells joined into `description`") in shown
    assert ("src/ragged.md:10: warning: `Concerns` row has 1 cells but the header has 2; "
            "missing cells left empty") in shown
    assert any(s.startswith("src/latin1.md:1: warning: bytes that are not UTF-8") for s in shown)
    assert ("src/untitled.md:1: warning: no title line `# __Title__, (from page [DATE](URL).)`; "
            "the file name is used as the title") in shown
    assert sorted(result.report.documents) == ["good", "latin1", "ragged", "untitled"]
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"Café Journey with Generative AI in Marketing Campaigns"' in ttl  # (Latin-1)
    assert '"a | b inside"' in ttl
    assert "keyword:lonely" in ttl


def test_cli_build_reports_and_strict_fails(messy, tmp_path):
    result = CliRunner().invoke(main, ["build", str(messy), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "documents read: 4 of 6 files" in result.output
    assert "errors: 2" in result.output
    diagnostics = (tmp_path / "o" / "diagnostics.txt").read_text()
    assert "src/empty.md: error: empty file" in diagnostics
    strict = CliRunner().invoke(main, ["build", str(messy), "-o", str(tmp_path / "s"), "--strict"])
    assert strict.exit_code == 1


def test_missing_source_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_atomic_write_keeps_the_old_file_on_error(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half of a new")
            raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_killed_build_leaves_no_half_written_graph(tmp_path):
    """A process killed while writing graph.ttl leaves the previous file whole."""
    target = tmp_path / "graph.ttl"
    target.write_text("previous graph\n")
    writer = f"""
import time
from kg.files import atomic_write
with atomic_write({str(target)!r}) as handle:
    for i in range(1000):
        handle.write("<a> <b> <c> .\\n" * 100)
        handle.flush()
        time.sleep(0.01)
"""
    process = subprocess.Popen([sys.executable, "-c", writer])
    deadline = time.time() + 20
    while not list(tmp_path.glob(".kg-tmp.graph.ttl.*.tmp")) and time.time() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert target.read_text() == "previous graph\n"


HUGE_RELEVANCY = """# __Huge relevancy__, (from page [20250101](https://k.org/p/20250101).)

## Technologies

| name | description | relevancy |
|------|-------------|-----------|
| Sensors | d | 1e30 |
| Drones | d | -99999999999999999999 |
| Robots | d | 4 |
"""


def test_a_relevancy_too_large_for_any_number_is_left_out_with_its_line(tmp_path):
    # It stopped the build (the page's index keeps relevancies as 64-bit integers).
    src = tmp_path / "src"
    src.mkdir()
    (src / "huge.md").write_text(HUGE_RELEVANCY, encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY)
    problems = [(d.path, d.line, d.message) for d in graph.report.diagnostics]
    assert ("src/huge.md", 7, "relevancy '1e30' is out of range; left out") in problems
    assert ("src/huge.md", 8,
            "relevancy '-99999999999999999999' is out of range; left out") in problems
    values = graph.query("SELECT ?v WHERE { ?m kg:relevancy ?v }").values()
    assert [str(row["v"]) for row in values] == ["4"]
    assert (tmp_path / "out" / "graph.html").exists()


def test_markdown_files_of_any_suffix_case_are_read(tmp_path):
    """`Notes.MD` and `x.markdown` are summaries too (found by a review: they were not
    even counted among the files)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "upper.MD").write_text(GOOD, encoding="utf-8")
    (src / "long.markdown").write_text(GOOD.replace("Coca-Cola", "Pepsi"), encoding="utf-8")
    (src / "notes.txt").write_text(GOOD, encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    assert len(graph.report.files) == 2 and len(graph.report.documents) == 2
    ids = graph.query("SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id } "
                      "ORDER BY ?id").values()
    assert [str(row["id"]) for row in ids] == ["long", "upper"]


def test_a_defect_one_file_meets_is_its_error_and_the_rest_builds(tmp_path, monkeypatch):
    """Attack 111: an exception inside kg's reading of one file (an impossible date in its
    front matter) ended the whole build, with a traceback naming no file."""
    import kg.pipeline

    def extract_failing(doc, *args, **kwargs):
        if doc.stem == "bad":
            raise ValueError("day is out of range for month")
        return real_extract(doc, *args, **kwargs)

    real_extract = kg.pipeline.extract
    monkeypatch.setattr(kg.pipeline, "extract", extract_failing)
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.md").write_text(GOOD, encoding="utf-8")
    (src / "bad.md").write_text(GOOD, encoding="utf-8")
    result = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, workers=1)
    assert [str(d) for d in result.report.diagnostics if d.level == "error"] == [
        "src/bad.md: error: kg failed on this file (ValueError at test_malformed.py:"
        f"{extract_failing.__code__.co_firstlineno + 2}: day is out of range for month); "
        "skipped (please report it)"]
    assert sorted(result.report.documents) == ["good"]
