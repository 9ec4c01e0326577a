"""Embed: texts as vectors, so that relatedness can see meaning, not only shared words.

The default encoder works offline with nothing downloaded: a table of static
token vectors shipped in the package (kg/models/static-minilm: the token
embeddings of all-MiniLM-L6-v2, distilled with model2vec, 256 dimensions, int8)
and its WordPiece tokenizer (Hugging Face `tokenizers`). A text's vector is the
mean of its tokens' vectors; computing it is a dictionary look-up per word and
one sparse matrix product per batch, so a whole archive is embedded in
seconds. Its similarities are one of the measures kg.related weighs.

An analyst who has a sentence-embedding model may use it instead
(`kg build --encoder sentence-transformers:/path/to/model`, after refitting the
weights with bench/related_train.py --encoder); it is much slower.

>>> encoder = StaticEncoder()
>>> a, b, c = encoder.encode(["deepfake videos", "synthetic media fakes", "solar roof tiles"])
>>> float(a @ b) > float(a @ c)
True
"""

from __future__ import annotations

import functools
import re
from itertools import chain
from importlib import resources
from typing import Protocol

import numpy as np

from .errors import InputError

__all__ = ["Encoder", "StaticEncoder", "SentenceTransformerEncoder", "encoder_for",
           "count_matrix"]

# Words and punctuation, as BERT's basic tokenizer splits them.
_WORD_RE = re.compile(r"\w+|[^\w\s]")


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (float32, one row per text; a zero row for an empty text)."""


BLOCK_ROWS = 8192  # rows of vectors made at a time (kg.related centres them so too)


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)


class StaticEncoder:
    """The shipped static token vectors: fast, offline, deterministic."""

    name = "static-minilm"

    def __init__(self):
        folder = resources.files("kg").joinpath("models", "static-minilm")
        with folder.joinpath("embeddings.npz").open("rb") as handle:
            table = np.load(handle, allow_pickle=False)  # data only, never objects
            self.vectors = table["vectors"].astype(np.float32) * table["scales"][:, None]
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_str(
            folder.joinpath("tokenizer.json").read_text(encoding="utf-8"))
        self.token_ids = functools.lru_cache(maxsize=1 << 17)(self._token_ids)

    def _token_ids(self, word: str) -> tuple[int, ...]:
        return tuple(self.tokenizer.encode(word, add_special_tokens=False).ids)

    def ids(self, text: str) -> list[int]:
        """The token ids of a text (words tokenised once, then remembered)."""
        found: list[int] = []
        for word in _WORD_RE.findall(text.lower()):
            found.extend(self.token_ids(word))
        return found

    def encode(self, texts: list[str]) -> np.ndarray:
        # Block by block into one array: the token lists of 300,000 texts at once took
        # a gigabyte more than the vectors themselves. (Each row is computed alone, so
        # the blocks change no value.) In a block, each distinct word's vector (the sum
        # of its tokens') is made once, and a text's vector is the sum of its words'.
        found = np.empty((len(texts), self.vectors.shape[1]), np.float32)
        for start in range(0, len(texts), BLOCK_ROWS):
            block = [_WORD_RE.findall(text.lower()) for text in texts[start:start + BLOCK_ROWS]]
            words, distinct = count_matrix(block)
            tokens, _ = count_matrix([self.token_ids(word) for word in distinct],
                                     len(self.vectors))
            found[start:start + len(block)] = _unit(words @ (tokens @ self.vectors))
        return found


def count_matrix(rows: list, width: int | None = None, dtype=np.float32):
    """How often each item occurs in each row, as a sparse matrix (duplicates summed),
    and the items its columns stand for: numbers below `width`, or when `width` is None
    any items, numbered in first-seen order.

    >>> matrix, items = count_matrix([["b", "a", "b"], ["a"]])
    >>> matrix.toarray().tolist(), items
    ([[2.0, 1.0], [0.0, 1.0]], ['b', 'a'])
    """
    import scipy.sparse as sp

    lengths = np.fromiter(map(len, rows), np.int64, len(rows))
    numbers, items = chain.from_iterable(rows), None
    if width is None:
        items = list(dict.fromkeys(chain.from_iterable(rows)))
        numbers, width = map({item: n for n, item in enumerate(items)}.__getitem__, numbers), \
            len(items)
    columns = np.fromiter(numbers, np.int64, int(lengths.sum()))
    matrix = sp.csr_matrix((np.ones(len(columns), dtype),
                            (np.repeat(np.arange(len(rows)), lengths), columns)),
                           shape=(len(rows), width))
    matrix.sum_duplicates()
    return matrix, items


class SentenceTransformerEncoder:
    """A local sentence-transformers model the analyst already has (never downloaded)."""

    def __init__(self, path: str):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise InputError("--encoder sentence-transformers:... needs the "
                             "sentence-transformers package (pip install "
                             "sentence-transformers)") from None
        self.name = f"sentence-transformers:{path}"
        self.model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), np.float32)
        return _unit(np.asarray(self.model.encode(texts, batch_size=64,
                                                  show_progress_bar=False), np.float32))


@functools.lru_cache(maxsize=4)
def encoder_for(spec: str | None = None) -> Encoder:
    """The encoder named by `spec`: None or "static" for the shipped one,
    "sentence-transformers:PATH" for a local model."""
    if spec in (None, "", "static", StaticEncoder.name):
        return StaticEncoder()
    kind, _, path = spec.partition(":")
    if kind == "sentence-transformers" and path:
        return SentenceTransformerEncoder(path)
    raise InputError(f"unknown encoder {spec!r}: use `static` or "
                     "`sentence-transformers:/path/to/model`")
