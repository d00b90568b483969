"""A bounded pool of threads for heavy work that is not a training run: evaluations, analyses, sweeps.

Training jobs get a process each (manager.py); an evaluation is a function call that returns a result
the caller wants back in memory, so it runs on one of a fixed number of threads instead. The policy is
the job manager's: owners, FIFO, a cap on waiting items per owner and overall, and isolation (another
owner's item is indistinguishable from one that does not exist). A page submits a function, keeps the
item id, and polls `get` for a snapshot: queue position, progress, then the result or a one-line error.
"""

from __future__ import annotations

import atexit
import secrets
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import UserError, coded
from ..settings import settings
from .manager import JobNotFound, QueueFull, owner_key

WORK_STATES = ("queued", "running", "done", "failed")

Progress = Callable[[float, str], None]
Work = Callable[[Progress], Any]


class WorkCancelled(Exception):
    """Raised by `progress()` once the queue is shutting down, so long work stops at its next report."""


@dataclass(frozen=True)
class WorkItem:
    """A snapshot of one work item, safe to hand to a page."""

    id: str
    label: str
    state: str  # one of WORK_STATES
    progress: float  # 0..1, as the work last reported it (1 when done)
    note: str  # the work's last progress note
    queue_position: int  # 1-based while queued, else 0
    result: Any  # the function's return value, once done
    error: str  # one line, once failed
    submitted: float
    started: float | None
    ended: float | None

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")


@dataclass
class _Item:
    id: str
    owner_key: str
    label: str
    fn: Work
    submitted: float
    state: str = "queued"
    progress: float = 0.0
    note: str = ""
    result: Any = None
    error: str = ""
    started: float | None = None
    ended: float | None = None


def one_line(exc: BaseException, user_errors: tuple[type[BaseException], ...] = (UserError,)) -> str:
    """A user error's own sentence; for anything else its type, then its message (first line of each)."""
    text = (str(exc).strip().splitlines() or [""])[0]
    if isinstance(exc, user_errors):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class WorkQueue:
    """Run submitted functions on at most `max_workers` threads, first come first served; thread-safe, one per server.

    A function receives one argument, `progress(fraction, note)`, to report how far it got. The queue keeps at
    most `keep_finished` finished items per owner and `max_finished` in all (the oldest go first: a page that was
    closed never collects its result) and drops one at once on `forget`.
    Threads share the process: a function must not change global state (torch's thread count, default device,
    global seeds); the engine's evaluations use their own generators and seeds. At interpreter exit the queue
    drops what waits and lets running items end (they stop at their next progress report), so no thread is still
    inside torch when the process goes.
    """

    def __init__(self, max_workers: int | None = None, max_queued_per_owner: int = 4, max_queued: int = 200,
                 keep_finished: int = 8, max_finished: int = 500,
                 user_errors: tuple[type[BaseException], ...] = (UserError,), dedupe_s: float = 2.0) -> None:
        self.dedupe_s = dedupe_s
        self.max_workers = max(1, max_workers if max_workers is not None else settings().max_jobs)
        self.max_queued_per_owner = max(1, max_queued_per_owner)
        self.max_queued = max(1, max_queued)
        self.keep_finished = max(1, keep_finished)
        self.max_finished = max(self.keep_finished, max_finished)
        self.user_errors = user_errors
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)  # workers wait on it for new items
        self._ended = threading.Condition(self._lock)  # callers of wait() wait on it for items to end
        self._items: dict[str, _Item] = {}
        self._queue: deque[str] = deque()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._stopped = False
        atexit.register(self.shutdown)

    # --- public API -------------------------------------------------------------------------
    def submit(self, owner: str, label: str, fn: Work) -> str:
        """Queue `fn` for `owner`; returns the item's id. QueueFull when the owner or the server has too many waiting.
        The same owner's same label again within `dedupe_s` seconds, while the first is not done, is that item (a
        double click on an Evaluate button queues one evaluation)."""
        key = owner_key(owner)
        with self._lock:
            if self._stopped:
                raise coded(QueueFull("the server is shutting down; try again in a moment"), "shutting_down")
            now = time.time()
            twin = next((i for i in self._items.values() if i.owner_key == key and i.label == label
                         and i.state in ("queued", "running") and now - i.submitted < self.dedupe_s), None)
            if twin is not None:
                return twin.id
            waiting = sum(1 for i in self._queue if self._items[i].owner_key == key)
            if waiting >= self.max_queued_per_owner:
                raise coded(QueueFull(f"you already have {waiting} tasks waiting; wait for one to start"), "tasks_owner",
                            n=waiting)
            if len(self._queue) >= self.max_queued:
                raise coded(QueueFull("the server's queue is full; try again in a few minutes"), "queue_full")
            item = _Item(secrets.token_hex(8), key, label, fn, time.time())
            self._items[item.id] = item
            self._queue.append(item.id)
            if len(self._queue) > self._idle and len(self._threads) < self.max_workers:  # more waiting than idle threads
                thread = threading.Thread(target=self._work, name=f"ganengine-work-{len(self._threads)}", daemon=True)
                self._threads.append(thread)
                thread.start()
            else:
                self._wake.notify()
            return item.id

    def get(self, item_id: str, owner: str) -> WorkItem:
        """A snapshot of the owner's item; JobNotFound for an unknown id, another owner's, or a forgotten one."""
        with self._lock:
            return self._snapshot(self._owned(item_id, owner))

    def wait(self, item_id: str, owner: str, timeout: float | None = None) -> WorkItem:
        """Block until the owner's item has ended, or `timeout` seconds passed; then its snapshot (for scripts and tests:
        a page polls `get` instead)."""
        with self._lock:
            item = self._owned(item_id, owner)
            self._ended.wait_for(lambda: item.state not in ("queued", "running"), timeout)
            return self._snapshot(item)

    def list(self, owner: str) -> list[WorkItem]:
        """The owner's items, newest first."""
        key = owner_key(owner)
        with self._lock:
            items = sorted((i for i in self._items.values() if i.owner_key == key), key=lambda i: i.submitted, reverse=True)
            return [self._snapshot(i) for i in items]

    def forget(self, item_id: str, owner: str) -> bool:
        """Drop a finished item now (its result with it); an item still queued or running is kept. True if dropped."""
        with self._lock:
            item = self._owned(item_id, owner)
            if item.state in ("queued", "running"):
                return False
            del self._items[item.id]
            return True

    def running_count(self) -> int:
        with self._lock:
            return sum(i.state == "running" for i in self._items.values())

    def queued_count(self) -> int:
        with self._lock:
            return len(self._queue)

    def shutdown(self, timeout: float = 60.0) -> None:
        """Refuse new items, drop the waiting ones, and wait up to `timeout` s for running ones (for tests and exit);
        a running item's next progress report raises WorkCancelled."""
        atexit.unregister(self.shutdown)
        with self._lock:
            self._stopped = True
            while self._queue:
                self._finish(self._items[self._queue.popleft()], "failed", error="the server shut down before it started")
            self._wake.notify_all()
            threads = list(self._threads)
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    # --- internals --------------------------------------------------------------------------
    def _owned(self, item_id: str, owner: str) -> _Item:
        item = self._items.get(item_id)
        if item is None or item.owner_key != owner_key(owner):
            raise JobNotFound(item_id)
        return item

    def _snapshot(self, item: _Item) -> WorkItem:
        position = self._queue.index(item.id) + 1 if item.state == "queued" else 0
        return WorkItem(item.id, item.label, item.state, item.progress, item.note, position, item.result, item.error,
                        item.submitted, item.started, item.ended)

    def _work(self) -> None:
        """One worker thread: take the oldest waiting item, run it, repeat; exit on shutdown."""
        while True:
            with self._lock:
                self._idle += 1
                while not self._queue and not self._stopped:
                    self._wake.wait()
                self._idle -= 1
                if self._stopped:
                    return
                item = self._items[self._queue.popleft()]
                item.state, item.started = "running", time.time()
            try:
                result = item.fn(self._reporter(item))
            except BaseException as exc:  # the pool outlives any one item's trouble (SystemExit included)
                error = "stopped: the server shut down" if isinstance(exc, WorkCancelled) else one_line(exc, self.user_errors)
                if not isinstance(exc, (*self.user_errors, WorkCancelled)):
                    print(f"ganengine.jobs: work item {item.label!r} failed:\n{traceback.format_exc()}", file=sys.stderr)
                with self._lock:
                    self._finish(item, "failed", error=error)
            else:
                with self._lock:
                    self._finish(item, "done", result=result)

    def _reporter(self, item: _Item) -> Progress:
        def progress(fraction: float, note: str = "") -> None:
            with self._lock:
                if self._stopped:
                    raise WorkCancelled(item.label)
                if item.state == "running":
                    item.progress = min(1.0, max(0.0, float(fraction)))
                    item.note = str(note)

        return progress

    def _finish(self, item: _Item, state: str, result: Any = None, error: str = "") -> None:
        """Mark an item ended; keep at most keep_finished ended items of its owner, max_finished in all (lock held)."""
        item.state, item.result, item.error, item.ended = state, result, error, time.time()
        self._ended.notify_all()
        item.fn = _done  # the function (and whatever it holds) is no longer needed
        if state == "done":
            item.progress = 1.0
        ended = sorted((i for i in self._items.values() if i.state in ("done", "failed")), key=lambda i: i.ended or 0.0)
        mine = [i for i in ended if i.owner_key == item.owner_key]
        for old in [*mine[:-self.keep_finished], *ended[:-self.max_finished]]:
            self._items.pop(old.id, None)


def _done(progress: Progress) -> None:  # stands in for a finished item's function
    return None
