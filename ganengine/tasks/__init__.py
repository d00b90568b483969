"""The registry of tasks. A new kind of training is one file here plus one line below.

A task can also come from outside the engine: a module named in $GANSTUDIO_TASK_MODULES
(comma-separated) is imported when this registry loads and registers its task with
`TASKS.register(name, TaskClass)`; job workers load the same modules, so such a task runs as a
background job too.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

from ..config import RunConfig, parse_json
from ..errors import ConfigError
from ..registry import Registry
from .base import Chart, NonFiniteLoss, Preview, Task, TrainEnv
from .classifier import ClassifierConfig, ClassifierTask
from .cyclegan import CycleGanConfig, CycleGanTask
from .detector import DetectorConfig, DetectorTask
from .gan import GanConfig, GanTask
from .pix2pix import Pix2PixConfig, Pix2PixTask
from .superres import SuperResConfig, SuperResTask

ENV_TASK_MODULES = "GANSTUDIO_TASK_MODULES"


def _check(name: str, task: type[Task]) -> None:
    if not (isinstance(task, type) and issubclass(task, Task)):
        raise ValueError(f"task {name!r} must be a Task subclass")
    if task.name != name or task.config_type.task != name:
        raise ValueError(f"task {name!r}: its class and its config must both be named {name!r}")
    if not task.saved_roles or not task.card_tasks:
        raise ValueError(f"task {name!r} must name the roles it saves and the card tasks it writes")


TASKS: Registry[type[Task]] = Registry("task", _check)
TASKS.register("gan", GanTask)
TASKS.register("classifier", ClassifierTask)
TASKS.register("pix2pix", Pix2PixTask)
TASKS.register("cyclegan", CycleGanTask)
TASKS.register("superres", SuperResTask)
TASKS.register("detector", DetectorTask)


def load_task_modules() -> None:
    """Import the modules named in $GANSTUDIO_TASK_MODULES (each registers its tasks); idempotent."""
    for name in filter(None, (m.strip() for m in os.environ.get(ENV_TASK_MODULES, "").split(","))):
        importlib.import_module(name)


load_task_modules()


def config_type(task: str) -> type[RunConfig]:
    return TASKS.get(task).config_type


def config_from_dict(data: dict[str, Any]) -> RunConfig:
    """The config a dict describes, dispatched on its `task` field (configs without one are GAN configs)."""
    if not isinstance(data, dict):
        raise ConfigError("config must be a JSON object")
    task = data.get("task", "gan")
    if task not in TASKS:
        raise ConfigError(f"task must be one of {', '.join(TASKS)} (got {task!r})")
    return config_type(task).from_dict(data)


def config_from_json(text: str) -> RunConfig:
    return config_from_dict(parse_json(text))


def preset(task: str, data: str, quick: bool = False) -> RunConfig:
    """A task's suggested config for a data set (what the page's form and the CLI start from)."""
    return config_type(task).preset(data, quick=quick)


__all__ = [
    "TASKS",
    "Chart",
    "ClassifierConfig",
    "ClassifierTask",
    "CycleGanConfig",
    "CycleGanTask",
    "DetectorConfig",
    "DetectorTask",
    "GanConfig",
    "GanTask",
    "NonFiniteLoss",
    "Pix2PixConfig",
    "Pix2PixTask",
    "Preview",
    "SuperResConfig",
    "SuperResTask",
    "Task",
    "TrainEnv",
    "config_from_dict",
    "config_from_json",
    "config_type",
    "load_task_modules",
    "preset",
]
