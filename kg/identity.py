"""Identity: when two surface forms name the same thing, and the IRI segment for it.

One node per real-world thing across the corpus starts here: every label is
reduced to an identity key (Unicode NFKC, case folded, typographic quotes and
dashes made plain, whitespace collapsed, a trailing full stop dropped). Labels
with the same key are one node; kg.resolve makes keys more lenient still.

>>> identity_key("  Generative   AI ") == identity_key("generative ai")
True
>>> identity_key("Coca-Cola’s AI.")
"coca-cola's ai"
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


def identity_key(label: str) -> str:
    """The key under which labels are the same entity."""
    text = unicodedata.normalize("NFKC", label).translate(_PLAIN).casefold()
    # A trailing full stop is sentence punctuation, not part of the name.
    return _SPACE_RE.sub(" ", text).strip().rstrip(".").rstrip()
