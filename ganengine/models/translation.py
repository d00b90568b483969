"""Image-to-image networks: pix2pix's U-Net generator and PatchGAN discriminator (Isola et al. 2017), and
CycleGAN's ResNet-block generator (Zhu et al. 2017), as in the authors' reference code, sized by a ModelSpec.

Spec fields used: `in_channels` (input image), `channels` (output image), `width` (first layer's feature maps),
`image_size` (the U-Net goes down to 1x1 at this size), `blocks` (ResNet), `norm` (batch | instance | none),
`dropout` (U-Net's inner up-sampling layers).
"""

from __future__ import annotations

import math

import torch
from torch import nn

from .spec import ModelSpec


def norm_layer(kind: str, channels: int) -> nn.Module:
    if kind == "batch":
        return nn.BatchNorm2d(channels)
    if kind == "instance":
        return nn.InstanceNorm2d(channels, affine=False, track_running_stats=False)
    return nn.Identity()


def init_weights(module: nn.Module) -> None:
    """The reference code's 'normal' initialisation: N(0, 0.02) convolutions, N(1, 0.02) norm scales."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)


class UNetGenerator(nn.Module):
    """Encoder-decoder down to 1x1 with a skip from each encoder level to its mirror: the output keeps the input's
    layout (edges, region borders) while the bottleneck carries what the whole image is."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        levels = int(math.log2(spec.image_size))
        if 2**levels != spec.image_size or levels < 3:
            raise ValueError(f"the U-Net needs a power-of-two image size of at least 8, got {spec.image_size}")
        w, bias = spec.width, spec.norm != "batch"
        chans = [w * min(2**i, 8) for i in range(levels)]
        in_c = spec.in_channels or spec.channels
        self.downs = nn.ModuleList()
        for i, c in enumerate(chans):
            layers: list[nn.Module] = [] if i == 0 else [nn.LeakyReLU(0.2, True)]
            layers.append(nn.Conv2d(in_c if i == 0 else chans[i - 1], c, 4, 2, 1, bias=bias or i in (0, levels - 1)))
            if 0 < i < levels - 1:  # no norm on the outermost layer nor on the 1x1 bottleneck
                layers.append(norm_layer(spec.norm, c))
            self.downs.append(nn.Sequential(*layers))
        self.ups = nn.ModuleList()
        for j in range(levels):
            c_in = chans[-1] if j == 0 else 2 * chans[levels - 1 - j]
            if j == levels - 1:
                self.ups.append(nn.Sequential(nn.ReLU(True), nn.ConvTranspose2d(c_in, spec.channels, 4, 2, 1), nn.Tanh()))
                continue
            c_out = chans[levels - 2 - j]
            layers = [nn.ReLU(True), nn.ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=bias), norm_layer(spec.norm, c_out)]
            if spec.dropout and 1 <= j <= 3 and c_out == 8 * w:  # the inner 8w levels, as in the reference
                layers.append(nn.Dropout(0.5))
            self.ups.append(nn.Sequential(*layers))
        init_weights(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        skips = []
        for down in self.downs:
            x = down(x)
            skips.append(x)
        x = self.ups[0](x)
        for j in range(1, len(self.ups)):
            x = self.ups[j](torch.cat([x, skips[-1 - j]], dim=1))
        return x


class PatchDiscriminator(nn.Module):
    """A fully convolutional critic that scores overlapping patches (70x70 at 256 px with 3 layers), so it judges
    texture and local structure; conditional on the input image when in_channels > 0 (pix2pix)."""

    def __init__(self, spec: ModelSpec, layers: int = 3) -> None:
        super().__init__()
        self.spec = spec
        w, bias = spec.width, spec.norm != "batch"
        c_in = spec.in_channels + spec.channels
        seq: list[nn.Module] = [nn.Conv2d(c_in, w, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        prev = w
        for k in range(1, layers + 1):
            c = w * min(2**k, 8)
            stride = 2 if k < layers else 1
            seq += [nn.Conv2d(prev, c, 4, stride, 1, bias=bias), norm_layer(spec.norm, c), nn.LeakyReLU(0.2, True)]
            prev = c
        seq.append(nn.Conv2d(prev, 1, 4, 1, 1))
        self.net = nn.Sequential(*seq)
        init_weights(self)

    def forward(self, x: torch.Tensor, condition: torch.Tensor | None = None) -> torch.Tensor:
        """Patch logits (N,1,h,w); `condition` (the input image) is stacked on the channels when given."""
        return self.net(x if condition is None else torch.cat([condition, x], dim=1))


class ResnetBlock(nn.Module):
    def __init__(self, c: int, norm: str) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.ReflectionPad2d(1), nn.Conv2d(c, c, 3, bias=norm != "batch"), norm_layer(norm, c),
                                  nn.ReLU(True), nn.ReflectionPad2d(1), nn.Conv2d(c, c, 3, bias=norm != "batch"),
                                  norm_layer(norm, c))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x)


class ResnetGenerator(nn.Module):
    """CycleGAN's generator: c7s1-w, two stride-2 downs, `blocks` residual blocks, two ups, c7s1-out, Tanh."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        if spec.image_size % 4:
            raise ValueError(f"the ResNet generator needs an image size divisible by 4, got {spec.image_size}")
        w, norm, bias = spec.width, spec.norm, spec.norm != "batch"
        in_c = spec.in_channels or spec.channels
        layers: list[nn.Module] = [nn.ReflectionPad2d(3), nn.Conv2d(in_c, w, 7, bias=bias), norm_layer(norm, w), nn.ReLU(True)]
        for k in (1, 2):
            layers += [nn.Conv2d(w * 2 ** (k - 1), w * 2**k, 3, 2, 1, bias=bias), norm_layer(norm, w * 2**k), nn.ReLU(True)]
        layers += [ResnetBlock(4 * w, norm) for _ in range(spec.blocks)]
        for k in (2, 1):
            layers += [nn.ConvTranspose2d(w * 2**k, w * 2 ** (k - 1), 3, 2, 1, output_padding=1, bias=bias),
                       norm_layer(norm, w * 2 ** (k - 1)), nn.ReLU(True)]
        layers += [nn.ReflectionPad2d(3), nn.Conv2d(w, spec.channels, 7), nn.Tanh()]
        self.net = nn.Sequential(*layers)
        init_weights(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)
