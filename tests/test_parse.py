"""Parse stage: structure, line numbers, ragged rows, bad bytes; round trips with hypothesis."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, strategies as st

from kg.parse import parse_bytes, parse_file, parse_text, split_row

MODERN = """# __Coca-Cola's AI__, (from page [20250323](https://kghosh.substack.com/p/20250323).)

__[External link](https://example.com/a?b=1)__

## Keywords

* generative AI
* OpenAI

## Signals

| name | description | change | 10-year | driving-force | relevancy |
|:--|:--|:--|:--|:--|--:|
| S1 | d1 | c1 | t1 | f1 | 4 |
| S2 | d2 \\| with pipe | c2 | t2 | f2 | 5 |
"""


def test_modern_title_line_and_link():
    doc = parse_text(MODERN, "x/a.md")
    assert (doc.title, doc.page, doc.page_url) == (
        "Coca-Cola's AI", "20250323", "https://kghosh.substack.com/p/20250323")
    assert doc.external_link == "https://example.com/a?b=1"
    assert [s.heading for s in doc.sections] == ["Keywords", "Signals"]
    assert [(i.text, i.line) for i in doc.sections[0].items] == [("generative AI", 7),
                                                               ("OpenAI", 8)]
    assert doc.diagnostics == []


def test_table_rows_keep_lines_and_escaped_pipes():
    table = parse_text(MODERN, "a.md").sections[1].tables[0]
    assert table.header == ["name", "description", "change", "10-year", "driving-force",
                            "relevancy"]
    assert [(r.cells[:2], r.line) for r in table.rows] == [
        (["S1", "d1"], 14), (["S2", "d2 | with pipe"], 15)]


def test_legacy_title_line():
    doc = parse_text("# __Fart Proudly: An Essay__, from ([20290911](https://k.org/p/20290911).)\n",
                     "a.legacy.md")
    assert (doc.title, doc.page, doc.page_url) == ("Fart Proudly: An Essay", "20290911",
                                                   "https://k.org/p/20290911")


def test_title_containing_underscores_and_brackets():
    doc = parse_text("# __snake__case [x] title__, (from page [4320.0](https://k.org/p/4320.0).)\n",
                     "a.md")
    assert doc.title == "snake__case [x] title"
    assert doc.page == "4320.0"


def test_ragged_row_is_split_from_source_not_markdown_it():
    text = "## Concerns\n\n| name | description |\n|--|--|\n| a | b | c |\n| only |\n"
    rows = parse_text(text, "a.md").sections[0].tables[0].rows
    assert [r.cells for r in rows] == [["a", "b", "c"], ["only"]]


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"  \n\n")
    doc = parse_file(path, "empty.md")
    assert [(d.level, d.path, d.message) for d in doc.diagnostics] == [
        ("error", "empty.md", "empty file")]


def test_non_utf8_bytes_warn_with_line(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Keywords\n\n"
                     b"* caf\xe9\n")
    doc = parse_file(path, "bad.md")
    assert doc.diagnostics[0].level == "warning"
    assert doc.diagnostics[0].line == 5
    assert doc.diagnostics[0].message == ("bytes that are not UTF-8 (first at byte 71); read "
                                          "as Windows-1252 (save the file as UTF-8)")
    assert doc.sections[0].items[0].text == "café"
    # a file in UTF-8 with a pasted byte in Windows-1252: each read as written (a review:
    # the whole file was read as Windows-1252, its UTF-8 garbled)
    path.write_bytes(path.read_bytes().replace(b"caf\xe9", "café \u2013 ".encode() + b"\xe9"))
    doc = parse_file(path, "bad.md")
    assert doc.sections[0].items[0].text == "café \u2013 é"


def test_missing_title_warns_on_line_1():
    doc = parse_text("## Keywords\n\n* a\n", "t.md")
    assert doc.title is None
    assert [(d.line, d.level) for d in doc.diagnostics] == [(1, "warning")]
    assert "no title line" in doc.diagnostics[0].message


def test_items_that_markdown_it_reads_as_blocks_keep_their_text():
    items = parse_text("## Keywords\n\n* -\n* # tag\n* 1.\n* b\n", "t.md").sections[0].items
    assert [(i.text, i.line) for i in items] == [("-", 3), ("# tag", 4), ("1.", 5), ("b", 6)]


def test_empty_list_item_is_kept_as_empty_text():
    items = parse_text("## Keywords\n\n* a\n*  \n* b\n", "t.md").sections[0].items
    assert [(i.text, i.line) for i in items] == [("a", 3), ("", 4), ("b", 5)]


# --- property-based -------------------------------------------------------------------

cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                           blacklist_characters="\\`"),
    max_size=30).map(str.strip)


@given(st.lists(cell_text, min_size=1, max_size=8))
def test_split_row_round_trips_escaped_cells(cells):
    # (cells are read as Markdown: its punctuation escaped, they read as written)
    line = "| " + " | ".join(re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", c) for c in cells) + " |"
    assert split_row(line) == cells


title_text = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs"),
                           whitelist_characters="'’:,!?-&"),
    min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(bool)
page_text = st.from_regex(r"[0-9]{4,8}(\.0|[a-z])?", fullmatch=True)


@given(title_text, page_text, st.booleans())
def test_title_line_round_trips_in_both_eras(title, page, legacy):
    url = f"https://kghosh.substack.com/p/{page}"
    line = (f"# __{title}__, from ([{page}]({url}).)" if legacy
            else f"# __{title}__, (from page [{page}]({url}).)")
    doc = parse_text(line + "\n", "t.md")
    assert (doc.title, doc.page, doc.page_url) == (title, page, url)


item_text = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" -'"),
    min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(
        lambda s: s and not s.startswith("-"))


@given(st.lists(item_text, min_size=1, max_size=20))
def test_list_items_round_trip_with_lines(items):
    text = "## Keywords\n\n" + "".join(f"* {item}\n" for item in items)
    parsed = parse_text(text, "t.md").sections[0].items
    assert [(i.text, i.line) for i in parsed] == [(item, n + 3) for n, item in enumerate(items)]


@pytest.mark.parametrize("line", [
    "# Plain Title (from page [20250323](https://k.org/p/20250323).)",
    "# **Plain Title**, (from page [20250323](https://k.org/p/20250323).)",
    "# *Plain Title*, from ([20250323](https://k.org/p/20250323).)",
])
def test_a_title_not_written_in_underscores_keeps_its_page(line):
    """Another pipeline's title line (plain or bold): the page and its date were lost and
    the warning said there was no `from page` part (found by a review)."""
    doc = parse_text(line + "\n\n## Keywords\n\n* a\n", "t.md")
    assert (doc.title, doc.page, doc.page_url) == (
        "Plain Title", "20250323", "https://k.org/p/20250323")
    assert doc.diagnostics == []


@pytest.mark.parametrize("head, url", [
    ("# Study of lattices\n\n*Source:* [2025-03-23](https://k.org/p/2025-03-23) \u00b7 "
     "[External link](https://x.org/a)\n", "https://k.org/p/2025-03-23"),
    ("Study of lattices\n=================\n\nFrom page [23/03/2025](https://k.org/p/1).\n\n"
     "__[External link](https://x.org/a)__\n", "https://k.org/p/1"),
    ("# Study of lattices\n**Date:** 2025-03-23  \n**Source:** [page](https://k.org/p/20250323)"
     "\n\n__[External link](https://x.org/a)__\n", "https://k.org/p/20250323"),
    ("# Study of lattices\n\n__[External link](https://x.org/a)__\n\n"
     "Published: March 23, 2025 | Source: [page](https://k.org/p/20250323)\n",
     "https://k.org/p/20250323"),
])
def test_a_page_written_on_a_line_of_its_own_is_read(head, url):
    """Other pipelines write the date apart from a plain title line: it was lost, with
    the line warned as ignored text (attack 107: v28, v28c, w20). One day is one page
    however its date is written (attack 114: 2025-03-23, 20250323 and 23/03/2025 were
    three pages)."""
    doc = parse_text(head + "\n## Keywords\n\n* alpha\n", "t.md")
    assert (doc.title, doc.page, doc.page_url, doc.external_link) == (
        "Study of lattices", "20250323", url, "https://x.org/a")
    assert doc.preamble is None
    assert len(doc.diagnostics) == 1
    assert re.fullmatch(r"title line has no `\(from page \[DATE\]\(URL\)\.\)` part; "
                        r"the page is read from line \d", doc.diagnostics[0].message)


def test_a_from_part_followed_by_a_sentence_gives_the_page_and_keeps_the_sentence():
    """attack 114 (z09): a sentence after the from part on its line lost the page."""
    doc = parse_text("# T\n\nFrom page [23/03/2025](https://k.org/p/1). Reprinted with "
                     "permission.\n\n## Keywords\n\n* a\n", "t.md")
    assert (doc.page, doc.page_url) == ("20250323", "https://k.org/p/1")
    assert [(p.text, p.line) for p in doc.preamble.paragraphs] == [
        ("Reprinted with permission.", 3)]
    prose = parse_text("# T\n\nFrom page [23/03/2025](https://k.org/p/1) and more\n", "t.md")
    assert prose.page is None
    source = parse_text("# T\n\nFrom [The Guardian](https://g.com/a).\n", "t.md")
    assert source.page is None  # (a review: two articles' sources made one Page node)


def test_a_source_line_is_the_page_only_when_it_is_dated():
    """A "Source:" link is the page's address only beside a date it holds; otherwise it
    is the article's source: the external link where there is none (attack 114's z29),
    else text warned of by the extract stage (not a second address of the day's page,
    which merged the pages of a day: attack 114)."""
    for head in ("# T\n\nSource: [Reuters](https://r.org/a)\n\n__[External link](https://x.org/a)__\n",
                 "# T\n\nDate: 2025-03-23\nSource: [it](https://x.org/a)\n\n"
                 "__[External link](https://x.org/a)__\n",
                 "# T\n\nDate: 2025-03-23\nSource: [Reuters](https://r.org/a)\n\n"
                 "__[External link](https://x.org/a)__\n"):
        doc = parse_text(head + "\n## Keywords\n\n* alpha\n", "t.md")
        assert doc.page_url is None
        assert [p.text.strip() for p in doc.preamble.paragraphs] == [  # (lines kept: numbers)
            head.split("\n\n")[1].split("\n")[-1]]
    doc = parse_text("# T\n**Date:** 2025-03-23  \n**Source:** [Reuters](https://r.org/a)\n\n"
                     "## Keywords\n\n* alpha\n", "t.md")
    assert (doc.page, doc.page_url, doc.external_link, doc.external_link_line) == (
        "20250323", None, "https://r.org/a", 3)
    dated = parse_text("# T\nDate: 2025-03-23\nSource: [Reuters](https://r.org/2025/03/23/slug/)"
                       "\n\n## Keywords\n\n* alpha\n", "t.md")  # (a review's: a news path)
    assert (dated.page_url, dated.external_link) == (None, "https://r.org/2025/03/23/slug/")
    assert doc.preamble is None
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (1, "title line has no `(from page [DATE](URL).)` part; the page is read from line 2"),
        (3, "`Source:` link read as the external link: https://r.org/a")]


@pytest.mark.parametrize("head", [
    "# T\n\n*Source:* [2025-03-23](https://k.org/p/20240101)\n",
    "# T\n\nFrom page [23/03/2025](https://k.org/p/2024-01-01-notes).\n",
    "# __T__, from page [20250323](https://k.org/p/20240101).\n",
    "# T, from page [2025-03-23](https://k.org/p/20240101d).\n",
    "# T, from page [2025-03-23](https://k.org/2024/01/01/notes/).\n",  # (attack 117's)
    "# T, from page [2025-03-23](https://k.org/notes?date=2024_01_01).\n",
])
def test_a_page_link_whose_address_holds_another_date_gives_no_address(head):
    """attack 115 (y05): a page link labelled 2025-03-23 whose address is a 2024-01-01
    page gave the day's page that other day's address, unsaid (every article of the day
    then had it). The page is the label's date; the address is said, not kept."""
    doc = parse_text(head + "\n## Keywords\n\n* alpha\n", "t.md")
    assert (doc.page, doc.page_url) == ("20250323", None)
    said = [d.message for d in doc.diagnostics if "another date" in d.message]
    assert len(said) == 1 and "20240101" in said[0] and "https://k.org/" in said[0]
    same_day = parse_text("# T, from page [2025-03-23](https://k.org/p/2025-03-23-notes/?a=1)."
                          "\n\n## Keywords\n\n* a\n", "t.md")
    assert same_day.page_url == "https://k.org/p/2025-03-23-notes/?a=1"
    assert not [d for d in same_day.diagnostics if "another date" in d.message]
    news = parse_text("# T, from page [2025-03-23](https://www.bbc.co.uk/news/uk-12041029)."
                      "\n", "t.md")  # (a review's: a news id is no date)
    assert news.page_url == "https://www.bbc.co.uk/news/uk-12041029"


def test_invisible_characters_inside_names_are_left_out_and_said():
    """attack 116 (i01-i06): a soft hyphen, zero-width space, word joiner or byte order
    mark inside a word made a node of its own, unsaid; attack 117: a direction mark too.
    (Not the zero-width joiner of emoji, nor the non-joiner, which spells Persian: a
    review's.)"""
    data = ("# __T__, from page [20250323](https://k.org/p/20250323).\n\n## Keywords\n\n"
            "* AI e\u200bthics\n* Chil\u00addren's pri\u2060va\u200ecy\n* cli\u00admate "
            "\ufeffadaptation\n* \U0001F469\u200d\U0001F4BB coders\n* \u0645\u06cc\u200c"
            "\u062e\u0648\u0627\u0647\u0645\n").encode()
    doc = parse_bytes(data, "t.md", "t")
    keywords = [item.text for item in doc.sections[0].items]
    assert keywords == ["AI ethics", "Children's privacy", "climate adaptation",
                        "\U0001F469\u200d\U0001F4BB coders",  # (an emoji's joiner kept)
                        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (5, "6 invisible characters (soft hyphen, zero-width space, word joiner, direction "
            "mark, byte order mark; first on this line) left out")]
    assert parse_bytes(b"\xef\xbb\xbf# T\n", "t.md", "t").title == "T"  # (a leading mark)


def test_a_delimiter_row_written_with_typographic_dashes_is_no_row():
    """attack 116 (u82): a "smart punctuation" step wrote `| :— | :–– |`; every table
    then had a spurious entity named ":—"."""
    doc = parse_text("## Concerns\n\n| name | relevancy |\n| :\u2014 | :\u2013\u2013 |\n"
                     "| C1 | 5 |\n| :\u2014 | :\u2014 |\n| C2 | 4 |\n", "t.md")
    (table,) = doc.sections[0].tables
    assert (table.header, [(row.cells, row.line) for row in table.rows]) == (
        ["name", "relevancy"], [(["C1", "5"], 5), (["C2", "4"], 7)])
    assert [(d.line, d.message) for d in doc.diagnostics][:2] == [
        (3, "a table whose delimiter row is written with typographic dashes (`\u2014`, "
            "`\u2013`) (lines 3-7); read as a table"),
        (6, "the table's delimiter row again; skipped")]


def test_a_lone_carriage_return_inside_a_row_of_a_crlf_file_is_a_space():
    """attack 116 (s09): a stray CR inside a table row of a CRLF file split the row: a
    spurious signal named by its change, its cells shifted. Only there: a review found a
    file of CR lines with one CRLF read as one line, and a CR between two rows joining
    them."""
    data = ("## Concerns\r\n\r\n| name | description | relevancy |\r\n|--|--|--|\r\n"
            "| C1 | a long\rdescription | 4 |\r\n| C2 | d2 | 3 |\r| C3 | d3 | 2 |\r\n"
            "\r\n## Keywords\r\n\r\n* a\r\n").encode()
    doc = parse_bytes(data, "t.md", "t")
    (table,) = doc.sections[0].tables
    assert [(row.cells, row.line) for row in table.rows] == [
        (["C1", "a long description", "4"], 5), (["C2", "d2", "3"], 6), (["C3", "d3", "2"], 7)]
    assert (5, "1 carriage return inside a table row of a file of CRLF lines (first on this "
               "line); read as spaces") in [(d.line, d.message) for d in doc.diagnostics]
    old_mac = parse_bytes(b"## Keywords\r\r* a\r* b\r\r## Themes\r\r* c\r\n", "t.md", "t")
    assert [[item.text for item in section.items] for section in old_mac.sections] == [
        ["a", "b"], ["c"]]  # (CR line ends, one CRLF: all line ends)


def test_reference_links_are_read_as_the_links_they_stand_for():
    """attack 116 (u50, u41): with reference-style links the title kept its from part
    and the page was lost; names in cells kept their brackets."""
    doc = parse_text(
        "# __Study of lattices__, (from page [20250323][page].)\n\n__[External link][ext]__\n\n"
        "## Technologies\n\n| name | description |\n|--|--|\n| [Tech T1][t1] | d1 |\n"
        "| [Tech T2] | d2 [^1] |\n| [Tech T3][nowhere] | d3 |\n\n```\n[Tech T2]\n```\n\n"
        "[page]: https://k.org/p/20250323\n[EXT]:  <https://x.org/a b> \"Title\"\n"
        "[t1]: https://x.org/t1\n[tech t2]: https://x.org/t2\n[^1]: A footnote.\n", "t.md")
    assert (doc.title, doc.page, doc.page_url, doc.external_link) == (
        "Study of lattices", "20250323", "https://k.org/p/20250323", "https://x.org/a%20b")
    (table,) = doc.sections[0].tables
    assert [row.cells[0] for row in table.rows] == ["Tech T1", "Tech T2", "[Tech T3][nowhere]"]
    assert doc.sections[0].paragraphs[0].text == "```\n[Tech T2]\n```"  # (code stays code)
    # (a review's: numbered citations with their sources below stay as written; a
    # definition inside code or a paragraph is none)
    cited = parse_text("## Keywords\n\n* AI [1]\n* [robots][1]\n* [cobots]\n\n```\n"
                       "[cobots]: https://x.org/code\n```\n\nSee\n[cobots]: https://x.org/p\n\n"
                       "[1]: https://source.org/paper\n", "t.md")
    assert [item.text for item in cited.sections[0].items] == [
        "AI [1]", "robots", "[cobots]"]


def test_text_beside_the_external_link_is_not_dropped():
    """The external link's paragraph was taken whole: what else it said was lost unsaid."""
    doc = parse_text("# T\n\nBy Ann Lee \u00b7 __[External link](https://x.org/a)__\n\n"
                     "## Keywords\n\n* alpha\n", "t.md")
    assert doc.external_link == "https://x.org/a"
    assert [(p.text, p.line) for p in doc.preamble.paragraphs] == [("By Ann Lee \u00b7 ", 3)]
    canonical = parse_text(MODERN, "t.md")
    assert canonical.preamble is None and canonical.diagnostics == []


def test_tables_and_lists_that_commonmark_reads_as_text_or_code_are_read():
    """A table without its delimiter row, and a table or list indented four spaces (a
    code block), were kept as verbatim text: none of their items landed (attack 107's
    w07 and v36)."""
    text = ("## Concerns\n\n| name | description |\n| A | a text |\n| B | b text |\n\n"
            "## Issues\n\n    | name | relevancy |\n    |--|--|\n    | C | 4 |\n\n"
            "## Themes\n\n    * one\n    * two\n\n"
            "## Summary\n\n    code that stays code\n\n| a | b |\n| c | d | e |\n")
    doc = parse_text(text, "t.md")
    assert [(s.heading, [(t.header, [(r.cells, r.line) for r in t.rows], t.line)
                         for t in s.tables], [(i.text, i.line) for i in s.items],
             [p.text for p in s.paragraphs]) for s in doc.sections] == [
        ("Concerns", [(["name", "description"], [(["A", "a text"], 4), (["B", "b text"], 5)],
                       3)], [], []),
        ("Issues", [(["name", "relevancy"], [(["C", "4"], 11)], 9)], [], []),
        ("Themes", [], [("one", 15), ("two", 16)], []),
        ("Summary", [], [], ["    code that stays code", "| a | b |\n| c | d | e |"])]
    beside = parse_text("## Technologies\n\n| name |\n|--|\n| A |\n\nA sample:\n\n"
                        "    | x |\n    |--|\n    | code |\n", "t.md").sections[0]
    assert ([t.header for t in beside.tables], beside.paragraphs[-1].text) == (
        [["name"]], "    | x |\n    |--|\n    | code |")  # (attack 114's z44: code)
    assert [(d.line, d.message) for d in doc.diagnostics][:3] == [
        (3, "a table without its delimiter row (`|---|`) under its header (lines 3-5); read "
            "as a table"),
        (9, "a table indented four spaces or more (lines 9-11), a code block in CommonMark; "
            "read as a table"),
        (15, "a list indented four spaces or more (lines 15-16), a code block in CommonMark; "
             "read as a list")]


def test_grid_and_html_tables_are_read_as_tables():
    """attack 107 (v26, v27): an HTML table and a pandoc grid table were kept as verbatim
    text; none of their rows landed."""
    text = ("## Issues\n\n+------+------+\n| name | description |\n+======+======+\n"
            "| A | first line |\n| | and its second |\n+------+------+\n| B | b |\n"
            "+------+------+\n\n## Concerns\n\n<table>\n<tr><th>name</th><th>description"
            "</th></tr>\n<tr><td>C &amp; D</td><td><b>bold</b><br>text</td></tr>\n</table>\n"
            "\n## Summary\n\n<table>\n</table>\n")
    doc = parse_text(text, "t.md")
    assert [(s.heading, [(t.header, [(r.cells, r.line) for r in t.rows], t.line)
                         for t in s.tables]) for s in doc.sections] == [
        ("Issues", [(["name", "description"], [(["A", "first line and its second"], 6),
                                               (["B", "b"], 9)], 3)]),
        ("Concerns", [(["name", "description"], [(["C & D", "bold text"], 16)], 14)]),
        ("Summary", [])]
    headless = parse_text("## Issues\n\n+--+--+\n| A | a |\n+--+--+\n\n## Concerns\n\n"
                          "<table><tr><td>B <table><tr><td>in</td></tr></table></td>"
                          "<td>b</td></tr></table>\n", "t.md")
    assert [(t.header, [r.cells for r in t.rows]) for s in headless.sections
            for t in s.tables] == [(["A", "a"], []), (["B in", "b"], [])]  # (attack 115)
    assert [d.message for d in headless.diagnostics][:2] == [
        "a grid table with no header line (`+===+`) (lines 3-5); read as a table, its first "
        "row as its header",
        "an HTML table with no `<th>` cell (line 9); read as a table, its first row as its "
        "header"]
    assert [(d.line, d.message) for d in doc.diagnostics][:3] == [
        (3, "a grid table (lines 3-10); read as a table"),
        (14, "an HTML table (lines 14-17); read as a table"),
        (21, "unexpected html block (lines 21-22); kept as text")]


_CELLS = st.text(alphabet="abcdefgh XY-", min_size=1, max_size=12).filter(
    lambda cell: any(c.isalpha() for c in cell))


def _no_header_again(grid):  # (a row that repeats the header is skipped, as it should)
    return all([c.strip().lower() for c in row] != [c.strip().lower() for c in grid[0]]
               for row in grid[1:])


@given(st.integers(2, 5).flatmap(lambda width: st.lists(
    st.lists(_CELLS, min_size=width, max_size=width), min_size=2, max_size=6)).filter(
        _no_header_again))
def test_a_table_without_its_delimiter_row_reads_back(grid):
    text = "## Signals\n\n" + "".join("| " + " | ".join(row) + " |\n" for row in grid)
    table, = parse_text(text, "t.md").sections[0].tables
    assert [table.header] + [row.cells for row in table.rows] == [
        [cell.strip() for cell in row] for row in grid]


def test_a_comment_never_closed_hides_nothing():
    """attack 114 (z62): `<!--` with no `-->` in Keywords hid the rest of the summary (to
    CommonMark a comment block runs to its end), with a warning that said "kept as text"
    of text kept nowhere."""
    doc = parse_text("## Keywords\n\n* a\n\n<!-- draft\n\n## Themes\n\n* c\n", "t.md")
    assert [(s.heading, [i.text for i in s.items], [p.text for p in s.paragraphs])
            for s in doc.sections] == [("Keywords", ["a"], ["draft"]), ("Themes", ["c"], [])]
    assert [(d.line, d.message) for d in doc.diagnostics][0] == (
        5, "an HTML comment opened here is never closed (no `-->`); its `<!--` is left out "
           "and the lines after it are read")
    closed = parse_text("## Keywords\n\n<!-- a\n-->\n* a\n", "t.md")
    assert [i.text for i in closed.sections[0].items] == ["a"]


def test_what_only_looks_like_a_table_a_list_or_a_comment_stays_as_written():
    """A review's: an indented table followed by code read the code as rows; pipes in the
    summary became a table and left it; `<!--` in fenced code was cut and warned of;
    a top-level TOML key took the line of a table's key of the same name."""
    code = parse_text("## Concerns\n\n    | name |\n    |--|\n    | A |\n    print(1)\n",
                      "t.md").sections[0]
    assert (code.tables, code.paragraphs[0].text) == (
        [], "    | name |\n    |--|\n    | A |\n    print(1)")
    summary = parse_text("## Summary\n\n| a | b |\n| c | d |\n", "t.md").sections[0]
    assert (summary.tables, [p.text for p in summary.paragraphs]) == (
        [], ["| a | b |\n| c | d |"])
    fenced = parse_text("## Summary\n\n```html\n<!-- a template\n```\n", "t.md")
    assert fenced.sections[0].paragraphs[0].text == "```html\n<!-- a template\n```"
    assert "never closed" not in " ".join(d.message for d in fenced.diagnostics)
    toml = parse_text('+++\ntitle = "T"\ncategory = "a"\n[params]\ncategory = "b"\n+++\n'
                      "## Themes\n\n* x\n", "t.md")
    assert [(i.text, i.line) for i in toml.sections[0].items] == [
        ("category: a", 3), ("category: b", 5)]


def test_front_matter_fills_what_the_summary_lacks_and_says_what_differs():
    """YAML front matter, as other pipelines write it: the title line's parts win, a
    front matter that says otherwise is named (a review: it was once read as an unknown
    section; then an attack on formats found a summary whose title, date, address and
    keywords were only there lost)."""
    text = ("---\ntitle: Coca\ndate: 2025-03-23\n---\n"
            "# __Real Title__, (from page [20250323](https://k.org/p/20250323).)\n\n"
            "## Keywords\n\n* alpha\n")
    doc = parse_text(text, "t.md")
    assert (doc.title, doc.page) == ("Real Title", "20250323")
    assert [s.heading for s in doc.sections] == ["Keywords"]
    assert doc.sections[0].items[0].line == 9
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (1, "front matter (lines 1-4) is not part of the summary format; read: title, date"),
        (2, "front matter title 'Coca' is not the summary's; the summary's is read")]


def test_hugo_toml_front_matter_and_tables_of_keys_are_read():
    """Hugo's TOML front matter (`+++`) and a table of keys (`[params]`, YAML's `params:`)
    were named but not read (attack 111's y36; attack 107's list of gaps)."""
    text = ('+++\ntitle = "Study of lattices"\ndate = 2025-03-23T10:00:00+01:00\n'
            'draft = false\n[params]\nkeywords = ["alpha", "beta"]\nauthor = "Ann"\n'
            'category = "science"\n[deep.er]\nx = 1\n+++\n\n## Themes\n\n* delta\n')
    doc = parse_text(text, "t.md")
    assert (doc.title, doc.page) == ("Study of lattices", "20250323")
    assert [(s.heading, s.line, [i.text for i in s.items], s.source)
            for s in doc.sections] == [
        ("Other", 4, ["draft: false", "params.author: Ann", "category: science"],
         'draft = false\nauthor = "Ann"\ncategory = "science"'),
        ("keywords", 6, ["alpha", "beta"], 'keywords = ["alpha", "beta"]'),
        ("Themes", 13, ["delta"], "## Themes\n\n* delta")]
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (1, "front matter (lines 1-11) is not part of the summary format; read: title, date, "
            "draft, keywords, params.author, category"),
        (9, "front matter: `deep.er` holds nested data; not read")]
    yaml_text = ("---\ntitle: T\nparams:\n  keywords: [alpha, beta]\n  type: report\n"
                 "  social: {x: y}\n---\n## Themes\n\n* delta\n")
    doc = parse_text(yaml_text, "t.md")
    assert [(s.heading, s.line, [i.text for i in s.items]) for s in doc.sections][:2] == [
        ("keywords", 4, ["alpha", "beta"]), ("Other", 5, ["type: report"])]
    assert doc.diagnostics[1].message == (  # (attack 114's z20: it hid the table's keys)
        "front matter: `params.social` holds nested data; not read")
    broken = parse_text('+++\ntitle = "T\nx = [1,\n+++\n## Themes\n\n* a\n', "t.md")
    assert [(d.line, d.message) for d in broken.diagnostics][:2] == [
        (1, "front matter (lines 1-4) is not part of the summary format; not read"),
        (2, "front matter: not TOML (Illegal character '\\n'); not read")]


def test_a_front_matter_description_is_the_summary_of_a_summary_with_none():
    """Attacks 114 and 115 (z25, y25): Hugo's `description`, a summary's only summary,
    landed as a note; beside a summary it stays a note."""
    alone = parse_text('+++\ntitle = "T"\ndescription = "What it says."\nauthor = "Ann"\n+++\n'
                       "## Themes\n\n* x\n", "t.md")
    assert [(s.heading, [i.text for i in s.items], [p.text for p in s.paragraphs])
            for s in alone.sections] == [("Other", ["author: Ann"], []),
                                         ("Summary", [], ["What it says."]),
                                         ("Themes", ["x"], [])]
    assert alone.diagnostics[1].message == (
        "front matter `description` read as the summary: the summary has none")
    beside = parse_text("---\ntitle: T\ndescription: blurb\n---\n## Summary\n\nBody.\n", "t.md")
    assert [(s.heading, [i.text for i in s.items]) for s in beside.sections] == [
        ("Other", ["description: blurb"]), ("Summary", [])]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
                max_size=8))
def test_toml_front_matter_keywords_round_trip(keywords):
    written = json.dumps(keywords, ensure_ascii=False).replace("\x7f", "\\u007f")  # (TOML's
    text = f"+++\nkeywords = {written}\n+++\n## Themes\n\n* a\n"  # strings: JSON's but DEL)
    doc = parse_text(text, "t.md")
    wanted = [k.strip() for k in keywords if k.strip()]
    found = [s for s in doc.sections if s.heading == "keywords"]
    assert [i.text for s in found for i in s.items] == wanted


def test_a_summary_told_only_in_front_matter_lands():
    text = ("---\ntitle: Study of lattices\ndate: 2025-03-23\nurl: https://x.org/a\n"
            "keywords:\n  - alpha\n  - beta\ntags: [gamma]\ncategory: science\n"
            "author: Ann\nsummary: What it says.\nnested: {a: {b: 1}}\n---\n\n"
            "## Themes\n\n* delta\n")
    doc = parse_text(text, "t.md")
    assert (doc.title, doc.page, doc.external_link, doc.external_link_line) == (
        "Study of lattices", "20250323", "https://x.org/a", 4)
    assert [(s.heading, s.line, [i.text for i in s.items], [p.text for p in s.paragraphs],
             s.source) for s in doc.sections] == [
        ("keywords", 5, ["alpha", "beta"], [], "keywords:\n  - alpha\n  - beta"),
        ("tags", 8, ["gamma"], [], "tags: [gamma]"),
        ("Other", 9, ["category: science", "author: Ann"], [],
         "category: science\nauthor: Ann"),
        ("Summary", 11, [], ["What it says."], "summary: What it says."),
        ("Themes", 15, ["delta"], [], "## Themes\n\n* delta")]
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (1, "front matter (lines 1-13) is not part of the summary format; read: title, date, "
            "url, keywords, tags, category, author, summary"),
        (12, "front matter: `nested.a` holds nested data; not read")]
    # (attack 111) every value as written: no YAML 1.1 booleans, floats, nulls or dates
    # (an impossible date ended the build); a list as one text is split by extract
    doc = parse_text("---\ndate: 2025-02-30\nkeywords: [NO, yes, 3.10, null, ~]\n"
                     "themes: cities, towns\n---\n## Other\n\n* Type: x\n", "t.md")
    assert doc.page == "20250230"  # (an impossible date: the graph stage says so)
    assert [([i.text for i in s.items], [p.text for p in s.paragraphs])
            for s in doc.sections][:2] == [(["NO", "yes", "3.10", "null", "~"], []),
                                           ([], ["cities, towns"])]
    # (a review's) a note with front matter alone is no summary; "source: Reuters" is no
    # address, and a url after it is; a key given twice is said; one tag is one item
    doc = parse_text("---\ntitle: Notes\ntags: [a, b]\n---\n\nJust text.\n", "t.md")
    assert doc.title is None and doc.sections == []
    doc = parse_text("---\nsource: Reuters\nurl: https://x.org/a\ntags: a\ntags: b c\n---\n"
                     "## Themes\n\n* delta\n", "t.md")
    assert (doc.external_link, doc.external_link_line) == ("https://x.org/a", 3)
    assert [(s.heading, [i.text for i in s.items]) for s in doc.sections] == [
        ("Other", ["source: Reuters"]), ("tags", ["b c"]), ("Themes", ["delta"])]
    assert (5, "front matter: `tags` is given again (line 4 first); the last is read") in [
        (d.line, d.message) for d in doc.diagnostics]
    # (aliases nested twelve deep name 9**13 values: never walked)
    bomb = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]'] + [
        f"b{i}: &b{i} [{', '.join([f'*b{i - 1}' if i else '*a'] * 9)}]" for i in range(12)]
    doc = parse_text("\n".join(bomb + ["---", "## Themes", "", "* delta"]), "t.md")
    assert [s.heading for s in doc.sections] == ["a", "Themes"]
    assert [d.message for d in doc.diagnostics][1:-1] == [
        f"front matter: `b{i}` holds nested data; not read" for i in range(12)]
    # (attack 118, F4: one 2,000-character text named by an alias under 2,000 keys was a
    # note each: 4 MB of graph from a 30 KB file; the texts read may not outgrow the front
    # matter, so only the first copies within it are read, and the rest said)
    blob = "word " * 400
    aliased = ["---", f'blob: &a "{blob.strip()}"'] + [f"k{i}: *a" for i in range(2000)]
    doc = parse_text("\n".join(aliased + ["title: T", "---", "## Themes", "", "* delta"]),
                     "t.md")
    notes = [item.text for item in doc.sections[0].items]
    assert doc.title == "T" and 1 <= len(notes) <= 40 and sum(map(len, notes)) < 70_000
    refused = [d for d in doc.diagnostics if "past twice its size" in d.message]
    assert len(notes) + len(refused) == 2001 and refused[0].message == (
        f"front matter: `k{len(notes) - 1}` would take the texts of the front matter past "
        "twice its size (a YAML alias repeating a text?); not read")
    small = parse_text('---\ntitle: &t "A title"\nheadline: *t\n---\n## Themes\n', "t.md")
    assert [item.text for item in small.sections[0].items] == ["headline: A title"]
    # (a review's: a long text given twice, and TOML's numbers written out, are read)
    twice = parse_text(f'---\ndescription: &d "{"x" * 1500}"\nsummary: *d\n---\n'
                       "## Themes\n", "t.md")
    assert [s.heading for s in twice.sections] == ["Other", "Summary", "Themes"]
    numbers = parse_text("+++\nvalues = [" + ", ".join(["1e9"] * 300) + "]\n+++\n## Themes\n",
                         "t.md")
    assert len(numbers.sections[0].items) == 300
    # (attack 111: a list nested 5,000 deep ended the build; 500 keys were no front matter)
    doc = parse_text("---\nkeywords: " + "[" * 5000 + "]" * 5000 + "\n---\n## Themes\n", "t.md")
    assert doc.diagnostics[1].message.startswith("front matter: not YAML")
    long = ["---"] + [f"k{i}: v" for i in range(500)] + ["title: T", "---", "## Themes"]
    doc = parse_text("\n".join(long), "t.md")
    assert doc.title == "T" and [s.heading for s in doc.sections] == ["Other", "Themes"]
    for broken in ("---\ntitle: [a\n---\n## Themes\n\n* delta\n",
                   "---\n- a\n- b\n---\n## Themes\n\n* delta\n"):
        doc = parse_text(broken, "t.md")
        assert doc.title is None and [s.heading for s in doc.sections] == ["Themes"]
        assert doc.diagnostics[0].message.endswith("not read"), broken
        assert doc.diagnostics[1].message.startswith("front matter: not "), broken


@pytest.mark.parametrize("gap", ["", "<!-- a note -->"])
def test_table_rows_after_a_blank_line_or_comment_stay_rows_of_the_table(gap):
    """A blank line (or an HTML comment) inside a table ended it: the rows after it were
    kept as text, not read (found by a review)."""
    text = ("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Technologies\n\n"
            "| name | description |\n|--|--|\n| One | first |\n"
            f"{gap}\n| Two | second |\n| Three | third |\n")
    doc = parse_text(text, "t.md")
    (table,) = doc.sections[0].tables
    assert [(row.cells, row.line) for row in table.rows] == [
        (["One", "first"], 7), (["Two", "second"], 9), (["Three", "third"], 10)]
    assert doc.sections[0].paragraphs == []  # (a comment is left out, and said)
    assert (9, "table rows after a break (lines 9-10) are read as rows of the table at "
               "line 5") in [(d.line, d.message) for d in doc.diagnostics]


def test_inline_markup_in_items_and_cells_is_read_as_the_text_it_shows():
    """`**generative AI**` named a node with its asterisks, `AT&amp;T` and `AT&T` were two
    nodes (found by a review): items and cells are read as a reader sees them; a link in
    a cell keeps its address."""
    text = ("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Keywords\n\n"
            "* **generative AI**\n* AT&amp;T\n* `Digital Twins`\n* [OpenAI](https://openai.com)\n"
            "* snake_case and C* and R&D\n\n## Technologies\n\n| name | description |\n|--|--|\n"
            "| *Deepfakes* | Made by [a tool](https://x.org) &mdash; fast<br>and cheap |\n"
            "| C\\# \\| F\\* | plain |\n")
    doc = parse_text(text, "t.md")
    keywords, technologies = doc.sections
    assert [item.text for item in keywords.items] == [
        "generative AI", "AT&T", "Digital Twins", "OpenAI", "snake_case and C* and R&D"]
    assert [row.cells for row in technologies.tables[0].rows] == [
        ["Deepfakes", "Made by a tool (https://x.org) \u2014 fast and cheap"],
        ["C# | F*", "plain"]]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_with_its_byte_order_mark_is_read(encoding):
    """A summary saved as UTF-16 (with its BOM) was read as bad UTF-8 (found by a review)."""
    text = "# __Caf\u00e9__, (from page [20250101](https://k.org/p/1).)\n\n## Keywords\n\n* a\n"
    data = text.encode(encoding)
    if encoding != "utf-16":  # (the plain codec writes its own mark)
        data = "\ufeff".encode(encoding) + data
    doc = parse_bytes(data, "t.md", "t")
    assert (doc.title, doc.page) == ("Caf\u00e9", "20250101")
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (None, "the file is UTF-16; read as such (save it as UTF-8)")]


def test_a_nul_byte_is_replaced_with_a_warning_naming_its_line():
    doc = parse_bytes(b"# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Keywords\n\n"
                      b"* a\x00b\n", "t.md", "t")
    assert doc.sections[0].items[0].text == "a\ufffdb"
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (5, "a NUL character (first on this line); replaced with U+FFFD")]


def test_messages_say_what_happened_before_the_first_section():
    """Found by a review: a second external link was called "not the external link", a
    comment before the first section "kept as text" though it was not, and a file of
    only a title line had no warning at all."""
    doc = parse_text("# __T__, (from page [20250101](https://k.org/p/1).)\n\n"
                     "__[External link](https://a.org)__\n\n__[External link](https://b.org)__\n\n"
                     "<!-- note -->\n\n## Keywords\n\n* a\n", "t.md")
    assert doc.external_link == "https://a.org"
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (5, "a second external link; ignored: https://b.org"),
        (7, "an HTML comment (line 7); left out")]
    only_title = parse_text("# __T__, (from page [20250101](https://k.org/p/1).)\n", "t.md")
    assert [(d.line, d.message) for d in only_title.diagnostics] == [
        (None, "the summary has only its title line: no external link, no sections")]


def test_inline_markup_is_read_up_to_a_budget_per_file():
    """Each mark costs markdown-it-py ~25 us: cells of many marks made 28 s per MB (found by
    a review). Past MAX_DOCUMENT_MARKS in a file, cells keep their marks, with a warning."""
    from kg.parse import MAX_DOCUMENT_MARKS

    cell = "`a` " * 25  # 50 marks
    rows = MAX_DOCUMENT_MARKS // 50 + 20
    text = ("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Concerns\n\n"
            "| name | description |\n|--|--|\n" + f"| n | {cell} |\n" * rows)
    doc = parse_text(text, "t.md")
    cells = [row.cells[1] for row in doc.sections[0].tables[0].rows]
    assert cells[0] == "a " * 24 + "a"
    assert cells[-1] == cell.strip()
    assert sum(c == cells[0] for c in cells) == MAX_DOCUMENT_MARKS // 50
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (7 + MAX_DOCUMENT_MARKS // 50, f"more than {MAX_DOCUMENT_MARKS:,} Markdown marks in "
         "this file; from here on, cells and items keep theirs as written")]


def test_a_row_wrapped_onto_the_next_line_is_joined_back():
    """A row broken inside a cell, its rest on a line without a leading `|`: the rest made
    a fake entity (found by a review)."""
    text = ("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Technologies\n\n"
            "| name | description | relevancy |\n|--|--|--|\n| One | first |  4 |\n"
            "| Two | AI tools like DALL-E\nused to generate images. | 5 |\n| Three | third | 3 |\n")
    doc = parse_text(text, "t.md")
    rows = doc.sections[0].tables[0].rows
    assert [(row.cells, row.line) for row in rows] == [
        (["One", "first", "4"], 7),
        (["Two", "AI tools like DALL-E used to generate images.", "5"], 8),
        (["Three", "third", "3"], 10)]
    assert (9, "table row of line 8 goes on here; joined") in [
        (d.line, d.message) for d in doc.diagnostics]


def test_a_table_without_outer_pipes_keeps_a_short_row_apart():
    doc = parse_text("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Concerns\n\n"
                     "name | description | relevancy\n--|--|--\nOne | first\nTwo | second | 5\n",
                     "t.md")
    assert [row.cells for row in doc.sections[0].tables[0].rows] == [
        ["One", "first"], ["Two", "second", "5"]]


@pytest.mark.parametrize("container", ["list", "quote"])
def test_containers_nested_past_the_parsers_limit_lose_nothing_after_them(container):
    # (A review: a list nested ten levels deep made markdown-it-py stop reading, and every
    # later section of the file was gone, with no diagnostic.)
    deep = ["  " * level + "* deeper" for level in range(12)] if container == "list" \
        else ["> " * 25 + "deep", "> " * 25 + "deeper"]
    text = MODERN.replace("* OpenAI\n", "* OpenAI\n" + "\n".join(deep) + "\n* Netflix\n")
    doc = parse_text(text, "a.md")
    keywords, signals = doc.sections
    assert [r.cells[0] for r in signals.tables[0].rows] == ["S1", "S2"]
    assert [r.line for r in signals.tables[0].rows] == [14 + len(deep) + 1, 15 + len(deep) + 1]
    first = 9 + (9 if container == "list" else 0)  # (the line of the first too deep)
    last = 8 + len(deep)
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (first, f"lists or block quotes nested more than 19 deep (lines {first}-{last}); "
                "kept as text")]
    assert keywords.items[-1].text == "Netflix"
    assert keywords.paragraphs[-1].text == "\n".join(deep[first - 9:]).strip()


@pytest.mark.parametrize("mark", ["> ", "* ", "1. "])
@pytest.mark.parametrize("after", ["", "\n## Themes\n\n* t\n"])
def test_rows_after_a_quoted_or_listed_row_stay_rows(mark, after):
    # (A review: `> | S3 |` made CommonMark read the rows after it into the quote, and
    # they were text only, the diagnostic naming the quoted line alone; a second review:
    # a list's blank line after them kept them text, and what else a quote held was lost.)
    rows = [f"| S{n} | d{n} | c{n} | t{n} | f{n} | {n} |" for n in (3, 4, 5)]
    doc = parse_text(MODERN + mark + "\n".join(rows) + "\n" + after, "a.md")
    signals = doc.sections[1]
    quoted = mark == "> "
    assert [(r.cells[0], r.line) for r in signals.tables[0].rows] == [
        ("S1", 14), ("S2", 15)] + ([("S3", 16)] if quoted else []) + [("S4", 17), ("S5", 18)]
    assert [(t.text, t.line) for t in signals.paragraphs + signals.items] == (
        [] if quoted else [(rows[0], 16)])
    assert [(d.line, d.message) for d in doc.diagnostics] == (
        [(16, "a block quote (lines 16-18); read as if not quoted"),
         (16, "table rows after a break (lines 16-18) are read as rows of the table at "
              "line 12")] if quoted else
        [(17, "table rows after a break (lines 17-18) are read as rows of the table at "
              "line 12")])
    assert [s.heading for s in doc.sections] == ["Keywords", "Signals"] + (
        ["Themes"] if after else [])


def test_a_quoted_list_is_read_as_its_items():
    # (A review: a quote was kept as text, whole, and what it held was no longer read:
    # the keywords of a quoted list were named "> * AI".)
    doc = parse_text(MODERN.replace("* generative AI\n* OpenAI\n", "> * generative AI\n"
                                    "> * OpenAI\n"), "a.md")
    assert [(i.text, i.line) for i in doc.sections[0].items] == [("generative AI", 7),
                                                               ("OpenAI", 8)]
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (7, "a block quote (lines 7-8); read as if not quoted")]


def test_a_table_right_after_a_line_of_text_is_a_table():
    # (A review: "The signals:" just above the header row made the table text, while a
    # GFM preview shows a table.)
    doc = parse_text(MODERN.replace("| name |", "The signals of the article:\n| name |"), "a.md")
    signals = doc.sections[1]
    assert [(r.cells[0], r.line) for r in signals.tables[0].rows] == [("S1", 15), ("S2", 16)]
    assert [(t.text, t.line) for t in signals.paragraphs] == [("The signals of the article:", 12)]
    assert signals.tables[0].line == 13 and doc.diagnostics == []


def test_an_external_link_with_a_space_says_so_once():
    # (A review: the link was dropped with "text before the first section is not the
    # external link" and a second, lineless "no External link line".)
    from kg.extract import extract

    record = extract(parse_text(MODERN.replace("example.com/a?b=1", "example.com/a b"), "a.md"))
    assert record.external_link is None
    assert [(d.line, d.message) for d in record.diagnostics] == [
        (3, "the external link line's address is not one link address (a space in it?); "
            "ignored: '__[External link](https://example.com/a b)__'")]


_H = "# __T__, from ([20240101](https://x.org/p).)\n\n__[External link](https://e.org)__\n\n"
_SIGNALS = _H + "## Signals\n\n| Signal | Change |\n|---|---|\n| a | b |\n\n"


@pytest.mark.parametrize("text, items, rows, messages", [
    # an item read from its line, in a quote: without the quote's marks
    (_H + "## Keywords\n\n> * # C#\n> * AI\n", ["# C#", "AI"], [],
     [(7, "a block quote (lines 7-8); read as if not quoted")]),
    # a quoted listed row and a quoted row after it
    (_SIGNALS + "> * | B | b |\n> | C | c |\n", ["| B | b |"], ["a", "C"],
     [(11, "a block quote (lines 11-12); read as if not quoted"),
      (12, "table rows after a break (line 12) are read as rows of the table at line 7")]),
    # an HTML block runs on to the next blank line: the rows right after it
    (_SIGNALS + "<div>x</div>\n| B | b |\n| C | c |\n", [], ["a", "B", "C"],
     [(11, "unexpected html block; kept as text"),
      (12, "table rows after a break (lines 12-13) are read as rows of the table at line 7")]),
    # quotes in quotes, on lines of their own: one warning
    (_H + "## Keywords\n\n* k\n\n> a\n> > nested\n> > > more\n", ["k"], [],
     [(9, "a block quote (lines 9-11); read as if not quoted")]),
    # an item's second paragraph, a quote, a comment, code or a heading in it: named, not
    # read (they were dropped in silence; a second review: read into the item, a comment
    # became a keyword), and named for the item they are in, not a nested one
    (_H + "## Keywords\n\n* a\n\n  second\n\n  > quoted\n* b\n", ["a", "b"], [],
     [(9, "lines 9-11 of the list item of line 7 (more paragraphs, code, HTML, quotes or "
          "headings in it) are not read: an item is its first paragraph")]),
    (_H + "## Keywords\n\n* Quantum\n  <!-- * Blockchain (a duplicate) -->\n* b\n",
     ["Quantum", "b"], [],
     [(8, "line 8 of the list item of line 7 (more paragraphs, code, HTML, quotes or "
          "headings in it) are not read: an item is its first paragraph")]),
    (_H + "## Keywords\n\n* Chain\n  * Nested\n\n  Walrus text\n", ["Chain", "Nested"], [],
     [(10, "line 10 of the list item of line 7 (more paragraphs, code, HTML, quotes or "
           "headings in it) are not read: an item is its first paragraph")]),
    (_H + "## Keywords\n\n* # Hashtag\n\n  Giraffe\n", ["# Hashtag"], [],
     [(9, "line 9 of the list item of line 7 (more paragraphs, code, HTML, quotes or "
          "headings in it) are not read: an item is its first paragraph")]),
    # a listed header row and its delimiter are no rows of the table above
    (_SIGNALS + "* | h1 | h2 |\n|---|---|\n| r | s |\n", ["| h1 | h2 |\n|---|---|\n| r | s |"],
     ["a"], []),
])
def test_what_lists_and_quotes_hold_is_read_once(text, items, rows, messages):
    # (A review of this session's fixes: each case lost, doubled or misread something.)
    doc = parse_text(text, "a.md")
    section = doc.sections[-1]
    assert [i.text for i in section.items] == items
    assert [r.cells[0] for t in section.tables for r in t.rows] == rows
    assert [(d.line, d.message) for d in doc.diagnostics] == messages


@pytest.mark.parametrize("indent", [" ", "  ", "   "])
def test_a_section_heading_indented_under_a_list_is_a_section(indent):
    """An attack on formats: "  ## Themes" right after a keyword list is, in CommonMark,
    a heading inside the last item: the themes were lost (with a warning). A `##`
    heading indented less than code is a section, said."""
    text = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n## Keywords\n\n"
            f"* alpha\n* beta\n{indent}## Themes\n\n* gamma\n  * delta\n")
    doc = parse_text(text, "x.md")
    assert [(s.heading, s.line, [(t.text, t.line) for t in s.items]) for s in doc.sections] == [
        ("Keywords", 3, [("alpha", 5), ("beta", 6)]),
        ("Themes", 7, [("gamma", 9), ("delta", 10)])]
    assert [(d.line, d.message) for d in doc.diagnostics] == ([] if indent == " " else [
        (7, "the heading `## Themes` is indented under the list above it; read as a section "
            "heading")])  # (one space: a heading at the margin for CommonMark too)
    # (not in a fenced block, and a heading at the margin says nothing)
    fenced = text.replace("* beta\n", "* beta\n\n```\n").replace("\n\n* gamma", "\n```\n\n* gamma")
    assert "Themes" not in [s.heading for s in parse_text(fenced, "x.md").sections]


def test_a_cell_that_is_all_one_link_is_its_text_and_says_the_address_is_dropped():
    """An attack on formats: a name cell written as a link kept its text and lost its
    address without a word."""
    text = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n## Signals\n\n"
            "| name | description |\n|---|---|\n| [Drone Swarms](https://x.org/d) | d |\n"
            "| [https://x.org/e](https://x.org/e) | e |\n")
    doc = parse_text(text, "x.md")
    assert [row.cells for row in doc.sections[0].tables[0].rows] == [
        ["Drone Swarms", "d"], ["https://x.org/e", "e"]]
    assert [(d.line, d.message) for d in doc.diagnostics] == [
        (7, "'Drone Swarms' is written as a link; read as its text, its address not kept: "
            "https://x.org/d")]


def test_an_indented_heading_takes_the_lines_indented_under_it_and_nothing_else_is_said():
    """A review: "    ## Themes" after a list with its items indented alike lost them to
    a code block once the heading alone was moved; a setext underline, "* ## X" and a
    quoted heading were said to be moved when nothing was."""
    head = "# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n## Keywords\n\n"
    for items, indent in (("* alpha\n* beta\n", "    "), ("1. alpha\n2. beta\n", "   ")):
        doc = parse_text(head + items + f"{indent}## Themes\n{indent}* gamma\n{indent}* delta\n"
                         "\n## Summary\n\nText.\n", "x.md")
        assert [(s.heading, [t.text for t in s.items]) for s in doc.sections] == [
            ("Keywords", ["alpha", "beta"]), ("Themes", ["gamma", "delta"]), ("Summary", [])]
        assert [d.line for d in doc.diagnostics] == [7]
    for text in ("* alpha\n* beta\n  ---\n", "* alpha\n* ## Themes\n* gamma\n",
                 "> * alpha\n>   ## Themes\n>   * gamma\n"):
        doc = parse_text(head + text, "x.md")
        assert not any("indented under" in d.message for d in doc.diagnostics), text


@given(st.integers(2, 4).flatmap(lambda width: st.lists(
    st.lists(st.lists(_CELLS, min_size=1, max_size=2), min_size=width, max_size=width),
    min_size=2, max_size=5)))
def test_a_grid_table_reads_back_cell_by_cell(grid):
    """Each cell of a grid table may run on over lines: read back, its lines joined."""
    from kg.tables import grid_rows

    border = "+" + "+".join("---" for _ in grid[0]) + "+"
    lines = [border]
    for row in grid:
        height = max(len(cell) for cell in row)
        lines += ["| " + " | ".join(cell[at] if at < len(cell) else "" for cell in row) + " |"
                  for at in range(height)]
        lines.append(border)
    assert [cells for cells, _ in grid_rows(lines)] == [
        [" ".join(part.strip() for part in cell if part.strip()) for cell in row]
        for row in grid]
