"""Files: finding the summaries, writing outputs atomically, digests.

>>> import shutil, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with atomic_write(folder / "out.txt") as handle:
...     _ = handle.write("whole or nothing")
>>> (folder / "out.txt").read_text()
'whole or nothing'
>>> shutil.rmtree(folder)
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Iterable, Iterator

from .errors import InputError, as_shown, for_terminal
from .model import Diagnostic

__all__ = ["SourceFile", "Sources", "find_sources", "atomic_write", "content_digest",
           "code_digest", "TEMP_PREFIX", "STDOUT"]

# Temporary files of atomic writes start with this, so leftovers of a killed run
# can be recognised and removed by the next successful one.
TEMP_PREFIX = ".kg-tmp."
# The file name that means standard output in every command that writes a file.
STDOUT = "-"

_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass
class SourceFile:
    path: Path
    shown_as: str  # relative to the source argument's parent: stable across machines

    @property
    def name(self) -> str:
        """The file's name as kg shows it and names its article by it."""
        return self.shown_as.rsplit("/", 1)[-1]


class Sources(list):
    """The summary files found (a list of SourceFile) and the problems met finding them."""

    def __init__(self, files: Iterable[SourceFile] = (), diagnostics=None):
        super().__init__(files)
        self.diagnostics: list[Diagnostic] = list(diagnostics or [])


MARKDOWN_SUFFIXES = (".md", ".markdown")  # in any case: "Notes.MD" is a summary too


def summary_stem(name: str) -> str:
    """A file name without its Markdown suffix (the name itself when it has none).

    >>> summary_stem("a1b2.v2.md"), summary_stem("Notes.MD"), summary_stem("x.markdown")
    ('a1b2.v2', 'Notes', 'x')
    """
    lower = name.lower()
    for suffix in MARKDOWN_SUFFIXES:
        if lower.endswith(suffix):
            return name[:-len(suffix)]
    return name


def find_sources(sources: Iterable[str | Path]) -> Sources:
    """Every Markdown file (`*.md`, `*.markdown`, in any case) under the given files and
    folders, in a stable order.

    Hidden files and folders are skipped, and so are symbolic links that lead out of
    the folder given (with a warning; a source given by name is read wherever it
    leads); a folder that cannot be read (no permission, a symbolic-link loop) is
    reported as an error diagnostic and the rest is still found. Raises InputError
    for a source that does not exist.
    """
    found = Sources()
    raw_of: dict[str, str] = {}  # a name as shown -> the name it was read from
    for source in map(Path, sources):
        if not source.exists():
            raise InputError("no such file or folder", path=source)
        if source.is_dir():
            root = source.resolve()
            files = [(root / relative, relative, f"{root.name}/{relative}")
                     for relative in sorted(_markdown_files(root, "", found.diagnostics,
                                                            root.name, set(), root))]
        else:
            files = [(source.resolve(), source.name, source.name)]
        for path, relative, shown in files:
            found.append(SourceFile(path, as_shown(shown)))
            if as_shown(relative) != relative:
                found.diagnostics.append(Diagnostic(
                    "warning", as_shown(shown), None,
                    f"the file name is not UTF-8: read as {as_shown(relative)}"))
            if raw_of.setdefault(as_shown(shown), shown) != shown:  # ("caf\xe9.md" too)
                found.diagnostics.append(Diagnostic(
                    "warning", as_shown(shown), None, "another file's name, not UTF-8 or "
                    "written with \\x, is shown so too: the two are read as one article"))
    return found


def _markdown_files(folder: Path, prefix: str, problems: list[Diagnostic], shown: str,
                    visited: set[tuple[int, int]], root: Path) -> Iterator[str]:
    """Relative paths of the Markdown files below `folder` (hidden ones skipped); folders
    reached twice through symbolic links are read once, and a symbolic link out of the
    source folder `root` is not followed (a folder from someone else must not make kg
    read, and publish, files of this machine)."""
    try:
        stat = folder.stat()
        if (stat.st_dev, stat.st_ino) in visited:
            problems.append(Diagnostic("warning", f"{shown}/{prefix}".rstrip("/"), None,
                                       "folder reached again through a symbolic link; "
                                       "read once"))
            return
        visited.add((stat.st_dev, stat.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as err:
        problems.append(Diagnostic("error", f"{shown}/{prefix}".rstrip("/"), None,
                                   f"cannot read folder: {err.strerror or err}; skipped"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and summary_stem(entry.name) != entry.name and \
                entry.is_file()
        except OSError as err:  # e.g. a symbolic-link loop
            problems.append(Diagnostic("error", f"{shown}/{prefix}{entry.name}", None,
                                       f"cannot read: {err.strerror or err}; skipped"))
            continue
        if (is_dir or is_file) and entry.is_symlink() and \
                not Path(os.path.realpath(entry.path)).is_relative_to(root):
            problems.append(Diagnostic("warning", f"{shown}/{prefix}{entry.name}", None,
                                       f"a symbolic link out of {shown}; skipped"))
            continue
        if is_dir:
            yield from _markdown_files(Path(entry.path), f"{prefix}{entry.name}/", problems,
                                       shown, visited, root)
        elif is_file:
            yield f"{prefix}{entry.name}"
        elif summary_stem(entry.name) != entry.name:  # a summary no one can read: named
            why = "a symbolic link to nothing" if not os.path.exists(entry.path) \
                else "not a regular file"
            problems.append(Diagnostic("error", as_shown(f"{shown}/{prefix}{entry.name}"),
                                       None, f"cannot read: {why}; skipped"))


def check_writable(path: Path) -> None:
    """Make the folder of the file `path` (InputError naming what is in the way: a file
    where a folder must be, a folder where the file must be)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_the_way = next((p for p in path.parents if p.exists() and not p.is_dir()), path.parent)
        raise InputError("a file is where a folder of the output must be",
                         path=in_the_way) from None
    except OSError as err:
        raise InputError(f"cannot make the folder: {err.strerror or err}",
                         path=path.parent) from None
    if path.is_dir() and not path.is_symlink():
        raise InputError("a folder is where the output file must be", path=path)


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", durable: bool = True) -> Iterator[IO]:
    """Open a temporary file next to `path` and move it into place only on success.

    A crash or an exception leaves the old file (or no file) behind, never half of one.
    With durable=True the data also reaches the disk before the move (fsync), so
    a power cut cannot leave an empty file either. `path` "-" writes to standard
    output instead.
    """
    if str(path) == STDOUT:
        if sys.stdout.isatty():  # shown, not obeyed (errors.for_terminal)
            buffer = io.BytesIO() if "b" in mode else io.StringIO()
            yield buffer
            text = buffer.getvalue()
            sys.stdout.write(for_terminal(text.decode("utf-8", "replace")
                                          if isinstance(text, bytes) else text))
            sys.stdout.flush()
            return
        stream = sys.stdout.buffer if "b" in mode else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(path)
    check_writable(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.",
                               suffix=".tmp")
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; the output should be like any file
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8",
                                                           "newline": "\n"})) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_leftovers(folder: Path, older_than: float) -> int:
    """Remove the temporary files that interrupted writes left in `folder` (not
    recursive) and that were last written before `older_than` (a time.time()), so a
    write still going on in another process is left alone; returns how many. Only for
    folders kg owns (an output folder, its cache)."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.name.startswith(TEMP_PREFIX) and entry.is_file(follow_symlinks=False) \
                    and entry.stat(follow_symlinks=False).st_mtime < older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
    return removed


def read_kept_file(path: str | Path, limit: int) -> bytes | None:
    """The bytes of a file kg keeps for itself (a stamp, saved facts, a push record), or
    None when it is no regular file of at most `limit` bytes: never read through a link,
    never waited on (a FIFO), never read whole when huge or endless (a handed-over
    folder's /dev/zero or sparse 40 GB file: an attack's findings).

    >>> import pathlib, shutil, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "small").write_bytes(b"x" * 10)
    >>> read_kept_file(folder / "small", 10), read_kept_file(folder / "small", 9)
    (b'xxxxxxxxxx', None)
    >>> shutil.rmtree(folder)
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks) if size <= limit else None
    except OSError:
        return None
    finally:
        os.close(handle)


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code_digest(package: Path | None = None) -> str:
    """A digest of kg's own code, saved queries, templates, ontology, word tables and
    models (of the installed package, or of the package folder given), so that outputs
    made by other code or data are never taken for this code's: the build cache key uses
    it (a changed table changes names' keys)."""
    if package is None:
        return _installed_code_digest()
    return _digest_of_package(package)


@functools.lru_cache(maxsize=1)
def _installed_code_digest() -> str:
    return _digest_of_package(resources.files("kg"))


def _digest_of_package(root) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(_package_files(root, "")):
        digest.update(name.encode() + b"\0")
        digest.update(root.joinpath(name).read_bytes())
    return digest.hexdigest()


_CODE_SUFFIXES = (".py", ".rq", ".html", ".ttl", ".jsonld", ".js", ".css", ".csv", ".json",
                  ".npz")


def _package_files(folder, prefix: str) -> Iterator[str]:
    for entry in folder.iterdir():
        if entry.name.startswith((".", "__pycache__")):
            continue
        if entry.is_dir():
            yield from _package_files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(_CODE_SUFFIXES):
            yield f"{prefix}{entry.name}"
