"""bench/load.py still runs (a few clients for a second; its figures are not checked)."""

from __future__ import annotations

import pytest

from bench import load

from .conftest import EXAMPLE

pytestmark = [pytest.mark.slow, pytest.mark.external]


def test_load_benchmark_prints_its_table(capsys):
    figures = load.main(["--clients", "4", "--processes", "2", "--seconds", "0.5", str(EXAMPLE)])
    assert {"kg serve", "kg serve --cache-mb 0"} <= set(figures)
    assert all(f["requests"] > 0 and f["errors"] == 0 for f in figures.values())
    assert "p99 / oxigraph" in capsys.readouterr().out
