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
| GANSTUDIO_TEACHER_TOKEN      | the teacher's password for the Teacher page (every    | empty: no Teacher page      |
|                              | student's runs, cancel and reorder the queue); at     |                             |
|                              | least 16 characters, e.g. secrets.token_urlsafe(24)   |                             |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

REPO = Path(__file__).resolve().parent.parent
TEACHER_TOKEN_MIN = 16  # characters: a token short enough to guess would hand every student's runs to anyone


@dataclass(frozen=True)
class Settings:
    runs_root: Path
    max_jobs: int
    backend: str
    ray_address: str = ""
    teacher_token: str = ""  # empty: the server has no teacher's view


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
                    teacher_token=teacher_token())


def teacher_token() -> str:
    """The teacher token the operator set (empty when none: then there is no teacher's view); one too short to be
    safe is a ConfigError naming the variable."""
    token = os.environ.get("GANSTUDIO_TEACHER_TOKEN", "").strip()
    if token and len(token) < TEACHER_TOKEN_MIN:
        raise ConfigError(f"GANSTUDIO_TEACHER_TOKEN must be at least {TEACHER_TOKEN_MIN} characters long "
                          f"(e.g. python -c 'import secrets; print(secrets.token_urlsafe(24))')")
    return token
