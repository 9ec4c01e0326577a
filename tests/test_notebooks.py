"""The notebooks run top to bottom (nbclient, a real Jupyter kernel): on the bundled
example always, and on ../shared/corpus with ../shared/seed (KG_SOURCE naming both, as
os.pathsep separates them) when it is there. A cell that errors fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import CORPUS, EXAMPLE, REPO, SEED

pytestmark = [pytest.mark.external, pytest.mark.slow]

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SOURCES = [pytest.param(EXAMPLE, id="example"),
           pytest.param(os.pathsep.join(map(str, (CORPUS, SEED))), id="corpus-and-seed",
                        marks=pytest.mark.skipif(
                            not CORPUS.is_dir() or not any(CORPUS.glob("*.md")) or
                            not SEED.is_dir(), reason="../shared/corpus is not present"))]


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01-build-and-query.ipynb",
                                           "02-trends-and-cooccurrence.ipynb",
                                           "03-emergence-and-drivers.ipynb"]


def _outputs_of(path: Path, source, monkeypatch, scratch: Path) -> list:
    """The outputs of the notebook's code cells, run top to bottom on `source`; the
    folders it makes go under `scratch` (the test's own, removed by pytest)."""
    monkeypatch.setenv("KG_SOURCE", str(source))  # (one folder, or several)
    monkeypatch.setenv("TMPDIR", str(scratch))  # (the kernel's tempfile.mkdtemp)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return [o for cell in notebook.cells if cell.cell_type == "code"
            for o in cell.get("outputs", [])]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: Path(p).stem)
def test_notebook_runs(path, source, monkeypatch, tmp_path):
    outputs = _outputs_of(path, source, monkeypatch, tmp_path)
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "reading" in text
    assert [p.name[:len("kg-notebook-")] for p in tmp_path.iterdir()] == ["kg-notebook-"]
    assert all(str(Path(folder).resolve()) in text for folder in str(source).split(os.pathsep))


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=lambda p: Path(p).stem)
def test_names_are_drawn_as_text(path, monkeypatch, tmp_path):
    """A name written with dollar signs ("$\\pwn$ Drones") reached matplotlib as a label
    and was read as a formula: the charts failed with a traceback in their place, and
    the notebook still ran (an attack's finding). Names are drawn as text."""
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    for number, source in enumerate(sorted(EXAMPLE.glob("*.md")) * 3):
        text = source.read_text(encoding="utf-8")
        table = re.search(r"## Technologies\n\n\|.*\n\|.*\n", text)
        row = "| $\\pwn$ Drones | A technology named with two dollar signs. |\n"
        text = text[:table.end()] + row + text[table.end():]
        (hostile / f"{number}-{source.name}").write_text(
            text.replace("https://", f"https://{number}.", 1), encoding="utf-8")
    outputs = _outputs_of(path, hostile, monkeypatch, tmp_path)
    shown = repr(outputs)
    assert "Traceback" not in shown and "ParseFatalException" not in shown, shown[-3000:]
    if path.name.startswith("02-"):  # (03 draws only what emerges: here, nothing)
        assert any("image/png" in o.get("data", {}) for o in outputs)
