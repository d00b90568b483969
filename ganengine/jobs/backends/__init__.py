"""How a job runs: the backend interface, and the registry of backends (the local process one is the default).

The job manager keeps the policy (owners, FIFO, limits, history); a backend only starts a run
directory's job somewhere, says whether it is still going, and passes on a cancel. Events reach the
server's run directory (the local worker writes them there itself; a remote backend copies them
back), so the manager never needs a local process id or a shared parent process.
"""

from __future__ import annotations

from collections.abc import Callable

from ...registry import Registry
from .base import Backend, Resources
from .local import LocalProcessBackend

BACKENDS: Registry[Callable[[], Backend]] = Registry("job backend")
BACKENDS.register("local", LocalProcessBackend)


def make_backend(name: str) -> Backend:
    """A new backend of the registered kind `name`, with its default settings."""
    return BACKENDS.get(name)()


__all__ = ["BACKENDS", "Backend", "LocalProcessBackend", "Resources", "make_backend"]
