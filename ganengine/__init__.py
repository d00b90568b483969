"""GAN Studio's engine: models, losses, data, training, checkpoints, sampling and jobs.

This module is the public API that the pages (and users' scripts) rely on. It never imports
streamlit: everything the app does can be done from the CLI or a notebook.
"""

from . import metrics, sampling
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
from .judge import judge_checkpoint, judge_digits
from .losses import LOSSES as LOSS_FUNCTIONS
from .models import FAMILIES
from .runs import RunDir
from .train import TrainResult, train_gan

__version__ = "0.1.0"

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
