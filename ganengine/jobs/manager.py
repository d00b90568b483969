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
import json
import os
import secrets
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..config import RunConfig
from ..errors import ConfigError, UserError, coded
from ..events import Event, JsonlSink, ended, event, read_events
from ..runs import RunDir, RunLabel, interrupted_reason, kept_params, step_of
from ..settings import teacher_token
from . import estimate
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
    code: str = ""  # why it ended, for a page to say in its own words (see ganengine.events)
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
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
    code: str = ""
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    handle: Any = None  # the backend's, while it runs
    cancelled: bool = False
    stop_reason: str = ""  # why the server (not the owner) stopped it; replaces the worker's "stopped by the user"
    stop_code: str = ""
    stop_params: dict[str, Any] = dataclasses.field(default_factory=dict)
    label: RunLabel = field(default_factory=RunLabel)


def owner_key(owner: str) -> str:
    """Directory-safe digest of an owner token (the token itself never reaches the disk)."""
    if not owner or len(owner) < 8:
        raise ValueError("owner token is missing or too short")
    return hashlib.sha256(owner.encode()).hexdigest()[:20]


def within_caps(config: RunConfig, max_steps: int | None, max_time_budget: float | None) -> RunConfig:
    """The config under the operator's caps: a value above one is refused; a run without a time budget gets the
    cap's, one without a step count gets the step cap (so no run outlasts what the server allows)."""
    if max_steps is not None:
        if config.steps is not None and config.steps > max_steps:
            raise coded(ConfigError(f"this server allows at most {max_steps:,} steps per run (got {config.steps:,})"),
                        "cap_steps", max=max_steps, got=config.steps)
        if config.steps is None:
            config = dataclasses.replace(config, steps=max_steps)
    if max_time_budget is not None:
        if config.time_budget is not None and config.time_budget > max_time_budget:
            raise coded(ConfigError(f"this server allows at most {max_time_budget:g} s per run (got {config.time_budget:g} s)"),
                        "cap_time", max=max_time_budget, got=config.time_budget)
        if config.time_budget is None:
            config = dataclasses.replace(config, time_budget=float(max_time_budget))
    return config


QUEUE_ORDER_FILE = ".queue-order.json"  # in the runs root: the waiting line's job ids, first to start first


class JobManager:
    """Queue, start, watch and cancel training jobs on a backend; thread-safe, one per server.

    A submission equal to one the same owner made less than `dedupe_s` seconds ago (a double click, a second tab
    sending the same form) gets that job back instead of a second one. `max_steps` and `max_time_budget` are the
    operator's caps on one run (see `within_caps`).
    """

    def __init__(self, runs_root: str | Path, backend: Backend | None = None, max_running: int = 1,
                 max_queued_per_owner: int = 3, max_queued: int = 200, threads_per_job: int = 0,
                 poll_interval: float = 0.2, max_steps: int | None = None, max_time_budget: float | None = None,
                 dedupe_s: float = 2.0) -> None:
        self.runs_root = Path(runs_root)
        self.backend = backend or make_backend("local")
        self.runs_root.mkdir(parents=True, exist_ok=True)
        self.max_running = max(1, max_running)
        self.max_queued_per_owner = max_queued_per_owner
        self.max_queued = max_queued
        self.threads_per_job = threads_per_job or max(1, (os.cpu_count() or 1) // self.max_running)
        self.poll_interval = poll_interval
        self.max_steps, self.max_time_budget, self.dedupe_s = max_steps, max_time_budget, dedupe_s
        self._rates: dict[str, tuple[int, float | None]] = {}  # job id -> (events file size, its last steps/s)
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
        """Queue a run (it starts when a slot is free) with the name and tags in `label` (kept in its run directory); the
        same config again within `dedupe_s` s gets the same job."""
        config = within_caps(config.validate(), self.max_steps, self.max_time_budget).validate()
        key = owner_key(owner)
        with self._lock:
            threads = config.num_threads or self.threads_per_job
            config = dataclasses.replace(config, num_threads=min(threads, self.threads_per_job))
            now = time.time()
            twin = next((j for j in self._jobs.values() if j.owner_key == key and j.config == config
                         and now - j.submitted < self.dedupe_s), None)
            if twin is not None:
                return self._info(twin)
            self._check_room(key)
            job_id = dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)
            run = RunDir(self.runs_root / key / job_id)
            run.prepare(config)
            if label:
                run.set_label(label)
            job = _Job(job_id, key, config, run, time.time(), label=label or RunLabel())
            self._jobs[job_id] = job
            self._queue.append(job_id)
            self._save_queue_order()
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
                self._end(job, "cancelled", "stopped by the user before it started", "stopped_queued")
            elif job.state == "running" and not job.cancelled:
                self.backend.cancel(job.handle)
                job.cancelled = True
            return self._info(job)

    def active_owner_keys(self) -> set[str]:
        """The owner keys with a queued or running job (for the server's housekeeping)."""
        with self._lock:
            return {j.owner_key for j in self._jobs.values() if j.state in ("queued", "running")}

    def reclaim(self, key: str, reason: str, minutes: float = 0) -> int:
        """Stop every queued or running job of the owner with `key`, for the server (an owner who left): a queued job
        ends "not started", a running one at its next step with its checkpoints kept. The number of jobs stopped."""
        stopped = 0
        with self._lock:
            for job in self._jobs.values():
                if job.owner_key != key:
                    continue
                if job.state == "queued":
                    self._queue.remove(job.id)
                    self._end(job, "cancelled", f"{reason}; it had not started: start it again", "abandoned_queued",
                              {"minutes": minutes})
                    stopped += 1
                elif job.state == "running" and not job.cancelled:
                    self.backend.cancel(job.handle)
                    job.cancelled, job.stop_reason, job.stop_code = True, reason, "abandoned"
                    job.stop_params = {"minutes": minutes}
                    stopped += 1
        return stopped

    def forget(self, key: str) -> None:
        """Drop the ended jobs of owner `key` from memory (the housekeeper removed their files)."""
        with self._lock:
            for job_id in [j.id for j in self._jobs.values() if j.owner_key == key and j.state not in ("queued", "running")]:
                del self._jobs[job_id]

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
                raise coded(UserError("this run is still going: stop it first"), "run_active")
            if not job.run.resume_path.exists():
                raise coded(UserError("this run ended before it saved any resume state: start it again"), "no_resume_state")
            config = job.config
            if steps is not None or time_budget is not None:
                done = job.run.last_step()
                if steps is not None and steps <= done:
                    raise coded(UserError(f"give it more than the {done:,} steps it has done (got {steps:,})"), "more_steps",
                                done=done, got=steps)
                config = dataclasses.replace(config, steps=config.steps if steps is None else steps,
                                             time_budget=config.time_budget if time_budget is None else time_budget)
                config = within_caps(config.validate(), self.max_steps, self.max_time_budget)
            elif not job.run.interrupted():
                raise coded(UserError("give it more steps or more time to continue"), "more_budget")
            self._check_room(job.owner_key)
            job.run.stop_path.unlink(missing_ok=True)
            job.run.prepare(config)
            job.config = config
            job.state, job.reason, job.ended, job.cancelled, job.handle = "queued", "", None, False, None
            job.code, job.params = "", {}
            self._queue.append(job.id)
            self._save_queue_order()
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

    def estimate(self, config: RunConfig) -> tuple[float, float | None] | None:
        """(seconds, steps/s) a run of `config` would likely take here, from the speeds runs like it measured on this
        server (any owner's: speed is a fact about the server) and its time budget; the speed is None when nothing
        comparable has run yet, and the whole is None when neither tells."""
        with self._lock:
            measured = [(j.config, self._rate(j)) for j in self._jobs.values() if j.state != "queued"]
        rate = estimate.rate_for(config, measured)
        seconds = estimate.duration(config, rate)
        return (seconds, rate) if seconds is not None else None

    def expected_wait(self, job_id: str, owner: str) -> float | None:
        """Seconds until the owner's queued job likely starts (0 once it runs), from the running jobs' progress and the
        budgets and measured speeds of the jobs ahead of it; None when one of them cannot be estimated."""
        with self._lock:
            job = self._owned(job_id, owner)
            if job.state != "queued":
                return 0.0
            running = [j for j in self._jobs.values() if j.state == "running"]
            ahead = [self._jobs[i] for i in list(self._queue)[:self._queue.index(job.id)]]
            measured = [(j.config, self._rate(j)) for j in self._jobs.values() if j.state != "queued"]
        left = [estimate.remaining(j.config, estimate.last_metrics(j.run.events_path),
                                   estimate.rate_for(j.config, measured)) for j in running]
        lengths = [estimate.duration(j.config, estimate.rate_for(j.config, measured)) for j in ahead]
        if any(x is None for x in left + lengths):
            return None
        return estimate.wait(left, lengths, self.max_running)

    def _rate(self, job: _Job) -> float | None:
        """The job's last measured steps/s (cached by its events file's size: an ended run's never changes)."""
        try:
            size = job.run.events_path.stat().st_size
        except OSError:
            return None
        if self._rates.get(job.id, (None,))[0] != size:
            last = estimate.last_metrics(job.run.events_path)
            self._rates[job.id] = (size, (last or {}).get("steps_per_s"))
        return self._rates[job.id][1]

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
                    self._end(job, "cancelled", interrupted_reason(job.run), "interrupted")

    # --- internals --------------------------------------------------------------------------
    def _check_room(self, key: str) -> None:
        waiting = [j for j in self._jobs.values() if j.owner_key == key and j.state == "queued"]
        if len(waiting) >= self.max_queued_per_owner:
            raise coded(QueueFull(f"you already have {len(waiting)} jobs waiting; stop one or wait for it to start"),
                        "queue_owner", n=len(waiting))
        if len(self._queue) >= self.max_queued:
            raise coded(QueueFull("the server's queue is full; try again in a few minutes"), "queue_full")

    def _owned(self, job_id: str, owner: str) -> _Job:
        job = self._jobs.get(job_id)
        if job is None or job.owner_key != owner_key(owner):
            raise JobNotFound(job_id)
        return job

    def _info(self, job: _Job) -> JobInfo:
        position = self._queue.index(job.id) + 1 if job.state == "queued" else 0
        return JobInfo(job.id, job.state, job.config, job.run.root, job.submitted, job.started, job.ended,
                       job.reason, position, job.code, dict(job.params), job.label, job.owner_key)

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
                    self._end(job, "failed", f"the job runner lost this run: {exc}; the last checkpoint written is kept",
                              "runner_lost", {"error": str(exc)})
                    continue
                if code is not None:
                    self._reap(job, code)
            self._start_ready()

    def _reap(self, job: _Job, code: int) -> None:
        last = job.run.last_ended()
        if job.stop_reason:
            latest = job.run.latest_checkpoint()
            kept = f"its last checkpoint (step {step_of(latest)}) is kept and it can go on" if latest else "no checkpoint yet"
            self._end(job, "cancelled", f"{job.stop_reason}; {kept}", job.stop_code, job.stop_params)
        elif last is not None:
            self._end(job, last["status"], last.get("reason", ""), last.get("code", ""), last.get("params"), write=False)
        elif job.cancelled:
            self._end(job, "cancelled", "stopped by the user", "stopped")
        elif code in (-9, 137):  # SIGKILL: on a server, most often the kernel's out-of-memory killer
            self._end(job, "failed", f"the training process was killed (exit code {code}), most often for running out "
                                     f"of memory: try a smaller batch size or model; the last checkpoint written is kept",
                      "killed", {"exit": code})
        else:
            self._end(job, "failed", f"the training process ended unexpectedly (exit code {code}); "
                                     f"the last checkpoint written is kept", "worker_died", {"exit": code})

    def _start_ready(self) -> None:
        while self._queue and sum(j.state == "running" for j in self._jobs.values()) < self.max_running:
            job = self._jobs[self._queue.popleft()]
            gpus = 1 if getattr(job.config, "device", "cpu") == "cuda" else 0
            try:
                job.handle = self.backend.start(job.id, job.run, Resources(job.config.num_threads or 1, gpus))
            except OSError as exc:
                self._end(job, "failed", f"could not start the training process ({exc})", "start_failed",
                          {"error": str(exc)})
                continue
            job.state, job.started = "running", time.time()

    def _end(self, job: _Job, state: str, reason: str, code: str = "", params: dict[str, Any] | None = None,
             write: bool = True) -> None:
        params = {**kept_params(job.run), **(params or {})}
        job.state, job.reason, job.ended, job.code, job.params = state, reason, time.time(), code, params
        self._changed.notify_all()
        if write:
            JsonlSink(job.run.events_path)(ended(state, job.run.last_step(), reason, _relative_latest(job.run),
                                                 code=code, params=params))

    def _save_queue_order(self) -> None:
        """The waiting line as it stands (a teacher's moves, resumed runs at its end), for the server's next start."""
        with contextlib.suppress(OSError):  # a full disk: the order falls back to submission times
            write_atomic(self.runs_root / QUEUE_ORDER_FILE, lambda tmp: tmp.write_text(json.dumps(list(self._queue))))

    def _saved_queue_order(self) -> dict[str, int]:
        try:
            ids = json.loads((self.runs_root / QUEUE_ORDER_FILE).read_text())
        except (OSError, ValueError, RecursionError):  # missing, or not ours to trust: submission times decide
            return {}
        return {i: n for n, i in enumerate(ids) if isinstance(i, str)} if isinstance(ids, list) else {}

    def _load_history(self) -> None:
        """Past runs on disk become jobs of their owners again: ended ones as they ended, queued ones that never started
        back in the queue (in the order it last had), and ones the server's stop cut short as interrupted (resumable)."""
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
                job.code, job.params = last.get("code", ""), dict(last.get("params") or {})
            elif run.started():  # its worker went down with the server before it could say so
                self._end(job, "cancelled", interrupted_reason(run), "interrupted")
            else:
                self._queue.append(job.id)
            self._jobs[job.id] = job
        # The saved line first, in its order; any queued job it does not name after, by submission time (ids begin
        # with it).
        saved = self._saved_queue_order()
        self._queue = deque(sorted(self._queue, key=lambda i: (saved.get(i, len(saved)), i)))


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
                self._m._end(job, "cancelled", "stopped by the teacher before it started", "teacher_stopped_queued")
            elif job.state == "running" and not job.cancelled:
                self._m.backend.cancel(job.handle)
                job.cancelled, job.stop_reason, job.stop_code = True, "stopped by the teacher", "teacher_stopped"
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
            self._m._save_queue_order()
            return self._m._info(job)

    def _job(self, job_id: str) -> _Job:
        job = self._m._jobs.get(job_id)
        if job is None:
            raise JobNotFound(job_id)
        return job


def _relative_latest(run: RunDir) -> str | None:
    latest = run.latest_checkpoint()
    return str(latest.relative_to(run.root)) if latest else None
