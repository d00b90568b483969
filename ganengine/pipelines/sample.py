"""Sampling a GAN generator (tasks gan, cgan): seeded noise (and classes) in, images or 2-D points out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import torch

from ..sampling import class_labels, generate, latents
from .base import Pipeline


@dataclass(frozen=True)
class SamplePipeline(Pipeline):
    """noise -> sample; the same seed gives the same samples on every device."""

    tasks: ClassVar[tuple[str, ...]] = ("gan", "cgan")
    role: ClassVar[str] = "generator"

    @property
    def z_size(self) -> int:
        return int(self.model.z_size)

    @property
    def num_classes(self) -> int:
        return int(getattr(self.model, "num_classes", 0))

    @property
    def makes_points(self) -> bool:
        return self.card.spec.makes_points

    def __call__(self, n: int, seed: int = 0, class_index: int | None = None,
                 truncation: float | None = None) -> torch.Tensor:
        """n samples in the model's output range (images in [-1, 1]), on the CPU."""
        return self.from_latents(latents(n, self.z_size, seed, truncation), class_labels(n, self.num_classes, class_index))

    def from_latents(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        """Samples for given latents (and labels; every class in turn when the model is conditional and none given)."""
        if labels is None and self.num_classes:
            labels = class_labels(len(z), self.num_classes, None)
        return generate(self.model, z, labels)
