"""The course's vanilla GAN: fully connected generator (ReLU, Tanh) and discriminator (LeakyReLU)."""

from __future__ import annotations

import math

import torch
from torch import nn

from .spec import ModelSpec


class MLPGenerator(nn.Module):
    """z -> Linear(nz, 4w) -> ReLU -> Linear(4w, 8w) -> ReLU -> Linear(8w, out) [-> Tanh for images]."""

    z_type = "normal"

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.z_size, self.num_classes = spec.nz, 0
        out = spec.out_dim or spec.channels * spec.image_size**2
        layers: list[nn.Module] = [
            nn.Linear(spec.nz, 4 * spec.width), nn.ReLU(),
            nn.Linear(4 * spec.width, 8 * spec.width), nn.ReLU(),
            nn.Linear(8 * spec.width, out),
        ]
        if not spec.makes_points:
            layers.append(nn.Tanh())
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        out = self.net(z)
        if self.spec.makes_points:
            return out
        return out.view(-1, self.spec.channels, self.spec.image_size, self.spec.image_size)


class MLPDiscriminator(nn.Module):
    """x -> Linear(in, 8w) -> LeakyReLU(0.2) -> Linear(8w, 4w) -> LeakyReLU(0.2) -> Linear(4w, 1): a logit."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        n_in = spec.out_dim or spec.channels * spec.image_size**2
        sn = nn.utils.parametrizations.spectral_norm if spec.d_norm == "spectral" else (lambda m: m)
        self.net = nn.Sequential(
            sn(nn.Linear(n_in, 8 * spec.width)), nn.LeakyReLU(0.2),
            sn(nn.Linear(8 * spec.width, 4 * spec.width)), nn.LeakyReLU(0.2),
            sn(nn.Linear(4 * spec.width, 1)),
        )
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5))

    def forward(self, x: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        return self.net(x.flatten(1)).view(-1)
