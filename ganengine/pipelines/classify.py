"""Classifying images with a domain classifier (task features): class and attribute probabilities, features."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import torch

from ..data.base import fit_images
from .base import Pipeline

BATCH = 500


@dataclass(frozen=True)
class ClassifyPipeline(Pipeline):
    """images in [-1, 1] (any size, 1 or 3 channels) -> what the classifier sees in them."""

    tasks: ClassVar[tuple[str, ...]] = ("features",)
    role: ClassVar[str] = "classifier"

    def fit(self, images: torch.Tensor) -> torch.Tensor:
        """Images resized and converted to the classifier's input."""
        return fit_images(images.float(), self.card.image_size, self.card.channels)

    @torch.no_grad()
    def logits(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(class logits, attribute logits), on the CPU."""
        x = self.fit(images)
        outs = [self.model(x[i : i + BATCH].to(self.device)) for i in range(0, len(x), BATCH)]
        return torch.cat([o[0] for o in outs]).float().cpu(), torch.cat([o[1] for o in outs]).float().cpu()

    def __call__(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(class probabilities, attribute probabilities)."""
        cls, att = self.logits(images)
        return cls.softmax(1), att.sigmoid()

    @torch.no_grad()
    def features(self, images: torch.Tensor) -> torch.Tensor:
        x = self.fit(images)
        return torch.cat([self.model.features(x[i : i + BATCH].to(self.device)) for i in range(0, len(x), BATCH)]).cpu()
