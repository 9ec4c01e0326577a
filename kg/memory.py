"""Memory given back to the system between a build's stages.

A build's stages peak one after another (the corpus' joins, the related stage, the
shared nodes: kg.pipeline), and what counts is the highest. glibc keeps what a stage
frees for the process unless told otherwise, so each stage's leftovers would add to
the next one's peak. Elsewhere than glibc these do nothing.
"""

from __future__ import annotations

import ctypes

__all__ = ["map_large_blocks", "release_free_memory"]

_M_MMAP_THRESHOLD = -3  # (mallopt's parameter, malloc.h)
LARGE_BLOCK = 1 << 20


def _libc():
    # (the symbols already loaded: ctypes.util.find_library would run a subprocess, a
    # fork of this whole process)
    return ctypes.CDLL(None)


def map_large_blocks(size: int = LARGE_BLOCK) -> None:
    """Have each block of `size` bytes or more mapped on its own, and so given back to
    the system when freed, for the rest of the process. (glibc's default raises that
    size up to 32 MB as blocks are freed: the related stage's arrays of a few MB then
    stayed in the heap, 130 MB of its peak at 100,000 documents.)"""
    try:
        _libc().mallopt(_M_MMAP_THRESHOLD, size)
    except (OSError, AttributeError, TypeError):
        pass


def release_free_memory() -> None:
    """Give the free pages of the C heap back to the system after a stage that made
    and dropped many objects (glibc keeps them otherwise, and the next stage's arrays
    are mapped anew)."""
    try:
        _libc().malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass
