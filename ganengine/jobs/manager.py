"""The job queue's policy: owners, FIFO under a concurrency limit, per-owner caps, history.

Jobs belong to an owner token; every call takes the caller's token, and a job of another owner
is indistinguishable from a job that does not exist. The one exception is the teacher's QueueAdmin, which only
the operator's teacher token opens (settings: GANSTUDIO_TEACHER_TOKEN). How a job runs is a backend's business
(ganengine.jobs.backends; one local process per job by default). The run directory is the truth:
a job's events are its events.jsonl, and past runs are found again on disk after a restart.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import RunConfig
from ..errors import UserError
from ..events import Event, JsonlSink, ended, event, read_events
from ..runs import RunDir, RunLabel, interrupted_reason
from ..settings import teacher_token
from .backends import Backend, Resources, make_backend

STATES = ("queued", "running", "finished", "failed", "cancelled")


class JobNotFound(UserError, KeyError):
    """No job with that id belongs to this owner."""


class QueueFull(UserError):
    """The owner (or the server) has too many jobs waiting."""


class AdminRefused(UserError):
    """The teacher's view is off on this server (no teacher token set), or the token given is not the one set."""


@dataclass(frozen=True)
class JobInfo:
    """A snapshot of one job, safe to hand to a page."""

    id: str
    state: str
    config: RunConfig
    run_dir: Path
    submitted: float
    started: float | None
    ended: float | None
    reason: str
    queue_position: int  # 1-based while queued, else 0
    label: RunLabel = field(default_factory=RunLabel)  # the name and tags its owner gave it
    owner: str = ""  # the owner's key (a digest of the token, never the token itself)

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")


@dataclass
class _Job:
    id: str
    owner_key: str
    config: RunConfig
    run: RunDir
    submitted: float
    state: str = "queued"
    started: float | None = None
    ended: float | None = None
    reason: str = ""
    handle: Any = None  # the backend's, while it runs
    cancelled: bool = False
    label: RunLabel = field(default_factory=RunLabel)


def owner_key(owner: str) -> str:
    """Directory-safe digest of an owner token (the token itself never reaches the disk)."""
    if not owner or len(owner) < 8:
        raise ValueError("owner token is missing or too short")
    return hashlib.sha256(owner.encode()).hexdigest()[:20]


class JobManager:
    """Queue, start, watch and cancel training jobs on a backend; thread-safe, one per server."""

    def __init__(self, runs_root: str | Path, backend: Backend | None = None, max_running: int = 1,
                 max_queued_per_owner: int = 3, max_queued: int = 200, threads_per_job: int = 0,
                 poll_interval: float = 0.2) -> None:
        self.runs_root = Path(runs_root)
        self.backend = backend or make_backend("local")
        self.runs_root.mkdir(parents=True, exist_ok=True)
        self.max_running = max(1, max_running)
        self.max_queued_per_owner = max_queued_per_owner
        self.max_queued = max_queued
        self.threads_per_job = threads_per_job or max(1, (os.cpu_count() or 1) // self.max_running)
        self.poll_interval = poll_interval
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)  # notified whenever a job ends
        self._jobs: dict[str, _Job] = {}
        self._queue: deque[str] = deque()
        self._stop = threading.Event()
        with self._lock:
            self._load_history()
        self._thread = threading.Thread(target=self._loop, name="ganengine-jobs", daemon=True)
        self._thread.start()
        atexit.register(self.shutdown)  # workers also stop by themselves if the server dies without this

    # --- public API -------------------------------------------------------------------------
    def submit(self, config: RunConfig, owner: str, label: RunLabel | None = None) -> JobInfo:
        """Queue a run of `config` for `owner`, with the name and tags in `label` (kept in its run directory)."""
        config.validate()
        key = owner_key(owner)
        with self._lock:
            self._check_room(key)
            job_id = dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)
            run = RunDir(self.runs_root / key / job_id)
            threads = config.num_threads or self.threads_per_job
            config = dataclasses.replace(config, num_threads=min(threads, self.threads_per_job))
            run.prepare(config)
            if label:
                run.set_label(label)
            job = _Job(job_id, key, config, run, time.time(), label=label or RunLabel())
            self._jobs[job_id] = job
            self._queue.append(job_id)
            JsonlSink(run.events_path)(event("queued", 0))
            self._start_ready()
            return self._info(job)

    def list(self, owner: str) -> list[JobInfo]:
        """The owner's jobs, newest first."""
        key = owner_key(owner)
        with self._lock:
            jobs = [j for j in self._jobs.values() if j.owner_key == key]
            return [self._info(j) for j in sorted(jobs, key=lambda j: j.submitted, reverse=True)]

    def get(self, job_id: str, owner: str) -> JobInfo:
        with self._lock:
            return self._info(self._owned(job_id, owner))

    def cancel(self, job_id: str, owner: str) -> JobInfo:
        """Stop a job: a queued one at once, a running one at its next step (killed after a grace period)."""
        with self._lock:
            job = self._owned(job_id, owner)
            if job.state == "queued":
                self._queue.remove(job.id)
                self._end(job, "cancelled", "stopped by the user before it started")
            elif job.state == "running" and not job.cancelled:
                self.backend.cancel(job.handle)
                job.cancelled = True
            return self._info(job)

    def relabel(self, job_id: str, owner: str, label: RunLabel) -> JobInfo:
        """Rename and retag one of the owner's runs, at any time (its config and checkpoints stay as they are)."""
        with self._lock:
            job = self._owned(job_id, owner)
            job.run.set_label(label)
            job.label = label
            return self._info(job)

    def admin(self, token: str) -> QueueAdmin:
        """The teacher's powers over every owner's jobs, for the holder of the operator's teacher token; AdminRefused
        when the server has none set or `token` is not it (compared in constant time)."""
        expected = teacher_token()
        if not expected or not hmac.compare_digest(str(token).encode(), expected.encode()):
            raise AdminRefused("the teacher token is not set on this server, or this is not it")
        return QueueAdmin(self)

    def resume(self, job_id: str, owner: str, steps: int | None = None, time_budget: float | None = None) -> JobInfo:
        """Queue an ended run again, to go on from its resume state (weights, optimisers, EMA, RNGs, schedules): an
        interrupted one as it was; any finished, stopped or failed one with a new step and/or time budget. Its events,
        charts and samples go on where they stopped."""
        with self._lock:
            job = self._owned(job_id, owner)
            if job.state in ("queued", "running"):
                raise UserError("this run is still going: stop it first")
            if not job.run.resume_path.exists():
                raise UserError("this run ended before it saved any resume state: start it again")
            config = job.config
            if steps is not None or time_budget is not None:
                done = job.run.last_step()
                if steps is not None and steps <= done:
                    raise UserError(f"give it more than the {done:,} steps it has done (got {steps:,})")
                config = dataclasses.replace(config, steps=config.steps if steps is None else steps,
                                             time_budget=config.time_budget if time_budget is None else time_budget)
                config.validate()
            elif not job.run.interrupted():
                raise UserError("give it more steps or more time to continue")
            self._check_room(job.owner_key)
            job.run.stop_path.unlink(missing_ok=True)
            job.run.prepare(config)
            job.config = config
            job.state, job.reason, job.ended, job.cancelled, job.handle = "queued", "", None, False, None
            self._queue.append(job.id)
            JsonlSink(job.run.events_path)(event("queued", job.run.last_step()))
            self._start_ready()
            return self._info(job)

    def wait(self, job_id: str, owner: str, timeout: float | None = None) -> JobInfo:
        """Block until the job has ended (or `timeout` seconds pass); its snapshot either way."""
        with self._changed:
            self._changed.wait_for(lambda: self._owned(job_id, owner).state not in ("queued", "running"), timeout)
            return self._info(self._owned(job_id, owner))

    def events(self, job_id: str, owner: str, offset: int = 0) -> tuple[list[Event], int]:
        """Events written since byte `offset` of the job's events.jsonl."""
        with self._lock:
            job = self._owned(job_id, owner)
        return read_events(job.run.events_path, offset)

    def running_count(self) -> int:
        with self._lock:
            return sum(j.state == "running" for j in self._jobs.values())

    def queued_count(self) -> int:
        with self._lock:
            return len(self._queue)

    def shutdown(self) -> None:
        """Stop the scheduler and every running job (for tests and server exit)."""
        if self._stop.is_set():
            return
        self._stop.set()
        atexit.unregister(self.shutdown)
        self._thread.join(timeout=5)
        with self._lock:
            for job in self._jobs.values():
                if job.state == "running" and job.handle is not None and self.backend.poll(job.handle) is None:
                    self.backend.kill(job.handle)
                    self._end(job, "cancelled", interrupted_reason(job.run))

    # --- internals --------------------------------------------------------------------------
    def _check_room(self, key: str) -> None:
        waiting = [j for j in self._jobs.values() if j.owner_key == key and j.state == "queued"]
        if len(waiting) >= self.max_queued_per_owner:
            raise QueueFull(f"you already have {len(waiting)} jobs waiting; stop one or wait for it to start")
        if len(self._queue) >= self.max_queued:
            raise QueueFull("the server's queue is full; try again in a few minutes")

    def _owned(self, job_id: str, owner: str) -> _Job:
        job = self._jobs.get(job_id)
        if job is None or job.owner_key != owner_key(owner):
            raise JobNotFound(job_id)
        return job

    def _info(self, job: _Job) -> JobInfo:
        position = self._queue.index(job.id) + 1 if job.state == "queued" else 0
        return JobInfo(job.id, job.state, job.config, job.run.root, job.submitted, job.started, job.ended,
                       job.reason, position, job.label, job.owner_key)

    def poll_now(self) -> None:
        """One scheduling pass: reap ended jobs, start queued ones (the background thread does this every
        poll_interval; a caller that just changed something may call it to see the effect at once)."""
        self._tick()

    def _loop(self) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                self._tick()
            except Exception as exc:  # the scheduler must outlive any single job's trouble
                print(f"ganengine.jobs: scheduler error: {exc!r}", file=sys.stderr)

    def _tick(self) -> None:
        with self._lock:
            for job in self._jobs.values():
                if job.state != "running" or job.handle is None:
                    continue
                try:
                    code = self.backend.poll(job.handle)
                except Exception as exc:  # this job's trouble (a full disk on the server, a backend error) ends this job
                    with contextlib.suppress(Exception):
                        self.backend.kill(job.handle)
                    self._end(job, "failed", f"the job runner lost this run: {exc}; the last checkpoint written is kept")
                    continue
                if code is not None:
                    self._reap(job, code)
            self._start_ready()

    def _reap(self, job: _Job, code: int) -> None:
        last = job.run.last_ended()
        if last is not None:
            self._end(job, last["status"], last.get("reason", ""), write=False)
        elif job.cancelled:
            self._end(job, "cancelled", "stopped by the user")
        else:
            self._end(job, "failed", f"the training process ended unexpectedly (exit code {code}); "
                                     f"the last checkpoint written is kept")

    def _start_ready(self) -> None:
        while self._queue and sum(j.state == "running" for j in self._jobs.values()) < self.max_running:
            job = self._jobs[self._queue.popleft()]
            gpus = 1 if getattr(job.config, "device", "cpu") == "cuda" else 0
            try:
                job.handle = self.backend.start(job.id, job.run, Resources(job.config.num_threads or 1, gpus))
            except OSError as exc:
                self._end(job, "failed", f"could not start the training process ({exc})")
                continue
            job.state, job.started = "running", time.time()

    def _end(self, job: _Job, state: str, reason: str, write: bool = True) -> None:
        job.state, job.reason, job.ended = state, reason, time.time()
        self._changed.notify_all()
        if write:
            JsonlSink(job.run.events_path)(ended(state, job.run.last_step(), reason, _relative_latest(job.run)))

    def _load_history(self) -> None:
        """Past runs on disk become jobs of their owners again: ended ones as they ended, queued ones that never started
        back in the queue (in their order), and ones the server's stop cut short as interrupted (resumable)."""
        for config_path in sorted(self.runs_root.glob("*/*/config.json"), key=lambda p: p.parent.name):
            run = RunDir(config_path.parent)
            try:
                config = run.config()
            except Exception:
                continue
            job = _Job(run.root.name, run.root.parent.name, config, run, config_path.stat().st_mtime, label=run.label())
            last = run.last_ended()
            if last is not None:
                job.state, job.reason, job.ended = last["status"], last.get("reason", ""), last.get("time")
            elif run.started():  # its worker went down with the server before it could say so
                self._end(job, "cancelled", interrupted_reason(run))
            else:
                self._queue.append(job.id)  # job ids begin with their submission time: the queue keeps its order
            self._jobs[job.id] = job


class QueueAdmin:
    """What the teacher may do that owners may not: see every owner's jobs, stop any of them, and move a queued job
    up or down the queue. Only JobManager.admin makes one; every other call keeps owners apart as before."""

    def __init__(self, manager: JobManager) -> None:
        self._m = manager

    def list(self) -> list[JobInfo]:
        """Every owner's jobs, newest first."""
        with self._m._lock:
            return [self._m._info(j) for j in sorted(self._m._jobs.values(), key=lambda j: j.submitted, reverse=True)]

    def queue(self) -> list[JobInfo]:
        """The running jobs (oldest start first), then the waiting ones in the order they will start."""
        with self._m._lock:
            running = sorted((j for j in self._m._jobs.values() if j.state == "running"), key=lambda j: j.started or 0)
            return [self._m._info(j) for j in (*running, *(self._m._jobs[i] for i in self._m._queue))]

    def get(self, job_id: str) -> JobInfo:
        with self._m._lock:
            return self._m._info(self._job(job_id))

    def events(self, job_id: str, offset: int = 0) -> tuple[list[Event], int]:
        """Events of any job written since byte `offset` of its events.jsonl."""
        with self._m._lock:
            job = self._job(job_id)
        return read_events(job.run.events_path, offset)

    def cancel(self, job_id: str) -> JobInfo:
        """Stop any job: a queued one at once, a running one at its next step (as its owner's Stop does)."""
        with self._m._lock:
            job = self._job(job_id)
            if job.state == "queued":
                self._m._queue.remove(job.id)
                self._m._end(job, "cancelled", "stopped by the teacher before it started")
            elif job.state == "running" and not job.cancelled:
                self._m.backend.cancel(job.handle)
                job.cancelled = True
            return self._m._info(job)

    def move(self, job_id: str, by: int) -> JobInfo:
        """Move a queued job `by` places (negative: sooner), within the queue's ends; a job not waiting is refused."""
        with self._m._lock:
            job = self._job(job_id)
            if job.state != "queued":
                raise UserError("only a job that is waiting in the queue can be moved")
            queue = self._m._queue
            where = queue.index(job.id)
            queue.remove(job.id)
            queue.insert(min(max(0, where + by), len(queue)), job.id)
            return self._m._info(job)

    def _job(self, job_id: str) -> _Job:
        job = self._m._jobs.get(job_id)
        if job is None:
            raise JobNotFound(job_id)
        return job


def _relative_latest(run: RunDir) -> str | None:
    latest = run.latest_checkpoint()
    return str(latest.relative_to(run.root)) if latest else None
