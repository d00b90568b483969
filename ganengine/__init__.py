"""GAN Studio's engine: tasks, models, losses, data, one training loop, checkpoints, pipelines and jobs.

This module is the public API that the pages, the CLI and users' scripts rely on. It never imports
streamlit: everything the app does can be done from the CLI or a notebook.
"""

from . import sampling, storage
from .checkpoints import (
    CatalogEntry,
    CheckpointError,
    ModelCard,
    catalog,
    load_checkpoint,
    load_classifier,
    load_generator,
    load_role,
    read_card,
)
from .config import RunConfig
from .data import DATASETS, DataError, DataRequest, TensorData, check_image_set, data_kind, load_data, registry
from .devices import describe as describe_device
from .errors import ConfigError, UnknownName, UserError
from .events import SCHEMA_VERSION, TERMINAL, read_events
from .imageio import ImageInputError, open_image, png_bytes, read_provenance, safe_extract_zip
from .jobs import (
    BACKENDS,
    AdminRefused,
    Backend,
    JobInfo,
    JobManager,
    JobNotFound,
    Location,
    QueueAdmin,
    QueueFull,
    Resources,
    WorkItem,
    WorkQueue,
    describe_backend,
    make_backend,
    owner_key,
)
from .limits import LIMITS, Bound
from .losses import LOSSES
from .models import ARCHITECTURES, generator_architectures
from .pipelines import (
    PIPELINES,
    ClassifyPipeline,
    Detection,
    DetectPipeline,
    SamplePipeline,
    TranslatePipeline,
    Translation,
    Upscaled,
    UpscaleError,
    UpscalePipeline,
    open_pipeline,
)
from .presets import PRESETS, LessonPreset, lesson_preset
from .registry import Registry
from .runs import RunDir, RunLabel
from .settings import Settings, StorageSettings, settings, storage_settings
from .tasks import (
    TASKS,
    Chart,
    ClassifierConfig,
    CycleGanConfig,
    DetectorConfig,
    GanConfig,
    Pix2PixConfig,
    Preview,
    SuperResConfig,
    Task,
    config_from_dict,
    config_type,
    preset,
)
from .train import Trainer, TrainResult, run_task

__version__ = "0.2.0"

# Heavy parts (torch-fidelity and torchvision, scikit-learn's SVM) load on first use: a training worker never
# needs them, and each job's process starts seconds sooner without them (bench/RESULTS.md, classroom).
_LAZY = {"metrics": ("ganengine.metrics", None), "judge_checkpoint": ("ganengine.judge", "judge_checkpoint"),
         "judge_digits": ("ganengine.judge", "judge_digits"), "report": ("ganengine.report", None)}


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
    "ARCHITECTURES",
    "BACKENDS",
    "DATASETS",
    "LIMITS",
    "LOSSES",
    "PIPELINES",
    "PRESETS",
    "SCHEMA_VERSION",
    "TASKS",
    "TERMINAL",
    "AdminRefused",
    "Backend",
    "Bound",
    "CatalogEntry",
    "Chart",
    "CheckpointError",
    "ClassifierConfig",
    "ClassifyPipeline",
    "ConfigError",
    "CycleGanConfig",
    "DataError",
    "DataRequest",
    "DetectPipeline",
    "Detection",
    "DetectorConfig",
    "GanConfig",
    "ImageInputError",
    "JobInfo",
    "JobManager",
    "JobNotFound",
    "LessonPreset",
    "Location",
    "ModelCard",
    "Pix2PixConfig",
    "Preview",
    "QueueAdmin",
    "QueueFull",
    "Registry",
    "Resources",
    "RunConfig",
    "RunDir",
    "RunLabel",
    "SamplePipeline",
    "Settings",
    "StorageSettings",
    "SuperResConfig",
    "Task",
    "TensorData",
    "TrainResult",
    "Trainer",
    "TranslatePipeline",
    "Translation",
    "UnknownName",
    "UpscaleError",
    "UpscalePipeline",
    "Upscaled",
    "UserError",
    "WorkItem",
    "WorkQueue",
    "catalog",
    "check_image_set",
    "config_from_dict",
    "config_type",
    "data_kind",
    "describe_backend",
    "describe_device",
    "generator_architectures",
    "judge_checkpoint",
    "judge_digits",
    "lesson_preset",
    "load_checkpoint",
    "load_classifier",
    "load_data",
    "load_generator",
    "load_role",
    "make_backend",
    "metrics",
    "open_image",
    "open_pipeline",
    "owner_key",
    "png_bytes",
    "preset",
    "read_card",
    "read_events",
    "read_provenance",
    "registry",
    "run_task",
    "safe_extract_zip",
    "sampling",
    "settings",
    "storage",
    "storage_settings",
]
