"""A small CNN that tells generated images from real ones: one logit (sigmoid = probability it is generated).

Two architectures share it: `detector` sees the pixels; `detector-spectrum` also sees the image's radial
power spectrum (ganengine.detect.spectrum), where up-sampling artefacts show. It pools late: the first
layers work at full resolution, where those artefacts live.
"""

from __future__ import annotations

import torch
from torch import nn

from ..detect.spectrum import grey_t, profile_bins, radial_profile_t
from .spec import ModelSpec

DB_SCALE = 0.05  # spectra in dB (tens) brought near unit scale before the spectrum branch


class FakeDetector(nn.Module):
    """Conv stem at full resolution -> two pooled stages -> global average pool (+ spectrum features) -> a logit."""

    def __init__(self, spec: ModelSpec, spectrum: bool = False) -> None:
        super().__init__()
        self.spec = spec
        w, c = spec.width, max(spec.channels, 1)
        act = lambda: nn.LeakyReLU(0.2, inplace=True)  # noqa: E731
        self.body = nn.Sequential(  # no batch norm: its running statistics swing a two-class verdict
            nn.Conv2d(c, w, 3, 1, 1), act(),
            nn.Conv2d(w, w, 3, 1, 1), act(),
            nn.AvgPool2d(2),
            nn.Conv2d(w, 2 * w, 3, 1, 1), act(),
            nn.AvgPool2d(2),
            nn.Conv2d(2 * w, 4 * w, 3, 1, 1), act(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        )
        self.feature_size = 4 * w
        self.spectrum = None
        if spectrum:
            bins = profile_bins(spec.image_size)
            self.spectrum = nn.Sequential(nn.Linear(bins, 2 * w), act())
            self.feature_size += 2 * w
        self.head = nn.Linear(self.feature_size, 1)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(x)
        if self.spectrum is not None:
            h = torch.cat([h, self.spectrum((radial_profile_t(grey_t(x)) * DB_SCALE).to(h.dtype))], 1)
        return h

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(N,C,H,W) images in [-1, 1] at the spec's size -> (N,) logits (> 0: generated)."""
        return self.head(self.features(x)).squeeze(1)


def pixel_detector(spec: ModelSpec) -> FakeDetector:
    return FakeDetector(spec, spectrum=False)


def spectrum_detector(spec: ModelSpec) -> FakeDetector:
    return FakeDetector(spec, spectrum=True)
