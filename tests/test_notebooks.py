"""The notebooks run top to bottom (nbclient, a real Jupyter kernel): on the bundled
example always, and on ../shared/corpus when it is there. A cell that errors fails."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import CORPUS, EXAMPLE, REPO

pytestmark = [pytest.mark.external, pytest.mark.slow]

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
SOURCES = [pytest.param(EXAMPLE, id="example"),
           pytest.param(CORPUS, id="corpus", marks=pytest.mark.skipif(
               not CORPUS.is_dir() or not any(CORPUS.glob("*.md")),
               reason="../shared/corpus is not present"))]


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01-build-and-query.ipynb",
                                           "02-trends-and-cooccurrence.ipynb",
                                           "03-emergence-and-drivers.ipynb"]


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: Path(p).stem)
def test_notebook_runs(path, source, monkeypatch):
    monkeypatch.setenv("KG_SOURCE", str(source))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code"
               for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "reading" in text and str(Path(source).resolve()) in text
