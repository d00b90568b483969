"""Start the real Streamlit app on a free local port (for the browser tests and the classroom benchmark)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_app(env: dict[str, str], startup_s: float = 60.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield (url, process) of `streamlit run streamlit_app.py` with `env` added; stop it on exit.

    The server's output goes to a temporary file, not a pipe: a long run's log must never fill a buffer nobody reads.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_healthy(url, proc, startup_s)
        except RuntimeError:
            proc.kill()
            proc.wait()
            log.seek(0)
            raise RuntimeError("the app did not start: " + log.read().decode(errors="replace")[-2000:]) from None
        try:
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(url: str, proc: subprocess.Popen, startup_s: float) -> None:
    deadline = time.monotonic() + startup_s
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("no health answer") from None
            time.sleep(0.5)
