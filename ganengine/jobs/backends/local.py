"""The default backend: one worker process per job on this machine (`python -m ganengine.jobs.worker RUN_DIR`).

With `warm` > 0 it keeps that many spare workers that have already imported torch and the training code and wait for
a run directory on their stdin (`python -m ganengine.jobs.worker --spare`): a job starts in a fraction of a second
instead of paying seconds of imports. Each spare still runs exactly one job and exits, so a crash or a cancel ends
that job's process and frees its memory as before; a new spare is started behind it. Spares exit when their stdin
closes (the server stopped or went away).

A crash, even a hard one, ends that process only. A cancel writes the run's STOP file (the loop
stops at its next step and writes a last checkpoint, whose card may take a few seconds of held-out
figures); after the grace period the process is asked again (SIGTERM, which the worker also takes
as a stop), and after twice the grace period it is killed. A worker also stops by itself when the server that started it has gone (it was
re-parented): that check lives here because only a local process has a parent to lose.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ...events import file_stop_flag
from ...runs import RunDir
from .base import Backend, Resources

PACKAGE_ROOT = Path(__file__).resolve().parents[3]


@dataclass
class LocalHandle:
    process: subprocess.Popen
    run: RunDir
    cancel_at: float | None = None


class LocalProcessBackend(Backend):
    """Each job in its own Python process, its threads capped by OMP_NUM_THREADS and the config."""

    name = "local"

    def __init__(self, cancel_grace: float = 10.0, warm: int = 0) -> None:
        self.cancel_grace = cancel_grace
        self.warm = max(0, warm)
        self._spares: list[subprocess.Popen] = []
        self._lock = threading.Lock()
        self._refill()

    def start(self, job_id: str, run: RunDir, resources: Resources) -> LocalHandle:
        process = self._hand_to_spare(run, resources)
        if process is None:
            env = {**os.environ, "OMP_NUM_THREADS": str(resources.threads or 1), "PYTHONUNBUFFERED": "1"}
            with open(run.root / "worker.log", "ab") as log:
                process = subprocess.Popen(
                    [sys.executable, "-m", "ganengine.jobs.worker", str(run.root)], stdout=log,
                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=str(PACKAGE_ROOT),
                    start_new_session=True,
                )
        self._refill()
        return LocalHandle(process, run)

    def _hand_to_spare(self, run: RunDir, resources: Resources) -> subprocess.Popen | None:
        """Give the job to a live spare (it may still be importing: it reads the line when ready); None if none."""
        with self._lock:
            while self._spares:
                spare = self._spares.pop(0)
                if spare.poll() is not None or spare.stdin is None:
                    continue
                try:
                    spare.stdin.write(f"{run.root}\t{resources.threads or 1}\n".encode())
                    spare.stdin.close()
                except OSError:  # it died between the poll and the write
                    spare.kill()
                    continue
                return spare
        return None

    def _refill(self) -> None:
        """Start spares until `warm` are waiting (one-thread imports: they must not slow the jobs that run)."""
        with self._lock:
            self._spares = [s for s in self._spares if s.poll() is None]
            while len(self._spares) < self.warm:
                env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
                self._spares.append(subprocess.Popen(
                    [sys.executable, "-m", "ganengine.jobs.worker", "--spare"], stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=str(PACKAGE_ROOT),
                    start_new_session=True,
                ))

    def spares(self) -> int:
        """Spare workers waiting now."""
        with self._lock:
            return sum(s.poll() is None for s in self._spares)

    def close(self) -> None:
        """Let the spares go (they exit when their stdin closes) and start no more."""
        with self._lock:
            self.warm = 0
            for spare in self._spares:
                with contextlib.suppress(OSError):
                    if spare.stdin is not None:
                        spare.stdin.close()
            deadline = time.monotonic() + 10
            for spare in self._spares:  # one still importing reads its end of file only when done: do not wait long
                with contextlib.suppress(subprocess.TimeoutExpired):
                    spare.wait(timeout=max(0.1, deadline - time.monotonic()))
                if spare.poll() is None:
                    spare.kill()
                    spare.wait(timeout=10)
            self._spares.clear()

    def poll(self, handle: LocalHandle) -> int | None:
        code = handle.process.poll()
        if code is None and handle.cancel_at is not None:
            waited = time.monotonic() - handle.cancel_at
            if waited > 2 * self.cancel_grace:
                handle.process.kill()
            elif waited > self.cancel_grace:
                handle.process.terminate()
        return code

    def cancel(self, handle: LocalHandle) -> None:
        if handle.cancel_at is None:
            handle.run.stop_path.touch()
            handle.cancel_at = time.monotonic()

    def kill(self, handle: LocalHandle) -> None:
        if handle.process.poll() is None:
            handle.process.kill()
            handle.process.wait(timeout=10)

    def describe(self) -> str:
        return f"this machine ({os.cpu_count() or 1} CPUs)"


class ParentWatch:
    """Stop when the STOP file appears, on SIGTERM, or when the server that started us has gone (we were re-parented).

    SIGTERM only raises the flag: the loop stops at its next step and still writes its last checkpoint. `server_lost`
    tells a stop for a lost server (the run is interrupted, resumable) from a stop the user asked for."""

    def __init__(self, run: RunDir) -> None:
        self._stop_file, self._parent = file_stop_flag(run.stop_path), os.getppid()
        self._terminated = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: self._terminated.set())

    def server_lost(self) -> bool:
        return os.getppid() != self._parent

    def __call__(self) -> bool:
        return self._terminated.is_set() or self._stop_file() or self.server_lost()


def parent_watch(run: RunDir) -> ParentWatch:
    """The worker's stop flag for `run` (see ParentWatch)."""
    return ParentWatch(run)

