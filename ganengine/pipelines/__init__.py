"""Inference pipelines, one per kind of checkpoint: used by the pages, the CLI and the metrics alike.

`open_pipeline(path)` reads the card and returns the pipeline its task needs; metrics and
analyses take a pipeline, never a file path.
"""

from __future__ import annotations

from pathlib import Path

import torch

from ..checkpoints import CheckpointError, read_card
from ..registry import Registry
from .base import Pipeline
from .classify import ClassifyPipeline
from .detect import Detection, DetectPipeline
from .sample import SamplePipeline
from .translate import TranslatePipeline, Translation
from .upscale import Upscaled, UpscaleError, UpscalePipeline

PIPELINES: Registry[type[Pipeline]] = Registry("pipeline")
PIPELINES.register("sample", SamplePipeline)
PIPELINES.register("classify", ClassifyPipeline)
PIPELINES.register("translate", TranslatePipeline)
PIPELINES.register("upscale", UpscalePipeline)
PIPELINES.register("detect", DetectPipeline)


def open_pipeline(path: str | Path, device: torch.device | str = "cpu") -> Pipeline:
    """The pipeline that runs this checkpoint (CheckpointError if none does)."""
    card = read_card(path)
    for _, pipeline in PIPELINES.items():
        if card.task in pipeline.tasks:
            return pipeline.load(path, device)
    raise CheckpointError(f"{Path(path).name}: no pipeline runs {card.task} checkpoints yet")


__all__ = ["PIPELINES", "ClassifyPipeline", "DetectPipeline", "Detection", "Pipeline", "SamplePipeline", "TranslatePipeline",
           "Translation", "UpscaleError", "UpscalePipeline", "Upscaled", "open_pipeline"]
