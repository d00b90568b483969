"""Training events: the run directory's events.jsonl, sinks that write it, and stop flags."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Event = dict[str, Any]
EventSink = Callable[[Event], None]
TERMINAL = ("finished", "failed", "cancelled")


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
    """Complete events written after byte `offset`, and the offset to continue from."""
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
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events, offset + end + 1


def file_stop_flag(path: str | Path) -> Callable[[], bool]:
    """A should_stop callable that turns true once `path` exists (the job runner's cancel)."""
    flag = Path(path)
    return flag.exists
