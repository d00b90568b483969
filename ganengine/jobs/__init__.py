"""Background jobs: the queue's policy (manager), how jobs run (backends) and the worker that runs one."""

from .backends import BACKENDS, Backend, LocalProcessBackend, Resources, make_backend
from .manager import STATES, JobInfo, JobManager, JobNotFound, QueueFull, owner_key
from .workqueue import WORK_STATES, WorkCancelled, WorkItem, WorkQueue

__all__ = ["BACKENDS", "STATES", "WORK_STATES", "Backend", "JobInfo", "JobManager", "JobNotFound", "LocalProcessBackend",
           "QueueFull", "Resources", "WorkCancelled", "WorkItem", "WorkQueue", "make_backend", "owner_key"]
