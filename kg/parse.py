"""Parse stage: one Markdown summary -> ParsedDocument (structure only).

markdown-it-py finds the blocks (headings, lists, tables, paragraphs) and
their line numbers; this module walks that token stream and keeps the raw
source text of every item and cell. It does not decide what a section means:
that is extract.py's job.

markdown-it runs with its block rules only: we keep the raw source text of
items and cells, so its inline tokenizer (most of its time) is not needed.
Pipe tables are recognised here, from the paragraph markdown-it sees (a
header line, then a delimiter row `|:--|--:|`), and every row is split from its
source line: markdown-it's own table rule would drop cells past the header's
width and pad short rows, hiding the ragged rows we must report.

>>> doc = parse_text("# __T__, (from page [20250323](https://x.org/p/20250323).)\\n\\n"
...                  "## Keywords\\n\\n* a\\n", "t.md")
>>> doc.title, doc.page, doc.sections[0].items[0].text
('T', '20250323', 'a')
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import Diagnostic, Link, ParsedDocument, Section, Table, TableRow, TextLine

_MD = MarkdownIt("commonmark").disable(["inline", "text_join"])
_DELIMITER_ROW_RE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")

# `# __Title__, (from page [DATE](URL).)` and the older `# __Title__, from ([DATE](URL).)`.
# The title is greedy up to the last `__` before the `from` part, so titles may contain `__`.
_TITLE_RE = re.compile(
    r"""^__(?P<title>.+)__\s*,?\s*
        \(?\s*from\s+(?:page\s+)?\(?\s*
        \[(?P<page>[^\]]*)\]\((?P<url>[^)\s]*)\)
        [\s.)]*$""",
    re.VERBOSE | re.IGNORECASE,
)
_BARE_TITLE_RE = re.compile(r"^__(?P<title>.+)__\s*,?\s*$")
_LINK_RE = re.compile(r"^\[(?P<text>.*)\]\((?P<target>[^)\s]*)\)$")
_EXTERNAL_RE = re.compile(r"\[\s*external link\s*\]\((?P<url>[^)\s]*)\)", re.IGNORECASE)
# CommonMark backslash escapes of ASCII punctuation.
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """Undo Markdown backslash escapes: `a \\| b` -> `a | b`.

    >>> unescape(r"C\\# \\| F\\*")
    'C# | F*'
    """
    return _ESCAPE_RE.sub(r"\1", text)


def split_row(line: str) -> list[str]:
    """Split one source line of a pipe table into its cells, as GFM does.

    Pipes escaped with a backslash stay inside their cell.

    >>> split_row("| a | b \\\\| c |  |")
    ['a', 'b | c', '']
    """
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if "\\" not in body:  # the common case: no escapes at all
        return [cell.strip() for cell in body.split("|")]
    return [unescape(cell.strip()) for cell in _UNESCAPED_PIPE_RE.split(body)]


_UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")


def decode(data: bytes, shown_as: str) -> tuple[str, list[Diagnostic]]:
    """Decode a file's bytes as UTF-8; bad bytes become U+FFFD with a warning naming the line."""
    diagnostics = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        diagnostics.append(
            Diagnostic(
                "warning",
                shown_as,
                line,
                f"bytes that are not UTF-8 (first at byte {err.start}); "
                "replaced with U+FFFD",
            )
        )
        text = data.decode("utf-8", errors="replace")
    return text, diagnostics


def parse_bytes(data: bytes, shown_as: str, stem: str) -> ParsedDocument:
    """Parse the bytes of one summary file. Never raises for bad content."""
    text, diagnostics = decode(data, shown_as)
    doc = parse_text(text, shown_as, stem=stem)
    doc.diagnostics[:0] = diagnostics
    return doc


def parse_file(path: Path, shown_as: str | None = None) -> ParsedDocument:
    """Read and parse one summary file. Never raises for bad content."""
    return parse_bytes(path.read_bytes(), shown_as or str(path), path.name.removesuffix(".md"))


def parse_text(text: str, path: str, stem: str | None = None) -> ParsedDocument:
    """Parse the Markdown text of one summary into its sections."""
    stem = stem if stem is not None else Path(path).name.removesuffix(".md")
    doc = ParsedDocument(path=path, stem=stem)
    lines = text.splitlines()
    if not text.strip():
        doc.diagnostics.append(Diagnostic("error", path, None, "empty file"))
        return doc

    tokens = _MD.parse(text)
    section: Section | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            inline = tokens[i + 1]
            line = token.map[0] + 1
            if token.tag == "h1" and doc.title is None and section is None:
                _read_title_line(doc, inline.content, line)
            else:
                if token.tag != "h2":
                    _warn(doc, line, f"heading `{inline.content}` is not a `##` section heading; "
                          "treated as a section")
                section = Section(heading=inline.content.strip(), line=line)
                doc.sections.append(section)
            i += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            i = _read_list(doc, tokens, i, section, lines)
            continue
        if token.type == "paragraph_open":
            start, end = token.map
            if end - start >= 2 and "|" in lines[start] and _DELIMITER_ROW_RE.match(
                    lines[start + 1]):
                _read_table(doc, start, end, section, lines)
            else:
                _read_paragraph(doc, tokens[i + 1], start + 1, section)
            i += 3
            continue
        if token.map and token.type not in ("hr",):
            _warn(doc, token.map[0] + 1, f"unexpected {token.type.replace('_', ' ')}; kept as text")
            _keep_raw(section, lines, token.map)
        i += 1

    _fill_section_sources(doc, lines)
    if doc.title is None:
        _warn(doc, 1, "no title line `# __Title__, (from page [DATE](URL).)`; "
              "the file name is used as the title")
    return doc


def _warn(doc: ParsedDocument, line: int | None, message: str) -> None:
    doc.diagnostics.append(Diagnostic("warning", doc.path, line, message))


def _keep_raw(section: Section | None, lines: list[str], span: list[int]) -> None:
    if section is not None:
        text = "\n".join(lines[span[0] : span[1]]).strip()
        if text:
            section.paragraphs.append(TextLine(text, span[0] + 1))


def _read_title_line(doc: ParsedDocument, content: str, line: int) -> None:
    content = content.strip()
    match = _TITLE_RE.match(content)
    if match:
        doc.title = unescape(match["title"].strip())
        doc.page = unescape(match["page"].strip())
        doc.page_url = match["url"]
        return
    bare = _BARE_TITLE_RE.match(content)
    doc.title = unescape((bare["title"] if bare else content).strip("_ ").strip())
    _warn(doc, line, "title line has no `(from page [DATE](URL).)` part; page unknown")


def _read_paragraph(doc: ParsedDocument, inline: Token, line: int, section: Section | None) -> None:
    content = inline.content
    if section is None:
        external = _EXTERNAL_RE.search(content)
        if external and doc.external_link is None:
            doc.external_link = external["url"]
            doc.external_link_line = line
        elif content.strip():
            _warn(doc, line, "text before the first section is not the external link; ignored: "
                  f"{content.strip()[:60]!r}")
        return
    section.paragraphs.append(TextLine(content, line))


_MARKER_RE = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])[ \t]?")


def _read_list(doc: ParsedDocument, tokens: list[Token], i: int, section: Section | None,
               lines: list[str]) -> int:
    """Collect every list item (nested ones too, flattened) up to the matching close."""
    open_type = tokens[i].type
    close = open_type.replace("_open", "_close")
    depth = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == open_type:
            depth += 1
        elif token.type == close:
            depth -= 1
            if depth == 0:
                return i + 1
        elif token.type == "list_item_open":
            line = token.map[0] + 1
            has_paragraph = tokens[i + 1].type == "paragraph_open"
            if has_paragraph:
                raw = tokens[i + 2].content.strip()
            else:
                # `* -`, `* #`, `* 1.` are not nested blocks in this format but the item's
                # text: read it from the source line and skip what markdown-it made of it.
                raw = _MARKER_RE.sub("", lines[token.map[0]], count=1).strip()
                i = _matching_close(tokens, i)
            _add_item(doc, section, raw, line)
        i += 1
    return i


def _matching_close(tokens: list[Token], i: int) -> int:
    """Index of the list_item_close that closes the list_item_open at i."""
    level = 0
    for j in range(i, len(tokens)):
        if tokens[j].type == "list_item_open":
            level += 1
        elif tokens[j].type == "list_item_close":
            level -= 1
            if level == 0:
                return j
    return len(tokens) - 1


def _add_item(doc: ParsedDocument, section: Section | None, raw: str, line: int) -> None:
    text = unescape(raw)
    if section is None:
        _warn(doc, line, f"list item before the first section; ignored: {text[:60]!r}")
        return
    section.items.append(TextLine(text, line))
    link = _LINK_RE.match(raw)
    if link:
        section.links.append(Link(unescape(link["text"]), link["target"], line))


def _read_table(doc: ParsedDocument, start: int, end: int, section: Section | None,
                lines: list[str]) -> None:
    table = Table(header=split_row(lines[start]), rows=[], line=start + 1)
    for number in range(start + 2, end):
        if lines[number].strip():
            table.rows.append(TableRow(split_row(lines[number]), number + 1))
    if section is None:
        _warn(doc, start + 1, "table before the first section; ignored")
    else:
        section.tables.append(table)


def _fill_section_sources(doc: ParsedDocument, lines: list[str]) -> None:
    for index, section in enumerate(doc.sections):
        end = doc.sections[index + 1].line - 1 if index + 1 < len(doc.sections) else len(lines)
        section.source = "\n".join(lines[section.line - 1 : end]).strip()
