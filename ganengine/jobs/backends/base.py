"""The job-backend interface: start a run directory's job somewhere, poll it, cancel it."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from ...runs import RunDir


@dataclass(frozen=True)
class Resources:
    """What one job asks for."""

    threads: int
    gpus: int = 0


@dataclass(frozen=True)
class Location:
    """Where a backend runs jobs, for the Home page: `kind` local or ray; a cluster's address, live nodes, CPUs and GPUs,
    and `error` when it cannot be reached."""

    kind: str
    cpus: int
    gpus: int = 0
    address: str = ""
    nodes: int = 1
    error: str = ""


class Backend(ABC):
    """Runs jobs somewhere. A handle is whatever the backend needs to find its job again."""

    name: str = ""

    @abstractmethod
    def start(self, job_id: str, run: RunDir, resources: Resources) -> Any:
        """Start the job of `run` (its config.json is written); return a handle. OSError if it cannot start."""

    @abstractmethod
    def poll(self, handle: Any) -> int | None:
        """None while the job runs; its exit status once it has ended (0 = it ended by itself)."""

    @abstractmethod
    def cancel(self, handle: Any) -> None:
        """Ask the job to stop at its next step; poll() makes sure it ends within a grace period."""

    @abstractmethod
    def kill(self, handle: Any) -> None:
        """End the job now (server shutdown)."""

    def describe(self) -> str:
        """Where jobs run, in words (for the Home page)."""
        return self.name

    def close(self) -> None:
        """Let go of what the backend holds (a connection, a cluster it started); the default holds nothing."""
        return None

    def location(self) -> Location:
        """Where jobs run, as figures (the Home page words them in the reader's language)."""
        return Location(self.name or "local", os.cpu_count() or 1)
