"""Background jobs: the queue's policy (manager), how jobs run (backends) and the worker that runs one."""

from .backends import BACKENDS, Backend, LocalProcessBackend, Location, Resources, describe_backend, make_backend
from .manager import STATES, AdminRefused, JobInfo, JobManager, JobNotFound, QueueAdmin, QueueFull, owner_key
from .workqueue import WORK_STATES, WorkCancelled, WorkItem, WorkQueue

__all__ = ["BACKENDS", "STATES", "WORK_STATES", "AdminRefused", "Backend", "JobInfo", "JobManager", "JobNotFound", "LocalProcessBackend",
           "Location", "QueueAdmin", "QueueFull", "Resources", "WorkCancelled", "WorkItem", "WorkQueue", "describe_backend", "make_backend",
           "owner_key"]
