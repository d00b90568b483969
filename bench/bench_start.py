"""Benchmark: jobs that start at once — a fresh worker process per job against the warm parent that forks one.

Run by hand:  python bench/bench_start.py [--owners 30] [--steps 30] [--max-running 0]
No browser: N owners each submit the default digits run (the Train page's quick DCGAN preset) cut to `--steps`
steps straight to a job manager on the local backend, once with a fresh `python -m ganengine.jobs.worker` per job
(GANSTUDIO_WARM_WORKERS=0) and once with the warm parent (GANSTUDIO_WARM_WORKERS=1: it imported torch and the
training code before any job, and forks a child per job). Prints, for each: runs per minute (first submit to last
end), the time from the job's start (the queue's wait left out) to its first training step's event, and how an
idle server starts one job (submit -> first step), each the median over the runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganengine.jobs import JobManager, LocalProcessBackend
from ganengine.runs import RunDir
from ganengine.tasks import GanConfig


def first_step_at(run: RunDir) -> float | None:
    """Wall time of the run's first metrics event (its first training step), from its events file."""
    for e in run.events():
        if e.get("type") == "metrics":
            return e.get("time")
    return None


def idle_start(warm: int, config: GanConfig) -> float:
    """Submit -> first step of one job on an idle server (the warm parent given time to import first)."""
    backend = LocalProcessBackend(warm=warm)
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        manager = JobManager(tmp, backend, max_running=1, threads_per_job=1, poll_interval=0.02)
        try:
            time.sleep(8 if warm else 0)  # what an idle server has had: its warm parent is ready
            t0 = time.time()
            info = manager.submit(config, "idle-owner-0123456789")
            manager.wait(info.id, "idle-owner-0123456789", timeout=300)
            return (first_step_at(RunDir(info.run_dir)) or float("nan")) - t0
        finally:
            manager.shutdown()
            backend.close()


def classroom(warm: int, owners: int, config: GanConfig, max_running: int) -> dict:
    backend = LocalProcessBackend(warm=warm)
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        manager = JobManager(tmp, backend, max_running=max_running, threads_per_job=max(1, (os.cpu_count() or 2) // max_running),
                             poll_interval=0.02)
        try:
            time.sleep(8 if warm else 0)
            t0 = time.monotonic()
            jobs = [(f"student-{i:02d}-0123456789", manager.submit(config, f"student-{i:02d}-0123456789"))
                    for i in range(owners)]
            for owner, info in jobs:
                manager.wait(info.id, owner, timeout=3600)
            wall = time.monotonic() - t0
            infos = [manager.get(info.id, owner) for owner, info in jobs]
            starts = [(first_step_at(RunDir(i.run_dir)) or float("nan")) - (i.started or 0) for i in infos]
        finally:
            manager.shutdown()
            backend.close()
    return {"finished": sum(i.state == "finished" for i in infos), "wall_s": wall, "runs_per_min": 60 * owners / wall,
            "start_to_first_step_s": statistics.median(starts)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owners", type=int, default=30)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--max-running", type=int, default=0, help="jobs at once (0: the server's default, half the cores)")
    parser.add_argument("--warm", type=int, default=1, help=argparse.SUPPRESS)
    a = parser.parse_args()
    max_running = a.max_running or max(1, (os.cpu_count() or 2) // 2)
    config = dataclasses.replace(GanConfig.preset("digits", quick=True), steps=a.steps, checkpoint_every=a.steps,
                                 sample_every=a.steps)
    print(f"# {a.owners} owners, one {a.steps}-step digits run each ({config.model}, width {config.width}, batch "
          f"{config.batch_size}), {max_running} at a time, {os.cpu_count()} CPU cores")
    print("| workers | finished | wall | runs/min | job start -> first step (median) | idle server: submit -> first step |")
    print("|---|---:|---:|---:|---:|---:|")
    rows = {}
    for warm in (0, a.warm):
        idle = idle_start(warm, config)
        r = classroom(warm, a.owners, config, max_running)
        rows[warm] = r
        name = "fresh process per job" if warm == 0 else "warm parent, a forked child per job"
        print(f"| {name} | {r['finished']}/{a.owners} | {r['wall_s']:.0f} s | {r['runs_per_min']:.1f} | "
              f"{r['start_to_first_step_s']:.2f} s | {idle:.2f} s |", flush=True)
    print(f"ratio: {rows[a.warm]['runs_per_min'] / rows[0]['runs_per_min']:.2f}x the runs per minute")
    return 0


if __name__ == "__main__":
    sys.exit(main())
