"""FID, KID, Inception Score and precision/recall through torch-fidelity, fed straight from the generator."""

from __future__ import annotations

import functools
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch_fidelity
from torch.utils.data import Dataset
from torch_fidelity.generative_model_base import GenerativeModelBase

from ..checkpoints import ModelCard
from ..data import DataRequest, TensorData, load_data, registry
from ..errors import UserError
from ..pipelines import SamplePipeline
from .extractors import Extractor, choose_extractor

METRICS = ("fid", "kid", "isc", "prc")
MIN_SAMPLES = 10  # below this, covariances and nearest-neighbour radii say nothing
MAX_SAMPLES = 50_000
ENV_CACHE = "GANSTUDIO_CACHE"


class EvaluationError(UserError, ValueError):
    """The evaluation cannot start; one line says why (checked before any work)."""


def cache_root() -> Path:
    """The server's own cache for real-data features (never a path from a user)."""
    root = Path(os.environ.get(ENV_CACHE) or Path.home() / ".cache" / "ganstudio") / "fidelity"
    root.mkdir(parents=True, exist_ok=True)
    return root


def to_uint8_rgb(images: torch.Tensor) -> torch.Tensor:
    """(N,C,H,W) in [-1,1] -> (N,3,H,W) uint8, as torch-fidelity's extractors expect."""
    x = ((images.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return x.expand(-1, 3, -1, -1).contiguous() if x.shape[1] == 1 else x


class GeneratorInput(GenerativeModelBase):
    """Our generator as torch-fidelity sees it: noise in, uint8 RGB out.

    Conditional models are presented as unconditional (torch-fidelity 0.4's label sampler uses a
    NumPy alias removed in NumPy 2): labels cycle through every class, so classes are balanced.
    """

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model.eval()
        self._classes = int(getattr(model, "num_classes", 0))
        self._seen = 0

    @property
    def z_size(self) -> int:
        return int(self.model.z_size)

    @property
    def z_type(self) -> str:
        return "normal"

    @property
    def num_classes(self) -> int:
        return 0

    @torch.no_grad()
    def forward(self, z: torch.Tensor) -> torch.Tensor:
        labels = None
        if self._classes:
            labels = (torch.arange(len(z), device=z.device) + self._seen) % self._classes
        self._seen += len(z)
        return to_uint8_rgb(finite_samples(self.model(z.to(next(self.model.parameters()).device), labels).float()))


def finite_samples(images: torch.Tensor) -> torch.Tensor:
    """The samples, or EvaluationError when any is NaN or infinite: scores of such samples would be meaningless numbers."""
    if not torch.isfinite(images).all():
        raise EvaluationError("the generator made NaN or infinite values: its samples cannot be scored")
    return images


class RealImages(Dataset):
    """A TensorData as uint8 RGB tensors for torch-fidelity."""

    def __init__(self, data: TensorData) -> None:
        self.x = to_uint8_rgb(data.x)

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, i: int) -> torch.Tensor:
        return self.x[i]


@dataclass
class EvalResult:
    """One generator's figures and what they were measured on."""

    checkpoint: str
    step: int
    data: str
    extractor: str
    extractor_description: str
    samples: int
    real_samples: int
    seconds: float
    metrics: dict[str, float] = field(default_factory=dict)
    extractor_info: dict[str, Any] = field(default_factory=dict)  # Extractor.info(): kind, data, file, accuracy

    def to_dict(self) -> dict[str, Any]:
        return {"checkpoint": self.checkpoint, "step": self.step, "data": self.data, "extractor": self.extractor,
                "extractor_description": self.extractor_description, "samples": self.samples,
                "real_samples": self.real_samples, "seconds": round(self.seconds, 2),
                "extractor_info": dict(self.extractor_info), **self.metrics}


def _check(card: ModelCard, name: str, data: str, n: int, metrics: tuple[str, ...]) -> None:
    if card.spec.makes_points:
        raise EvaluationError(f"{name} makes 2-D points; image metrics do not apply")
    if not metrics or set(metrics) - set(METRICS):
        raise EvaluationError(f"metrics must be some of {', '.join(METRICS)}")
    if not MIN_SAMPLES <= n <= MAX_SAMPLES:
        raise EvaluationError(f"need at least {MIN_SAMPLES} images: the sample count must be between {MIN_SAMPLES} and "
                              f"{MAX_SAMPLES:,} (got {n:,})")
    if data in registry() and registry()[data].kind != "images":
        raise EvaluationError(f"{data} is not an image data set")


@functools.lru_cache(maxsize=4)
def _registered_real(data: str, image_size: int, channels: int, seed: int, n: int) -> TensorData:
    """Registered sets are pure functions of these arguments: keep the last few in memory (a repeat is instant)."""
    return load_data(data, DataRequest(image_size=image_size, channels=channels, seed=seed, max_items=n))


def load_real(data: str, card: ModelCard, n: int, seed: int) -> TensorData:
    """Real images at the generator's size and channels; fewer than n is an error, not a silent shortfall."""
    if data in registry():
        real = _registered_real(data, card.image_size, card.channels, seed, n)
    else:
        real = load_data(data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed, max_items=n))
    if len(real) < n:
        raise EvaluationError(f"{data} has {len(real):,} images, fewer than the {n:,} samples asked for; ask for at most {len(real):,}")
    if real.channels != card.channels or real.image_size != card.image_size:
        raise EvaluationError(f"{data} images are {real.image_size}px x {real.channels} channels, the generator makes "
                              f"{card.image_size}px x {card.channels}")
    return real


def evaluate_generator(pipeline: SamplePipeline, data: str | None = None, n: int = 1000,
                       metrics: tuple[str, ...] = ("fid", "kid", "prc"), extractor: str = "auto", seed: int = 0) -> EvalResult:
    """Measure one generator against real data with torch-fidelity; real-data features are cached per set."""
    t0 = time.monotonic()
    model, card, name = pipeline.model, pipeline.card, pipeline.name
    data = data or card.data
    _check(card, name, data, n, metrics)
    chosen: Extractor = choose_extractor(data if data in registry() else card.data, extractor)
    real = load_real(data, card, n, seed)
    # Only registered set names reach the cache (never a user's path); torch-fidelity adds the extractor's name.
    cache_name = (f"ganstudio-{data}-{card.image_size}px-{card.channels}ch-{len(real)}-seed{seed}-w{chosen.fingerprint}"
                  if data in registry() else None)
    out = torch_fidelity.calculate_metrics(
        input1=GeneratorInput(model), input1_model_num_samples=n, input2=RealImages(real), input2_cache_name=cache_name,
        cache=cache_name is not None, cache_root=str(cache_root()), feature_extractor=chosen.name,
        feature_extractor_weights_path=chosen.weights_path, fid="fid" in metrics, kid="kid" in metrics,
        isc="isc" in metrics, prc="prc" in metrics, kid_subset_size=max(2, min(1000, n // 2, len(real) // 2)), isc_splits=10,
        cuda=pipeline.device.type == "cuda", batch_size=250, rng_seed=seed, save_cpu_ram=True, verbose=False,
    )
    names = {"frechet_inception_distance": "fid", "kernel_inception_distance_mean": "kid",
             "kernel_inception_distance_std": "kid_std", "inception_score_mean": "isc", "inception_score_std": "isc_std",
             "precision": "precision", "recall": "recall"}
    values = {names[k]: float(v) for k, v in out.items() if k in names}
    undefined = sorted(k for k, v in values.items() if not math.isfinite(v))
    if undefined:  # a number that is not one must never reach a table as if it were a score
        raise EvaluationError(f"{', '.join(undefined)} came out undefined on these samples (too few or too alike); "
                              f"measure at least {MIN_SAMPLES} varied images")
    return EvalResult(name, card.steps, data, chosen.name, chosen.description, n, len(real), time.monotonic() - t0, values,
                      chosen.info())
