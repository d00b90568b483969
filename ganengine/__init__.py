"""GAN Studio's engine: models, losses, data, training, checkpoints, sampling and jobs.

This module is the public API that the pages (and users' scripts) rely on. It never imports
streamlit: everything the app does can be done from the CLI or a notebook.
"""

from . import sampling
from .checkpoints import (
    CatalogEntry,
    CheckpointError,
    ModelCard,
    catalog,
    load_checkpoint,
    load_classifier,
    load_generator,
    read_card,
)
from .config import LOSSES, MODELS, ConfigError, TrainConfig
from .data import DataError, DataRequest, TensorData, check_image_set, data_kind, load_data, registry
from .devices import describe as describe_device
from .events import TERMINAL, read_events
from .imageio import ImageInputError, open_image, png_bytes, read_provenance, safe_extract_zip
from .jobs import JobInfo, JobManager, JobNotFound, QueueFull, owner_key
from .losses import LOSSES as LOSS_FUNCTIONS
from .models import FAMILIES
from .runs import RunDir
from .train import TrainResult, train_gan

__version__ = "0.1.0"

# Heavy parts (torch-fidelity and torchvision, scikit-learn's SVM) load on first use: a training worker never
# needs them, and each job's process starts seconds sooner without them (bench/RESULTS.md, classroom).
_LAZY = {"metrics": ("ganengine.metrics", None), "judge_checkpoint": ("ganengine.judge", "judge_checkpoint"),
         "judge_digits": ("ganengine.judge", "judge_digits")}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'ganengine' has no attribute {name!r}")
    import importlib

    module_name, attribute = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value

__all__ = [
    "FAMILIES",
    "LOSSES",
    "LOSS_FUNCTIONS",
    "MODELS",
    "TERMINAL",
    "CatalogEntry",
    "CheckpointError",
    "ConfigError",
    "DataError",
    "DataRequest",
    "ImageInputError",
    "JobInfo",
    "JobManager",
    "JobNotFound",
    "ModelCard",
    "QueueFull",
    "RunDir",
    "TensorData",
    "TrainConfig",
    "TrainResult",
    "catalog",
    "check_image_set",
    "data_kind",
    "describe_device",
    "judge_checkpoint",
    "judge_digits",
    "load_checkpoint",
    "load_classifier",
    "load_data",
    "load_generator",
    "metrics",
    "open_image",
    "owner_key",
    "png_bytes",
    "read_card",
    "read_events",
    "read_provenance",
    "registry",
    "safe_extract_zip",
    "sampling",
    "train_gan",
]
