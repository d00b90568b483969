"""Waiting on what only a worker's own files show (it started, it wrote a checkpoint); job ends are waited on with
JobManager.wait."""

import time


def wait_for(predicate, timeout: float = 120.0) -> bool:
    """Whether `predicate()` came true within `timeout` seconds (polled every 0.2 s)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False
