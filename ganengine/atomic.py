"""Atomic file writes: a temporary file renamed into place, removed when the write fails; a full disk said in words.

Checkpoints, resume state and sample PNGs go through `write_atomic`, so a failed write leaves the earlier file intact
and no partial `.tmp` beside it, and a full disk reads "the disk is full (N MB free)" instead of a writer's internals.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .errors import UserError

#: What writers say when the disk fills: the OS, torch's zip writer (inline_container.cc), safetensors (Rust's io error).
_FULL_WORDS = ("no space left", "storagefull", "os error 28", "disk quota", "file write failed", "inline_container")


class DiskFull(UserError, OSError):
    """A write failed for lack of disk space; the message says how much is left."""


def free_mb(folder: str | Path) -> int:
    """Megabytes free on the file system that holds `folder` (or its nearest existing parent)."""
    path = Path(folder)
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path).free // 2**20


def disk_full(exc: BaseException, folder: str | Path) -> DiskFull | None:
    """A DiskFull naming the free space when `exc` is a write that failed for lack of space, else None."""
    if isinstance(exc, DiskFull):
        return exc
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
    full = full or any(word in str(exc).lower() for word in _FULL_WORDS)
    return DiskFull(f"the disk is full ({free_mb(folder)} MB free)") if full else None


def write_atomic(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp)` for a temporary file beside `path`, then rename it into place; on failure remove it and raise
    (DiskFull when the disk filled up). A reader never sees a half-written `path`."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        full = disk_full(exc, path.parent) if isinstance(exc, Exception) else None
        if full is not None and full is not exc:
            raise full from exc
        raise
    return path
