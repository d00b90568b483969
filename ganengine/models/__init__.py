"""Architectures and the registry that builds each of their roles (generator, discriminator, classifier) by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from torch import nn

from ..registry import Registry
from .classifier import SmallClassifier
from .dcgan import DCGANDiscriminator, DCGANGenerator, SelfConditionedGenerator
from .detector import pixel_detector, spectrum_detector
from .mlp import MLPDiscriminator, MLPGenerator
from .spec import D_NORMS, ModelSpec
from .superres import RRDBNet, SRResNet, VGGDiscriminator
from .translation import PatchDiscriminator, ResnetGenerator, UNetGenerator

Builder = Callable[[ModelSpec], nn.Module]


@dataclass(frozen=True)
class Architecture:
    """A named architecture: one builder per role it can play, and what it needs from a spec."""

    name: str
    description: str
    roles: dict[str, Builder] = field(default_factory=dict)
    conditional: bool = False
    makes_points: bool = True  # its generator can emit 2-D points (out_dim > 0)

    def check(self, spec: ModelSpec) -> None:
        """Refuse a spec this architecture cannot build (ValueError, one line)."""
        if spec.d_norm not in D_NORMS:
            raise ValueError(f"unknown discriminator norm {spec.d_norm!r}")
        if spec.makes_points and not self.makes_points:
            raise ValueError(f"{spec.name} makes images; use the mlp model for 2-D points")
        if self.conditional and spec.num_classes < 2:
            raise ValueError(f"{spec.name} needs a data set with at least two classes")


def _check(name: str, arch: Architecture) -> None:
    if arch.name != name or not arch.roles:
        raise ValueError(f"architecture {name!r} must name itself and build at least one role")


ARCHITECTURES: Registry[Architecture] = Registry("architecture", _check)
for _arch in (
    Architecture("mlp", "Vanilla GAN of the 2014 paper: fully connected layers.",
                 {"generator": MLPGenerator, "discriminator": MLPDiscriminator}),
    Architecture("dcgan", "Deep convolutional GAN: strided convolutions and batch norm.",
                 {"generator": DCGANGenerator, "discriminator": DCGANDiscriminator}, makes_points=False),
    Architecture("cdcgan", "Conditional DCGAN: you choose the class of each sample.",
                 {"generator": DCGANGenerator, "discriminator": DCGANDiscriminator}, conditional=True, makes_points=False),
    Architecture("scdcgan", "Self-conditioned DCGAN: G picks one of the data's k-means clusters from its noise; "
                 "sampled like a DCGAN, no labels needed.",
                 {"generator": SelfConditionedGenerator, "discriminator": DCGANDiscriminator}, conditional=True,
                 makes_points=False),
    Architecture("classifier", "A small CNN: class and attribute logits, and features for metrics.",
                 {"classifier": SmallClassifier}, makes_points=False),
    Architecture("unet", "Pix2pix's U-Net: an encoder-decoder with a skip from each level to its mirror.",
                 {"generator": UNetGenerator}, makes_points=False),
    Architecture("resnet", "CycleGAN's generator: down-sampling, residual blocks, up-sampling.",
                 {"generator": ResnetGenerator}, makes_points=False),
    Architecture("patchgan", "A fully convolutional discriminator that scores image patches.",
                 {"discriminator": PatchDiscriminator}, makes_points=False),
    Architecture("srresnet", "Super-resolution ResNet (SRGAN's generator, without batch norm): residual blocks, "
                 "pixel-shuffle up-sampling x2 or x4.", {"generator": SRResNet}, makes_points=False),
    Architecture("rrdb", "ESRGAN's generator: residual-in-residual dense blocks, pixel-shuffle up-sampling x2 or x4.",
                 {"generator": RRDBNet}, makes_points=False),
    Architecture("vgg-d", "SRGAN / ESRGAN's VGG-style discriminator, fully convolutional: one logit per image.",
                 {"discriminator": VGGDiscriminator}, makes_points=False),
    Architecture("detector", "A small CNN that tells generated images from real ones (one logit).",
                 {"detector": pixel_detector}, makes_points=False),
    Architecture("detector-spectrum", "The detector CNN, also fed the image's radial power spectrum.",
                 {"detector": spectrum_detector}, makes_points=False),
):
    ARCHITECTURES.register(_arch.name, _arch)


def build(spec: ModelSpec, role: str) -> nn.Module:
    """The network that plays `role` in the architecture `spec` names (ValueError if it cannot)."""
    arch = ARCHITECTURES._items.get(spec.name) if isinstance(spec.name, str) else None
    if arch is None:
        raise ValueError(f"unknown architecture {spec.name!r} (known: {', '.join(ARCHITECTURES)})")
    if role in arch.roles:
        builder = arch.roles[role]
    elif len(arch.roles) == 1:  # an architecture with one part plays it under any role name (G_AB, G_BA, D_A...)
        builder = next(iter(arch.roles.values()))
    else:
        raise ValueError(f"the {spec.name} architecture has no {role} (it has {', '.join(arch.roles)})")
    arch.check(spec)
    return builder(spec)


def generator_architectures() -> tuple[str, ...]:
    """Architectures that can be trained as a GAN (they have a generator and a discriminator)."""
    return tuple(n for n, a in ARCHITECTURES.items() if {"generator", "discriminator"} <= set(a.roles))


def build_generator(spec: ModelSpec) -> nn.Module:
    return build(spec, "generator")


def build_discriminator(spec: ModelSpec) -> nn.Module:
    return build(spec, "discriminator")


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


__all__ = ["ARCHITECTURES", "Architecture", "ModelSpec", "build", "build_discriminator", "build_generator",
           "count_parameters", "generator_architectures"]
