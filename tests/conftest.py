"""Shared paths and helpers for the tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

# The tests' seal key and latest records in a cache of their own, never the user's
# (~/.cache/kg): set before kg reads it, inherited by the processes tests start.
_CACHE_HOME = Path(tempfile.mkdtemp(prefix="kg-tests-cache-"))
os.environ["XDG_CACHE_HOME"] = str(_CACHE_HOME)


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)


REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples"
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO.parent / "shared" / "seed"
ONTOLOGY = REPO / "ontology"
# A fixed build date, so tests do not depend on the day they run.
TODAY = dt.date(2026, 11, 24)
BASE = "http://example.org/kg/"


def corpus_present() -> bool:
    return CORPUS.is_dir() and any(CORPUS.glob("*.md"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not corpus_present():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


# Enough synthetic documents for the explorer's overview to choose (more than 600 nodes)
# and for the build to run in worker processes.
SYNTHETIC_DOCS = 150


@pytest.fixture(scope="session")
def synthetic_dir(tmp_path_factory) -> Path:
    """A corpus from bench/make_corpus.py (every format era), for tests that must also
    run without the real archive."""
    from bench.make_corpus import CorpusWriter

    folder = tmp_path_factory.mktemp("synthetic") / "docs"
    CorpusWriter(SYNTHETIC_DOCS, seed=7).write(folder)
    return folder


@pytest.fixture(scope="session", params=["corpus", "synthetic"])
def source_dirs(request) -> list[Path]:
    """The real archive (with the seed) and a synthetic corpus: tests that matter run on
    both; the real one skips when absent."""
    if request.param == "corpus":
        return [request.getfixturevalue("corpus_dir"), SEED]
    return [request.getfixturevalue("synthetic_dir")]


def require_tool(name: str) -> str:
    """The path of an external program the test drives; skips when it is missing,
    except under CI (KG_REQUIRE_TOOLS=1), where a missing tool is a failure."""
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path:
        return path
    if os.environ.get("KG_REQUIRE_TOOLS") == "1":
        pytest.fail(f"KG_REQUIRE_TOOLS=1 but {name!r} is not installed")
    pytest.skip(f"{name} is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(command: list[str], port: int, ready_path: str = "/",
                 timeout: float = 60) -> subprocess.Popen:
    """Start a server process and wait until it answers HTTP on 127.0.0.1:port."""
    import urllib.error
    import urllib.request

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} exited: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=2).close()
            return process
        except urllib.error.HTTPError:
            return process  # it answers
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{command[0]} did not answer on port {port} within {timeout} s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def kg_cli(*args):
    """Run the `kg` command in-process; fails the test unless it exits 0."""
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def one_row_articles(folder: Path, rows: list[tuple[str, str]]) -> Path:
    """Write one article per (section, name): a table of that one row, page dates
    2024-01-01, 2024-01-02, ... (section: "Technologies", "Issues", ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, (section, name) in enumerate(rows):
        (folder / f"a{n}.md").write_text(
            f"# __A{n}__, (from page [202401{n + 1:02d}](https://k.org/p/{n}).)\n\n"
            f"## {section}\n\n| name | description |\n|--|--|\n| {name} | d |\n",
            encoding="utf-8")
    return folder


def node_of(pairs, kind="concern"):
    """name -> its node's key, in a corpus of the names of (first, second, _) pairs."""
    from kg.resolve import join_keys, resolution_key

    joined = join_keys([(kind, name) for first, second, _ in pairs for name in (first, second)])

    def node(name):
        key = resolution_key(name)
        return joined.get(key, key)
    return node
