"""The job-backend interface: start a run directory's job somewhere, poll it, cancel it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from ...runs import RunDir


@dataclass(frozen=True)
class Resources:
    """What one job asks for."""

    threads: int
    gpus: int = 0


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
