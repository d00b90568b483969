"""The default backend: one worker process per job on this machine (`python -m ganengine.jobs.worker RUN_DIR`).

With `warm` it keeps a warm parent (ganengine/jobs/zygote.py) that has imported torch and the training code once and
forks a child per job: a job starts in a fraction of a second, and the seconds of imports are not paid again for
every job. Each child is still a process of its own, so a crash or a cancel ends that job and frees its memory as
before. The parent exits when its stdin closes (the server stopped or went away).

A crash, even a hard one, ends that process only. A cancel writes the run's STOP file (the loop
stops at its next step and writes a last checkpoint, whose card may take a few seconds of held-out
figures); after the grace period the process is asked again (SIGTERM, which the worker also takes
as a stop), and after twice the grace period it is killed. A worker also stops by itself when the server that started it has gone (it was
re-parented): that check lives here because only a local process has a parent to lose.
"""

from __future__ import annotations

import contextlib
import os
import queue
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
    process: subprocess.Popen | None  # a worker of its own; None for a child of the warm parent
    run: RunDir
    cancel_at: float | None = None
    pid: int = 0
    zygote: Zygote | None = None


class Zygote:
    """The warm parent (`python -m ganengine.jobs.zygote`) and what it has said: each started job's pid, in order,
    and each ended job's exit code."""

    def __init__(self) -> None:
        env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ganengine.jobs.zygote"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env, cwd=str(PACKAGE_ROOT), start_new_session=True,
        )
        self.ready = threading.Event()
        self.exits: dict[int, int] = {}
        self._pids: queue.Queue[int] = queue.Queue()
        self._lock = threading.Lock()
        threading.Thread(target=self._listen, name="ganengine-zygote", daemon=True).start()

    def _listen(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            word, *rest = raw.decode().split()
            if word == "READY":
                self.ready.set()
            elif word == "PID":
                self._pids.put(int(rest[0]))
            elif word == "EXIT":
                self.exits[int(rest[0])] = int(rest[1])

    def alive(self) -> bool:
        return self.process.poll() is None

    def start(self, run: RunDir, threads: int, timeout: float = 10.0) -> int:
        """Fork a child for the job of `run`; its pid. OSError when the parent is gone or does not answer."""
        with self._lock:
            if not self.alive() or self.process.stdin is None:
                raise OSError("the warm worker parent is not running")
            try:
                self.process.stdin.write(f"START {run.root}\t{threads}\n".encode())
                self.process.stdin.flush()
                return self._pids.get(timeout=timeout)
            except (queue.Empty, ValueError) as exc:
                raise OSError(f"the warm worker parent did not answer ({exc!r})") from None

    def close(self) -> None:
        """Let it go: it exits at the end of its input (children still running find it gone and stop)."""
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LocalProcessBackend(Backend):
    """Each job in its own Python process, its threads capped by OMP_NUM_THREADS and the config."""

    name = "local"

    def __init__(self, cancel_grace: float = 10.0, warm: int = 0) -> None:
        self.cancel_grace = cancel_grace
        self.warm = warm > 0
        self._zygote: Zygote | None = None
        self._lock = threading.Lock()
        if self.warm:
            self._zygote = Zygote()

    def start(self, job_id: str, run: RunDir, resources: Resources) -> LocalHandle:
        threads = resources.threads or 1
        zygote = self._warm_parent()
        if zygote is not None:
            try:
                return LocalHandle(None, run, pid=zygote.start(run, threads), zygote=zygote)
            except OSError:
                pass  # a fresh process instead
        env = {**os.environ, "OMP_NUM_THREADS": str(threads), "PYTHONUNBUFFERED": "1"}
        with open(run.root / "worker.log", "ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "ganengine.jobs.worker", str(run.root)], stdout=log,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=str(PACKAGE_ROOT), start_new_session=True,
            )
        return LocalHandle(process, run)

    def _warm_parent(self, wait_s: float = 10.0) -> Zygote | None:
        """The warm parent once it is ready (a new one if the last died; this job then starts the slow way)."""
        with self._lock:
            if not self.warm:
                return None
            if self._zygote is None or not self._zygote.alive():
                self._zygote = Zygote()
                return None
            zygote = self._zygote
        return zygote if zygote.ready.wait(wait_s) else None

    def warm_ready(self) -> bool:
        """Whether a job would start in the warm parent now."""
        with self._lock:
            return self._zygote is not None and self._zygote.alive() and self._zygote.ready.is_set()

    def close(self) -> None:
        """Let the warm parent go and start no other."""
        with self._lock:
            self.warm, zygote, self._zygote = False, self._zygote, None
        if zygote is not None:
            zygote.close()

    def poll(self, handle: LocalHandle) -> int | None:
        if handle.process is not None:
            code = handle.process.poll()
        else:
            code = handle.zygote.exits.get(handle.pid) if handle.zygote else None
            if code is None and handle.zygote is not None and not handle.zygote.alive() and not _alive(handle.pid):
                code = handle.zygote.exits.get(handle.pid, 0)  # its parent went first: the run's events say how it ended
        if code is None and handle.cancel_at is not None:
            waited = time.monotonic() - handle.cancel_at
            if waited > 2 * self.cancel_grace:
                self._send(handle, signal.SIGKILL)
            elif waited > self.cancel_grace:
                self._send(handle, signal.SIGTERM)
        return code

    @staticmethod
    def _send(handle: LocalHandle, sig: int) -> None:
        if handle.process is not None:
            handle.process.send_signal(sig)
        else:
            _signal(handle.pid, sig)

    def cancel(self, handle: LocalHandle) -> None:
        if handle.cancel_at is None:
            handle.run.stop_path.touch()
            handle.cancel_at = time.monotonic()

    def kill(self, handle: LocalHandle) -> None:
        if handle.process is not None:
            if handle.process.poll() is None:
                handle.process.kill()
                handle.process.wait(timeout=10)
            return
        _signal(handle.pid, signal.SIGKILL)
        end = time.monotonic() + 10
        while self.poll(handle) is None and time.monotonic() < end:
            time.sleep(0.05)

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

