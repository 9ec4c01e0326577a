"""Seals: what kg keeps for itself (the build cache, the query index, the analytics'
facts) carries an HMAC under a secret of this user, so a folder made elsewhere, handed
over or crafted, is read as new instead of trusted (a review planted triples through a
build cache and answers through a query index of a folder it handed over).

The secret is 32 random bytes in `$XDG_CACHE_HOME/kg/seal.key` (else
`~/.cache/kg/seal.key`), made on first use, readable by its owner only. Where it
cannot be kept, a secret of this process seals: nothing is reused across runs then,
and nothing is trusted either.

>>> seal("build", "a") == seal("build", "a") != seal("build", "b")
True
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path

__all__ = ["seal"]

_KEY_BYTES = 32


def seal(*parts: str) -> str:
    """The HMAC-SHA256 of the parts (what is sealed and its facts) under this user's
    secret, in hex."""
    message = "\0".join(parts).encode("utf-8", "surrogatepass")
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest()


def _key_path() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME")
    return Path(cache) / "kg" / "seal.key" if cache else Path.home() / ".cache" / "kg" / "seal.key"


@functools.lru_cache(maxsize=1)
def _secret() -> bytes:
    path = _key_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:  # (made once, whole: another process may be making it too)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(handle, "wb") as out:
                out.write(secrets.token_bytes(_KEY_BYTES))
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(handle, "rb") as source:
            key = source.read(_KEY_BYTES + 1)
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    return secrets.token_bytes(_KEY_BYTES)  # (a key being written by another process, a
    # read-only home: nothing kept is trusted in this run)
