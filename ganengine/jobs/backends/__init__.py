"""How a job runs: the backend interface, and the registry of backends (the local process one is the default).

The job manager keeps the policy (owners, FIFO, limits, history); a backend only starts a run
directory's job somewhere, says whether it is still going, and passes on a cancel. Events reach the
server's run directory (the local worker writes them there itself; a remote backend copies them
back), so the manager never needs a local process id or a shared parent process.
"""

from __future__ import annotations

from collections.abc import Callable

from ...registry import Registry
from .base import Backend, Location, Resources
from .local import LocalProcessBackend


def _ray_backend() -> Backend:
    """The Ray backend on the cluster GANSTUDIO_RAY_ADDRESS names (none: a private Ray on this machine); Ray itself is
    imported only when the backend first connects."""
    from ...settings import settings
    from .ray_backend import RayBackend

    return RayBackend(address=settings().ray_address)


def _local_backend() -> Backend:
    """Local processes, with the operator's number of warm spare workers (GANSTUDIO_WARM_WORKERS)."""
    from ...settings import settings

    return LocalProcessBackend(warm=settings().warm_workers)


BACKENDS: Registry[Callable[[], Backend]] = Registry("job backend")
BACKENDS.register("local", _local_backend)
BACKENDS.register("ray", _ray_backend)


def make_backend(name: str) -> Backend:
    """A new backend of the registered kind `name`, with its default settings."""
    return BACKENDS.get(name)()


def describe_backend(backend: Backend) -> Location:
    """Where `backend` runs jobs: this machine and its CPUs, or a Ray cluster's address, nodes, CPUs and GPUs."""
    return backend.location()


__all__ = ["BACKENDS", "Backend", "LocalProcessBackend", "Location", "Resources", "describe_backend", "make_backend"]
