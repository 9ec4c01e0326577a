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

import codecs
import functools
import re
from pathlib import Path

from typing import Callable, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from .dates import dates_in_address, page_id, reads_as_date
from .files import summary_stem
from .frontmatter import SUMMARY_KEYS, FrontMatter, read_front_matter
from .kinds import KINDS, heading_key
from .model import Diagnostic, Link, ParsedDocument, Section, Table, TableRow, TextLine
from .tables import GRID_BORDER_RE, grid_rows, html_rows

_MD = MarkdownIt("commonmark").disable(["inline", "text_join"])
# Every pattern here runs in time linear in the line, whatever the input (possessive
# quantifiers: no backtracking), so a hostile 1 MB line costs milliseconds.
# A table's delimiter row, its dashes maybe typographic (a "smart punctuation" step wrote
# `| :— | :–– |`: markdown-it-py reads no table, kg does)
_DELIMITER_ROW_RE = re.compile(r"\s*+\|?\s*+:?[-\u2010-\u2015\u2212]++:?\s*+"
                               r"(?:\|\s*+:?[-\u2010-\u2015\u2212]++:?\s*+)*+\|?\s*+")
# Lines as markdown-it counts them: only \n, \r\n and \r end a line (not U+2028, \x0c, ...).
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
# The title line: `# __Title__, (from page [DATE](URL).)` and the older
# `# __Title__, from ([DATE](URL).)`. What follows the title's closing `__`:
_FROM_RE = re.compile(r"\s*+,?\s*+\(?\s*+from\s++(?:page\s++)?\(?\s*+", re.IGNORECASE)
_TITLE_END_RE = re.compile(r"[\s.)]*+")
_FROM_WORD_RE = re.compile(r"\bfrom\b", re.IGNORECASE)
_EXTERNAL_LABEL_RE = re.compile(r"\[\s*+external link\s*+\]", re.IGNORECASE)
_LINK_MARKS_RE = re.compile(r"[\\\[\]]")
# CommonMark backslash escapes of ASCII punctuation.
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """Undo Markdown backslash escapes: `a \\| b` -> `a | b`.

    >>> unescape(r"C\\# \\| F\\*")
    'C# | F*'
    """
    return _ESCAPE_RE.sub(r"\1", text)


_INLINE = MarkdownIt("commonmark")
_INLINE.normalizeLink = _INLINE.normalizeLinkText = lambda url: url  # addresses as written
_EMPHASIS_OPEN = frozenset({"em_open", "strong_open", "s_open"})
_EMPHASIS_CLOSE = frozenset({"em_close", "strong_close", "s_close"})
_MARKUP_CHARS = frozenset("*_`[]<>&!\\~")
BREAK_TAG_RE = re.compile(r"<br\s*+/?>", re.IGNORECASE)
# Marks read as Markdown in one line, at most, and in one file (~0.5 s of markdown-it-py,
# which takes ~25 us a mark); past them a line keeps its marks, so hostile input costs
# what its length does.
MAX_MARKUP_CHARS = 200
MAX_DOCUMENT_MARKS = 20_000


class MarkBudget:
    """The marks markdown-it-py may still read in one file (or one stage of reading it);
    `warn(line, message)` once it is spent."""

    def __init__(self, warn: Callable[[int, str], None]):
        self.warn, self.left, self.spent = warn, MAX_DOCUMENT_MARKS, False

    def take(self, marks: int, line: int) -> bool:
        if marks <= self.left:
            self.left -= marks
            return True
        if not self.spent:
            self.spent, self.left = True, 0  # (from here on: none)
            self.warn(line, f"more than {MAX_DOCUMENT_MARKS:,} Markdown marks in this "
                      "file; from here on, cells and items keep theirs as written")
        return False


def plain_text(raw: str, budget: MarkBudget | None = None, line: int = 0,
               words_emphasis: bool = False) -> str:
    """What a reader sees of one cell or item of inline Markdown: emphasis around all of
    it and code marks gone, escapes and entities decoded, `<br>` a space, a comment left
    out (other tags kept as text), a link as its text and, unless that is its address or
    the whole text, the address after it; a footnote's reference left out (not in code).
    With `words_emphasis` (a table's cell, a keyword), asterisks around whole words
    inside the text are emphasis too (`**Quantum** sensing`); elsewhere they may mark a
    listed row's name (`**Name**: text`).
    (markdown-it-py reads it; a text with none of the characters markup needs is
    returned as it is.)

    >>> plain_text("**Deepfakes**"), plain_text("[OpenAI](https://openai.com)")
    ('Deepfakes', 'OpenAI')
    >>> plain_text("made by [a tool](https://x.org) &amp; `code`<br>C\\\\*")
    'made by a tool (https://x.org) & code C*'
    >>> plain_text("2*3*4, __init__ and R&D"), plain_text("![chart](https://x.org/c.png)")
    ('2*3*4, __init__ and R&D', 'chart (https://x.org/c.png)')
    >>> plain_text("Quantum sensing[^2]"), plain_text("`[^0-9]` x[^a]")
    ('Quantum sensing', '[^0-9] x')
    >>> plain_text("**Quantum** sensing, 2*3*4", words_emphasis=True), plain_text("**Quantum** x")
    ('Quantum sensing, 2*3*4', '**Quantum** x')
    """
    if _MARKUP_CHARS.isdisjoint(raw):
        return raw
    marks = sum(map(raw.count, _MARKUP_CHARS))
    if marks > MAX_MARKUP_CHARS or budget is not None and not budget.take(marks, line):
        return unescape(raw)  # (hostile: markdown-it-py takes ~25 us per mark)
    shown: list[str] = []
    href, label_start = None, 0
    tokens = [token for token in _INLINE.parseInline(raw)[0].children or ()
              if token.type != "text" or token.content]
    # Emphasis is read only around the whole text (`**generative AI**`): inside it, `*`
    # and `_` are more often text (2*3*4, __init__) than marks.
    wrap = _wrapping_emphasis(tokens)
    if len(tokens) == 3 + 2 * wrap and tokens[wrap].type == "link_open":  # all one link
        text = "".join(t.content for t in tokens[wrap + 1:-1 - wrap]).strip() or raw
        address = tokens[wrap].attrGet("href")
        if budget is not None and text != raw and address and address != text:
            budget.warn(line, f"{text[:60]!r} is written as a link; read as its text, "
                        f"its address not kept: {str(address)[:80]}")
        return text
    inner = tokens[wrap:len(tokens) - wrap]
    code: set[int] = set()  # (the pieces of `shown` that are code: no footnote there)
    opened: list[tuple[int, bool]] = []  # (each open emphasis' piece; at a word's start?)
    for at, token in enumerate(inner):
        kind = token.type
        if kind == "code_inline":
            code.add(len(shown))
            shown.append(token.content)
        elif kind == "text":
            shown.append(token.content)
        elif kind in _EMPHASIS_OPEN:
            before = shown[-1][-1:] if shown else ""
            opened.append((len(shown), words_emphasis and token.markup[0] == "*" and
                           _BEFORE_A_WORD.issuperset(before)))
            shown.append(token.markup)
        elif kind in _EMPHASIS_CLOSE:
            where, edge = opened.pop() if opened else (-1, False)
            after = inner[at + 1].content[:1] if at + 1 < len(inner) else ""
            if edge and _AFTER_A_WORD.issuperset(after):  # (`**Quantum** sensing`)
                shown[where] = ""
            else:  # (2*3*4)
                shown.append(token.markup)
        elif kind == "image":  # its alt text and address, as a link's
            source = token.attrGet("src")
            shown.append(" ".join(filter(None, (token.content, f"({source})" if source
                                                else ""))))
        elif kind in ("softbreak", "hardbreak"):  # (a list item's lines stay lines)
            shown.append("\n")
        elif kind == "html_inline" and token.content.startswith("<!--"):  # (not shown)
            if budget is not None:
                budget.warn(line, f"an HTML comment; left out: {token.content[:60]!r}")
        elif kind == "html_inline":  # (kept as written: in a summary it is text)
            shown.append(" " if BREAK_TAG_RE.fullmatch(token.content) else token.content)
        elif kind == "link_open":
            href, label_start = token.attrGet("href"), len(shown)
        elif kind == "link_close":
            if href and href != "".join(shown[label_start:]):
                shown.append(f" ({href})")
            href = None
    if "[^" in raw:  # (a footnote's reference: its note stays where it is written)
        shown, count = _without_footnote_references(shown, code)
        if count and budget is not None:
            budget.warn(line, f"a footnote reference left out of "
                        f"{''.join(shown).strip()[:60]!r}")
    return "".join(shown).strip()


# A footnote's reference, `[^1]` or `[^note]` (markdown-it-py reads none without a plugin)
# (a number or a word: `[^a-z]` and `[^0-9]` in a regex are none, an attack's)
_FOOTNOTE_REFERENCE_RE = re.compile(r"[ \t]?+\[\^(?:\d{1,4}+|[A-Za-z][A-Za-z0-9_]{0,29}+)\]")
# What may stand before and after emphasis around whole words
_BEFORE_A_WORD = frozenset(" \t\n([{\"'\u201c\u2018/-")
_AFTER_A_WORD = frozenset(" \t\n.,;:!?)]}\"'\u201d\u2019/-")


def _without_footnote_references(shown: list[str], code: set[int]) -> tuple[list[str], int]:
    """The pieces of a text without footnote references outside its `code` pieces (runs
    of other pieces read as one: markdown-it-py may split `[^1]` over several)."""
    kept: list[str] = []
    run: list[str] = []
    count = 0
    for at, piece in enumerate(shown + [""]):
        if at in code or at == len(shown):
            text, found = _FOOTNOTE_REFERENCE_RE.subn("", "".join(run))
            kept.append(text)
            count += found
            run = []
            kept.append(piece)
        else:
            run.append(piece)
    return kept, count


def _wrapping_emphasis(tokens: list[Token]) -> int:
    """How many emphasis pairs wrap all of `tokens` (`**x**`: 1; `*a* *b*`: 0)."""
    wrap = 0
    while len(tokens) - 2 * wrap >= 3 and tokens[wrap].type in _EMPHASIS_OPEN:
        level = 0
        for at in range(wrap, len(tokens) - wrap):
            level += (tokens[at].type in _EMPHASIS_OPEN) - (tokens[at].type in _EMPHASIS_CLOSE)
            if level == 0:
                break
        if at != len(tokens) - 1 - wrap:  # (its pair closes before the end)
            break
        wrap += 1
    return wrap


def split_row(line: str, budget: MarkBudget | None = None, number: int = 0) -> list[str]:
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
    cells = body.split("|") if "\\" not in body else _UNESCAPED_PIPE_RE.split(body)
    return [plain_text(cell.strip(), budget, number, words_emphasis=True) for cell in cells]


_UNESCAPED_PIPE_RE = re.compile(r"(?<!\\)\|")


def decode(data: bytes, shown_as: str) -> tuple[str, list[Diagnostic]]:
    """Decode a file's bytes as UTF-8 (or UTF-16 with its byte order mark); bytes that are
    not UTF-8 are read as Windows-1252, all of the file's when most are
    (`_mostly_not_utf8`); a warning names the line of the first.

    >>> decode("café – naïve".encode("cp1252"), "a.md")[0]
    'café – naïve'
    >>> decode("café ".encode() + b"\\xe9", "a.md")[0]  # (UTF-8, a byte Windows-1252)
    'café é'
    """
    diagnostics = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 byte order mark
        diagnostics.append(Diagnostic("warning", shown_as, None,
                                      "the file is UTF-16; read as such (save it as UTF-8)"))
        text = data.decode("utf-16", errors="replace")
        return _characters_repaired(text, shown_as, diagnostics)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        if _mostly_not_utf8(data):  # (a Windows-1252 file: every byte so)
            text = data.decode("cp1252", errors="replace")
        else:  # (UTF-8 with some bytes, a pasted paragraph, in Windows-1252)
            text = data.decode("utf-8", errors=_AS_CP1252)
        diagnostics.append(Diagnostic("warning", shown_as, line, "bytes that are not UTF-8 "
                                      f"(first at byte {err.start}); read as Windows-1252 "
                                      "(save the file as UTF-8)"))
    return _characters_repaired(text, shown_as, diagnostics)


def _as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes that are not UTF-8 read as Windows-1252 (its
    five unused bytes as U+FFFD)."""
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


_AS_CP1252 = "kg-as-cp1252"
codecs.register_error(_AS_CP1252, _as_cp1252)


# A character of two bytes or more in UTF-8, and any byte past ASCII
_UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                               rb"[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")


def _mostly_not_utf8(data: bytes) -> bool:
    """Whether the bytes past ASCII that no UTF-8 character holds outnumber the UTF-8
    characters of two bytes or more: then the file is most likely Windows-1252 (Latin-1
    with curly quotes and dashes), as Windows editors save it, where a pair of letters
    may happen to be one UTF-8 character ("ß“"); otherwise UTF-8 with some bytes broken.

    >>> _mostly_not_utf8("Größe „ß“".encode("cp1252")), _mostly_not_utf8("é é".encode() + b"\\xff")
    (True, False)
    """
    characters = _UTF8_SEQUENCE_RE.findall(data)
    stray = len(_HIGH_BYTE_RE.findall(data)) - sum(map(len, characters))
    return stray > len(characters)


def _characters_repaired(text: str, shown_as: str, diagnostics: list[Diagnostic]
                         ) -> tuple[str, list[Diagnostic]]:
    """What no store or reader takes as written, repaired, each said at its first: NUL
    characters as U+FFFD (no RDF store takes them); in a file of CRLF lines, a lone
    carriage return inside a table row, the row going on after it, as a space (attack
    116: it split a row into a spurious signal); characters that show nothing inside
    words left out (a soft hyphen or zero-width space copied from a web page made "AI
    e\u200bthics" a node of its own, and renamed the shared node when it was the first
    name: attack 116)."""
    at = text.find("\x00")
    if at >= 0:
        line = len(_LINE_END_RE.findall(text, 0, at)) + 1
        diagnostics.append(Diagnostic("warning", shown_as, line, "a NUL character (first on "
                                      "this line); replaced with U+FFFD"))
        text = text.replace("\x00", "\ufffd")
    if "\r\n" in text and _LONE_CR_RE.search(text):
        strays = _stray_carriage_returns(text)
        if strays:
            line = len(_LINE_END_RE.findall(text, 0, strays[0])) + 1
            pieces, start = [], 0
            for stray in strays:
                pieces += [text[start:stray], " "]
                start = stray + 1
            text = "".join(pieces) + text[start:]
            diagnostics.append(Diagnostic("warning", shown_as, line, (
                f"{len(strays):,} carriage return{'s' if len(strays) > 1 else ''} inside a "
                "table row of a file of CRLF lines (first on this line); read as spaces")))
    found = _INVISIBLE_RE.search(text)
    if found:
        line = len(_LINE_END_RE.findall(text, 0, found.start())) + 1
        text, count = _INVISIBLE_RE.subn("", text)
        diagnostics.append(Diagnostic("warning", shown_as, line, (
            f"{count:,} invisible character{'s' if count > 1 else ''} (soft hyphen, "
            "zero-width space, word joiner, direction mark, byte order mark; first on this "
            "line) left out")))
    return text, diagnostics


def _stray_carriage_returns(text: str) -> list[int]:
    """Where lone carriage returns fall inside a table row (a line that starts with `|`
    and does not end there, going on after it with no `|`), in a file whose line ends
    are nearly all CRLF: strays, not line ends (one pass: linear).

    >>> _stray_carriage_returns("| a | b\\r c |\\r\\n| d |\\r| e |\\r\\n" + "| f |\\r\\n" * 8)
    [7]
    """
    lone = [found.start() for found in _LONE_CR_RE.finditer(text)]
    if text.count("\r\n") < 4 * len(lone):  # (CR line ends, or a mix: all line ends)
        return []
    strays, in_row, searched = [], bool(_ROW_START_RE.match(text)), 0
    for at in lone:
        newline = text.rfind("\n", searched, at)  # (only since the last: linear)
        if newline >= 0:
            in_row = bool(_ROW_START_RE.match(text, newline + 1))
        before = text[max(newline + 1, searched):at].rstrip(" \t")[-1:]
        searched = at + 1
        after = text[at + 1:at + 80].lstrip(" \t")[:1]
        if in_row and before not in ("|", "") and after not in ("|", "\r", "\n", ""):
            strays.append(at)  # (the row goes on: a later stray is in it too)
        else:
            in_row = bool(_ROW_START_RE.match(text, at + 1))  # (a line end)
    return strays


_ROW_START_RE = re.compile(r"[ \t]*+\|")


_LONE_CR_RE = re.compile(r"\r(?!\n)")
# Characters that show nothing and join or part nothing in English text: soft hyphen,
# zero-width space, word joiner and invisible operators, a byte order mark past the
# start, marks and embeddings of writing direction, the Mongolian vowel separator, the
# combining grapheme joiner (attacks 116, 117). (Not the zero-width joiner, which makes
# one emoji of several, nor the non-joiner, which spells Persian.)
_INVISIBLE_RE = re.compile("[\u00ad\u034f\u180e\u200b\u200e\u200f\u202a-\u202e"
                           "\u2060-\u2064\u2066-\u2069\ufeff]")


def parse_bytes(data: bytes, shown_as: str, stem: str) -> ParsedDocument:
    """Parse the bytes of one summary file. Never raises for bad content."""
    text, diagnostics = decode(data, shown_as)
    doc = parse_text(text, shown_as, stem=stem)
    doc.diagnostics[:0] = diagnostics
    return doc


def parse_file(path: Path, shown_as: str | None = None) -> ParsedDocument:
    """Read and parse one summary file. Never raises for bad content."""
    return parse_bytes(path.read_bytes(), shown_as or str(path), summary_stem(path.name))


def split_lines(text: str) -> list[str]:
    """The lines of a text as markdown-it numbers them: `str.splitlines` would also split
    at U+2028, form feeds and other separators, and every later line number would be off.

    >>> split_lines("a\u2028b\\r\\nc\\rd\\n")
    ['a\u2028b', 'c', 'd', '']
    """
    return _LINE_END_RE.split(text)


class InlineLink(NamedTuple):
    """A CommonMark inline link `[label](destination "title")` found in a text."""

    label: str  # raw, as written
    destination: str  # with CommonMark's balanced parentheses, <...> and escapes read
    start: int
    end: int  # just after the closing `)`
    spaced: bool  # spaces inside the brackets' edges or before the `)`: read leniently


def parse_link(text: str, start: int = 0) -> InlineLink | None:
    """The inline link that starts at `text[start]` (a `[`), read as CommonMark reads it
    (markdown-it-py's own destination and title parsers), or None. Linear in the text.

    >>> parse_link("[Echopraxia](https://en.wikipedia.org/wiki/Echopraxia_(novel))")[:2]
    ('Echopraxia', 'https://en.wikipedia.org/wiki/Echopraxia_(novel)')
    >>> parse_link("[20250504 ](https://x.org/p/20250504 )").spaced
    True
    """
    if not text.startswith("[", start):
        return None
    depth = 0
    close = None
    escaped_at = -2
    for mark in _LINK_MARKS_RE.finditer(text, start):
        at = mark.start()
        if at == escaped_at + 1:  # escaped by the backslash just before
            continue
        if mark[0] == "\\":
            escaped_at = at
        elif mark[0] == "[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                close = at
                break
    end = len(text)
    if close is None or close + 1 >= end or text[close + 1] != "(":
        return None
    label = text[start + 1:close]
    pos = _skip_spaces(text, close + 2)
    destination = parseLinkDestination(text, pos, end)
    if not destination.ok:
        return None
    after = _skip_spaces(text, destination.pos)
    pos = after
    if pos < end and text[pos] in "\"'(" and pos > destination.pos:
        title = parseLinkTitle(text, pos, end)
        if title.ok:
            pos = _skip_spaces(text, title.pos)
    if pos >= end or text[pos] != ")":
        return None
    spaced = label != label.strip() or (after > destination.pos and pos == after)
    return InlineLink(label, destination.str, start, pos + 1, spaced)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def parse_text(text: str, path: str, stem: str | None = None) -> ParsedDocument:
    """Parse the Markdown text of one summary into its sections."""
    stem = stem if stem is not None else summary_stem(Path(path).name)
    doc = ParsedDocument(path=path, stem=stem)
    lines = split_lines(text)
    if not text.strip():
        doc.diagnostics.append(Diagnostic("error", path, None, "empty file"))
        return doc

    end = _front_matter_end(lines)
    front = read_front_matter(lines, end) if end else None
    if front is not None:  # set aside (blank lines keep every later line's number)
        keys = ", ".join(front.read[:12]) + (f" and {len(front.read) - 12:,} more"
                                             if len(front.read) > 12 else "")
        _warn(doc, 1, f"front matter (lines 1-{end}) is not part of the summary format; " + (
            f"read: {keys}" if front.read else "not read"))
        for problem in front.problems:
            _warn(doc, problem.line, f"front matter: {problem.text}")
        lines = [""] * end + lines[end:]
        text = "\n".join(lines)
    _open_unclosed_comments(doc, lines)
    if "]:" in text:
        _inline_references(lines)
    tokens, set_aside = _block_tokens(lines)
    nested = _headings_in_lists(tokens, lines)
    if nested:  # ("  ## Themes" after a list: CommonMark's heading in the last item)
        for at in nested:
            _warn(doc, at + 1, f"the heading `{lines[at].strip()[:60]}` is indented under the "
                  "list above it; read as a section heading")
            _dedent_block(lines, at)
        tokens, set_aside = _block_tokens(lines)
    budget = MarkBudget(lambda line, message: _warn(doc, line, message))
    section: Section | None = None
    quotes = 0  # block quotes open
    i = 0
    while i < len(tokens):
        token = tokens[i]
        while set_aside and token.map and set_aside[0][0] < token.map[0]:
            _keep_too_deep(doc, section, lines, set_aside.pop(0))
        if token.type == "heading_open":
            inline = tokens[i + 1]
            line = token.map[0] + 1
            if token.markup == "-" and _reads_as_text(inline.content):
                _warn(doc, token.map[1], "a `---` line right under text makes it a heading "
                      f"(CommonMark's setext); read as text: {inline.content.strip()[:60]!r}")
                _read_paragraph(doc, inline.content, line, section)
                i += 3
                continue
            if token.tag == "h1" and doc.title is None and section is None:
                _read_title_line(doc, inline.content, line)
            else:
                if token.tag == "h1" and doc.title is not None and \
                        _gives_a_page(doc, inline.content, line):
                    _warn(doc, line, "another title line: this file seems to hold more than one "
                          "summary (a digest); what follows is read as more of the first's "
                          "sections (split the file to keep them apart)")
                elif token.tag != "h2":
                    _warn(doc, line, f"heading `{inline.content}` is not a `##` section heading; "
                          "treated as a section")
                section = Section(heading=inline.content.strip(), line=line)
                doc.sections.append(section)
            i += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start, end = token.map
            end = _listed_rows_end(section, lines, start, end)
            if end > start:  # `* | row |` and rows after it: the item, then rows
                _add_item(doc, section, _line_item(lines[start]), start + 1, budget)
                _read_rows_after(doc, section, lines, start + 1, end, budget)
                i = next(j for j in range(i + 1, len(tokens)) if tokens[j].type ==
                         token.type.replace("_open", "_close") and tokens[j].level == token.level)
                i += 1
            else:
                i = _read_list(doc, tokens, i, section, lines, budget)
            continue
        if token.type == "paragraph_open":
            start, end = token.map
            content = tokens[i + 1].content
            # (in a quote: its lines without the quote's marks, as markdown-it read them)
            seen = _quoted_lines(content, start, end) if token.level else lines
            # A table may follow a line of text with no blank line between (GFM, and so
            # a reader's preview, shows it as a table): the text is a paragraph of its own.
            head = next((at for at in range(start, end - 1) if "|" in seen[at] and
                         _DELIMITER_ROW_RE.fullmatch(seen[at + 1])), None)
            if head is not None:
                if head > start:
                    _read_paragraph(doc, "\n".join(content.split("\n")[:head - start]),
                                    start + 1, section)
                if not seen[head + 1].isascii():
                    _warn(doc, head + 1, "a table whose delimiter row is written with "
                          f"typographic dashes (`—`, `–`) ({_span(head, end)}); read as a table")
                _read_table(doc, head, end, section, seen, budget)
            elif section is not None and section.tables and all(
                    seen[at].lstrip().startswith("|") for at in range(start, end)):
                # rows after a blank line or a comment inside a table, or quoted: still
                # its rows
                _read_rows_after(doc, section, seen, start, end, budget)
            elif section is not None and (grid := grid_rows([seen[at] for at in
                                                             range(start, end)])):
                headed = any("=" in seen[at] for at in range(start, end)
                             if GRID_BORDER_RE.fullmatch(seen[at]))
                _add_table_of_rows(doc, section, grid, start, end, "a grid table" + (
                    "" if headed else " with no header line (`+===+`)"), headed, budget)
            elif section is not None and _holds_tables(section) and \
                    _undelimited_table(seen, start, end):
                _warn(doc, start + 1, f"a table without its delimiter row (`|---|`) under "
                      f"its header ({_span(start, end)}); read as a table")
                _read_table(doc, start, end, section, seen, budget, delimited=False)
            else:
                _read_paragraph(doc, tokens[i + 1].content, start + 1, section)
            i += 3
            continue
        if token.type == "blockquote_open":  # (what it holds is read: lists, rows, text)
            start, end = token.map
            if not quotes:  # (once for quotes in quotes)
                _warn(doc, start + 1, f"a block quote ({_span(start, end)}); read as if not "
                      "quoted")
            quotes += 1
        elif token.type == "blockquote_close":
            quotes = max(0, quotes - 1)
        elif token.type == "code_block" and section is not None and \
                _read_indented(doc, section, lines, *token.map, budget):
            pass
        elif token.type == "html_block" and section is not None and \
                token.content.lstrip()[:6].lower() == "<table" and \
                (rows := html_rows(token.content)):
            headed = bool(_HEADER_CELL_RE.search(token.content))
            _add_table_of_rows(doc, section, rows, *token.map, "an HTML table" + (
                "" if headed else " with no `<th>` cell"), headed, budget)
        elif token.type == "html_block" and _COMMENTS_RE.fullmatch(token.content):
            # (a pipeline's note to itself: a reader of the summary never sees it)
            _warn(doc, token.map[0] + 1, f"an HTML comment ({_span(*token.map)}); left out")
        elif token.map and token.type not in ("hr",):
            start, end = token.map
            # (an HTML block runs on to a blank line: rows right after it are rows)
            rows = _listed_rows_end(section, lines, start, end) \
                if token.type == "html_block" else start
            end = start + 1 if rows > start else end
            span = f" ({_span(start, end)})" if end - start > 1 else ""
            _warn(doc, start + 1, f"unexpected {token.type.replace('_', ' ')}{span}" + (
                "; kept as text" if section is not None else
                " before the first section; ignored"))
            _keep_raw(section, lines, [start, end], indented=token.type == "code_block")
            if rows > start:
                _read_rows_after(doc, section, lines, start + 1, rows, budget)
        i += 1
    for span in set_aside:
        _keep_too_deep(doc, section, lines, span)

    _fill_section_sources(doc, lines)
    if front is not None and (doc.title is not None or doc.sections or doc.preamble and (
            doc.preamble.items or doc.preamble.tables)):
        _take_front_matter(doc, front)  # (a note of front matter and prose is no summary)
    _read_page_lines(doc)
    if doc.title is not None and not doc.sections and doc.external_link is None and \
            doc.preamble is None and not doc.diagnostics:
        _warn(doc, None, "the summary has only its title line: no external link, no sections")
    if doc.title is None:
        _warn(doc, 1, "no title line `# __Title__, (from page [DATE](URL).)`; "
              "the file name is used as the title")
    return doc


def _take_front_matter(doc: ParsedDocument, front: FrontMatter) -> None:
    """The front matter's title, date and address where the summary has none (said where
    it has another), and its sections before the summary's."""
    def differs(value: TextLine, what: str) -> None:
        _warn(doc, value.line, f"front matter {what} {value.text[:60]!r} is not the "
              "summary's; the summary's is read")

    if front.title is not None:
        title = _title_text(doc if doc.title is None else None, front.title.text,
                            front.title.line, markdown=False)
        if doc.title is None:
            doc.title = title
        elif title != doc.title:
            differs(front.title, "title")
    if front.date is not None:
        if doc.page is None:
            doc.page = front.date.text
        elif front.date.text.replace("-", "") != doc.page.replace("-", ""):
            differs(front.date, "date")
    if front.link is not None:
        if doc.external_link is None:
            doc.external_link, doc.external_link_line = front.link.text, front.link.line
        elif front.link.text != doc.external_link:
            differs(front.link, "address")
    summaries = [section for section in front.sections + doc.sections
                 if heading_key(section.heading) in SUMMARY_KEYS]
    if front.blurb is not None and not summaries:  # (Hugo's `description`: all it says)
        note = front.blurb
        for section in front.sections:
            section.items = [item for item in section.items if item is not note]
        text = note.text.partition(": ")[2]
        front.sections.append(Section("Summary", note.line, paragraphs=[
            TextLine(text, note.line)], source=note.text))
        _warn(doc, note.line, "front matter `description` read as the summary: the summary "
              "has none")
    doc.sections[:0] = [section for section in front.sections if section.items or
                        section.paragraphs or section.heading != "Other"]


_YAML_LINE_RE = re.compile(r"[\w.-]++\s*+:|\s|-\s")  # key:, indented, - item


def _front_matter_end(lines: list[str]) -> int:
    """How many lines a leading front matter block (YAML's `---` ... `---` or `...`, TOML's
    `+++` ... `+++`) takes, 0 without one.

    >>> _front_matter_end(["---", "title: x", "---", "# T"]), _front_matter_end(["# T", "---"])
    (3, 0)
    >>> _front_matter_end(["+++", 'title = "x"', "+++"]), _front_matter_end(["+++", "x"])
    (3, 0)
    >>> _front_matter_end(["---", "# __T__, (from page [1](u).)", "", "---"])  # a rule
    0
    """
    if lines and lines[0].rstrip() == "+++":  # (TOML's: no Markdown line is `+++` alone)
        return next((number + 1 for number, line in enumerate(lines[1:], start=1)
                     if line.rstrip() == "+++"), 0)
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return number + 1 if number > 1 else 0
        if line.strip() and not _YAML_LINE_RE.match(line):  # (a rule, then the summary)
            return 0
    return 0


def _span(start: int, end: int) -> str:
    """Lines start..end (from 0, end excluded) as an editor numbers them.

    >>> _span(2, 3), _span(2, 5)
    ('line 3', 'lines 3-5')
    """
    return f"lines {start + 1}-{end}" if end - start > 1 else f"line {start + 1}"


def _warn(doc: ParsedDocument, line: int | None, message: str) -> None:
    doc.diagnostics.append(Diagnostic("warning", doc.path, line, message))


# markdown-it-py reads lists and block quotes nested at most this deep; past it, it
# stops reading and takes the rest of the file for the deepest one's content (silently).
_MAX_NESTING = _MD.options["maxNesting"] - 1
# (what reads blocks inside it, one level down: a paragraph at the limit is read whole)
_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open",
                         "list_item_open"})
# Spans set aside one by one, at most (each costs a parse of the file); the last of them
# takes the rest of the file (a hostile file of many costs at most four parses).
_MAX_SET_ASIDE = 3


def _headings_in_lists(tokens: list[Token], lines: list[str]) -> list[int]:
    """The lines (0-based) of `##` headings markdown-it read inside a list item, indented
    on lines of their own (not "* ## B", a setext underline, nor in a quote).

    >>> text = "* a\\n  ## B\\n* ## C\\n* d\\n  ---\\n\\n## E"
    >>> _headings_in_lists(_MD.parse(text), text.split("\\n"))
    [1]
    """
    found, items = [], 0
    for token in tokens:
        if token.type == "list_item_open":
            items += 1
        elif token.type == "list_item_close":
            items -= 1
        elif items and token.type == "heading_open" and token.tag == "h2" and token.map and \
                token.markup.startswith("#") and lines[token.map[0]][:1] in (" ", "\t") and \
                lines[token.map[0]].lstrip().startswith("#"):
            found.append(token.map[0])
    return found


def _dedent_block(lines: list[str], at: int) -> None:
    """The heading of line `at` and the lines after it indented as much (what it heads:
    "    ## Themes" / "    * gamma") moved to the margin by its indentation."""
    indent = len(lines[at]) - len(lines[at].lstrip())
    if not indent:  # (moved with a heading above it already)
        return
    margin = lines[at][:indent]
    lines[at] = lines[at][indent:]
    for after in range(at + 1, len(lines)):
        if lines[after].startswith(margin):
            lines[after] = lines[after][indent:]
        elif lines[after].strip():
            break


def _block_tokens(lines: list[str]) -> tuple[list[Token], list[tuple[int, int]]]:
    """markdown-it-py's block tokens of a file's lines, and the (start, end) line spans
    set aside where containers nest deeper than it reads (`_MAX_NESTING`): from the line
    of the deepest to the next that starts at the margin with no `>` (where the file goes
    on), the file read again without them.

    >>> deep = ["## Keywords", "* a"] + ["  " * n + "* b" for n in range(1, 12)] + ["* c"]
    >>> tokens, spans = _block_tokens(deep)
    >>> spans, [t.content for t in tokens if t.type == "inline"]
    ([(10, 13)], ['Keywords', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'b', 'c'])
    """
    spans: list[tuple[int, int]] = []
    while True:
        tokens = _MD.parse("\n".join(lines))
        deepest = next((t for t in tokens if t.level >= _MAX_NESTING and t.type in
                        _CONTAINERS and t.map), None)
        if deepest is None:
            return tokens, spans
        start = end = deepest.map[0]
        if len(spans) + 1 < _MAX_SET_ASIDE:
            end += 1
            while end < len(lines) and (not lines[end].strip() or lines[end][0].isspace()
                                        or lines[end][0] == ">"):
                end += 1
        else:
            end = len(lines)
        spans.append((start, end))
        lines = lines[:start] + [""] * (end - start) + lines[end:]


def _keep_too_deep(doc: ParsedDocument, section: Section | None, lines: list[str],
                   span: tuple[int, int]) -> None:
    _warn(doc, span[0] + 1, f"lists or block quotes nested more than {_MAX_NESTING} deep "
          f"({_span(*span)})" + ("; kept as text" if section is not None else
                                 " before the first section; ignored"))
    _keep_raw(section, lines, list(span))


def _keep_raw(section: Section | None, lines: list[str], span: list[int],
              indented: bool = False) -> None:
    """The lines of `span` as a text of the section; an indented code block keeps its
    indent (what it holds is shown as written: never read as a heading or a list)."""
    if section is not None:
        text = "\n".join(lines[span[0] : span[1]])
        text = text.strip("\n").rstrip() if indented and text.strip() else text.strip()
        if text:
            section.paragraphs.append(TextLine(text, span[0] + 1))


def _reads_as_text(heading: str) -> bool:
    """Whether a heading underlined with `---` is a paragraph before a rule: lines of
    it, a link (the external link's line), a sentence of four words or more, or more
    words than a heading has.

    >>> [_reads_as_text(t) for t in ("Signals", "Keywords.", "Cities adapt to heat.", "a\\nb")]
    [False, False, True, True]
    """
    heading = heading.strip()
    return "\n" in heading or "](" in heading or len(heading.split()) > 12 or \
        heading.endswith((".", "!", "?")) and len(heading.split()) > 3


def _gives_a_page(doc: ParsedDocument, content: str, line: int) -> bool:
    """Whether a heading is a title line with its page link (as `_read_title_line` reads
    one, in any of its forms): another summary's."""
    probe = ParsedDocument(doc.path, doc.stem)
    _read_title_line(probe, content, line)
    return probe.page_url is not None


# A code span of a title (its footnote references are text)
_CODE_SPAN_RE = re.compile(r"(`++)[^`]++\1")


def _title_text(doc: ParsedDocument | None, raw: str, line: int | None,
                markdown: bool = True) -> str:
    """A title as written (a Markdown one's escapes decoded), without its footnote
    references (`Title[^4]`; not in a code span, not escaped), said in `doc` as cells'
    are; a title that is only one stays."""
    if "[^" in raw:
        pieces, code, at = [], set(), 0
        for span in _CODE_SPAN_RE.finditer(raw):
            code.add(len(pieces) + 1)
            pieces += [raw[at:span.start()], span.group()]
            at = span.end()
        kept, count = _without_footnote_references(pieces + [raw[at:]], code)
        title = "".join(kept).strip()
        if count and title.strip("_ "):
            if doc is not None:
                _warn(doc, line, "a footnote reference left out of the title "
                      f"{(unescape(title) if markdown else title)[:60]!r}")
            raw = title
    return unescape(raw) if markdown else raw


def _read_title_line(doc: ParsedDocument, content: str, line: int) -> None:
    content = content.strip()
    if content.startswith("__"):
        # The title may itself contain `__`: the page link follows the last `__` that is
        # followed by a `from` part (only the last few are tried: linear time).
        cut = len(content)
        for _ in range(3):
            cut = content.rfind("__", 3, cut)
            if cut < 0:
                break
            head = _FROM_RE.match(content, cut + 2)
            link = parse_link(content, head.end()) if head else None
            if link and _TITLE_END_RE.fullmatch(content, link.end):
                doc.title = _title_text(doc, content[2:cut].strip(), line)
                _read_page_link(doc, link, line)
                if link.spaced:
                    _warn(doc, line, f"page link [{link.label}]({link.destination} ...) has "
                          "stray spaces; read as page "
                          f"{doc.page!r}, {doc.page_url}")
                return
    # Another pipeline's title line: plain, or bold (`**Title**`, `*Title*`) before
    # its from part. (Only the last few "from" are tried: linear time.)
    for found in list(_FROM_WORD_RE.finditer(content))[-3:][::-1]:
        cut = found.start()
        while cut and (content[cut - 1] in " \t,(:" or content[cut - 1] in "|-\u2013\u2014"
                       and content[cut - 2:cut - 1] in (" ", "")):  # (", (from", " — from")
            cut -= 1
        head = _FROM_RE.match(content, found.start())
        link = parse_link(content, head.end()) if head and cut else None
        if link and _TITLE_END_RE.fullmatch(content, link.end):
            doc.title = _title_text(doc, _unwrapped(content[:cut].strip()), line)
            _read_page_link(doc, link, line)
            return
    bare = content.rstrip(" ,").rstrip()
    if len(bare) > 4 and bare.startswith("__") and bare.endswith("__"):
        bare = bare[2:-2]
    doc.title = _title_text(doc, bare.strip("_ ").strip(), line)
    _warn(doc, line, f"{_NO_PAGE_PART}; page unknown")


# Lines before the first section that give the page when the title line does not (other
# pipelines write it on a line of its own): "From page [23/03/2025](URL).", "**Date:**
# 2025-03-23", "*Source:* [2025-03-23](URL)"; and "**Source:** [page](URL)" beside a date
# (an address the external link is not).
_PAGE_LINE_RE = re.compile(r"[*_]{0,2}(?P<label>date|published(?: on)?|publication date|"
                           r"page(?: date)?|posted(?: on)?|source|from(?: page)?)"
                           r"(?::[*_]{0,2}|[*_]{1,2}:)[ \t]*+(?P<value>\S.*)", re.IGNORECASE)
_SOURCE_LABELS = frozenset({"source", "page", "from", "from page"})
_PIECES_RE = re.compile(r"[ \t]++[|\u00b7\u2022](?:[ \t]++|$)")  # "Date: x | Source: y"
_WORD_RE = re.compile(r"[^\W_]")  # (a letter or digit: not `__` marks)


def _read_page_lines(doc: ParsedDocument) -> None:
    """The page (its id and address) from lines before the first section, when the
    title line gives none: the lines read so leave the preamble."""
    if doc.preamble is None or doc.page is not None and doc.page_url is not None:
        return
    for read in (_read_page_date, _read_page_address):  # (a date first, wherever it is)
        for text in doc.preamble.paragraphs:
            lines = text.text.split("\n")
            for offset, line in enumerate(lines):
                pieces = _PIECES_RE.split(line.strip())
                rests = [read(doc, piece, text.line + offset) for piece in pieces]
                if any(rest is not None for rest in rests):  # (what is left of the line)
                    kept = [piece if rest is None else rest for piece, rest in zip(pieces, rests)
                            if rest != ""]
                    lines[offset] = " | ".join(kept) if _WORD_RE.search("".join(kept)) else ""
            text.text = "\n".join(lines)
    doc.preamble.paragraphs = [text for text in doc.preamble.paragraphs if text.text.strip()]
    preamble = doc.preamble
    if not (preamble.paragraphs or preamble.items or preamble.tables):
        doc.preamble = None


def _read_page_date(doc: ParsedDocument, piece: str, line: int) -> str | None:
    """Read `piece` as the page's from part or its date, if the page is not known yet:
    what is left of it unread, or None if it is not read."""
    if doc.page is not None:
        return None
    head = _FROM_RE.match(piece)
    link = parse_link(piece, head.end()) if head else None
    rest = ""
    labelled = None if link else _PAGE_LINE_RE.fullmatch(piece)
    if labelled:
        value = labelled["value"].strip()
        link = parse_link(value)
        if link is None:
            if not reads_as_date(value.strip("*_ ")):
                return None
            doc.page = page_id(value.strip("*_ "))
            _say_page_line(doc, line)
            return ""
        piece = value
        if not reads_as_date(plain_text(link.label)):
            return None
    elif link is not None and "page" not in head[0].lower() and \
            not reads_as_date(plain_text(link.label)):
        return None  # ("From [The Guardian](URL).": a source, no page)
    elif link is not None and not _TITLE_END_RE.fullmatch(piece, link.end):
        # ("From page [d](u). Reprinted with permission.": the rest is text of its own)
        end = _TITLE_END_RE.match(piece, link.end).end()
        rest = piece[end:].strip() if piece[link.end:end].strip() else ""
    if link is None or not (rest or _TITLE_END_RE.fullmatch(piece, link.end)):
        return None
    _read_page_link(doc, link, line)
    _say_page_line(doc, line)
    return rest


def _read_page_link(doc: ParsedDocument, link: InlineLink, line: int) -> None:
    """The page of a link labelled with its date, and its address unless that holds
    another date (a 2024 page's address would become the 2025 day's, for every article
    of that day): then the address is said, not kept."""
    doc.page = page_id(unescape(link.label))
    found = dates_in_address(link.destination, anywhere=True) if doc.page[:8].isdigit() \
        else set()
    if found and doc.page[:8] not in found:
        _warn(doc, line, f"page link [{link.label}] has an address of another date "
              f"({', '.join(sorted(found))}); not read as the page's address: "
              f"{link.destination[:120]}")
        doc.page_url = None
    else:
        doc.page_url = link.destination


def _read_page_address(doc: ParsedDocument, piece: str, line: int) -> str | None:
    """Read `piece` ("**Source:** [page](URL)"), where a date line gave the page: as the
    page's address if its last part holds the page's date (`/p/20250323`), else as the
    external link if there is none (the article's source, said)."""
    labelled = _PAGE_LINE_RE.fullmatch(piece)
    if doc.page is None or doc.page_url is not None or not labelled or \
            labelled["label"].lower() not in _SOURCE_LABELS:
        return None
    value = labelled["value"].strip()
    link = parse_link(value)
    if link is None or link.destination == doc.external_link or \
            not _TITLE_END_RE.fullmatch(value, link.end):
        return None
    if doc.page[:8] in dates_in_address(link.destination):  # (`/p/20250323`)
        doc.page_url = link.destination
    elif doc.external_link is None:
        doc.external_link, doc.external_link_line = link.destination, line
        _warn(doc, line, f"`{labelled['label']}:` link read as the external link: "
              f"{link.destination[:80]}")
    else:
        return None
    return ""


def _say_page_line(doc: ParsedDocument, line: int) -> None:
    """Say where the page was read, in place of the title line's "page unknown"."""
    for at, found in enumerate(doc.diagnostics):
        if found.message.startswith(_NO_PAGE_PART):
            doc.diagnostics[at] = Diagnostic(found.level, found.path, found.line, (
                f"{_NO_PAGE_PART}; the page is read from line {line}"))
            return


_NO_PAGE_PART = "title line has no `(from page [DATE](URL).)` part"


def _unwrapped(title: str) -> str:
    """A title without the emphasis marks around all of it.

    >>> _unwrapped("**Bold Title**"), _unwrapped("*x*"), _unwrapped("a*b*")
    ('Bold Title', 'x', 'a*b*')
    """
    for mark in ("**", "__", "*", "_"):
        if len(title) > 2 * len(mark) and title.startswith(mark) and title.endswith(mark):
            return title[len(mark):-len(mark)].strip()
    return title


def _preamble(doc: ParsedDocument, line: int) -> Section:
    """The document's text before its first `#` section (the title and external link
    aside), begun at `line` if there was none."""
    if doc.preamble is None:
        doc.preamble = Section("", line)
    return doc.preamble


def _read_paragraph(doc: ParsedDocument, content: str, line: int, section: Section | None) -> None:
    if section is None:
        label = _EXTERNAL_LABEL_RE.search(content)
        external = parse_link(content, label.start()) if label else None
        if external and doc.external_link is None:
            doc.external_link = external.destination
            doc.external_link_line = line
            start, end = label.start(), external.end  # (and the `__` marks around it)
            while start and end < len(content) and content[start - 1] == content[end] in "*_":
                start, end = start - 1, end + 1
            rest = content[:start] + content[end:]  # ("Date: x · [External link](URL)")
            if _WORD_RE.search(rest):
                _preamble(doc, line).paragraphs.append(TextLine(rest, line))
        elif external:
            _warn(doc, line, f"a second external link; ignored: {external.destination[:80]}")
        elif label and doc.external_link_line is None:  # (CommonMark reads no link whose
            doc.external_link_line = line  # address has a space: said here, not missing)
            _warn(doc, line, "the external link line's address is not one link address (a "
                  f"space in it?); ignored: {content.strip()[:80]!r}")
        elif content.strip():  # (read by extract: it may write a heading, `**Keywords**`)
            _preamble(doc, line).paragraphs.append(TextLine(content, line))
        return
    section.paragraphs.append(TextLine(content, line))


_MARKER_RE = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])[ \t]?")


def _read_list(doc: ParsedDocument, tokens: list[Token], i: int, section: Section | None,
               lines: list[str], budget: MarkBudget) -> int:
    """Collect every list item (nested ones too, flattened) up to the matching close. An
    item is its first paragraph (or line); what else it holds (later paragraphs, code,
    HTML, quotes, headings) is named by a warning, not read: in a list of keywords or of
    `Category:` fields it is no part of the name."""
    open_type = tokens[i].type
    close = open_type.replace("_open", "_close")
    depth = 0
    first_paragraph = -1  # (the token of an item's own text: read with the item)
    open_items: list[int] = []  # the lines of the items open, innermost last
    unread: dict[int, list[int]] = {}  # item line -> [first, last] line not read in it
    while i < len(tokens):
        token = tokens[i]
        if token.type == open_type:
            depth += 1
        elif token.type == close:
            depth -= 1
            if depth == 0:
                i += 1
                break
        elif token.type == "list_item_open":
            line = token.map[0] + 1
            if tokens[i + 1].type == "paragraph_open":
                raw = tokens[i + 2].content.strip()
                first_paragraph = i + 1
                open_items.append(line)
            else:
                # `* -`, `* #`, `* 1.` are not nested blocks in this format but the item's
                # text: read it from the source line (a quote's marks aside) and skip what
                # markdown-it made of it (what follows that line in the item: not read).
                raw = _line_item(lines[token.map[0]])
                closing = _matching_close(tokens, i)
                for inner in tokens[i + 1:closing]:
                    if inner.map and inner.nesting != -1 and inner.map[1] > token.map[0] + 1:
                        _note_unread(unread, line, max(inner.map[0], token.map[0] + 1),
                                     inner.map[1])
                i = closing
            _add_item(doc, section, raw, line, budget)
        elif token.type == "list_item_close":
            if open_items:
                open_items.pop()
        elif token.map and token.nesting != -1 and i != first_paragraph and \
                token.type not in _LIST_TOKENS:
            _note_unread(unread, open_items[-1] if open_items else token.map[0] + 1,
                         token.map[0], token.map[1])
        i += 1
    for line, (first, last) in sorted(unread.items()):
        if any(lines[at].strip() for at in range(first, last)):
            _warn(doc, first + 1, f"{_span(first, last)} of the list item of line {line} (more "
                  "paragraphs, "
                  "code, HTML, quotes or headings in it) are not read: an item is its "
                  "first paragraph")
    return i


_LIST_TOKENS = frozenset({"bullet_list_open", "ordered_list_open", "list_item_open", "inline"})


def _note_unread(unread: dict[int, list[int]], item: int, first: int, last: int) -> None:
    span = unread.setdefault(item, [first, last])
    span[0], span[1] = min(span[0], first), max(span[1], last)


_QUOTE_MARKS_RE = re.compile(r"^[ \t]*+(?:>[ \t]?+)++")


def _line_item(line: str) -> str:
    """The text of a list item read from its line: without its marker or a quote's marks."""
    return _MARKER_RE.sub("", _unquoted(line), count=1).strip()


def _unquoted(line: str) -> str:
    """A line without the marks of the quotes it is in.

    >>> _unquoted("> > * AI"), _unquoted("* AI")
    ('* AI', '* AI')
    """
    return _QUOTE_MARKS_RE.sub("", line, count=1) if line.lstrip()[:1] == ">" else line


def _read_rows_after(doc: ParsedDocument, section: Section, lines: list[str] | dict[int, str],
                     start: int, end: int, budget: MarkBudget) -> None:
    """Lines start..end (a quote's marks aside) as rows of the section's last table."""
    table = section.tables[-1]
    _warn(doc, start + 1, f"table rows after a break ({_span(start, end)}) are read as rows of "
          f"the table at line {table.line}")
    _add_rows(doc, table, {at: _unquoted(lines[at]) for at in range(start, end)}, start, end,
              budget)


def _quoted_lines(content: str, start: int, end: int) -> dict[int, str]:
    """A quoted paragraph's lines by number, as markdown-it read them (without `>`)."""
    texts = content.split("\n")
    return dict(zip(range(start, end), texts + [""] * (end - start - len(texts))))


def _listed_rows_end(section: Section | None, lines: list[str], start: int, end: int) -> int:
    """Where the rows after a listed row (`* | row |` and rows after it, which CommonMark
    reads into the item) end, the list's blank lines after them aside; `start` when the
    lines after the first are no rows of a table the section has (or hold a delimiter
    row: a table of its own)."""
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    if section is not None and section.tables and end - start > 1 and all(
            _unquoted(line).lstrip().startswith("|") and not _DELIMITER_ROW_RE.fullmatch(
                _unquoted(line)) for line in lines[start + 1:end]):
        return end
    return start


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


def _add_item(doc: ParsedDocument, section: Section | None, raw: str, line: int,
              budget: MarkBudget) -> None:
    link = parse_link(raw)
    whole_link = link is not None and link.end == len(raw)
    # (an item that is a link is its label: `* [OpenAI](https://openai.com)` is OpenAI)
    text = unescape(link.label) if whole_link else plain_text(
        raw, budget, line, words_emphasis=_source_of(section) == "list")  # (a keyword, a
    # theme: asterisks there mark no listed row's name)
    section = section or _preamble(doc, line)
    section.items.append(TextLine(text, line))
    if whole_link:
        section.links.append(Link(unescape(link.label), link.destination, line))


def _read_table(doc: ParsedDocument, start: int, end: int, section: Section | None,
                lines: list[str] | dict[int, str], budget: MarkBudget,
                delimited: bool = True) -> None:
    """The table of lines[start:end]: its header, (`delimited`) its delimiter row, rows."""
    table = Table(header=split_row(lines[start], budget, start + 1), rows=[], line=start + 1)
    _add_rows(doc, table, lines, start + 2 if delimited else start + 1, end, budget,
              piped=lines[start].lstrip().startswith("|"))
    (section or _preamble(doc, start + 1)).tables.append(table)


_HEADER_CELL_RE = re.compile(r"<th\b", re.IGNORECASE)


def _add_table_of_rows(doc: ParsedDocument, section: Section, rows: list[tuple[list[str], int]],
                       start: int, end: int, what: str, headed: bool, budget: MarkBudget) -> None:
    """A table another syntax writes (kg.tables' rows, the first its header), as a pipe
    table's, with a warning naming its lines (and, where the table marks no header
    (`headed` false), that its first row is read as one)."""
    _warn(doc, start + 1, f"{what} ({_span(start, end)}); read as a table" + (
        "" if headed else ", its first row as its header"))
    (header, _), *body = rows
    table = Table(header=[plain_text(cell, budget, start + 1, words_emphasis=True) for cell in header],
                  rows=[], line=start + 1)
    table.rows = [TableRow([plain_text(cell, budget, start + at + 1, words_emphasis=True)
                            for cell in cells],
                           start + at + 1) for cells, at in body]
    section.tables.append(table)


def _holds_tables(section: Section) -> bool:
    """Whether `section` is a table kind's (Signals, Concerns...): where pipes that
    CommonMark reads as text are a table written without its delimiter row."""
    return _source_of(section) == "table"


def _source_of(section: Section | None) -> str | None:
    """Where the names of a section's kind come from ("table", "list"), if it has one."""
    kind = KINDS.by_heading(section.heading) if section is not None else None
    return kind.source if kind is not None else None


def _undelimited_table(lines: list[str] | dict[int, str], start: int, end: int) -> bool:
    """Whether lines[start:end] are the rows of a pipe table, its delimiter row missing:
    two lines or more, each between pipes, all with as many cells (two or more)."""
    if end - start < 2:
        return False
    widths = set()
    for at in range(start, end):
        line = lines[at].strip()
        if len(line) < 3 or line[0] != "|" or line[-1] != "|" or line.endswith("\\|"):
            return False
        widths.add(len(_UNESCAPED_PIPE_RE.findall(line)))
    return len(widths) == 1 and widths.pop() >= 3


# A reference link: `[text][label]`, `[text][]`, `[label]` (not `[x](...)` nor `[x]:`)
_REFERENCE_LINK_RE = re.compile(
    r"(?<![\]\\])\[(?P<text>[^\[\]\n]{1,500}+)\](?:\[(?P<label>[^\[\]\n]{0,200}+)\]|(?![(:\[]))")


def _inline_references(lines: list[str]) -> None:
    """Reference links written inline (`[20250323][page]` with `[page]: URL` below it: a
    title line, a cell, an external link), in place: the readers of title lines, cells
    and links read inline links (attack 116's u50, u41: the page was lost, names kept
    their brackets). The definitions are those markdown-it-py reads (not in code, nor
    inside a paragraph); not a footnote's (`[^1]: ...`). A reference named by its text
    alone (`[label]`) is read only in a table's cell: in prose it stays as written, and a
    numbered citation `[1]` or a task box `[x]` anywhere (its source's address is no part
    of a name: a review's, attack 117's)."""
    env: dict = {}
    _MD.parse("\n".join(lines), env)
    references = {label: reference for label, reference in env.get("references", {}).items()
                  if not label.startswith("^")}
    if not references:
        return
    defined = {at for reference in references.values()
               for at in range(*reference.get("map", (0, 0)))}

    def inline(link: re.Match, row: bool) -> str:
        label = link["label"] or link["text"]  # (`[text][]` and `[label]` name themselves)
        if link["label"] is None and (not row or label.strip().isdigit() or
                                      len(label.strip()) < 2):
            return link[0]  # (`[AI]` in prose stays prose; a citation `[1]`, a task box)
        reference = references.get(normalizeReference(label))
        if reference is None:
            return link[0]
        href = reference["href"]
        return f"[{link['text']}]({f'<{href}>' if _BRACKETED.intersection(href) else href})"

    fenced = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced and at not in defined and "[" in line:
            row = line.lstrip().startswith("|")  # (a shortcut `[Name]` only in a cell)
            lines[at] = _REFERENCE_LINK_RE.sub(functools.partial(inline, row=row), line)


_BRACKETED = frozenset(" ()<>")  # (an address holding one is written `<...>`)


_COMMENT_OPENER_RE = re.compile(r" {0,3}<!--")
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _open_unclosed_comments(doc: ParsedDocument, lines: list[str]) -> None:
    """A line that opens an HTML comment never closed hides every line after it (to
    CommonMark, a comment block runs to its `-->`): its `<!--` is dropped, with a
    warning, and the lines after it are read."""
    last = len(lines) - 1
    while last >= 0 and "-->" not in lines[last]:
        last -= 1
    fence = ""  # (the fence of the code block the line is in: `<!--` there is code)
    for at, line in enumerate(lines):
        marks = _FENCE_RE.match(line)
        if marks and (not fence or marks[1].startswith(fence) and not line[marks.end():].strip()):
            fence = "" if fence else marks[1]
            continue
        opener = _COMMENT_OPENER_RE.match(line) if at > last and not fence else None
        if opener:
            _warn(doc, at + 1, "an HTML comment opened here is never closed (no `-->`); "
                  "its `<!--` is left out and the lines after it are read")
            lines[at] = lines[at][opener.end():]


_COMMENTS_RE = re.compile(r"\s*+(?:<!--.*?-->\s*+)++", re.DOTALL)
LIST_LINE_RE = re.compile(r"(?:[*+-]|\d{1,9}[.)])[ \t]++(?P<text>\S.*)")  # (a list item's line)


def _read_indented(doc: ParsedDocument, section: Section, lines: list[str], start: int,
                   end: int, budget: MarkBudget) -> bool:
    """Read an indented code block that holds a table or a list (a writer's indent of
    four spaces, not code), with a warning, where the section has no table or list of its
    own; False if it holds neither."""
    body = {at: lines[at].strip() for at in range(start, end)}
    filled = [at for at in range(start, end) if body[at]]
    if len(filled) >= 2 and filled[1] == filled[0] + 1 and \
            all(body[at].startswith("|") for at in filled) and \
            _DELIMITER_ROW_RE.fullmatch(body[filled[1]]) and not section.tables:
        what = "table"  # (the section's only table: beside its table, a code sample)
        _read_table(doc, filled[0], end, section, body, budget)
    elif filled and all(LIST_LINE_RE.match(body[at]) for at in filled) and not section.items:
        what = "list"
        for at in filled:
            _add_item(doc, section, _line_item(body[at]), at + 1, budget)
    else:
        return False
    _warn(doc, start + 1, f"a {what} indented four spaces or more ({_span(start, end)}), a "
          f"code block in CommonMark; read as a {what}")
    return True


def _add_rows(doc: ParsedDocument, table: Table, lines: list[str], start: int, end: int,
              budget: MarkBudget, piped: bool = True) -> None:
    """The rows of lines[start:end] added to `table`; in a table whose lines start with
    `|` (`piped`), a line without one is the rest of a row broken inside a cell."""
    # The pieces of the last row's last cell while lines continue it, joined once (a
    # cell continued on 500,000 lines was copied each time: quadratic).
    pieces: list[str] = []

    def join_pieces(row: TableRow) -> None:
        row.cells[-1] = " ".join(piece for piece in pieces if piece)
        pieces.clear()

    for number in range(start, end):
        line = lines[number]
        if not line.strip():
            continue
        cells = split_row(line, budget, number + 1)
        last = table.rows[-1] if table.rows else None
        if last is not None and piped and not line.lstrip().startswith("|") and \
                len(last.cells) < len(table.header):
            if not pieces:  # (once per row, not once per line)
                _warn(doc, number + 1, f"table row of line {last.line} goes on here; joined")
                pieces.append(last.cells[-1])
            pieces.append(cells[0])
            if len(cells) > 1:
                join_pieces(last)
                last.cells.extend(cells[1:])
            continue
        if pieces:
            join_pieces(last)
        # (tables pasted together: their header and delimiter rows again are no rows)
        if _DELIMITER_ROW_RE.fullmatch(line):
            _warn(doc, number + 1, "the table's delimiter row again; skipped")
            continue
        if [cell.lower() for cell in cells] == [cell.lower() for cell in table.header]:
            _warn(doc, number + 1, "the table's header row again; skipped")
            continue
        table.rows.append(TableRow(cells, number + 1))
    if pieces:
        join_pieces(table.rows[-1])


def _fill_section_sources(doc: ParsedDocument, lines: list[str]) -> None:
    """Each section's raw Markdown (`Section.source`), from its heading to the next."""
    if doc.preamble is not None:
        end = doc.sections[0].line - 1 if doc.sections else len(lines)
        doc.preamble.source = "\n".join(lines[doc.preamble.line - 1 : end]).strip()
    for index, section in enumerate(doc.sections):
        end = doc.sections[index + 1].line - 1 if index + 1 < len(doc.sections) else len(lines)
        section.source = "\n".join(lines[section.line - 1 : end]).strip()
