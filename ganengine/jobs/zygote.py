"""A warm parent for job workers: it imports torch and the training code once, then forks one child per job.

`python -m ganengine.jobs.zygote` reads `START <run dir>\\t<threads>` lines on stdin and answers `PID <pid>` when the
child runs and `EXIT <pid> <code>` when it has ended (a negative code: the signal that ended it). A child is a job
worker as `python -m ganengine.jobs.worker RUN_DIR` would be (its own session, its output in the run's worker.log),
without the seconds of imports: a crash or a cancel ends that child and frees its memory; the parent goes on. The
parent never runs a parallel torch operation, so the children start with no thread pools to inherit. It exits when
its stdin closes (the server stopped or went away); children then find their parent gone and stop as interrupted.
"""

from __future__ import annotations

import os
import select
import sys
import traceback
from pathlib import Path


def warm_up() -> None:
    """Import what every job needs (tasks, models, losses, data, the loop; Adam imports torch._dynamo)."""
    import torch

    from .. import train  # noqa: F401

    torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))])
    import sklearn.cluster  # noqa: F401 (the self-conditioned DCGAN's k-means: the Train page's default for images)


def _child(root: str, threads: int) -> int:
    """In the forked child: become the job's worker."""
    import torch

    from ..runs import RunDir
    from .backends.local import parent_watch
    from .worker import run_job

    os.setsid()
    run = RunDir(Path(root))
    log = os.open(run.root / "worker.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(log, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    os.environ["OMP_NUM_THREADS"] = str(threads)
    torch.set_num_threads(threads)
    watch = parent_watch(run)
    return run_job(run, watch, watch.server_lost)


def _reap(out) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        out.write(f"EXIT {pid} {os.waitstatus_to_exitcode(status)}\n")
        out.flush()


def main() -> int:
    warm_up()
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    stdin = sys.stdin.buffer
    pending = b""
    while True:
        ready, _, _ = select.select([stdin], [], [], 0.2)
        _reap(out)
        if not ready:
            continue
        chunk = os.read(stdin.fileno(), 4096)
        if not chunk:
            return 0
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            command, _, rest = line.decode().partition(" ")
            if command != "START":
                continue
            root, threads = rest.split("\t")
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    code = _child(root, int(threads))
                except BaseException:
                    traceback.print_exc()
                finally:
                    os._exit(code)
            out.write(f"PID {pid}\n")
            out.flush()


if __name__ == "__main__":
    sys.exit(main())
