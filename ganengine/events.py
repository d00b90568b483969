"""The versioned event schema of a run, the sink that writes events.jsonl, and its reader.

Version 2 events (every one carries "v": 2, "type" and "step"):
- queued:     the job manager accepted the run.
- started:    task, device, config, parameter counts by role, and the charts the task declares
              (each a title and the names of the values it draws) plus the task's own facts.
- metrics:    progress (0..1), elapsed seconds, steps_per_s, items_per_s and `values`, a dict of
              named scalars the task reported; charts draw from these names only.
- sample:     a preview picture (`path` of a PNG in the run directory) or 2-D `points`.
- checkpoint: `path` of the checkpoint just written.
- probe:      the quality probe of the checkpoint just written (GAN runs on data with a probe): covered and kinds
              (classes or modes with a fair share of samples), variety (spread over real data's), fid (domain
              extractor, or null), samples, judge, score (lower is better) and best (it became best.safetensors).
- warning:    something the reader should know while the run goes on: a `code` with its `params` (a page says it
              in its own words) and an English `message`, e.g. memory_retry (a GPU went on at half the batch).
- ended:      `status` (finished | failed | cancelled), `reason`, the last `checkpoint`; and a `code` with its
              `params` (kept: the step of the checkpoint kept), so a page can say the reason in its own language.
Version 1 events (flat metrics, terminal types finished/failed/cancelled) are read as version 2.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Event = dict[str, Any]
EventSink = Callable[[Event], None]
SCHEMA_VERSION = 2
TYPES = ("queued", "started", "metrics", "sample", "checkpoint", "probe", "warning", "ended")
TERMINAL = ("finished", "failed", "cancelled")  # an ended event's status
_V1_LOOP_KEYS = {"type", "step", "elapsed", "time", "images_per_s", "v"}


def event(kind: str, step: int, /, **fields: Any) -> Event:
    """A version-2 event; an unknown type or an ended event without a known status is a bug (ValueError)."""
    if kind not in TYPES:
        raise ValueError(f"unknown event type {kind!r}")
    if kind == "ended" and fields.get("status") not in TERMINAL:
        raise ValueError(f"an ended event needs a status among {TERMINAL}")
    return {"v": SCHEMA_VERSION, "type": kind, "step": int(step), **fields}


def ended(status: str, step: int, reason: str, checkpoint: str | None, **fields: Any) -> Event:
    return event("ended", step, status=status, reason=reason, checkpoint=checkpoint, **fields)


def is_ended(e: Event) -> bool:
    return e.get("type") == "ended"


def upgrade(e: Event) -> Event:
    """A version-1 event as version 2 (version-2 events come back unchanged)."""
    if e.get("v", 1) >= SCHEMA_VERSION:
        return e
    kind = e.get("type")
    if kind in TERMINAL:
        return {**e, "v": SCHEMA_VERSION, "type": "ended", "status": kind}
    if kind == "metrics":
        values = {k: v for k, v in e.items() if k not in _V1_LOOP_KEYS}
        return {"v": SCHEMA_VERSION, "type": "metrics", "step": e.get("step", 0), "elapsed": e.get("elapsed", 0.0),
                "time": e.get("time"), "items_per_s": e.get("images_per_s", 0.0), "values": values}
    return {**e, "v": SCHEMA_VERSION}


class JsonlSink:
    """Appends each event as one JSON line (flushed), stamping its wall-clock time."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def __call__(self, event: Event) -> None:
        event.setdefault("time", time.time())
        line = json.dumps(event, allow_nan=False, default=_jsonable) + "\n"
        with open(self.path, "a+b") as fh:
            if fh.tell() > 0:  # a writer killed mid-line must not swallow this event
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    line = "\n" + line
            fh.write(line.encode())


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def read_events(path: str | Path, offset: int = 0) -> tuple[list[Event], int]:
    """Complete events (as version 2) written after byte `offset`, and the offset to continue from."""
    path = Path(path)
    if not path.exists():
        return [], offset
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read()
    end = data.rfind(b"\n")
    if end < 0:
        return [], offset
    events = []
    for line in data[: end + 1].splitlines():
        try:
            parsed = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(parsed, dict):
            events.append(upgrade(parsed))
    return events, offset + end + 1


def last_ended(events: list[Event]) -> Event | None:
    """The last ended event, if the run has ended (a run queued again after it ended, to resume, has not)."""
    for e in reversed(events):
        if is_ended(e):
            return e
        if e.get("type") == "queued":
            return None
    return None


def file_stop_flag(path: str | Path) -> Callable[[], bool]:
    """A should_stop callable that turns true once `path` exists (the job runner's cancel)."""
    flag = Path(path)
    return flag.exists
