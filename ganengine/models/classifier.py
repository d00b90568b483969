"""A small CNN classifier for the embedded data sets: class logits, attribute logits and features.

The project trains one per data set (checkpoint kind 'features'); it labels generated samples
(latent arithmetic, per-class coverage) and serves as a domain feature extractor for metrics.
"""

from __future__ import annotations

import torch
from torch import nn

from .spec import ModelSpec


def _block(c_in: int, c_out: int) -> list[nn.Module]:
    return [nn.Conv2d(c_in, c_out, 3, 1, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(True),
            nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(True), nn.MaxPool2d(2)]


class SmallClassifier(nn.Module):
    """Three conv blocks -> global average pool -> a feature vector of 4*width, then two linear heads."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        w = spec.width
        self.body = nn.Sequential(*_block(spec.channels, w), *_block(w, 2 * w), *_block(2 * w, 4 * w),
                                  nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.feature_size = 4 * w
        self.class_head = nn.Linear(4 * w, max(spec.num_classes, 1))
        self.attribute_head = nn.Linear(4 * w, max(spec.num_attributes, 1))

    def features(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.body(x)
        return self.class_head(h), self.attribute_head(h)
