"""Background jobs: the queue's policy (manager), how jobs run (backends) and the worker that runs one."""

from .backends import BACKENDS, Backend, LocalProcessBackend, Resources, make_backend
from .manager import STATES, JobInfo, JobManager, JobNotFound, QueueFull, owner_key

__all__ = ["BACKENDS", "STATES", "Backend", "JobInfo", "JobManager", "JobNotFound", "LocalProcessBackend", "QueueFull",
           "Resources", "make_backend", "owner_key"]
