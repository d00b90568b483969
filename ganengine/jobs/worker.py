"""One job, wherever a backend runs it: read the run directory's config, run its task, write its events.

`python -m ganengine.jobs.worker RUN_DIR` is the local backend's worker process.

Errors before the loop starts (a bad config, missing data) end the job with one line for the
user; the loop itself never raises for training errors.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from ..events import Event, JsonlSink, ended, is_ended
from ..runs import RunDir, interrupted_reason, kept_params
from ..train import run_task


def run_job(run: RunDir, should_stop: Callable[[], bool], server_lost: Callable[[], bool] = lambda: False) -> int:
    """Run the job of `run` to its end; 0 unless it failed. A stop because the server is gone (`server_lost`) is
    recorded as an interruption that a restarted server can resume, never as the user's stop."""
    log = JsonlSink(run.events_path)

    def sink(e: Event) -> None:
        if is_ended(e) and e.get("status") == "cancelled" and server_lost():
            e = {**e, "reason": interrupted_reason(run), "code": "interrupted", "params": kept_params(run)}
        log(e)

    try:
        cfg = run.config()
        result = run_task(cfg, run.root, sink, should_stop, resume=run.resume_path.exists())
    except Exception as exc:
        traceback.print_exc()
        why = str(exc) or type(exc).__name__
        sink(ended("failed", 0, why, None, code="not_started", params={"error": why, "kept": None}))
        return 1
    return 0 if result.status != "failed" else 1


if __name__ == "__main__":
    from .backends.local import parent_watch

    job_run = RunDir(Path(sys.argv[1]))
    watch = parent_watch(job_run)
    sys.exit(run_job(job_run, watch, watch.server_lost))
