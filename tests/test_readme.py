"""The README's command lines, each run by a test, so the README cannot drift from the tool.

Every fenced block of the README is read:

* `bash` blocks: each `kg ...` command (after `&&`, with comments and continuation
  lines joined) is run in a scratch folder holding a copy of `examples/`, in README
  order, and must exit 0 — except
  - synopsis lines (`kg build SOURCE... [-o OUTDIR] ...`: placeholders in capitals or
    brackets), whose every option must be one the command has, and whose listed
    choices (`--format ttl|nt|...`) must each be accepted;
  - `kg serve` and `kg push`, which need a server or a store: their arguments are
    parsed by the command (paths checked, options known) but not run. (Both are run
    for real against real servers in tests/test_serve.py and tests/test_interop.py.)
  Other programs in these blocks are listed in NOT_KG with the reason they are not run.
* `python` blocks run as a script in the same folder; `sparql` blocks run through
  `kg query` on the example's graph (a query of `kg diff`'s change sets, on the diff of
  the example and the example with one more article) and must return rows.
"""

from __future__ import annotations

import re
import shlex
import shutil

import click
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import EXAMPLE, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")

# Commands in the README's bash blocks that are not kg's, and why they are not run here.
NOT_KG = {
    "python3 -m venv .venv": "makes the virtualenv the tests already run in",
    ". .venv/bin/activate": "the same",
    "pip install -e .": "installs kg, which the tests already import",
    "pip install -e .[test]": "the same, with the test tools",
    "python -m pytest -q": "the test suite itself",
    "curl -H Accept: text/csv --data-urlencode query=SELECT ?t WHERE { ?a "
    "kg:mentionsTechnology/rdfs:label ?t } http://127.0.0.1:8484/sparql":
        "needs a running kg serve (tests/test_serve.py queries it over HTTP)",
    "curl -H Accept: text/turtle http://127.0.0.1:8484/id/technology/digital_twin":
        "needs a running kg serve (tests/test_serve_linkeddata.py fetches with curl)",
}
PARSED_ONLY = {"serve", "push"}
PLACEHOLDER = re.compile(r"^[A-Z][A-Z_]*(\.\.\.)?$|\.\.\.|^\[|\]$")


def blocks(language: str) -> list[str]:
    return [body for lang, body in re.findall(r"```(\w*)\n(.*?)```", README, re.DOTALL)
            if lang == language]


def commands() -> list[list[str]]:
    """Every command line of the bash blocks, as argument lists, in README order."""
    found = []
    for body in blocks("bash"):
        lines: list[str] = []
        for line in body.splitlines():
            if lines and (lines[-1].endswith("\\") or (line[:1].isspace() and line.strip())):
                lines[-1] = lines[-1].rstrip("\\") + " " + line.strip()
            elif line.strip():
                lines.append(line)
        for line in lines:
            words = shlex.split(line, comments=True)
            while words:
                cut = words.index("&&") if "&&" in words else len(words)
                found.append(words[:cut])
                words = words[cut + 1:]
    return [c for c in found if c]


KG_COMMANDS = [c for c in commands() if c[0] == "kg"]


def test_the_readme_has_the_commands_we_expect():
    others = {" ".join(c) for c in commands() if c[0] != "kg"}
    assert others == set(NOT_KG)
    names = {c[1] for c in KG_COMMANDS if len(c) > 1}
    assert names >= {"build", "query", "view", "serve", "push", "export", "stats", "resolve"}


def is_synopsis(words: list[str]) -> bool:
    return any(PLACEHOLDER.search(w) for w in words[2:])


def check_synopsis(words: list[str]) -> None:
    """Each option of a synopsis line is one the command has; listed choices are taken."""
    from kg.formats import export_format

    command = main.commands[words[1]]
    options = {opt: p for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    for index, word in enumerate(words[2:], start=2):
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", word):
            assert option in options, (words, option)
            value = words[index + 1].strip("[]") if index + 1 < len(words) else ""
            if "|" not in value:
                continue
            choices = [c for c in value.split("|") if c != "-"]
            param = options[option]
            if isinstance(param.type, click.Choice):
                assert set(choices) <= set(param.type.choices), (words, option)
            elif words[1] == "export" and option == "--format":
                for choice in choices:
                    export_format(choice, None)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(EXAMPLE, folder / "examples")
    return folder


@pytest.mark.slow
def test_every_kg_command_of_the_readme(scratch, monkeypatch):
    monkeypatch.chdir(scratch)
    ran = []
    for words in KG_COMMANDS:
        if len(words) == 1 or is_synopsis(words):
            check_synopsis(words) if len(words) > 1 else None
            continue
        if words[1] in PARSED_ONLY:
            # Arguments parsed as the command would (the graph file must exist), not run.
            main.commands[words[1]].make_context(words[1], words[2:])
            continue
        result = CliRunner().invoke(main, words[1:])
        assert result.exit_code == 0, (words, result.output)
        ran.append(words[1])
    assert {"build", "query", "resolve", "stats", "export"} <= set(ran)
    assert (scratch / "output" / "graph.ttl").is_file()
    assert (scratch / "output" / "gephi" / "edges.csv").is_file()
    assert (scratch / "output" / "report.html").is_file()


@pytest.mark.slow
def test_the_readme_python_and_sparql(scratch, monkeypatch):
    monkeypatch.chdir(scratch)
    [python] = blocks("python")
    exec(compile(python, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    assert (scratch / "graph.nt").stat().st_size > 0
    for sparql in blocks("sparql"):
        # a query of kg diff's change sets runs on one: the example, then it and a new article
        graph = scan_diff(scratch) if "kg:ScanDiff" in sparql else "output/graph.ttl"
        result = CliRunner().invoke(main, ["query", graph, sparql])
        assert result.exit_code == 0, result.output
        assert "(0 rows)" not in result.output


def scan_diff(scratch) -> str:
    from bench.make_corpus import CorpusWriter

    later = scratch / "later"
    shutil.copytree(scratch / "examples", later)
    CorpusWriter(1, seed=3).write(later)
    for source, out in (("examples", "scan-old"), ("later", "scan-new")):
        assert CliRunner().invoke(main, ["build", source, "-o", out, "--no-html"]).exit_code == 0
    result = CliRunner().invoke(main, ["diff", "scan-old/graph.ttl", "scan-new/graph.ttl",
                                       "--format", "ttl", "-o", "changes.ttl"])
    assert result.exit_code == 0, result.output
    return "changes.ttl"
