"""Block files: outputs written as a sequence of blocks, each new or copied from the
previous build's file.

graph.ttl and the cache's parts.bin are made of per-article blocks (and, for
graph.ttl, per-bucket blocks of the shared section). A rebuild writes the
blocks that changed and copies the others from the previous file. Copies of
adjacent blocks are merged into one, done in the kernel (`copy_file_range`),
and run on a thread of their own, so the main process goes on parsing and
gathering while the disk works.
"""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

from .errors import CacheError


class BlockCopier:
    """Writes to the file `out`, copying ranges of `source` (the previous build's file).

    Blocks are written in order at explicit offsets by a writer thread (at most
    `QUEUED` blocks wait, so memory stays bounded); `finish()` waits for it and
    raises what it met. Call `finish()` (or `close()` on failure) before `out`
    is closed.

    >>> import shutil, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "old").write_bytes(b"AAABBBCCC")
    9
    >>> with open(folder / "old", "rb") as old, open(folder / "new", "wb") as new:
    ...     writer = BlockCopier(old, new)
    ...     [writer.copy(0, 3), writer.write(b"xy"), writer.copy(6, 3), writer.copy(3, 3)]
    ...     writer.finish()
    [0, 3, 5, 8]
    >>> (folder / "new").read_bytes()
    b'AAAxyCCCBBB'
    >>> shutil.rmtree(folder)
    """

    CHUNK = 1 << 23
    QUEUED = 64

    def __init__(self, source, out):
        self.source, self.out = source, out
        out.flush()
        self.position = out.tell()
        self.pending: tuple[int, int] | None = None  # a copy not yet queued: (offset, length)
        self.queue: queue.Queue = queue.Queue(self.QUEUED)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-block-writer", daemon=True)
        self.thread.start()

    def copy(self, offset: int, length: int) -> int:
        """Copy source[offset:offset+length] to the end of `out`; returns where it lands."""
        at = self.position
        if self.pending and self.pending[0] + self.pending[1] == offset:
            self.pending = (self.pending[0], self.pending[1] + length)
        else:
            self._queue_pending()
            self.pending = (offset, length)
        self.position += length
        return at

    def write(self, data: bytes) -> int:
        """Write `data` at the end of `out`; returns where it lands."""
        self._queue_pending()
        at = self.position
        if data:
            self._put(("write", data, at))
        self.position += len(data)
        return at

    def finish(self) -> None:
        """Wait until everything is written; raise the writer's error, if any."""
        self._queue_pending()
        self.close()
        if self.error is not None:
            raise self.error
        self.out.seek(self.position)

    def close(self) -> None:
        """Stop the writer thread (what is queued is still written)."""
        if self.thread.is_alive():
            self.queue.put(None)
            while self.thread.is_alive():
                self.thread.join(0.5)
                # (Ctrl-C inside a wait of the queue can leave a stale waiter that takes
                # the one wake-up meant for the writer: wake every waiter again)
                with self.queue.not_empty:
                    self.queue.not_empty.notify_all()

    def _queue_pending(self) -> None:
        if self.pending:
            offset, length = self.pending
            self.pending = None
            self._put(("copy", offset, length, self.position - length))

    def _put(self, task) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(task)

    def _run(self) -> None:
        while (task := self.queue.get()) is not None:
            if self.error is not None:
                continue  # drain after a failure; finish() raises it
            try:
                if task[0] == "write":
                    self._write_at(task[1], task[2])
                else:
                    self._copy_at(*task[1:])
            except BaseException as err:  # re-raised in the main thread by finish()
                self.error = err

    def _write_at(self, data: bytes, at: int) -> None:
        if not hasattr(os, "pwrite"):  # Windows: only this thread moves the file position
            self.out.seek(at)
            self.out.write(data)
            self.out.flush()
            return
        view = memoryview(data)
        while view:
            done = os.pwrite(self.out.fileno(), view, at)
            view, at = view[done:], at + done

    def _copy_at(self, offset: int, length: int, at: int) -> None:
        source, out = self.source.fileno(), self.out.fileno()
        while length:
            if hasattr(os, "copy_file_range"):  # in the kernel: no copy through Python
                done = os.copy_file_range(source, out, length, offset, at)
            else:
                self.source.seek(offset)
                chunk = self.source.read(min(length, self.CHUNK))
                self._write_at(chunk, at)
                done = len(chunk)
            if not done:
                raise CacheError("the previous build's file is shorter than its cache says")
            offset, at, length = offset + done, at + done, length - done


class BlockAppender:
    """Stands in for a BlockCopier when a file is appended to in place (parts.bin in an
    incremental build): unchanged blocks stay where they are, new ones go at the end."""

    def __init__(self, out):
        self.out = out
        self.position = out.seek(0, os.SEEK_END)

    def copy(self, offset: int, length: int) -> int:
        return offset

    def write(self, data: bytes) -> int:
        at = self.position
        self.out.write(data)
        self.position += len(data)
        return at

    def finish(self) -> None:
        self.out.flush()

    def close(self) -> None:
        pass


def read_range(handle, offset: int, length: int) -> bytes:
    handle.seek(offset)
    return handle.read(length)


class open_or_none:
    """`open(path, "rb")`, or None for no path, as a context manager.

    With close_later=True the file is closed on a thread of its own: closing the
    last handle of a file replaced meanwhile (the previous graph.ttl) frees its
    blocks, which takes a while for a big file and need not hold up the rest.
    """

    def __init__(self, path: Path | None, close_later: bool = False):
        self.handle = open(path, "rb") if path else None
        self.close_later = close_later

    def __enter__(self):
        return self.handle

    def __exit__(self, *exc) -> None:
        if self.handle and self.close_later:
            threading.Thread(target=self.handle.close, name="kg-close").start()
        elif self.handle:
            self.handle.close()
