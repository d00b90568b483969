"""The course's vanilla GAN: fully connected generator (ReLU, Tanh) and discriminator (LeakyReLU)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import torch
from torch import nn

from .spec import ModelSpec


def hidden_sizes(spec: ModelSpec) -> list[int]:
    """The generator's hidden layer sizes: 4w then 8w for the course's two layers; `blocks` > 0 asks for that many
    hidden layers (4w, then 8w for the rest); the discriminator mirrors them."""
    depth = spec.blocks or 2
    return [4 * spec.width] + [8 * spec.width] * (depth - 1)


def _stack(sizes: list[int], activation: Callable[[], nn.Module],
           wrap: Callable[[nn.Module], nn.Module] = lambda m: m) -> list[nn.Module]:
    """Linear layers between consecutive sizes with an activation between them (none after the last)."""
    layers: list[nn.Module] = []
    for a, b in itertools.pairwise(sizes):
        layers.append(wrap(nn.Linear(a, b)))
        layers.append(activation())
    return layers[:-1]  # no activation after the last layer


class MLPGenerator(nn.Module):
    """z -> Linear(nz, 4w) -> ReLU -> Linear(4w, 8w) -> ReLU -> Linear(8w, out) [-> Tanh for images] (two hidden
    layers; `spec.blocks` sets another number)."""

    z_type = "normal"

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.z_size, self.num_classes = spec.nz, 0
        out = spec.out_dim or spec.channels * spec.image_size**2
        layers = _stack([spec.nz, *hidden_sizes(spec), out], nn.ReLU)
        if not spec.makes_points:
            layers.append(nn.Tanh())
        self.net = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        out = self.net(z)
        if self.spec.makes_points:
            return out
        return out.view(-1, self.spec.channels, self.spec.image_size, self.spec.image_size)


class MLPDiscriminator(nn.Module):
    """x -> Linear(in, 8w) -> LeakyReLU(0.2) -> Linear(8w, 4w) -> LeakyReLU(0.2) -> Linear(4w, 1): a logit (the
    generator's hidden sizes in reverse)."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        n_in = spec.out_dim or spec.channels * spec.image_size**2
        sn = nn.utils.parametrizations.spectral_norm if spec.d_norm == "spectral" else (lambda m: m)
        self.net = nn.Sequential(*_stack([n_in, *reversed(hidden_sizes(spec)), 1], lambda: nn.LeakyReLU(0.2), sn))
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5))

    def forward(self, x: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        return self.net(x.flatten(1)).view(-1)
