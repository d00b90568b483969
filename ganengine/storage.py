"""A shared server's disk: one temporary area, per-owner upload quotas, and housekeeping for owners who left.

Owners are known by their key (`owner_key`); a page marks its owner as seen while a tab is open. The housekeeper
stops the jobs of owners gone past `abandon_after_s` and removes the runs and uploads of owners gone past
`expire_after_s`; both limits are operator settings (`storage_settings()`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError
from .settings import StorageSettings, storage_settings

if TYPE_CHECKING:
    from .jobs.manager import JobManager

_PREFIX = "p"  # the temporary area holds one folder per process: p<pid>


class QuotaExceeded(UserError):
    """An owner's uploads would pass their quota: `kind` is "files" or "bytes"; `after` and `limit` count that kind."""

    def __init__(self, message: str, kind: str, after: int, limit: int) -> None:
        super().__init__(message)
        self.kind, self.after, self.limit = kind, after, limit


def process_temp_dir(root: Path | None = None) -> Path:
    """This process's folder in the temporary area (private, created on first use)."""
    folder = (root or storage_settings().temp_root) / f"{_PREFIX}{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def scratch_dir(prefix: str, root: Path | None = None) -> Path:
    """A fresh private folder in this process's part of the temporary area; the caller removes it."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=process_temp_dir(root)))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def clean_temp_area(root: Path | None = None) -> int:
    """Remove what processes that no longer run left in the temporary area (a killed server's half-extracted zips);
    live processes' folders stay. The number of entries removed. Called when the server starts."""
    root = root or storage_settings().temp_root
    if not root.is_dir():
        return 0
    removed = 0
    for entry in root.iterdir():
        pid = entry.name[len(_PREFIX):]
        if entry.name.startswith(_PREFIX) and pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed


@dataclass(frozen=True)
class Usage:
    bytes: int
    files: int


def usage(folder: Path) -> Usage:
    """What an owner's uploads folder holds (files in folders whose names begin with '.' are in-flight, not kept)."""
    total = files = 0
    if folder.is_dir():
        for path in folder.rglob("*"):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                total += path.stat().st_size
                files += 1
    return Usage(total, files)


def check_quota(folder: Path, incoming_bytes: int, limits: StorageSettings | None = None) -> None:
    """Refuse (QuotaExceeded) an upload of `incoming_bytes` that would take the owner's folder past its quota."""
    limits = limits or storage_settings()
    used = usage(folder)
    mb = 2**20
    if used.files + 1 > limits.quota_files:
        raise QuotaExceeded(f"you already keep {used.files} uploads, the limit is {limits.quota_files}: "
                            f"delete some under 'Your uploads' in the sidebar", "files", used.files + 1,
                            limits.quota_files)
    if used.bytes + incoming_bytes > limits.quota_bytes:
        raise QuotaExceeded(f"this upload ({incoming_bytes / mb:.1f} MB) would take your uploads to "
                            f"{(used.bytes + incoming_bytes) / mb:.0f} MB, over your {limits.quota_bytes // mb} MB: "
                            f"delete some under 'Your uploads' in the sidebar", "bytes", used.bytes + incoming_bytes,
                            limits.quota_bytes)


def _seen_dir(limits: StorageSettings) -> Path:
    return limits.uploads_root / ".seen"


def mark_seen(key: str, limits: StorageSettings | None = None) -> None:
    """Record that the owner with `key` has a tab open now (the mark's mtime is the time)."""
    limits = limits or storage_settings()
    mark = _seen_dir(limits) / key
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.touch()


def last_seen(key: str, runs_root: Path, limits: StorageSettings | None = None) -> float:
    """When the owner was last seen: their mark, else (owners from before marks) their newest run or upload."""
    limits = limits or storage_settings()
    mark = _seen_dir(limits) / key
    if mark.exists():
        return mark.stat().st_mtime
    times = [p.stat().st_mtime for folder in (runs_root / key, limits.uploads_root / key) if folder.is_dir()
             for p in (folder, *folder.iterdir())]
    return max(times, default=0.0)


@dataclass(frozen=True)
class Sweep:
    """What one housekeeping pass did."""

    stopped_jobs: int
    expired_owners: tuple[str, ...]


class Housekeeper:
    """Stops abandoned jobs and expires owners gone too long, on the server's job manager; one per server."""

    def __init__(self, manager: JobManager, limits: StorageSettings | None = None, interval_s: float = 60.0) -> None:
        self.manager = manager
        self.limits = limits or storage_settings()
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sweep(self, now: float | None = None) -> Sweep:
        now = time.time() if now is None else now
        runs_root, limits = self.manager.runs_root, self.limits
        stopped = 0
        active = self.manager.active_owner_keys()
        if limits.abandon_after_s:
            for key in sorted(active):
                gone = now - last_seen(key, runs_root, limits)
                if gone > limits.abandon_after_s:
                    stopped += self.manager.reclaim(
                        key, f"stopped by the server: its owner had no GAN Studio tab open for {gone / 60:.0f} min",
                        round(gone / 60))
        expired: list[str] = []
        if limits.expire_after_s:
            keys = {p.name for root in (runs_root, limits.uploads_root) if root.is_dir()
                    for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")}
            for key in sorted(keys - self.manager.active_owner_keys()):
                if now - last_seen(key, runs_root, limits) > limits.expire_after_s:
                    for folder in (runs_root / key, limits.uploads_root / key):
                        shutil.rmtree(folder, ignore_errors=True)
                    (_seen_dir(limits) / key).unlink(missing_ok=True)
                    self.manager.forget(key)
                    expired.append(key)
        return Sweep(stopped, tuple(expired))

    def start(self) -> Housekeeper:
        """Sweep now and then every interval, in a daemon thread."""
        def loop() -> None:
            while True:
                try:
                    report(self.sweep())
                except Exception as exc:  # housekeeping must never take the server down
                    print(f"ganengine.storage: housekeeping failed: {exc!r}", file=sys.stderr)
                if self._stop.wait(self.interval_s):
                    return

        self._thread = threading.Thread(target=loop, name="ganengine-housekeeper", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()


def report(sweep: Sweep) -> None:
    """One line on stderr for the operator when a sweep did something."""
    if sweep.stopped_jobs or sweep.expired_owners:
        print(f"ganengine.storage: stopped {sweep.stopped_jobs} abandoned jobs, expired {len(sweep.expired_owners)} "
              f"owners", file=sys.stderr)
