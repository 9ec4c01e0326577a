"""Front matter (YAML `---` ... `---`, or Hugo's TOML `+++` ... `+++`, before the summary),
as other pipelines and note apps write it: what it says, for the parse stage.

Its title, date and address fill the title line's parts when the summary has none;
its other keys become sections of their own (`keywords: [a, b]` a `keywords` section,
`category: x` an `Other` field), which extract.py reads as it reads any section, or
keeps with a warning. PyYAML reads it with its base loader: every value is text as
written ("NO", "3.10", "2025-02-30" stay so; YAML 1.1 would make them False, 3.1 and an
error), never an object; TOML is read by the standard library's tomllib, its numbers
and dates written back as text. A table of keys (Hugo's `[params]`, Zola's `[extra]`)
is read as if its keys were the front matter's own; deeper data is named, not read.

>>> found = read_front_matter(["---", "title: T", "tags: [a, b]", "author: Ann", "---"], 5)
>>> found.title.text, [(s.heading, [i.text for i in s.items]) for s in found.sections]
('T', [('tags', ['a', 'b']), ('Other', ['author: Ann'])])
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass, field

import yaml

from .dates import page_id
from .kinds import KINDS
from .model import Section, TextLine

_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # (libyaml's, where installed)

# Keys naming the title line's parts (lower case)
_TITLE_KEYS = frozenset({"title"})
_DATE_KEYS = frozenset({"date", "published", "pubdate", "page"})
# (in this order of preference; a value that is no http(s) address is a note: "source:
# Reuters")
_LINK_KEYS = ("url", "external_link", "link", "source_url", "href", "source")
_ADDRESS_RE = re.compile(r"https?://\S+", re.IGNORECASE)
# Keys whose text is the summary (a "description" is a blurb: a note)
SUMMARY_KEYS = frozenset({"summary", "abstract"})
# A key's line: YAML's `key:` (at any indent: a table's keys are indented), TOML's
# `key =` and `[table]`
_KEY_RES = {"---": re.compile(r"[ \t]*+([\w.-]+)[ \t]*:"),
            "+++": re.compile(r"[ \t]*+\[?[ \t]*+([\w.-]+|\"[^\"\n]*\")[ \t]*+[=\]]")}


@dataclass
class FrontMatter:
    """What a front matter says; `line` of each value is where its key is."""

    title: TextLine | None = None
    date: TextLine | None = None
    link: TextLine | None = None
    sections: list[Section] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # the keys read, in order
    problems: list[TextLine] = field(default_factory=list)  # (line, what was not read)
    link_rank: int = len(_LINK_KEYS)  # (of `link`'s key in _LINK_KEYS)
    link_key: str = ""
    blurb: TextLine | None = None  # (a `description:` note: the summary of one without)


def read_front_matter(lines: list[str], end: int) -> FrontMatter:
    """The front matter of lines[0:end] (its `---` or `+++` lines included)."""
    found = FrontMatter()
    fence = lines[0].rstrip()
    try:
        data = _load(fence, "\n".join(lines[1:end - 1]))
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError) as err:  # (lists
        line, problem = _where(err)  # nested thousands deep: RecursionError)
        found.problems.append(TextLine(f"not {_FORMATS[fence]} ({problem}); not read", line))
        return found
    if not isinstance(data, dict):
        found.problems.append(TextLine("not a list of `key: value` lines; not read", 1))
        return found
    reading = _Reading(found, fence, lines[:end - 1])
    for key, numbers in reading.key_lines.items():
        top = [at for at in numbers if not lines[at - 1][:1].isspace()]
        if fence == "---" and len(top) > 1:  # (YAML keeps the last)
            found.problems.append(TextLine(f"`{key}` is given again (line {top[0]} "
                                           "first); the last is read", top[-1]))
    for name, value in data.items():
        line = reading.line_of(name)
        if isinstance(value, dict):  # ([params] keywords = [...]; deeper: named)
            for inner, inner_value in value.items():
                reading.read(inner, inner_value, reading.line_of(inner, after=line), name)
            continue
        reading.read(name, value, line)
    other = reading.other
    if other.items:
        other.items.sort(key=lambda item: item.line)
        other.line, other.source = other.items[0].line, "\n".join(reading.other_source)
        found.sections.append(other)
    found.sections.sort(key=lambda section: section.line)
    return found


_TOML_LINE_RE = re.compile(r"\(at line (\d+)")


def _where(err: Exception) -> tuple[int, str]:
    """The line (of the file) and the problem an error of YAML's or TOML's reader names."""
    if isinstance(err, tomllib.TOMLDecodeError):
        at = _TOML_LINE_RE.search(str(err))
        return (int(at[1]) + 1 if at else 1), str(err).split(" (at ")[0]
    mark = getattr(err, "problem_mark", None)
    return (mark.line + 2 if mark is not None else 1,
            getattr(err, "problem", None) or type(err).__name__)


_FORMATS = {"---": "YAML", "+++": "TOML"}


def _load(fence: str, text: str):
    """The front matter's data: texts, lists and mappings (TOML's numbers and dates as
    text)."""
    if fence == "---":
        return yaml.load(text, Loader=_LOADER)
    return _as_texts(tomllib.loads(text))


def _as_texts(value):
    """TOML's values as YAML's base loader gives them: every scalar a text.

    >>> _as_texts({"d": _dt.date(2025, 3, 23), "n": [1, True], "x": {"f": 0.5}})
    {'d': '2025-03-23', 'n': ['1', 'true'], 'x': {'f': '0.5'}}
    """
    if isinstance(value, dict):
        return {key: _as_texts(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_as_texts(inner) for inner in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, _dt.time)):  # (datetime is a date)
        return value.isoformat()
    return str(value)


class _Reading:
    """One front matter's keys being read into `found` (`lines`: its lines, the closing
    fence aside)."""

    def __init__(self, found: FrontMatter, fence: str, lines: list[str]):
        self.found, self.fence, self.lines = found, fence, lines
        self.key_lines: dict[str, list[int]] = {}  # a key -> its lines (at any depth)
        for number, text in enumerate(lines[1:], start=2):
            match = _KEY_RES[fence].match(text)
            if match:  # (TOML's `[deep.er]` is a line of `deep` too)
                for key in {match[1].strip('"'), match[1].split(".")[0]}:
                    self.key_lines.setdefault(key, []).append(number)
        self.first_table = next((number for number, text in enumerate(lines[1:], start=2)
                                 if fence == "+++" and text.lstrip().startswith("[")),
                                len(lines) + 1)
        self.other = Section("Other", 0)
        self.other_source: list[str] = []
        # Characters the texts read may still take: twice as many as the front matter
        # has, and 4 KB (a YAML alias names a text again, so a few lines could name
        # gigabytes; a text given twice, TOML's numbers written out, fit)
        self.budget = 2 * sum(map(len, lines)) + 4096

    def line_of(self, name: str, after: int = 0) -> int:
        """The line of key `name`: the last one given at the top, or within a table (at
        line `after`) the first after it."""
        numbers = self.key_lines.get(name, [])
        if after:
            return next((at for at in numbers if at > after), after)
        top = [at for at in numbers if not self.lines[at - 1][:1].isspace() and
               at <= self.first_table]  # (TOML's: before its first `[table]`)
        return (top or numbers or [1])[-1]

    def source(self, line: int) -> str:
        """The lines of the key at `line`: to the next key (TOML), or to the next line
        indented no deeper that is no list item (YAML)."""
        indent = len(self.lines[line - 1]) - len(self.lines[line - 1].lstrip())
        end = line
        while end < len(self.lines):
            text = self.lines[end]
            if self.fence == "+++" and _KEY_RES["+++"].match(text) or self.fence == "---" and \
                    text.strip() and (len(text) - len(text.lstrip()) < indent or
                                      len(text) - len(text.lstrip()) == indent and
                                      not text.lstrip().startswith("-")):
                break
            end += 1
        return "\n".join(self.lines[line - 1:end]).strip()

    def read(self, name: str, value, line: int, table: str = "") -> None:
        """Read key `name` (of `table`, if in one)."""
        found, other = self.found, self.other
        source = self.source(line)
        texts = _texts(value)
        if texts is None:
            shown = f"{table}.{name}" if table else name
            found.problems.append(TextLine(f"`{shown}` holds nested data; not read", line))
            return
        if not texts:
            return
        size = sum(map(len, texts))
        if size > self.budget:
            shown = f"{table}.{name}" if table else name
            found.problems.append(TextLine(f"`{shown}` would take the texts of the front "
                                           "matter past twice its size (a YAML alias "
                                           "repeating a text?); not read", line))
            return
        self.budget -= size
        lower, single = name.lower(), len(texts) == 1
        kind = KINDS.by_heading(name)
        if single and lower in _TITLE_KEYS and found.title is None:
            found.title = TextLine(texts[0], line)
        elif single and lower in _DATE_KEYS and found.date is None:
            found.date = TextLine(page_id(texts[0]), line)
        elif single and lower in _LINK_KEYS and _ADDRESS_RE.fullmatch(texts[0]) and \
                _LINK_KEYS.index(lower) < found.link_rank:
            if found.link is not None:  # (a less preferred key's: a note)
                other.items.append(TextLine(f"{found.link_key}: {found.link.text}",
                                            found.link.line))
            found.link, found.link_rank = TextLine(texts[0], line), _LINK_KEYS.index(lower)
            found.link_key = name
        elif lower in SUMMARY_KEYS:
            found.sections.append(Section("Summary", line, paragraphs=[
                TextLine("\n\n".join(texts), line)], source=source))
        elif isinstance(value, list):
            found.sections.append(Section(name, line, items=[TextLine(text, line)
                                                              for text in texts],
                                          source=source))
        elif kind is not None and kind.source == "list":  # ("keywords: a, b": split by extract)
            one = not any(mark in texts[0] for mark in ",;|#·•")  # (else split by extract)
            found.sections.append(Section(name, line, source=source, **{
                "items" if one else "paragraphs": [TextLine(texts[0], line)]}))
        else:  # one value: a field of `Other` (`category: x`), or a note there
            shown = f"{table}.{name}" if table and not KINDS.by_field(name) else name
            other.items.append(TextLine(f"{shown}: {texts[0]}", line))
            if lower == "description" and found.blurb is None:
                found.blurb = other.items[-1]
            name = shown
            self.other_source.append(source)
        found.read.append(name)


def _texts(value) -> list[str] | None:
    """A value's texts (the base loader's: text, lists, mappings): a text's one, a list's
    each; None for nested data.

    >>> _texts("a"), _texts(["1", "b"]), _texts(""), _texts({"a": "1"}), _texts([["a"]])
    (['a'], ['1', 'b'], [], None, None)
    """
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        # (a list of lists is never walked: YAML's aliases make a few lines of it a billion)
        return [item.strip() for item in value if item.strip()]
    return None
