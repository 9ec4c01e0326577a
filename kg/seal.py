"""Seals: what kg keeps for itself (the build cache, the query index, the analytics'
facts) carries an HMAC under a secret of this user, so a folder made elsewhere, handed
over or crafted, is read as new instead of trusted (a review planted triples through a
build cache and answers through a query index of a folder it handed over).

The secret is 32 random bytes in `$XDG_CACHE_HOME/kg/seal.key` (else
`~/.cache/kg/seal.key`), a regular file made whole on first use (written aside, then
linked into place: a process never reads half of it), readable by its owner only; one
that is not 32 bytes is made anew. Where none can be kept (a read-only home), a secret
of this run seals, handed to the processes it starts (`KG_SEAL_SESSION`): nothing is
reused across runs then, and nothing made elsewhere is trusted either; `seal_problem`
says why, for the build to warn.

A seal says who made a file, not when: a sealed file put back from a backup still
checks out. What must be the latest (a push record, whose names are graphs to delete)
also keeps an id beside the secret (`keep_latest`, `latest`), out of the folder a
backup restores.

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

from .files import read_kept_file

__all__ = ["seal", "seal_problem", "latest", "keep_latest"]

_KEY_BYTES = 32
_SESSION = "KG_SEAL_SESSION"  # (the secret of this run, for its worker processes)


def seal(*parts: str) -> str:
    """The HMAC-SHA256 of the parts (what is sealed and its facts) under this user's
    secret, in hex."""
    message = "\0".join(parts).encode("utf-8", "surrogatepass")
    return hmac.new(_secret()[0], message, hashlib.sha256).hexdigest()


def seal_problem() -> str | None:
    """Why no secret could be kept (then nothing is reused across runs), or None."""
    return _secret()[1]


def latest(name: str) -> str | None:
    """The id last kept under `name` by this user (`keep_latest`), or None."""
    kept = read_kept_file(_latest_path(name), 64)
    return kept.decode("ascii", "replace") if kept else None


def keep_latest(name: str, value: str) -> None:
    """Keep `value` (an id of at most 64 ASCII characters) as the latest under `name`;
    nothing is kept where the secret cannot be (then no seal outlives its run anyway)."""
    if seal_problem() is None:
        from .files import atomic_write

        path = _latest_path(name)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with atomic_write(path, "wb") as handle:
            handle.write(value.encode("ascii"))


def _latest_path(name: str) -> Path:
    return _key_path().parent / "latest" / hashlib.blake2b(
        name.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _key_path() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME")
    return Path(cache) / "kg" / "seal.key" if cache else Path.home() / ".cache" / "kg" / "seal.key"


def _read_key(path: Path) -> bytes | None:
    """The key in the file, or None: missing, not a regular file of 32 bytes (a FIFO, a
    link, an empty file a killed run left)."""
    key = read_kept_file(path, _KEY_BYTES)
    return key if key is not None and len(key) == _KEY_BYTES else None


@functools.lru_cache(maxsize=1)
def _secret() -> tuple[bytes, str | None]:
    path = _key_path()
    key = _read_key(path)
    if key is not None:
        return key, None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, aside = _new_key_file(path.parent)
        try:
            try:
                os.link(aside, path)  # (whole, or not at all: another run may be first)
            except FileExistsError:
                if _read_key(path) is None:  # (a file no run can use: made anew)
                    os.replace(aside, path)
        finally:
            os.close(handle)
            Path(aside).unlink(missing_ok=True)
        key = _read_key(path)
        if key is not None:
            return key, None
        problem = f"{path} is not a key kg can use"
    except OSError as err:
        problem = f"{path} cannot be kept ({err.strerror or err})"
    try:
        key = bytes.fromhex(os.environ.get(_SESSION, ""))
    except ValueError:
        key = b""
    if len(key) != _KEY_BYTES:
        key = secrets.token_bytes(_KEY_BYTES)
        os.environ[_SESSION] = key.hex()  # (inherited by the processes this run starts)
    return key, problem + ": nothing kg keeps is reused across runs"


def _new_key_file(folder: Path) -> tuple[int, str]:
    """A new file of 32 random bytes in `folder` (owner only), written and synced."""
    import tempfile

    handle, aside = tempfile.mkstemp(dir=folder, prefix=".seal.")
    os.fchmod(handle, 0o600)
    os.write(handle, secrets.token_bytes(_KEY_BYTES))
    os.fsync(handle)
    return handle, aside
