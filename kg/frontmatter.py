"""YAML front matter (`---` ... `---` before the summary), as other pipelines and note
apps write it: what it says, for the parse stage.

Its title, date and address fill the title line's parts when the summary has none;
its other keys become sections of their own (`keywords: [a, b]` a `keywords` section,
`category: x` an `Other` field), which extract.py reads as it reads any section, or
keeps with a warning. PyYAML reads it with its base loader: every value is text as
written ("NO", "3.10", "2025-02-30" stay so; YAML 1.1 would make them False, 3.1 and an
error), never an object.

>>> found = read_front_matter(["---", "title: T", "tags: [a, b]", "author: Ann", "---"], 5)
>>> found.title.text, [(s.heading, [i.text for i in s.items]) for s in found.sections]
('T', [('tags', ['a', 'b']), ('Other', ['author: Ann'])])
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
_SUMMARY_KEYS = frozenset({"summary", "abstract"})
_KEY_RE = re.compile(r"([\w.-]+)[ \t]*:")


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


def read_front_matter(lines: list[str], end: int) -> FrontMatter:
    """The front matter of lines[0:end] (its `---` lines included)."""
    found = FrontMatter()
    try:
        data = yaml.load("\n".join(lines[1:end - 1]), Loader=_LOADER)
    except (yaml.YAMLError, RecursionError) as err:  # (lists nested thousands deep)
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or type(err).__name__
        found.problems.append(TextLine(f"not YAML ({problem}); not read", line))
        return found
    if not isinstance(data, dict):
        found.problems.append(TextLine("not a list of `key: value` lines; not read", 1))
        return found
    key_lines: dict[str, int] = {}  # a key -> its line
    for number, text in enumerate(lines[1:end - 1], start=2):
        match = _KEY_RE.match(text)
        if match and match[1] in key_lines:  # (YAML keeps the last)
            found.problems.append(TextLine(f"`{match[1]}` is given again (line "
                                           f"{key_lines[match[1]]} first); the last is read",
                                           number))
        if match:
            key_lines[match[1]] = number
    starts = sorted(key_lines.values()) + [end]
    other = Section("Other", 0)
    other_source: list[str] = []
    for name, value in data.items():
        line = key_lines.get(name, 1)
        source = "\n".join(lines[line - 1:starts[bisect_right(starts, line)] - 1]).strip()
        texts = _texts(value)
        if texts is None:
            found.problems.append(TextLine(f"`{name}` holds nested data; not read", line))
            continue
        if not texts:
            continue
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
        elif lower in _SUMMARY_KEYS:
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
            other.items.append(TextLine(f"{name}: {texts[0]}", line))
            other_source.append(source)
        found.read.append(name)
    if other.items:
        other.items.sort(key=lambda item: item.line)
        other.line, other.source = other.items[0].line, "\n".join(other_source)
        found.sections.append(other)
    found.sections.sort(key=lambda section: section.line)
    return found


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
