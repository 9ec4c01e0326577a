"""Memory given back to the system between a build's stages.

A build's stages peak one after another (the corpus' joins, the related stage, the
shared nodes: kg.pipeline), and what counts is the highest. glibc keeps what a stage
frees for the process unless told otherwise (blocks up to 32 MB stay in its heap once
blocks that size were freed), so each stage's leftovers would add to the next one's
peak. (Having every block of 1 MB or more mapped on its own instead, mallopt's
M_MMAP_THRESHOLD, cut the peak at 100,000 documents further but made builds 8% slower.)
Elsewhere than glibc this does nothing.

Python's cyclic garbage collector is off through a build's stages (`fewer_collections`):
they make millions of short-lived containers and almost no reference cycles (some 360
objects in cycles at 3,000 documents), and the collections that many allocations set
off took about 3 of the build's 43 CPU-seconds there. What cycles there are go at each
stage's end (`release_free_memory`). Markdown parsing, which does leave cycles in
number, collects as usual (`collections_on`; the workers: kg.pipeline).
"""

from __future__ import annotations

import ctypes
import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["release_free_memory", "fewer_collections", "collections_on"]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector off in the block, as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collections_on() -> Iterator[None]:
    """The cyclic garbage collector on in the block (inside `fewer_collections`), as it
    was after."""
    enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()


def release_free_memory() -> None:
    """Give the free pages of the C heap back to the system after a stage that made
    and dropped many objects (glibc keeps them otherwise, and the next stage's arrays
    are mapped anew), after collecting what it left in reference cycles."""
    gc.collect()
    try:
        # (the symbols already loaded: ctypes.util.find_library would run a subprocess,
        # a fork of this whole process)
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass
