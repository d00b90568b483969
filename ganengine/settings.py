"""Operator settings in one place, read from the environment when asked (never at import).

| variable                     | meaning                                               | default                     |
|------------------------------|-------------------------------------------------------|-----------------------------|
| GANSTUDIO_RUNS               | where the app keeps run directories                   | <repo>/runs/app             |
| GANSTUDIO_MAX_JOBS           | training jobs running at once (the rest queue)        | half the CPU cores, at least 1 |
| GANSTUDIO_BACKEND            | where jobs run: local (processes here) or ray         | local                       |
| GANSTUDIO_RAY_ADDRESS        | the Ray cluster to join: auto, HOST:6379 or           | empty: a private Ray on     |
|                              | ray://HOST:10001 (with GANSTUDIO_BACKEND=ray)         | this machine, 127.0.0.1 only |
| GANSTUDIO_CACHE              | the server's own cache (real-data features)           | ~/.cache/ganstudio          |
| GANSTUDIO_DATA_DIR           | torchvision data sets' files                          | ~/.cache/ganstudio/data     |
| GANSTUDIO_INCEPTION_WEIGHTS  | the Inception weights file (hash checked)             | torch hub's cache           |
| GANSTUDIO_TASK_MODULES       | extra modules that register tasks                     | none                        |
| GANSTUDIO_PLAYGROUND_KEPT    | Playground GANs kept in the server at once            | 64                          |
| GANSTUDIO_PLAYGROUND_BUSY    | Playground GANs stepping at once                      | half the CPU cores          |
| GANSTUDIO_PLAYGROUND_STEPS   | training steps one Playground GAN may take            | 20,000                      |
| GANSTUDIO_WARM_WORKERS       | 1: a warm parent with torch imported forks each job   | 1 (0: a fresh process per   |
|                              | (local backend): a job starts in well under a second  | job, started when it is)    |
| GANSTUDIO_MAX_STEPS          | most training steps one run may ask for (a class's    | the engine's limit, 200,000 |
|                              | cap; shown in the form, refused above it at submit)   |                             |
| GANSTUDIO_MAX_TIME_BUDGET    | longest run in seconds (a run without a time budget   | the engine's limit, 4 h     |
|                              | gets this one; refused above it at submit)            |                             |
| GANSTUDIO_TEACHER_TOKEN      | the teacher's password for the Teacher page (every    | empty: no Teacher page      |
|                              | student's runs, cancel and reorder the queue); at     |                             |
|                              | least 16 characters, e.g. secrets.token_urlsafe(24)   |                             |

Storage on a shared server (`storage_settings()`; see ganengine/storage.py):

| variable                     | meaning                                               | default                     |
|------------------------------|-------------------------------------------------------|-----------------------------|
| GANSTUDIO_UPLOADS            | users' uploaded models and zips, one folder per owner | beside the runs: uploads/   |
| GANSTUDIO_TMP                | the one temporary area (zip extraction, upload checks)| <system temp>/ganstudio-tmp |
|                              | cleaned of dead processes' leftovers at server start  |                             |
| GANSTUDIO_QUOTA_MB           | an owner's uploads, in MB                             | 512                         |
| GANSTUDIO_QUOTA_FILES        | an owner's uploads, in files                          | 100                         |
| GANSTUDIO_ZIP_EXPANDED_MB    | what one zip may expand to (checked while streaming)  | 512                         |
| GANSTUDIO_ABANDON_MINUTES    | an owner with no open tab this long has their queued  | 120 (0: never)              |
|                              | and running jobs stopped (checkpoints kept)           |                             |
| GANSTUDIO_EXPIRE_DAYS        | an owner not seen this long loses runs and uploads    | 14 (0: never)               |
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .limits import LIMITS, Bound

REPO = Path(__file__).resolve().parent.parent
TEACHER_TOKEN_MIN = 16  # characters: a token short enough to guess would hand every student's runs to anyone


@dataclass(frozen=True)
class Settings:
    runs_root: Path
    max_jobs: int
    backend: str
    ray_address: str = ""
    max_steps: int | None = None  # the operator's cap on one run's steps (None: only the engine's limit)
    max_time_budget: float | None = None  # the operator's cap on one run's seconds (None: only the engine's limit)
    warm_workers: int = 1  # >0: the local backend forks jobs from a warm parent (torch imported), so a job starts at once
    teacher_token: str = ""  # empty: the server has no teacher's view

    def bound(self, name: str) -> Bound:
        """LIMITS[name] lowered to this server's cap (steps and time budget have one): what a form may offer."""
        bound = LIMITS[name]
        cap = {"steps": self.max_steps, "time_budget": self.max_time_budget}.get(name)
        return Bound(bound.low, min(bound.high, cap), bound.label, bound.whole) if cap is not None else bound


def _cap(variable: str, whole: bool) -> float | None:
    """An operator's cap from the environment: empty for none, else a positive number within the engine's limit."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return None
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        kind = "a whole number" if whole else "a number of seconds"
        raise ConfigError(f"{variable} must be {kind} (got {raw!r})") from None
    if not value >= 1:
        raise ConfigError(f"{variable} must be at least 1 (got {raw!r})")
    return value


def settings() -> Settings:
    """The server's settings from its environment; a malformed value is a ConfigError naming the variable."""
    cores = os.cpu_count() or 2
    raw_jobs = os.environ.get("GANSTUDIO_MAX_JOBS", str(max(1, cores // 2)))
    try:
        max_jobs = int(raw_jobs)
    except ValueError:
        raise ConfigError(f"GANSTUDIO_MAX_JOBS must be a whole number (got {raw_jobs!r})") from None
    if max_jobs < 1:
        raise ConfigError("GANSTUDIO_MAX_JOBS must be at least 1")
    backend = os.environ.get("GANSTUDIO_BACKEND", "").strip() or "local"
    from .jobs.backends import BACKENDS  # local, ray, or one the operator's own code registered

    if backend not in BACKENDS:
        raise ConfigError(f"GANSTUDIO_BACKEND must be one of {', '.join(BACKENDS.names())} (got {backend!r})")
    return Settings(runs_root=Path(os.environ.get("GANSTUDIO_RUNS") or REPO / "runs" / "app"), max_jobs=max_jobs,
                    backend=backend, ray_address=os.environ.get("GANSTUDIO_RAY_ADDRESS", "").strip(),
                    max_steps=_cap("GANSTUDIO_MAX_STEPS", whole=True),
                    max_time_budget=_cap("GANSTUDIO_MAX_TIME_BUDGET", whole=False),
                    warm_workers=int(_number("GANSTUDIO_WARM_WORKERS", 1, 0)),
                    teacher_token=teacher_token())


@dataclass(frozen=True)
class StorageSettings:
    uploads_root: Path
    temp_root: Path
    quota_bytes: int
    quota_files: int
    zip_expanded_bytes: int
    abandon_after_s: float  # 0: never
    expire_after_s: float  # 0: never


def _number(name: str, default: float, low: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number (got {raw!r})") from None
    if not value >= low:
        raise ConfigError(f"{name} must be at least {low:g} (got {raw!r})")
    return value


def storage_settings() -> StorageSettings:
    """Where uploads and temporary files live, and the limits that keep one owner from filling a shared disk."""
    runs_root = settings().runs_root
    return StorageSettings(
        uploads_root=Path(os.environ.get("GANSTUDIO_UPLOADS") or runs_root.parent / "uploads"),
        temp_root=Path(os.environ.get("GANSTUDIO_TMP") or Path(tempfile.gettempdir()) / "ganstudio-tmp"),
        quota_bytes=int(_number("GANSTUDIO_QUOTA_MB", 512, 1) * 2**20),
        quota_files=int(_number("GANSTUDIO_QUOTA_FILES", 100, 1)),
        zip_expanded_bytes=int(_number("GANSTUDIO_ZIP_EXPANDED_MB", 512, 1) * 2**20),
        abandon_after_s=_number("GANSTUDIO_ABANDON_MINUTES", 120, 0) * 60,
        expire_after_s=_number("GANSTUDIO_EXPIRE_DAYS", 14, 0) * 86400,
    )


def teacher_token() -> str:
    """The teacher token the operator set (empty when none: then there is no teacher's view); one too short to be
    safe is a ConfigError naming the variable."""
    token = os.environ.get("GANSTUDIO_TEACHER_TOKEN", "").strip()
    if token and len(token) < TEACHER_TOKEN_MIN:
        raise ConfigError(f"GANSTUDIO_TEACHER_TOKEN must be at least {TEACHER_TOKEN_MIN} characters long "
                          f"(e.g. python -c 'import secrets; print(secrets.token_urlsafe(24))')")
    return token


@dataclass(frozen=True)
class PlaygroundLimits:
    """How much of the server the Playground may take (it trains in the server's own process)."""

    kept: int  # playgrounds kept at once (the least recently used goes first)
    busy: int  # playgrounds stepping at once (a tick that finds none free skips training)
    steps: int  # training steps one playground may take in all


def playground_limits() -> PlaygroundLimits:
    """The Playground's limits from the environment: GANSTUDIO_PLAYGROUND_KEPT (64), GANSTUDIO_PLAYGROUND_BUSY (half the
    CPU cores) and GANSTUDIO_PLAYGROUND_STEPS (20,000); a malformed value is a ConfigError naming the variable."""
    return PlaygroundLimits(
        kept=int(_number("GANSTUDIO_PLAYGROUND_KEPT", 64, 1)),
        busy=int(_number("GANSTUDIO_PLAYGROUND_BUSY", max(1, (os.cpu_count() or 2) // 2), 1)),
        steps=int(_number("GANSTUDIO_PLAYGROUND_STEPS", 20_000, 100)),
    )
