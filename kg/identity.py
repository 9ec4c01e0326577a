"""Identity: when two surface forms name the same thing, and the IRI segment for it.

One node per real-world thing across the corpus starts here: every label is
reduced to an identity key (Unicode NFKC, case folded, typographic quotes and
dashes made plain, whitespace collapsed, a trailing full stop dropped). Labels with the same key are one node.

>>> identity_key("  Generative   AI ") == identity_key("generative ai")
True
>>> iri_segment(identity_key("Coca-Cola’s AI (Gen AI)"))
'coca-cola%27s_ai_%28gen_ai%29'
"""

from __future__ import annotations

import re
import unicodedata

_PLAIN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_SPACE_RE = re.compile(r"\s+")
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
_ONLY_KEPT = re.compile(r"[A-Za-z0-9.\- ]*")  # _KEEP and spaces (ASCII only)


def identity_key(label: str) -> str:
    """The key under which labels are the same entity."""
    text = unicodedata.normalize("NFKC", label).translate(_PLAIN).casefold()
    # A trailing full stop is sentence punctuation, not part of the name.
    return _SPACE_RE.sub(" ", text).strip().rstrip(".").rstrip()


def iri_segment(text: str) -> str:
    """Encode text as one readable, portable IRI path segment.

    Letters, digits, `-` and `.` stay; a space becomes `_`; everything else,
    `_` included, is percent-encoded as UTF-8, so the mapping is one-to-one and
    the result is plain ASCII that every triple store accepts. A segment of
    dots only (`.`, `..`) is encoded whole, since IRI resolution would remove it.

    >>> iri_segment("a_b c/é")
    'a%5Fb_c%2F%C3%A9'
    """
    if text.strip(".") == "":
        return "".join(f"%{ord(char):02X}" for char in text) or "-"
    if _ONLY_KEPT.fullmatch(text):  # the common case, without a loop in Python
        return text.replace(" ", "_")
    out = []
    for char in text:
        if char in _KEEP:
            out.append(char)
        elif char == " ":
            out.append("_")
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)
