"""Benchmark: the same short runs through the local backend and through a private Ray cluster on this machine.

Run by hand:  python bench/bench_backends.py [--runs 30] [--steps 30] [--max-running 2] [--backends local,ray]
Needs ray (requirements-cluster.txt) for the Ray side. Each backend gets a fresh job manager with a private runs
folder; N tiny runs (an MLP GAN on toy2d-ring) are submitted at once, `--max-running` at a time. Prints jobs per
minute (from the first submit to the last end) and the time from submit to the job's first event reaching the
server's run directory (its `started` event), so the overhead of the cluster path is the difference. The Ray side's
one-off start of its cluster is reported apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganengine.jobs import JobManager, LocalProcessBackend
from ganengine.jobs.backends.ray_backend import RayBackend
from ganengine.runs import RunDir
from ganengine.tasks import GanConfig

OWNER = "bench-backends-0123456789"


def bench(backend_name: str, runs: int, steps: int, max_running: int) -> dict:
    connect_s = 0.0
    if backend_name == "ray":
        backend = RayBackend(num_cpus=max_running)
        t = time.monotonic()
        backend.connect()
        connect_s = time.monotonic() - t
    else:
        backend = LocalProcessBackend()
    cfg = GanConfig(model="mlp", data="toy2d-ring", steps=steps, batch_size=16, width=4, nz=4, max_items=256,
                    log_every=10, sample_every=steps, checkpoint_every=steps, num_threads=1)
    with tempfile.TemporaryDirectory(prefix="bench-backends-") as tmp:
        manager = JobManager(tmp, backend, max_running=max_running, max_queued_per_owner=runs, threads_per_job=1,
                             poll_interval=0.05, dedupe_s=0)  # the same config, many runs on purpose
        try:
            t0 = time.monotonic()
            submitted = {}
            for _ in range(runs):
                info = manager.submit(cfg, OWNER)
                submitted[info.id] = (time.monotonic(), RunDir(info.run_dir))
            first_event: dict[str, float] = {}
            from_start: dict[str, float] = {}  # from the backend's start (the queue's wait left out) to the first event
            going = True
            while going:
                going = any(j.active for j in manager.list(OWNER))
                for job_id, (at, run) in submitted.items():
                    if job_id not in first_event and any(e["type"] == "started" for e in run.events()):
                        first_event[job_id] = time.monotonic() - at
                        from_start[job_id] = time.time() - (manager.get(job_id, OWNER).started or time.time())
                time.sleep(0.05)
            wall = time.monotonic() - t0
            states = [j.state for j in manager.list(OWNER)]
        finally:
            manager.shutdown()
            backend.close()
    waits = sorted(first_event.values())
    # The first `max_running` jobs start at once; later ones also wait their turn in the queue.
    first_wave = waits[:max_running]
    return {"backend": backend_name, "runs": runs, "steps": steps, "max_running": max_running, "wall_s": wall,
            "jobs_per_min": runs / wall * 60, "finished": states.count("finished"), "connect_s": connect_s,
            "first_event_first_wave_s": statistics.median(first_wave), "first_event_median_s": statistics.median(waits),
            "first_event_max_s": waits[-1], "start_to_first_event_median_s": statistics.median(from_start.values())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--max-running", type=int, default=2)
    parser.add_argument("--backends", default="local,ray")
    parser.add_argument("--json", default=None)
    a = parser.parse_args()
    results = [bench(name.strip(), a.runs, a.steps, a.max_running) for name in a.backends.split(",") if name.strip()]
    print(f"{a.runs} runs of {a.steps} steps (MLP GAN, toy2d-ring), {a.max_running} at a time")
    print("| backend | finished | wall | jobs/min | submit -> first event (first wave, median, max) "
          "| job start -> first event (median) | cluster start |")
    print("|---|---:|---:|---:|---|---:|---:|")
    for r in results:
        print(f"| {r['backend']} | {r['finished']}/{r['runs']} | {r['wall_s']:.1f} s | {r['jobs_per_min']:.1f} | "
              f"{r['first_event_first_wave_s']:.2f} s, {r['first_event_median_s']:.2f} s, {r['first_event_max_s']:.2f} s | "
              f"{r['start_to_first_event_median_s']:.2f} s | " + (f"{r['connect_s']:.1f} s |" if r["backend"] == "ray" else "- |"))
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
