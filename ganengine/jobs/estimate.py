"""How long runs take on this server: a run's measured speed, a new run's likely duration, a queued run's wait.

Estimates come from what runs here have measured (their metrics events' steps/s), never from a guess about the
hardware: a server that has run nothing like a config yet gives no estimate for it.
"""

from __future__ import annotations

import heapq
import json
import statistics
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..config import RunConfig

TAIL_BYTES = 16_384  # the end of an events file holds its last metrics event (one every few steps)


def last_metrics(events_path: Path) -> dict[str, Any] | None:
    """The last metrics event of an events.jsonl, read from its tail (a long run's file holds many thousand lines)."""
    try:
        with open(events_path, "rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - TAIL_BYTES))
            lines = f.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        try:
            e = json.loads(line)
        except ValueError:
            continue  # the first, cut line of the tail
        if isinstance(e, dict) and e.get("type") == "metrics":
            return e
    return None


def _work(cfg: RunConfig) -> float:
    """The relative cost of one step: items per step times the networks' width squared (convolutions and dense
    layers both grow so), times the D and G steps it holds."""
    width = float(getattr(cfg, "width", 1) or 1)
    inner = (getattr(cfg, "d_steps", 1) or 1) + (getattr(cfg, "g_steps", 1) or 1)
    return cfg.batch_size * width * width * inner


def _shape(cfg: RunConfig) -> tuple:
    """What must match for one run's speed to say something about another's (the architecture and its input)."""
    return cfg.task, getattr(cfg, "model", ""), getattr(cfg, "image_size", 0), getattr(cfg, "loss", ""), cfg.device


def rate_for(cfg: RunConfig, measured: Iterable[tuple[RunConfig, float]]) -> float | None:
    """Likely steps/s of `cfg` here: the median of runs with the same settings, else of runs of the same architecture
    scaled by the work per step; None when nothing comparable has run."""
    measured = [(c, r) for c, r in measured if r and r > 0]
    same = [r for c, r in measured if _shape(c) == _shape(cfg) and _work(c) == _work(cfg) and c.data == cfg.data]
    if same:
        return statistics.median(same)
    scaled = [r * _work(c) / _work(cfg) for c, r in measured if _shape(c) == _shape(cfg)]
    return statistics.median(scaled) if scaled else None


def duration(cfg: RunConfig, rate: float | None) -> float | None:
    """Seconds a run of `cfg` takes from its start: the steps at `rate`, or its time budget if that ends first."""
    ends = [cfg.steps / rate] if cfg.steps is not None and rate else []
    if cfg.time_budget is not None:
        ends.append(cfg.time_budget)
    return min(ends) if ends else None


def remaining(cfg: RunConfig, last: dict[str, Any] | None, rate: float | None) -> float | None:
    """Seconds left to a running run, from its last metrics event (step, elapsed, steps/s): its own speed first."""
    if last is None:
        return duration(cfg, rate)
    speed = last.get("steps_per_s") or rate
    ends = [(cfg.steps - last.get("step", 0)) / speed] if cfg.steps is not None and speed else []
    if cfg.time_budget is not None:
        ends.append(cfg.time_budget - last.get("elapsed", 0.0))
    return max(0.0, min(ends)) if ends else None


def wait(running: list[float], ahead: list[float], slots: int) -> float:
    """Seconds until a queued run starts: `slots` run at once, the running ones end after `running` seconds and
    the ones ahead of it in the queue (first come, first served) last `ahead` seconds each."""
    free = sorted(running)[:slots] + [0.0] * max(0, slots - len(running))
    heapq.heapify(free)
    for seconds in ahead:
        heapq.heappush(free, heapq.heappop(free) + seconds)
    return free[0]
