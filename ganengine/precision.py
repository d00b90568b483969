"""Shipping a checkpoint in half precision: weights stored as fp16 (half the bytes), loaded back as fp32, and the
outputs of both files compared on fixed probes, so a smaller file is kept only where its outputs match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import torch

from .checkpoints import load_checkpoint, save_checkpoint
from .pipelines import ClassifyPipeline, Pipeline, SamplePipeline, TranslatePipeline, UpscalePipeline, open_pipeline


def probe(pipeline: Pipeline) -> torch.Tensor:
    """A fixed set of outputs of a pipeline: seeded samples, translations of seeded images, classifier logits."""
    g = torch.Generator().manual_seed(0)
    if isinstance(pipeline, SamplePipeline):
        return pipeline(64, seed=0)
    size = pipeline.card.image_size
    if isinstance(pipeline, TranslatePipeline):
        images = (torch.rand(8, 3, size, size, generator=g) * 255).round().to(torch.uint8).permute(0, 2, 3, 1).numpy()
        return torch.stack([torch.from_numpy(pipeline.translate(np.ascontiguousarray(im)).output).float() / 127.5 - 1
                            for im in images])
    if isinstance(pipeline, UpscalePipeline):
        images = (torch.rand(4, 24, 24, 3, generator=g) * 255).round().to(torch.uint8).numpy()
        return torch.stack([torch.from_numpy(pipeline.upscale(im).output).float() / 127.5 - 1 for im in images])
    if isinstance(pipeline, ClassifyPipeline):
        return pipeline.logits(torch.rand(32, pipeline.card.channels, size, size, generator=g) * 2 - 1)[0]
    raise TypeError(f"no probe for {type(pipeline).__name__}")


def to_half(path: str | Path, out: str | Path, max_abs: float = 0.05) -> dict[str, Any]:
    """Write `path`'s weights as fp16 to `out` and compare both files' outputs; refuse (and remove `out`) past max_abs."""
    tensors, card = load_checkpoint(path)
    half = {k: v.half() if v.is_floating_point() else v for k, v in tensors.items()}
    save_checkpoint(out, half, card)
    full, small = probe(open_pipeline(path)), probe(open_pipeline(out))
    diff = (full - small).abs()
    mse = float((diff**2).mean())
    report = {"bytes_before": Path(path).stat().st_size, "bytes_after": Path(out).stat().st_size,
              "max_abs_diff": round(float(diff.max()), 5), "mean_abs_diff": round(float(diff.mean()), 6),
              "psnr_db": round(10 * float(np.log10(4.0 / max(mse, 1e-12))), 1), "kept": bool(diff.max() <= max_abs)}
    if not report["kept"]:
        Path(out).unlink()
    return report
