"""Memory given back to the system between a build's stages.

A build's stages peak one after another (the corpus' joins, the related stage, the
shared nodes: kg.pipeline), and what counts is the highest. glibc keeps what a stage
frees for the process unless told otherwise (blocks up to 32 MB stay in its heap once
blocks that size were freed), so each stage's leftovers would add to the next one's
peak. (Having every block of 1 MB or more mapped on its own instead, mallopt's
M_MMAP_THRESHOLD, cut the peak at 100,000 documents further but made builds 8% slower.)
Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes

__all__ = ["release_free_memory"]


def release_free_memory() -> None:
    """Give the free pages of the C heap back to the system after a stage that made
    and dropped many objects (glibc keeps them otherwise, and the next stage's arrays
    are mapped anew)."""
    try:
        # (the symbols already loaded: ctypes.util.find_library would run a subprocess,
        # a fork of this whole process)
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):
        pass
