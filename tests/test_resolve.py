"""Entity resolution: the rules, the analyst's aliases file in a build, `kg resolve`,
and precision/recall on the labelled pairs in tests/data."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from bench.resolution_eval import evaluate
from kg import InputError, build
from kg.cli import main
from kg.resolve import (AliasTable, candidates, normal_form,
                        resolution_key, split_alias)

from .conftest import BASE, CORPUS, SEED, TODAY

PAIRS = list(csv.DictReader(open(__file__.rsplit("/", 1)[0] + "/data/resolution-pairs.csv",
                                 encoding="utf-8")))

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'&", max_size=40)


@given(words)
def test_normal_form_is_idempotent_and_ignores_case(text):
    once = normal_form(text)
    assert normal_form(once) == once
    assert normal_form(text.upper()) == normal_form(text.lower())


@given(words, words)
def test_parentheses_give_name_and_alias(name, alias):
    if "(" in name + alias or ")" in name + alias or not name.strip() or not alias.strip():
        return
    assert split_alias(f"{name} ({alias})") == (name.strip(), alias.strip())


def test_rules():
    assert resolution_key("Generative AI (Gen AI)") == resolution_key("generative  AI")
    assert resolution_key("Behaviour change") == resolution_key("behavior changes")
    assert resolution_key("AI") != resolution_key("AI ethics")
    assert resolution_key("Physics") != resolution_key("physic")


def test_labelled_pairs_meet_the_goals():
    assert len(PAIRS) >= 150
    assert sum(r["same"] == "1" for r in PAIRS) >= 50 and sum(r["same"] == "0" for r in PAIRS) >= 50
    names = []
    if CORPUS.is_dir():  # the corpus' own "X (Y)" names are evidence for acronyms
        import tempfile

        with tempfile.TemporaryDirectory() as out:
            names = build([CORPUS, SEED], out, html=False, use_cache=False,
                          today=TODAY).entity_names()
    rules = evaluate(PAIRS, names, accept=None)
    assert rules.precision >= 0.95 and rules.false_positive <= 1
    reviewed = evaluate(PAIRS, names, accept=95.0)
    assert reviewed.precision >= 0.95 and reviewed.recall >= 0.85, reviewed.wrong


DOC = """# __{title}__, (from page [20240101](https://k.org/p/1).)

## Technologies

| name | description | relevancy |
|--|--|--|
| {tech} | d | 3 |
"""


def test_aliases_file_is_honoured_by_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Gen AI", "Generative AI", "Digital Twins", "digital twin"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    plain = build([src], tmp_path / "plain", base=BASE, today=TODAY, html=False)
    assert plain.report.counts["Technology"] == 3  # gen ai | generative ai | digital twin
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# reviewed 2026-11-24\nsame,Gen AI,generative AI\n"
                       "never,Digital Twins,digital twin\n", encoding="utf-8")
    result = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert result.report.counts["Technology"] == 3  # gen ai + generative ai | Digital Twins | digital twin
    rows = result.query("SELECT ?e ?name WHERE { ?e a kg:Technology ; "
                        "rdfs:label|skos:altLabel ?name }").values()
    node_of = {row["name"]: row["e"].removeprefix(BASE) for row in rows}
    assert node_of["Gen AI"] == node_of["Generative AI"] == "technology/gen_ai"
    assert node_of["Digital Twins"] != node_of["digital twin"]
    # The aliases file is part of the cache key: editing it rebuilds with the new decisions.
    aliases.write_text("same,Gen AI,generative AI\n", encoding="utf-8")
    again = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert again.report.counts["Technology"] == 2 and again.report.reused == 0


def test_bad_aliases_file_names_file_and_line(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("same,a,b\nmaybe,c,d\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"aliases.csv:2: expected"):
        AliasTable.read(bad)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(DOC.format(title="A", tech="T"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o"),
                                       "--aliases", str(bad)])
    assert result.exit_code == 1 and "aliases.csv:2" in result.output


def test_candidates_are_indexed_not_quadratic():
    # 3,000 distinct names sharing no word and no beginning: no pair is ever compared.
    import itertools

    letters = "bcdfghjklmnpqrstvwxz"
    names = [("Keyword", "".join(p) + "qqq") for p in itertools.islice(
        itertools.product(letters, repeat=4), 3000)]
    assert candidates(names) == []


def test_resolve_command_reports_and_accepts(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Large Language Models (LLMs)", "LLMs", "Decarbonisation",
                              "decarbonization plans"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    accepted = tmp_path / "aliases.csv"
    result = CliRunner().invoke(main, ["resolve", str(tmp_path / "out" / "graph.ttl"),
                                       "--accept", str(accepted)])
    assert result.exit_code == 0, result.output
    assert "candidate 100.0 alias    Technology: 'Large Language Models (LLMs)'  ~  " \
           "Technology: 'LLMs'" in result.output
    assert list(csv.reader(accepted.open())) == [["same", "Large Language Models (LLMs)", "LLMs"]]
    rebuilt = build([src], tmp_path / "out2", base=BASE, today=TODAY, html=False,
                    aliases=accepted)
    assert rebuilt.report.counts["Technology"] == 3
