"""Extract stage: every format era becomes the same kind of record."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, strategies as st

from kg.dates import parse_page_date
from kg.extract import extract, name_from_description, split_stem
from kg.parse import parse_text

from .conftest import TODAY

LEGACY = """# __Fart Proudly__, from ([20290911](https://kghosh.substack.com/p/20290911).)

__[External link](https://en.wikipedia.org/wiki/Fart_Proudly)__

## Summary

Para one.

Para two.

## Keywords

* essay
* flatulence

## Themes

* humor

## Signals

| Signal                           | Change          | 10y horizon          | Driving force        |
|:---------------------------------|:----------------|:---------------------|:---------------------|
| "Fart Proudly" essay by Franklin | Cultural/Social | Attitudes may change | Desire for humor     |

## Closest

* [The Legacy of American Novelists](4c3432a8b55708ec616a64ca00632fdf)
* [Itself](001b)
* [The Legacy of American Novelists](4c3432a8b55708ec616a64ca00632fdf)
"""


def record(text, path="001b.legacy.md"):
    return extract(parse_text(text, path), TODAY)


def test_legacy_signal_table_maps_columns_by_name():
    rec = record(LEGACY)
    (signal,) = rec.mentions
    assert (signal.kind, signal.name, signal.values, signal.description, signal.relevancy,
            signal.line) == (
        "signal", '"Fart Proudly" essay by Franklin',
        {"change": "Cultural/Social", "ten_year": "Attitudes may change",
         "driving_force": "Desire for humor"}, None, None, 24)


def test_legacy_record_fields_and_closest_links():
    rec = record(LEGACY)
    assert (rec.article_id, rec.rendering, rec.page, rec.page_date) == (
        "001b", "legacy", "20290911", None)
    assert rec.summary == "Para one.\n\nPara two."
    assert [k.text for k in rec.names_of("keyword")] == ["essay", "flatulence"]
    assert [(c.target, c.text) for c in rec.closest] == [
        ("4c3432a8b55708ec616a64ca00632fdf", "The Legacy of American Novelists")]
    messages = [(d.line, d.message) for d in rec.diagnostics]
    assert (29, "`Closest` link to the article itself; ignored") in messages
    assert (30, "`Closest` link to 4c3432a8b55708ec616a64ca00632fdf repeated; kept once") in messages


NAMELESS_TECH = """# __T__, (from page [20250101](https://k.org/p/20250101).)

__[External link](https://example.com/t)__

## Technologies

| description | relevancy | src |
|:--|--:|:--|
| Creating a drug to make flatulence inoffensive or pleasant. | 4 | 001b |
"""


def test_technology_without_name_column_gets_a_derived_name():
    (tech,) = record(NAMELESS_TECH, "001b.md").mentions
    assert (tech.name, tech.name_derived, tech.description, tech.relevancy, tech.src) == (
        "Creating a drug", True, "Creating a drug to make flatulence inoffensive or pleasant.",
        4, "001b")
    assert record(NAMELESS_TECH, "001b.md").diagnostics == []


def test_exploded_keyword_list_is_joined_back():
    chars = list("silk dress,cryptogram,Wayne Chan")
    body = "".join(f"* {c}\n" if c != " " else "*  \n" for c in chars)
    rec = record(f"# __T__, from ([4320.0](https://k.org/p/4320.0).)\n\n## Keywords\n\n{body}",
                 "a.v2.md")
    assert [(k.text, k.line) for k in rec.names_of("keyword")] == [
        ("silk dress", 5), ("cryptogram", 16), ("Wayne Chan", 27)]
    assert [d.message for d in rec.diagnostics] == [
        "no `__[External link](URL)__` line",
        "`Keywords` list has one character per item; joined back into 3 items"]


def test_ragged_rows_are_repaired_with_warnings():
    text = """## Concerns

| name | description | relevancy |
|--|--|--|
| A | left | right | 3 |
| B |
| | |
"""
    rec = record(text, "a.md")
    assert [(m.name, m.description, m.relevancy) for m in rec.mentions] == [
        ("A", "left | right", 3), ("B", None, None)]
    messages = [(d.line, d.message) for d in rec.diagnostics]
    assert messages == [
        (1, "no title line `# __Title__, (from page [DATE](URL).)`; the file name is used "
            "as the title"),
        (None, "no `__[External link](URL)__` line"),
        (5, "`Concerns` row has 4 cells but the header has 3; cells joined into `description`"),
        (6, "`Concerns` row has 1 cells but the header has 3; missing cells left empty"),
        (7, "`Concerns` row has 2 cells but the header has 3; missing cells left empty"),
        (7, "`Concerns` row has no name and no description; skipped"),
    ]



def test_a_cell_after_the_relevancy_shifts_no_cell():
    """attack 107 (v10): a seventh cell after a six-column row joined the description with
    the change, and every later cell took the next column's text."""
    text = """## Signals

| name | description | change | 10-year | driving-force | relevancy |
|--|--|--|--|--|--|
| S1 | d1 | c1 | t1 | f1 | 4 | extra cell |
| S2 | d2 | with | pipe | c2 | t2 | f2 | 5 |
| S3 | d3 | c3 | t3 | f3 | 4 | 5 |
"""
    rec = record(text, "a.md")
    assert [(m.name, m.description, m.values, m.relevancy) for m in rec.mentions] == [
        ("S1", "d1 extra cell", {"change": "c1", "ten_year": "t1", "driving_force": "f1"}, 4),
        ("S2", "d2 | with | pipe", {"change": "c2", "ten_year": "t2", "driving_force": "f2"}, 5),
        ("S3", "d3 5", {"change": "c3", "ten_year": "t3", "driving_force": "f3"}, 4)]
    assert [(d.line, d.message) for d in rec.diagnostics][2:] == [
        (5, "`Signals` row has 7 cells but the header has 6; the 1 after its relevancy added "
            "to the description"),
        (6, "`Signals` row has 8 cells but the header has 6; cells joined into `description`"),
        (7, "`Signals` row has 7 cells but the header has 6; the 1 after its relevancy added "
            "to the description")]  # (attack 114's z15: every cell shifted)


def test_an_empty_cell_before_a_score_is_read_as_a_pipe_in_the_description():
    """`| d | c | t | f | | 4 |` (attack 115's y11: an empty relevancy, the score one
    cell on) and `| costs fall | rise | c | t | | 4 |` (a review's: a `|` inside the
    description, no driving force) are the same row to a reader of cells: kg keeps the
    older reading, which loses no text (the extra cells joined into the description)."""
    text = """## Signals

| name | description | change | 10-year | driving-force | relevancy |
|--|--|--|--|--|--|
| S1 | costs fall | rise | c1 | t1 | | 4 |
"""
    rec = record(text, "a.md")
    assert [(m.name, m.description, m.values, m.relevancy) for m in rec.mentions] == [
        ("S1", "costs fall | rise", {"change": "c1", "ten_year": "t1"}, 4)]


def test_empty_cells_joined_into_the_description_leave_no_stray_pipe():
    """attack 117's s01: `| C1 | desc | | 5 |` under a three-column header gave the
    description "desc | " (an empty cell joined); what is joined is the text only."""
    text = """## Concerns

| name | description | relevancy |
|--|--|--|
| C1 | desc text | | 5 |
| C2 | one | | two | 4 |
| C3 | | three | | | 2 |
| C4 | | | 1 |
| C5 | a | b | | 3 |
"""
    rec = record(text, "a.md")
    assert [(m.name, m.description, m.relevancy) for m in rec.mentions] == [
        ("C1", "desc text", 5), ("C2", "one |  | two", 4), ("C3", "three", 2), ("C4", None, 1),
        ("C5", "a | b", 3)]
    assert [(d.line, d.message) for d in rec.diagnostics][2:] == [
        (5, "`Concerns` row has 4 cells but the header has 3; its empty cells by "
            "`description` left out"),
        (6, "`Concerns` row has 5 cells but the header has 3; cells joined into `description`"),
        (7, "`Concerns` row has 6 cells but the header has 3; its empty cells by "
            "`description` left out"),
        (8, "`Concerns` row has 4 cells but the header has 3; its empty cells by "
            "`description` left out"),
        (9, "`Concerns` row has 5 cells but the header has 3; cells joined into `description`")]


def test_a_table_section_written_as_a_list_lands_row_by_row():
    """Other pipelines write entities as lists (attack 107's v25): every item was kept
    only as verbatim text, no entity landed."""
    text = """## Signals

- **Drone swarms**: cheap drones fly together
  - Change: from one to many
  - 10-year: common in farming
  - Driving force: cheaper chips
  - Relevancy: 4
- **Sea walls** — cities build them (relevancy 3)

## Concerns

* Water stress: less rain in the south
* Heat \u2014 much hotter summers ahead (Relevance: 5)
* Loss of trust
* AI: the next decade
* People increasingly rely on machines they do not understand.
"""
    rec = record(text, "a.md")
    assert [(m.kind, m.name, m.description, m.values, m.relevancy, m.line)
            for m in rec.mentions] == [
        ("signal", "Drone swarms", "cheap drones fly together",
         {"change": "from one to many", "ten_year": "common in farming",
          "driving_force": "cheaper chips"}, 4, 3),
        ("signal", "Sea walls", "cities build them", {}, 3, 8),
        ("concern", "Water stress", "less rain in the south", {}, None, 12),
        ("concern", "Heat", "much hotter summers ahead", {}, 5, 13),
        ("concern", "Loss of trust", None, {}, None, 14),
        ("concern", "AI: the next decade", None, {}, None, 15),  # (a title: attack 114)
        ("concern", "People increasingly rely", "People increasingly rely on machines they do "
         "not understand.", {}, None, 16)]
    assert [(d.line, d.message) for d in rec.diagnostics][2:] == [
        (3, "`Signals` is a list, not a table; each item read as a row (its name in bold or "
            "before a colon, its sub-items `Label: value` as columns)"),
        (12, "`Concerns` is a list, not a table; each item read as a row (its name in bold "
             "or before a colon, its sub-items `Label: value` as columns)"),
        (16, "`Concerns` row has an empty name; named 'People increasingly rely' from its "
             "description")]


def test_a_listed_rows_columns_may_be_lines_of_its_own():
    """attack 114 (z35): columns written as unmarked lines under an item went to its
    description."""
    rec = record("## Signals\n\n- **Drone swarms**: cheap drones fly together\n  Change: from "
                 "one to many\n  Relevancy: 4\n  and more said\n", "a.md")
    assert [(m.name, m.description, m.values, m.relevancy) for m in rec.mentions] == [
        ("Drone swarms", "cheap drones fly together and more said",
         {"change": "from one to many"}, 4)]


def test_a_list_right_under_a_line_of_text_is_a_list():
    """attack 114 (z41): items indented under a line of text, no blank line between, were
    one paragraph to CommonMark: "* kw alpha" and the line itself became keywords."""
    rec = record("## Keywords\n\nThe keywords are:\n    * alpha\n    * beta\n", "a.md")
    assert [n.text for n in rec.names] == ["alpha", "beta"]
    assert [(d.line, d.message) for d in rec.diagnostics][2:] == [
        (4, "`Keywords` list goes on from a line of text (no blank line between); read as "
            "a list"),
        (3, "text in `Keywords` outside the list; ignored: 'The keywords are:'")]


def test_a_comment_in_a_cell_is_left_out_and_one_in_code_is_code():
    """attack 114 (z63): a comment in a cell stayed in the description unsaid; one inside
    a code span in the summary was cut out of it."""
    rec = record("## Summary\n\nWrite `<!-- x -->` to hide.\n\n## Concerns\n\n"
                 "| name | description |\n|--|--|\n| A | d <!-- src: y --> |\n", "a.md")
    assert (rec.summary, [(m.name, m.description) for m in rec.mentions]) == (
        "Write `<!-- x -->` to hide.", [("A", "d")])
    assert [(d.line, d.message) for d in rec.diagnostics][0] == (
        9, "an HTML comment; left out: '<!-- src: y -->'")


def test_a_listed_rows_name_item_and_escapes_and_a_table_of_types_in_other():
    """A review's: a "Name:" sub-item was joined to its item's words; a listed row's text
    was read as Markdown twice (`&amp;lt;` became `<`); `| Type | Description |` in
    Other gave the type "Description"."""
    rec = record("## Signals\n\n- Signal 1\n  - Name: Drone swarms\n  - Change: more\n"
                 "- **A &amp;lt; B**: what it compares and why\n", "a.md")
    assert [(m.name, m.description, m.values) for m in rec.mentions] == [
        ("Drone swarms", "Signal 1", {"change": "more"}),
        ("A &lt; B", "what it compares and why", {})]
    inline = record("## Issues\n\n- Issue A - what it is about here - Relevancy: 3\n", "a.md")
    assert [(m.name, m.description, m.relevancy) for m in inline.mentions] == [
        ("Issue A", "what it is about here", 3)]  # (attack 114/115: it stayed described)
    other = record("## Other\n\n| Type | Description |\n|--|--|\n| report | a long one |\n",
                   "a.md")
    assert [(n.kind, n.text) for n in other.names] == [("content_type", "report")]


def test_a_field_given_twice_alike_is_one():
    """attack 114 (q8): front matter and `Other` saying the same category made a note."""
    rec = record("---\ncategory: science\ntype: report\n---\n## Other\n\n* Category: science"
                 "\n* Type: report\n", "a.md")
    assert [(n.kind, n.text) for n in rec.names] == [("category", "science"),
                                                     ("content_type", "report")]
    assert rec.notes == []


_WORDS = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=40).filter(str.strip)


@given(_WORDS, _WORDS)
def test_a_listed_row_reads_back_its_name_and_description(name, description):
    rec = record(f"## Concerns\n\n* **{name.strip()}**: {description.strip()}\n", "a.md")
    assert [(m.name, m.description) for m in rec.mentions] == [
        (name.strip(), description.strip())]


def test_other_written_as_a_table_or_with_dashes_gives_its_fields():
    """attack 107 (v22b, v22c): `Other` as a table, or as "Category - x" lines, landed
    as verbatim text and notes: the article had no category and no type."""
    for other, notes in (
            ("| Category | Type |\n|--|--|\n| science | report |\n", []),
            ("| Category | science |\n|--|--|\n| Type | report |\n| Region | Asia |\n",
             ["Region: Asia"]),
            ("| Field | Value |\n|--|--|\n| Category | science |\n| Type | report |\n", []),
            ("Category - science\nType \u2014 report\n", []),
            ("* Category \u2013 science\n* Type - report\n* Tone - upbeat\n",
             ["Tone - upbeat"])):
        rec = record(f"## Other\n\n{other}", "a.md")
        assert [(n.kind, n.text) for n in rec.names] == [
            ("category", "science"), ("content_type", "report")], other
        assert [n.text for n in rec.notes] == notes
    pairs = record("## Other\n\n| Source | Reuters |\n|--|--|\n| Category | science |\n"
                   "| Type | report |\n", "a.md")  # (pairs from the first row: the header)
    assert [(n.kind, n.text) for n in pairs.names] == [
        ("category", "science"), ("content_type", "report")]
    assert [n.text for n in pairs.notes] == ["Source: Reuters"]
    more = record("## Other\n\n| Source | Reuters |\n|--|--|\n| Category | science |\n"
                  "| Type | report |\n| Region | Asia |\n| Language | en |\n", "a.md")
    assert [(n.kind, n.text) for n in more.names] == [  # (a review's: more notes than fields)
        ("category", "science"), ("content_type", "report")]
    three = record("## Other\n\n| a | b | c |\n|--|--|--|\n| 1 | 2 | 3 |\n", "a.md")
    assert three.names == [] and [d.message for d in three.diagnostics][2:] == [
        "table in `Other` is not expected there; kept verbatim as an extra section"]


def test_a_table_of_figures_in_other_names_no_category_or_type():
    """attack 117 (o01, o02, o04): `Other` holding only a table of figures (| Category |
    Share | over | Energy | 40% |) gave the category "Share" (its header read as a
    field) or "40%" (a row named Category): a table whose values are all figures names
    its columns, not a field's value, and is kept verbatim."""
    for other in ("| Category | Share |\n|---|---|\n| Energy | 40% |\n| Transport | 60% |\n",
                  "| Type | Count |\n|---|---|\n| article | 12 |\n| video | 3 |\n",
                  "| Region | Share |\n|---|---|\n| Category | 40% |\n| Europe | 60% |\n",
                  "| Category | Amount |\n|---|---|\n| Energy | $1,200 |\n| Other | ~3.5 bn |\n",
                  "| Type | Share |\n|---|---|\n| grid | 5-10% |\n| solar | \u22125% |\n"
                  "| wind | 12 MW |\n"):
        rec = record(f"## Other\n\n{other}", "a.md")
        assert rec.names == [] and rec.notes == [], other
        assert [d.message for d in rec.diagnostics][-1:] == [
            "table in `Other` is not expected there; kept verbatim as an extra section"]
        assert [line for extra in rec.extra_sections for line in extra.text.splitlines()
                if "|" in line][2:] == other.splitlines()[2:], other
    words = record("## Other\n\n| Category | science |\n|--|--|\n| Type | report |\n"
                   "| Pages | 12 |\n", "a.md")  # (a figure among words: fields and a note)
    assert [(n.kind, n.text) for n in words.names] == [
        ("category", "science"), ("content_type", "report")]
    assert [n.text for n in words.notes] == ["Pages: 12"]
    figures = record("## Other\n\n| Category | Science |\n|--|--|\n| Year | 2024 |\n"
                     "| Pages | 12 |\n", "a.md")  # (a review's: figures under a field's value)
    assert [(n.kind, n.text) for n in figures.names] == [("category", "Science")]
    assert [n.text for n in figures.notes] == ["Year: 2024", "Pages: 12"]


def test_marks_before_keywords_and_footnote_references_are_no_part_of_names():
    """attack 116 (u61-u65, u40): task boxes, bullets written as characters and hashtags
    stayed in keyword and theme labels; a footnote's reference stayed in a name, whose
    key then held its number (`technology:tech_t1_2`). All unsaid."""
    rec = record("## Keywords\n\n- [ ] kw alpha\n- [x] kw **beta**\n- #ClimateTech\n- #1 pick\n\n"
                 "## Themes\n\n\u2022 theme one\n\u2022 theme two\n\u2013 theme three\n\n"
                 "## Technologies\n\n| name | description | relevancy |\n|--|--|--|\n"
                 "| Tech T1[^2] | what it does[^1] | 3 |\n\n[^1]: A note.\n", "a.md")
    assert [(n.kind, n.text) for n in rec.names] == [
        ("keyword", "kw alpha"), ("keyword", "kw beta"), ("keyword", "ClimateTech"),
        ("keyword", "#1 pick"), ("theme", "theme one"), ("theme", "theme two"),
        ("theme", "theme three")]
    assert [(m.name, m.description) for m in rec.mentions] == [("Tech T1", "what it does")]
    bold = record("## Technologies\n\n| name | description |\n|--|--|\n"
                  "| **Quantum** sensing | uses *entangled* atoms; 2*3*4 |\n", "a.md")
    assert [(m.name, m.description) for m in bold.mentions] == [  # (attack 116's u43)
        ("Quantum sensing", "uses entangled atoms; 2*3*4")]
    said = [(d.line, d.message) for d in rec.diagnostics]
    assert (3, "`Keywords` items begin with a mark (`[ ]`: a bullet, task box or hashtag); "
               "read without it") in said
    assert (10, "`Themes` items begin with a mark (`\u2022`: a bullet, task box or hashtag); "
               "read without it") in said
    assert (18, "a footnote reference left out of 'Tech T1'") in said


def test_a_footnote_reference_is_no_part_of_the_title():
    """attack 117's f01: `__Study of lattices[^4]__` kept "[^4]" in the title, unsaid,
    while cells and keywords lost theirs. As in cells, a class with a range or a space
    is no reference, and neither is one in code or escaped (a review's); a title that is
    only a reference stays; front matter's title is read alike."""
    page = ", (from page [20250323](https://x.org/p/20250323).)\n\n## Summary\n\nText.\n"
    rec = record("# __Study of lattices[^4]__" + page + "\n[^4]: A note.\n", "a.md")
    assert (rec.title, rec.page) == ("Study of lattices", "20250323")
    assert (1, "a footnote reference left out of the title 'Study of lattices'") in [
        (d.line, d.message) for d in rec.diagnostics]
    for kept in ("Matching [^a-z] and [^ ] in text", "Writing `[^1]` footnotes", "[^4]"):
        same = record(f"# __{kept}__" + page, "a.md")
        assert same.title == kept
        assert not [d for d in same.diagnostics if "footnote" in d.message], kept
    assert record("# __Writing \\[^1\\] marks__" + page, "a.md").title == "Writing [^1] marks"
    front = record("---\ntitle: Study of lattices[^4]\n---\n# __Study of lattices[^4]__" +
                   page, "a.md")
    assert front.title == "Study of lattices"
    assert not [d for d in front.diagnostics if "front matter title" in d.message]
    alone = record("---\ntitle: Study of lattices[^4]\n---\n## Summary\n\nText.\n", "a.md")
    assert alone.title == "Study of lattices"


def test_a_second_title_line_says_the_file_holds_two_summaries():
    """attack 116's s01, a digest: the second summary's sections were added to the
    first's, and nothing said there were two. Nothing is lost, and now it is said, for
    the title line in each of its forms (a review's: the legacy `from ([DATE](URL).)`)."""
    said = "another title line: this file seems to hold more than one summary (a digest); " \
        "what follows is read as more of the first's sections (split the file to keep them apart)"
    for second in ("# __B__, (from page [20250324](https://x.org/p/20250324).)",
                   "# __B__, from ([20250324](https://x.org/p/20250324).)",
                   "# B \u2014 from page [20250324](https://x.org/p/20250324)"):
        rec = record("# __A__, (from page [20250323](https://x.org/p/20250323).)\n\n"
                     "## Keywords\n\n* alpha\n\n---\n\n" + second + "\n\n## Keywords\n\n"
                     "* beta\n", "a.md")
        assert [n.text for n in rec.names] == ["alpha", "beta"]
        assert (9, said) in [(d.line, d.message) for d in rec.diagnostics], second
    for heading in ("# Notes from the field", "# Why (from page [x] matters)"):  # (no page)
        plain = record("# __A__, (from page [20250323](https://x.org/p/20250323).)\n\n"
                       f"{heading}\n\ntext\n", "a.md")
        assert said not in [d.message for d in plain.diagnostics], heading


def test_a_comment_in_the_summary_is_left_out_and_said():
    """attack 107 (w18): `<!-- section Summary -->` landed as the summary's first words."""
    rec = record("## Summary\n\n<!-- section Summary -->\n\nWhat it says <!-- x -->here.\n\n"
                 "## Keywords\n<!--\nnote\n-->\n* AI\n", "a.md")
    assert (rec.summary, [n.text for n in rec.names], rec.extra_sections) == (
        "What it says here.", ["AI"], [])
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (3, "an HTML comment (line 3); left out"),
        (8, "an HTML comment (lines 8-10); left out"),
        (1, "no title line `# __Title__, (from page [DATE](URL).)`; the file name is used as "
            "the title"),
        (None, "no `__[External link](URL)__` line"),
        (5, "a comment in `Summary`; left out")]


def test_a_stray_pipe_at_a_rows_end_shifts_no_cell():
    # (attack 107: `| ... | 4 | |` joined the description with the change, each cell
    # took the next column's text and the relevancy became a driving force named "4")
    text = """## Signals

| Signal | Description | Change | 10-year | Driving force | Relevancy |
|---|---|---|---|---|---|
| S | d | c | t | f | 4 | |
| T | a | b | u | g | 2 | | |
"""
    rec = record(text, "a.md")
    assert [(m.name, m.description, m.values, m.relevancy) for m in rec.mentions] == [
        ("S", "d", {"change": "c", "ten_year": "t", "driving_force": "f"}, 4),
        ("T", "a", {"change": "b", "ten_year": "u", "driving_force": "g"}, 2)]
    assert [(d.line, d.message) for d in rec.diagnostics][2:] == [
        (5, "`Signals` row has 7 cells but the header has 6; the empty ones at its end left out"),
        (6, "`Signals` row has 8 cells but the header has 6; the empty ones at its end left out")]


def test_headers_another_pipeline_writes_are_understood():
    # (attack 107: "Signal name", "Ten-Year Outlook", "Drivers", "Relevance (1-5)",
    # "Details", "Score" were not understood: the name was made from the description and
    # the other cells pasted into it)
    text = """## Signals

| Signal name | Description | Change | Ten-Year Outlook | Drivers | Relevance (1-5) |
|---|---|---|---|---|---|
| S | d | c | t | f | 4 |

## Behaviors

| Behavior Name | Details | Score |
|---|---|---|
| B | e | 2 |
"""
    rec = record(text, "a.md")
    assert [(m.kind, m.name, m.description, m.values, m.relevancy, m.name_derived)
            for m in rec.mentions] == [
        ("signal", "S", "d", {"change": "c", "ten_year": "t", "driving_force": "f"}, 4, False),
        ("behavior", "B", "e", {}, 2, False)]
    assert not [d for d in rec.diagnostics if d.line is not None and d.line > 1]

def test_unknown_section_and_other_fields_are_kept_with_warnings():
    text = """# __T__, (from page [20250101](https://k.org/p/20250101).)

## Other

* Category: science
* Type: news
* Region: Europe

## Predictions

Something new.
"""
    rec = record(text, "a.md")
    assert [(n.kind, n.text) for n in rec.names if n.kind in ("category", "content_type")] == [
        ("category", "science"), ("content_type", "news")]
    assert [n.text for n in rec.notes] == ["Region: Europe"]
    assert [e.text for e in rec.extra_sections] == ["## Predictions\n\nSomething new."]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (None, "no `__[External link](URL)__` line"),
        (7, "`Other` item 'Region: Europe' is not `Category:` or `Type:`; kept as a note"),
        (9, "unknown section `Predictions`; kept verbatim"),
    ]


def test_relevancy_that_is_not_a_number_is_reported():
    text = "## Issues\n\n| name | relevancy |\n|--|--|\n| X | high |\n| Y | 4.0 |\n"
    rec = record(text, "a.md")
    assert [(m.name, m.relevancy) for m in rec.mentions] == [("X", None), ("Y", 4)]
    assert (5, "relevancy 'high' is not a whole number; left out") in [
        (d.line, d.message) for d in rec.diagnostics]


def test_page_dates():
    assert parse_page_date("20250323", TODAY) == (dt.date(2025, 3, 23), None)
    assert parse_page_date("20250511d", TODAY) == (dt.date(2025, 5, 11), None)
    assert parse_page_date("20250231", TODAY) == (None, "is not a calendar date")
    assert parse_page_date("4320.0", TODAY) == (None, "is not a YYYYMMDD date")
    assert parse_page_date("19000101", TODAY) == (None, "is before 1990-01-01")
    # other pipelines' page dates (found by a review: each was kept as text, undated)
    for written in ("2024-03-05", "2024/03/05", "2024-03-05T10:30:00Z", "5 March 2024",
                    "March 5, 2024", "Mar 5, 2024", "05 Mar 2024"):
        assert parse_page_date(written, TODAY) == (dt.date(2024, 3, 5), None), written
    assert parse_page_date("2024-02-30", TODAY) == (None, "is not a calendar date")
    assert parse_page_date("March 2024", TODAY)[0] is None
    assert parse_page_date("5 Marching 2024", TODAY)[0] is None
    # day/month numbers: a date when one of the two can be no month (attack 107's v28c)
    for written in ("23/03/2025", "03/23/2025", "23.3.2025"):
        assert parse_page_date(written, TODAY) == (dt.date(2025, 3, 23), None), written
    assert parse_page_date("03/04/2025", TODAY) == (None, "may be day/month or month/day")
    assert parse_page_date("04/04/2025", TODAY) == (dt.date(2025, 4, 4), None)
    assert parse_page_date("23/23/2025", TODAY)[0] is None  # (a review's: no month 23)
    for written in ("23rd March 2025", "Sun, 23 Mar 2025", "Sunday, March 23rd, 2025"):
        assert parse_page_date(written, TODAY) == (dt.date(2025, 3, 23), None), written


def test_split_stem():
    assert split_stem("abc.v2") == ("abc", "v2")
    assert split_stem("abc") == ("abc", None)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1,
               max_size=300).filter(lambda s: s.split()))
def test_derived_name_is_a_short_prefix_of_the_description(description):
    name = name_from_description(description)
    words, source = name.split(), description.split()
    assert 1 <= len(words) <= 8
    assert words[:-1] == source[: len(words) - 1]
    assert source[len(words) - 1].startswith(words[-1])


def test_two_columns_of_one_field_keep_both_with_a_warning():
    """A second column meaning the same ("10-year" and "horizon", or two descriptions)
    overwrote the first's cells without a word (found by a review)."""
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Signals

| name | description | 10-year | horizon | description |
|--|--|--|--|--|
| Heat | first desc | first outlook | second outlook | second desc |
""")
    signal = found.mentions[0]
    assert signal.values["ten_year"] == "first outlook"
    assert signal.description == "first desc horizon: second outlook description: second desc"
    shown = [(d.line, d.message) for d in found.diagnostics]
    assert (5, "column `horizon` of `Signals` means the same as `10-year`; its cells are "
               "added to the description") in shown
    assert (5, "column `description` of `Signals` means the same as `description`; its cells "
               "are added to the description") in shown


def test_a_relevancy_outside_the_archives_scale_is_kept_with_a_warning():
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Concerns

| name | description | relevancy |
|--|--|--|
| Big | d | 99 |
| Small | d | -3 |
| Fine | d | 4 |
""")
    assert [m.relevancy for m in found.mentions] == [99, -3, 4]
    shown = [(d.line, d.message) for d in found.diagnostics]
    assert (7, "relevancy 99 is outside the archive's 1-5; kept") in shown
    assert (8, "relevancy -3 is outside the archive's 1-5; kept") in shown
    assert not any(line == 9 for line, _ in shown)


def test_other_written_as_plain_lines_gives_each_field():
    """`Category:` and `Type:` on two lines of one paragraph, without bullets: the category
    was one name holding both lines (found by a review)."""
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Other

Category: technology
Type: blog post
""")
    assert sorted((n.kind, n.text, n.line) for n in found.names) == [
        ("category", "technology", 5), ("content_type", "blog post", 6)]


def test_keywords_in_other_shapes_are_split_where_they_are_separated():
    """A paragraph of keywords separated by semicolons or line ends, and a list item that
    runs on to a line without its marker, are several keywords (found by a review: one
    keyword each, the warning saying they were split on commas)."""
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Keywords

Coca-Cola; generative AI; marketing, advertising

## Themes

* OpenAI
ChatGPT
* DALL-E
""")
    names = [(n.kind, n.text, n.line) for n in found.names]
    assert names == [("keyword", "Coca-Cola", 5), ("keyword", "generative AI", 5),
                     ("keyword", "marketing, advertising", 5), ("theme", "OpenAI", 9),
                     ("theme", "ChatGPT", 10), ("theme", "DALL-E", 11)]
    shown = [(d.line, d.message) for d in found.diagnostics]
    assert (3, "`Keywords` is a paragraph, not a list; split on semicolons") in shown
    assert (9, "`Themes` item runs on to 2 lines; read as 2 items") in shown


def test_a_closest_link_to_a_web_address_is_not_an_article():
    """`* [B](https://...)` in Closest made an article whose id was the address (found by
    a review)."""
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Closest

* [B](https://kghosh.substack.com/p/20250101)
* [C](0123abcd)
""")
    assert [(link.text, link.target) for link in found.closest] == [("C", "0123abcd")]
    assert (5, "`Closest` link to a web address, not an article id; ignored: "
               "https://kghosh.substack.com/p/20250101") in [
        (d.line, d.message) for d in found.diagnostics]


def test_a_single_word_exploded_into_letters_is_joined_back():
    """The repair needed a `,` item: one word spread over one item per letter stayed
    nine one-letter themes (found by a review); four single letters are left alone."""
    word = record("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Themes\n\n" +
                  "".join(f"* {c}\n" for c in "cryptography"))
    assert [n.text for n in word.names] == ["cryptography"]
    letters = record("# __T__, (from page [20250101](https://k.org/p/1).)\n\n## Themes\n\n"
                     "* A\n* B\n* C\n* D\n")
    assert [n.text for n in letters.names] == ["A", "B", "C", "D"]


def test_other_keeps_a_wrapped_note_whole_and_an_entity_semicolon_splits_nothing():
    """Review of this session's change: a note wrapped over lines was cut into one note
    per line; `R&amp;D` in a keyword paragraph switched it to splitting on `;`."""
    found = record("""# __T__, (from page [20250101](https://k.org/p/1).)

## Keywords

AI, R&amp;D, robotics

## Other

Category: technology
A note written
over two lines
""")
    keywords = [n.text for n in found.names if n.kind == "keyword"]
    assert keywords == ["AI", "R&D", "robotics"]
    assert [n.text for n in found.notes] == ["A note written\nover two lines"]


def test_text_outside_a_table_is_named_by_all_its_lines():
    text = LEGACY.replace("| Desire for humor     |\n", "| Desire for humor     |\n\n"
                          "A note under the table\nthat runs on.\n\n* and an item\n")
    found = record(text)
    assert [(d.line, d.message) for d in found.diagnostics
            if "outside its table" in d.message] == [
        (26, "`Signals` has text outside its table (lines 26-29); kept verbatim as an extra "
             "section")]


def test_an_empty_category_says_it_names_nothing():
    # (A review: "* Category:" got "'Category:' is not `Category:` or `Type:`".)
    found = record(LEGACY.replace("## Closest", "## Other\n\n* Category:\n* Type: essay\n\n## Closest"))
    assert [(d.line, d.message) for d in found.diagnostics if "Other" in d.message] == [
        (28, "`Category:` in `Other` names nothing; ignored")]


# A section heading written as a line of text ("**Keywords**", "Keywords:", "##Keywords")
# is no Markdown heading: what followed it was read into the section before, the
# keywords into the summary, a concerns table as signals (an attack on formats).
WRITTEN_HEADINGS = """# __T__, (from page [20250323](https://x.org/p/20250323).)

__[External link](https://x.org/a)__

## Summary

Text of the summary.

{keywords}

* alpha
* beta

## Themes

* gamma

{themes}

* delta

## Signals

| name | description | relevancy |
|---|---|---|
| S1 | d | 3 |

{concerns}

| name | description | relevancy |
|---|---|---|
| C1 | d | 4 |
| C2 | d | 5 |
"""


def test_a_heading_written_as_text_starts_its_section_and_says_so():
    for keywords, themes, concerns in (("**Keywords**", "**Other**", "**Concerns**"),
                                       ("Keywords:", "Other:", "Concerns:"),
                                       ("##Keywords", "##\u00a0Other", "## Concerns"),
                                       ("__Keywords:__", "* **Other:**", "**Concerns:**")):
        text = WRITTEN_HEADINGS.format(keywords=keywords, themes=themes, concerns=concerns)
        rec = record(text.replace("* delta", "Category: science"), "x.md")
        assert rec.summary == "Text of the summary."
        assert [(n.kind, n.text) for n in rec.names] == [
            ("keyword", "alpha"), ("keyword", "beta"), ("theme", "gamma"),
            ("category", "science")], keywords
        assert [(m.kind, m.name) for m in rec.mentions] == [
            ("signal", "S1"), ("concern", "C1"), ("concern", "C2")], concerns
        lines = {d.line: d.message for d in rec.diagnostics}
        for line, written in ((9, keywords), (18, themes), (28, concerns)):
            if written.startswith("## "):
                continue  # (a heading)
            assert lines.pop(line).startswith(f"`{written.strip()}` is no Markdown heading"), lines
        assert lines == {}
    # the section's own name as a label, and a keyword "Signals", stay what they were
    rec = record(WRITTEN_HEADINGS.format(keywords="**Keywords**", themes="* Signals",
                                         concerns="## Concerns"), "x.md")
    assert ("theme", "Signals") in [(n.kind, n.text) for n in rec.names]


def test_headings_written_as_text_before_any_section_start_their_sections():
    """An attack on formats: with `**Keywords**` as the first section (no `##` before
    it), its items were "before the first section; ignored"; a summary whose every
    heading was bold landed empty. A `Keywords: a, b` line there was lost too."""
    bold = re.sub(r"^## (\w+)", r"**\1**", LEGACY, flags=re.MULTILINE)
    assert "## " not in bold
    whole, written = record(LEGACY), record(bold)
    assert [(n.kind, n.text) for n in written.names] == [
        (n.kind, n.text) for n in whole.names] and len(written.names) == 3
    assert [(m.kind, m.name, m.values) for m in written.mentions] == [
        (m.kind, m.name, m.values) for m in whole.mentions] and written.mentions
    assert written.summary == whole.summary and written.closest == whole.closest
    heading_lines = [number for number, line in enumerate(bold.split("\n"), 1)
                     if line.startswith("**") and line.endswith("**")]
    assert [(d.line, d.message.split(";")[0]) for d in written.diagnostics] == [
        (number, f"`{bold.split(chr(10))[number - 1]}` is no Markdown heading")
        for number in heading_lines] + [(d.line, d.message.split(";")[0])
                                        for d in whole.diagnostics]
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    rec = record(head + "Keywords: alpha, beta\n\n## Themes\n\n* gamma\n", "x.md")
    assert [(n.kind, n.text, n.line) for n in rec.names] == [
        ("keyword", "alpha", 5), ("keyword", "beta", 5), ("theme", "gamma", 9)]
    # what writes no heading there is still said to be ignored, line by line
    rec = record(head + "Some words.\n\n* an item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                 "## Themes\n\n* gamma\n", "x.md")
    assert [n.text for n in rec.names] == ["gamma"]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (5, "text before the first section is not the external link; ignored: 'Some words.'"),
        (7, "list item before the first section; ignored: 'an item'"),
        (9, "table before the first section; ignored")]


def test_labelled_lines_before_any_section_are_fields_and_the_summary():
    """Attack 111: a note app's "**Category:** x", "**Type:** y", "**Summary:** ..." lines
    before any section were ignored."""
    rec = record("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
                 "__[External link](https://x.org/a)__\n\n**Category:** science\n"
                 "**Type:** blog post\nSummary: What it says.\nA stray line.\n\n"
                 "## Themes\n\n* cities\n", "x.md")
    assert [(n.kind, n.text, n.line) for n in rec.names] == [
        ("category", "science", 5), ("content_type", "blog post", 6), ("theme", "cities", 12)]
    assert rec.summary == "What it says."
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (8, "text before the first section is not the external link; ignored: 'A stray "
            "line.'")]


def test_a_written_heading_holds_what_runs_to_the_next_one():
    """A written heading's part is what runs to the next written heading: a Keywords
    list followed by a bold Concerns table was not split (the table was counted in the
    Keywords part, and keywords hold no table)."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n## Summary\n\nText.\n\n")
    rec = record(head + "**Keywords**\n\n* alpha\n\n**Concerns**\n\n"
                 "| name | description | relevancy |\n|---|---|---|\n| C1 | d | 4 |\n", "x.md")
    assert rec.summary == "Text."
    assert [(n.kind, n.text) for n in rec.names] == [("keyword", "alpha")]
    assert [(m.kind, m.name) for m in rec.mentions] == [("concern", "C1")]


def test_a_paragraph_right_above_a_rule_is_text_not_a_heading():
    """An attack on formats: "Summary text.\\n---" is a setext heading in CommonMark: the
    summary was an unknown section, and the article had none, without a word."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n## Summary\n\n")
    rec = record(head + "Cities adapt to heat.\n---\n\n## Keywords\n\n* heat\n", "x.md")
    assert rec.summary == "Cities adapt to heat." and rec.extra_sections == []
    assert [n.text for n in rec.names] == ["heat"]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (8, "a `---` line right under text makes it a heading (CommonMark's setext); read as "
            "text: 'Cities adapt to heat.'")]
    rec = record(head + "Text.\n\nSignals\n---\n\n| name | description |\n|---|---|\n"
                 "| S1 | d |\n", "x.md")  # (a setext heading that is one)
    assert rec.summary == "Text." and [m.name for m in rec.mentions] == ["S1"]


def test_a_summary_told_in_front_matter_lands_whole():
    """An attack on formats: a summary whose title, date, address and keywords were only
    in its YAML front matter lost them all (the file name was its title)."""
    rec = record("---\ntitle: Study of lattices\ndate: 2025-03-23\nurl: https://x.org/a\n"
                 "keywords: [alpha, beta]\ntags:\n  - gamma\ncategory: science\n"
                 "type: blog post\nauthor: Ann\nsummary: What it says.\n---\n\n"
                 "## Themes\n\n* delta\n", "x.md")
    assert (rec.title, rec.page, rec.page_date, rec.external_link) == (
        "Study of lattices", "20250323", dt.date(2025, 3, 23), "https://x.org/a")
    assert [(n.kind, n.text, n.line) for n in rec.names] == [
        ("keyword", "alpha", 5), ("keyword", "beta", 5), ("keyword", "gamma", 6),
        ("category", "science", 8), ("content_type", "blog post", 9), ("theme", "delta", 16)]
    assert rec.summary == "What it says." and [n.text for n in rec.notes] == ["author: Ann"]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (1, "front matter (lines 1-12) is not part of the summary format; read: title, date, "
            "url, keywords, tags, category, type, author, summary"),
        (6, "second `tags` section; its content is added"),
        (10, "`Other` item 'author: Ann' is not `Category:` or `Type:`; kept as a note")]


def test_a_written_group_label_or_subheading_keeps_its_section():
    """Attack 111: "**Technology**" above a signals table in `Signals` (a group label)
    made its signals technologies; "**Themes**" above the summary's points (sentences)
    made them themes."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    table = ("| name | description | change | 10-year | driving-force | relevancy |\n"
             "|---|---|---|---|---|---|\n| S{n} | d | c | t | f | 4 |\n")
    rec = record(head + "## Signals\n\n**Technology**\n\n" + table.format(n=1) +
                 "\n**Society**\n\n" + table.format(n=2), "x.md")
    assert [(m.kind, m.name, m.values["change"]) for m in rec.mentions] == [
        ("signal", "S1", "c"), ("signal", "S2", "c")]
    rec = record(head + "## Summary\n\nText.\n\n**Themes**\n\n"
                 "* The article's first point is about ports.\n"
                 "* The article's second point is about cranes.\n", "x.md")
    assert rec.names == [] and rec.summary.startswith("Text.\n\n**Themes**")


def test_a_short_setext_heading_with_a_full_stop_is_a_heading():
    """Attack 111: "Keywords." over `---` was read as text (a sentence), its keywords
    lost; an external link line over `---` made a section of the link."""
    rec = record("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
                 "__[External link](https://x.org/a)__\n---\n\nKeywords.\n---\n\n* alpha\n",
                 "x.md")
    assert rec.external_link == "https://x.org/a"
    assert [(n.kind, n.text) for n in rec.names] == [("keyword", "alpha")]


def test_other_pipelines_section_names_and_relevancies_are_read():
    """Attack 107: "Key Themes", "Abstract", "Risks", "Metadata" were kept as unknown
    sections; relevancies written "4/5", "3 (medium)" or in stars were left out."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    rec = record(head + "## Key Themes\n\n* cities\n\n## Abstract\n\nText.\n\n"
                 "## Metadata\n\n* Category: science\n\n## Risks\n\n"
                 "| name | description | relevancy |\n|---|---|---|\n| C1 | d | 4/5 |\n"
                 "| C2 | d | 3 (medium) |\n| C3 | d | ★★☆☆☆ |\n| C4 | d | 8/10 |\n", "x.md")
    assert [(n.kind, n.text) for n in rec.names] == [("theme", "cities"),
                                                     ("category", "science")]
    assert rec.summary == "Text." and rec.extra_sections == []
    assert [(m.kind, m.name, m.relevancy) for m in rec.mentions] == [
        ("concern", "C1", 4), ("concern", "C2", 3), ("concern", "C3", 2), ("concern", "C4", None)]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (21, "relevancy '4/5' read as 4"), (22, "relevancy '3 (medium)' read as 3"),
        (23, "relevancy '★★☆☆☆' read as 2"),
        (24, "relevancy '8/10' is not a whole number; left out")]


def test_a_list_item_labelled_with_its_section_is_read_without_the_label():
    """An attack on formats: `* **Keyword:** x` made the keyword "**Keyword:** x"."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    rec = record(head + "## Keywords\n\n* **Keyword:** alpha\n* beta\n* **Keywords**: gamma\n"
                 "* **Note:** delta\n* **Keywords:** eta, theta\n* Keyword: iota\n* AI: risks\n\n"
                 "## Themes\n\n* __Theme:__ urbanism\n", "x.md")
    assert [(n.kind, n.text, n.line) for n in rec.names] == [
        ("keyword", "alpha", 7), ("keyword", "beta", 8), ("keyword", "gamma", 9),
        ("keyword", "Note: delta", 10), ("keyword", "eta", 11), ("keyword", "theta", 11),
        ("keyword", "iota", 12), ("keyword", "AI: risks", 13), ("theme", "urbanism", 17)]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (7, "`Keywords` items begin with a label naming the section (`Keyword:`); read "
            "without it"),
        (17, "`Themes` items begin with a label naming the section (`__Theme:__`); read "
             "without it")]


def test_a_repeated_header_row_and_nan_cells_are_no_items():
    """An attack on formats: tables pasted together kept their second header and
    delimiter rows as mentions ("Signal", ":-----") and a DrivingForce ":-----" that
    joined every article so pasted; pandas' empty cells ("nan") were descriptions and a
    shared DrivingForce "nan"."""
    text = """# __T__, (from page [20250323](https://x.org/p/20250323).)

__[External link](https://x.org/a)__

## Signals

| Signal | Change | 10y horizon | Driving force |
|:-------|:-------|:------------|:--------------|
| S1 | c1 | h1 | d1 |
| Signal | Change | 10y horizon | Driving force |
|:-------|:-------|:------------|:--------------|
| S2 | nan | nan | nan |
"""
    rec = record(text, "x.md")
    assert [(m.name, m.values) for m in rec.mentions] == [
        ("S1", {"change": "c1", "ten_year": "h1", "driving_force": "d1"}), ("S2", {})]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (10, "the table's header row again; skipped"),
        (11, "the table's delimiter row again; skipped")]


def test_lists_and_other_fields_written_as_other_pipelines_write_them():
    """An attack on formats: keywords on one line between bars, dots or as hashtags were
    one keyword; a trailing comma, quotes or an editor's comment stayed in a name;
    `**Category:** x` kept its marks, and "Category: x | Type: y" lost the type."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    for keywords, said in (("AI | Meta | ads", "bars"), ("AI · Meta · ads", "middle dots"),
                           ("#AI #Meta #ads", "hashtags"), ("AI<br>Meta<br>ads", "line ends")):
        rec = record(head + f"## Keywords\n\n{keywords}\n", "x.md")
        assert [n.text for n in rec.names] == ["AI", "Meta", "ads"], keywords
        assert [d.message for d in rec.diagnostics] == [
            f"`Keywords` is a paragraph, not a list; split on {said}"]
    rec = record(head + '## Themes\n\n* AI,\n* "Meta"\n* ads <!-- added by the editor -->\n',
                 "x.md")
    assert [n.text for n in rec.names] == ["AI", "Meta", "ads"]
    assert [(d.line, d.message) for d in rec.diagnostics] == [
        (9, "an HTML comment; left out: '<!-- added by the editor -->'")]
    for other in ("* **Category:** technology\n* **Type:** *blog post*",
                  "Category: technology | Type: blog post",
                  "Category: technology; Type: blog post"):
        rec = record(head + f"## Other\n\n{other}\n", "x.md")
        assert [(n.kind, n.text) for n in rec.names] == [
            ("category", "technology"), ("content_type", "blog post")], other
        assert rec.diagnostics == []
    # a field kg does not read among them is a note of its own, said
    rec = record(head + "## Other\n\nSource: Marketing Dive | Category: technology | "
                 "Type: blog post\n", "x.md")
    assert [(n.kind, n.text) for n in rec.names] == [
        ("category", "technology"), ("content_type", "blog post")]
    assert [n.text for n in rec.notes] == ["Source: Marketing Dive"]
    assert [d.message for d in rec.diagnostics] == [
        "`Other` item 'Source: Marketing Dive' is not `Category:` or `Type:`; kept as a note"]


def test_a_heading_written_with_its_values_on_one_line():
    """An attack on formats: "**Keywords:** a, b" in the summary was summary text, its
    keywords lost without a word. The line is that section's, the rest stays the
    summary's; a sentence that starts "Themes:" and lists nothing stays text."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n## Summary\n\nText of the summary.\n\n")
    for line in ("**Keywords:** alpha, beta", "__Keywords__: alpha; beta",
                 "Keywords: alpha, beta"):
        rec = record(head + line + "\n\nMore text.\n\n## Themes\n\n* gamma\n", "x.md")
        assert rec.summary == "Text of the summary.\n\nMore text.", line
        assert [(n.kind, n.text) for n in rec.names] == [
            ("keyword", "alpha"), ("keyword", "beta"), ("theme", "gamma")], line
        assert [(d.line, d.message[:40]) for d in rec.diagnostics] == [
            (9, f"`{line}` is no Markdown heading; rea"[:40]),
            (9, "`Keywords` is a paragraph, not a list; s")], line
    rec = record(head + "Themes: these matter more than ever.\n", "x.md")
    assert rec.summary == "Text of the summary.\n\nThemes: these matter more than ever."
    assert rec.names == [] and rec.diagnostics == []
    # (a review: the lines after it were taken too, prose and fields; sentences that
    # start with a section's name were themes)
    lines = ("**Themes:** urbanism, play\n**Category:** technology\n"
             "**Theme:** The central theme is how cities, not states, adapt to remote work.")
    rec = record(head + lines + "\n", "x.md")
    assert rec.summary == ("Text of the summary.\n\n**Category:** technology\n**Theme:** The "
                           "central theme is how cities, not states, adapt to remote work.")
    assert [(n.kind, n.text, n.line) for n in rec.names] == [
        ("theme", "urbanism", 9), ("theme", "play", 9)]
    # (a second review: sentences ending otherwise, a list in parentheses, prose that
    # wraps onto "theme: ...", code blocks; each list after its own section)
    for line in ("Theme: cities, not states, act.", "**Theme:** *Cities, not states, act.*",
                 "Keywords: see above, mostly (AI, ads)", "**Themes:** AI, jobs, and the work",
                 "Theme: cities, not states, act.[1]"):
        rec = record(head + line + "\n", "x.md")
        assert rec.summary == "Text of the summary.\n\n" + line and rec.names == [], line
    for text in ("One recurring\ntheme: cities, towns and villages\nadapt.",
                 "```text\nKeywords: a, b\n```", "<div>\nKeywords: a, b\n</div>",
                 "    Keywords: a, b", "\tKeywords: a, b\n\tThemes: c, d"):  # (indented code)
        rec = record(head + text + "\n", "x.md")
        assert rec.names == [] and "Keywords" not in {d.message[:10] for d in rec.diagnostics}
        assert rec.summary.endswith(text.strip()), text
    # (a third: names ending in a version or "!", an autolink before, the file's order)
    for line in ("**Keywords:** AI, Industry 4.0", "Keywords: search, Yahoo!"):
        rec = record(head + "<https://x.org> is the source.\n" + line + "\n", "x.md")
        assert [n.text for n in rec.names][-1] in ("Industry 4.0", "Yahoo!"), line
    rec = record(head + "**Keywords:** a, b\n\nProse.\n\n**Keywords**\n\n* c\n", "x.md")
    assert [n.text for n in rec.names] == ["a", "b", "c"]
    rec = record(head + "Before it\n**Keywords:** a, b\nafter it.\n", "x.md")  # (one text)
    assert rec.summary == "Text of the summary.\n\nBefore it\nafter it."
    rec = record(head + "**Themes:** parks, play\n\n## Themes\n\n* gamma\n", "x.md")
    assert [(n.text, n.line) for n in rec.names] == [("parks", 9), ("play", 9), ("gamma", 13)]
    assert [(d.line, d.message[:25]) for d in rec.diagnostics] == [
        (9, "`**Themes:** parks, play`"), (9, "`Themes` is a paragraph, "),
        (11, "second `Themes` section; ")]
    # a label that holds nothing stops the search, as before: the summary keeps the rest
    rec = record(head + "**Signals**\n\n**Themes**\n\nThe author concludes.\n\n* cafes\n",
                 "x.md")
    assert rec.summary.endswith("**Signals**\n\n**Themes**\n\nThe author concludes.\n\n* cafes")


def test_a_title_line_whose_from_part_follows_a_dash_bar_or_colon():
    """An attack on formats: "__Title__ — from page [...](...)" kept "__Title__ —" as the
    title (also after "-", "|" and ":")."""
    for separator in (" —", " –", " -", " |", ":", ","):
        rec = record(f"# __A Title__{separator} from page [20250323](https://x.org/p/20250323)\n"
                     "\n__[External link](https://x.org/a)__\n\n## Keywords\n\n* k\n", "x.md")
        assert (rec.title, rec.page) == ("A Title", "20250323"), separator


def test_what_reads_as_a_heading_but_is_none_stays_where_it_was():
    """A re-attack of the written headings: hashtags that name a section, a subheading
    of the summary followed by prose, group labels in a list, a keyword "Other:" each
    ended a section; a paragraph of keywords with one " | " or "·" inside an item was
    split there; a name "NaN" was emptied; `Type: *nix tutorial` and a title "C-" lost
    marks of their own."""
    head = ("# __T__, (from page [20250323](https://x.org/p/20250323).)\n\n"
            "__[External link](https://x.org/a)__\n\n")
    rec = record(head + "## Keywords\n\n#AI\n#Technology\n#Innovation\n", "x.md")
    assert [n.text for n in rec.names] == ["AI", "Technology", "Innovation"]
    rec = record(head + "## Summary\n\nThe market.\n\n**Issues**\n\nThe rest of it.\n\n"
                 "Signals:\n\n- a point\n\n## Keywords\n\n* Technology:\n  * AI\n* Other:\n",
                 "x.md")
    assert rec.summary == "The market.\n\n**Issues**\n\nThe rest of it.\n\nSignals:\n\n* a point"
    assert [n.text for n in rec.names][:1] == ["Technology:"] and not rec.mentions
    assert not any("no Markdown heading" in d.message for d in rec.diagnostics)
    rec = record(head + "## Keywords\n\nintel·ligència artificial, Signal | Noise, data\n",
                 "x.md")
    assert [n.text for n in rec.names] == ["intel·ligència artificial", "Signal | Noise",
                                           "data"]
    rec = record(head + "## Technologies\n\n| name | description |\n|---|---|\n"
                 "| NaN | Not-a-number boxing |\n| x | nan |\n\n## Other\n\n"
                 "Category: science\nType: *nix tutorial\n", "x.md")
    assert [(m.name, m.description) for m in rec.mentions] == [
        ("NaN", "Not-a-number boxing"), ("x", None)]
    assert [n.text for n in rec.names] == ["science", "*nix tutorial"]
    rec = record("# Rating: C- from page [20250323](https://x.org/p/20250323)\n", "x.md")
    assert rec.title == "Rating: C-"
