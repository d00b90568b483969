"""Entry point of one training process: python -m ganengine.worker RUN_DIR.

The job runner starts it in its own process, so a crash (even a hard one) ends this job only.
It reads config.json, writes events.jsonl, and stops when the STOP file appears.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from .events import JsonlSink, file_stop_flag
from .runs import RunDir
from .train import train_gan


def _stop_flag(run: RunDir) -> Callable[[], bool]:
    """Stop when the STOP file appears, or when the server that started us has gone (we were re-parented)."""
    stop_file, parent = file_stop_flag(run.stop_path), os.getppid()
    return lambda: stop_file() or os.getppid() != parent


def run(run_dir: str | Path) -> int:
    run = RunDir(Path(run_dir))
    sink = JsonlSink(run.events_path)
    try:
        cfg = run.config()
        result = train_gan(cfg, run.root, sink, _stop_flag(run), resume=run.resume_path.exists())
    except Exception as exc:  # errors before the loop (data, config): one line for the user
        traceback.print_exc()
        sink({"type": "failed", "step": 0, "reason": str(exc) or type(exc).__name__, "checkpoint": None})
        return 1
    return 0 if result.status != "failed" else 1


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
