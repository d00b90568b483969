"""Model families and the registry that builds them by name from a ModelSpec."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from torch import nn

from .dcgan import DCGANDiscriminator, DCGANGenerator
from .mlp import MLPDiscriminator, MLPGenerator
from .spec import D_NORMS, ModelSpec


@dataclass(frozen=True)
class ModelFamily:
    name: str
    description: str
    generator: Callable[[ModelSpec], nn.Module]
    discriminator: Callable[[ModelSpec], nn.Module]
    conditional: bool = False
    makes_points: bool = True


FAMILIES: dict[str, ModelFamily] = {
    f.name: f
    for f in (
        ModelFamily("mlp", "Vanilla GAN of the 2014 paper: fully connected layers.", MLPGenerator, MLPDiscriminator),
        ModelFamily("dcgan", "Deep convolutional GAN: strided convolutions and batch norm.",
                    DCGANGenerator, DCGANDiscriminator, makes_points=False),
        ModelFamily("cdcgan", "Conditional DCGAN: you choose the class of each sample.",
                    DCGANGenerator, DCGANDiscriminator, conditional=True, makes_points=False),
    )
}


def _family(spec: ModelSpec) -> ModelFamily:
    family = FAMILIES.get(spec.name)
    if family is None:
        raise ValueError(f"unknown architecture {spec.name!r} (known: {', '.join(FAMILIES)})")
    if spec.d_norm not in D_NORMS:
        raise ValueError(f"unknown discriminator norm {spec.d_norm!r}")
    if spec.makes_points and not family.makes_points:
        raise ValueError(f"{spec.name} makes images; use the mlp model for 2-D points")
    if family.conditional and spec.num_classes < 2:
        raise ValueError(f"{spec.name} needs a data set with at least two classes")
    return family


def build_generator(spec: ModelSpec) -> nn.Module:
    return _family(spec).generator(spec)


def build_discriminator(spec: ModelSpec) -> nn.Module:
    return _family(spec).discriminator(spec)


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


__all__ = ["FAMILIES", "ModelFamily", "ModelSpec", "build_discriminator", "build_generator", "count_parameters"]
