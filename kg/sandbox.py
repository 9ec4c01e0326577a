"""Sandbox: a process cut off from the network, so no query can make it fetch a URL.

kg refuses SERVICE by reading a query's text (kg.querycheck), but a reader of text can
disagree with the engine's own lexer (a review found `4.SERVICE<...>`, `SERVICEex:x`
and escaped `\\#` in names that pyoxigraph read as SERVICE and kg did not). So kg
serve's query workers are also cut off below the engine, by the kernel, in one of two
ways, both where they can be had:

* new user and network namespaces (`unshare`), whose only interface is a loopback
  that is down: no host can be reached;
* a seccomp filter (through libseccomp, which Linux distributions ship) refusing to
  make any new socket (EACCES), on every thread of the process: no connection, no DNS.

Neither is undone for the life of the process.

In a process of its own (it cannot be undone):

    from kg.sandbox import cut_off_network
    cut_off_network()  # ["namespace", "seccomp"], or fewer where the system forbids one
"""

from __future__ import annotations

import ctypes
import errno

__all__ = ["cut_off_network", "isolate_network", "forbid_sockets"]

CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
_SCMP_ACT_ALLOW = 0x7FFF0000
_SCMP_ACT_ERRNO = 0x00050000
_SCMP_FLTATR_CTL_TSYNC = 4  # the filter on every thread of the process, not only this one


def isolate_network() -> bool:
    """Move this process into new user and network namespaces, where the only
    interface is a loopback that is down. False where the system does not allow it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def forbid_sockets() -> bool:
    """Refuse every new socket in this process (seccomp, through libseccomp): sockets
    already open (a worker's pipe to its server) go on working. False where libseccomp
    or seccomp is missing."""
    try:
        lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
    except OSError:
        return False
    lib.seccomp_init.restype = ctypes.c_void_p
    lib.seccomp_init.argtypes = [ctypes.c_uint32]
    lib.seccomp_attr_set.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_rule_add.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int,
                                     ctypes.c_uint]
    lib.seccomp_load.argtypes = [ctypes.c_void_p]
    lib.seccomp_release.argtypes = [ctypes.c_void_p]
    context = lib.seccomp_init(_SCMP_ACT_ALLOW)
    if not context:
        return False
    try:
        refuse = _SCMP_ACT_ERRNO | errno.EACCES
        if lib.seccomp_attr_set(context, _SCMP_FLTATR_CTL_TSYNC, 1) != 0:
            return False
        for name in (b"socket", b"socketpair"):
            number = lib.seccomp_syscall_resolve_name(name)
            if number < 0 or lib.seccomp_rule_add(context, refuse, number, 0) != 0:
                return False
        return lib.seccomp_load(context) == 0
    finally:
        lib.seccomp_release(context)


def cut_off_network() -> list[str]:
    """Cut this process off from the network every way the system allows; the ways
    taken ("namespace", "seccomp"), none where the system allows neither."""
    return [way for way, done in (("namespace", isolate_network()),
                                  ("seccomp", forbid_sockets())) if done]
