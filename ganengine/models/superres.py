"""Super-resolution networks: an SRResNet and ESRGAN's RRDB generator, both up-sampling by sub-pixel convolution
(pixel shuffle, Shi et al. 2016), and a VGG-style discriminator (SRGAN / ESRGAN), sized by a ModelSpec.

Choices, and why:
- No batch norm in the generators. SRResNet's block (Ledig et al. 2017) is conv-BN-PReLU-conv-BN + skip; EDSR (Lim et
  al. 2017) and ESRGAN (Wang et al. 2018) drop the BN layers, which cost memory, shift the colour range and make
  artefacts when the statistics of a test image differ from the training patches'. Here the block is conv-PReLU-conv
  + skip. Without BN a tile's output depends on nothing but its pixels, so tiled inference equals whole-image
  inference.
- A bicubic skip around the whole network (as VDSR and Real-ESRGAN's compact model add an up-sampled input): the
  network learns only the detail bicubic misses, and its last convolution starts at zero, so an untrained model *is*
  bicubic and training starts from the baseline it is judged against. The skip and the sum stay in fp32 under
  autocast; only the (small) residual is computed in bf16/fp16.
- The discriminator is fully convolutional and averages its last map into one logit per image, so it takes any patch
  size; `forward(x, features=True)` also returns each stage's features (the feature-matching perceptual term).

Spec fields used: `width` (feature maps), `blocks` (residual or RRDB blocks), `scale` (2 or 4), `d_norm`
(discriminator: batch | spectral | none). Images are RGB in [-1, 1].
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from .layers import d_layer
from .spec import ModelSpec

SCALES = (2, 4)
RESIDUAL_SCALE = 0.2  # ESRGAN's residual scaling inside and around each dense block


def bicubic(x: torch.Tensor, scale: float | None = None, size: tuple[int, int] | None = None) -> torch.Tensor:
    """Bicubic resize of (N,C,H,W) images, in fp32, by a factor (<1 shrinks) or to a size.

    Antialiased, so it is Pillow's BICUBIC (Keys' kernel with a = -0.5, as MATLAB's imresize) in both directions:
    the degradation that makes the LR inputs and the baseline the models are judged against."""
    if size is None:
        if scale is None:
            raise ValueError("give a scale or a size")
        if float(scale).is_integer():  # the models' own skip path: a factor, so an exported graph takes any size
            return F.interpolate(x.float(), scale_factor=float(scale), mode="bicubic", align_corners=False, antialias=True)
        size = (round(x.shape[-2] * scale), round(x.shape[-1] * scale))
    return F.interpolate(x.float(), size=size, mode="bicubic", align_corners=False, antialias=True)


def _check_scale(spec: ModelSpec) -> int:
    if spec.scale not in SCALES:
        raise ValueError(f"a super-resolution generator up-scales x2 or x4, not x{spec.scale}")
    if spec.blocks < 1:
        raise ValueError("a super-resolution generator needs at least one block")
    return spec.scale


class Upsampler(nn.Sequential):
    """log2(scale) stages of conv (w -> 4w), pixel shuffle (4w channels -> w channels at twice the size), activation.

    The convolutions start ICNR-initialised (Aitken et al. 2017): the four sub-pixel kernels of each output channel are
    equal, so each stage starts as a nearest-neighbour up-sampling of a convolution, free of checkerboard artefacts."""

    def __init__(self, width: int, scale: int, act: type[nn.Module]) -> None:
        layers: list[nn.Module] = []
        for _ in range(int(math.log2(scale))):
            conv = nn.Conv2d(width, 4 * width, 3, 1, 1)
            icnr_(conv.weight)
            nn.init.zeros_(conv.bias)
            layers += [conv, nn.PixelShuffle(2), nn.PReLU(width) if act is nn.PReLU else nn.LeakyReLU(0.2, True)]
        super().__init__(*layers)


@torch.no_grad()
def icnr_(weight: torch.Tensor, factor: int = 2) -> None:
    """Fill a (C*factor^2, C_in, k, k) convolution weight so that pixel shuffle by `factor` starts as nearest up-sampling:
    output channel c's factor^2 sub-pixel kernels (channels c*factor^2 ... c*factor^2 + factor^2 - 1) are one kernel."""
    out_c, in_c, kh, kw = weight.shape
    base = torch.empty(out_c // factor**2, in_c, kh, kw, device=weight.device, dtype=weight.dtype)
    nn.init.kaiming_normal_(base, a=0.25, mode="fan_in")  # PReLU / LeakyReLU slope
    weight.copy_(base.repeat_interleave(factor**2, dim=0))


def _up_radius(scale: int, extra_hr_convs: int) -> float:
    """Receptive radius, in LR pixels, of the up-sampling stages' 3x3 convolutions and those at the output size."""
    stages = int(math.log2(scale))
    return sum(1 / 2**k for k in range(stages)) + extra_hr_convs / scale


class ResidualBlock(nn.Module):
    """SRResNet's block without batch norm (EDSR, ESRGAN): conv-PReLU-conv + skip."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(width, width, 3, 1, 1), nn.PReLU(width), nn.Conv2d(width, width, 3, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x)


class SRResNet(nn.Module):
    """Head conv, `blocks` residual blocks and a conv under a long skip, pixel-shuffle up-sampling, an output conv;
    plus the bicubic skip (see the module's notes). The paper's first and last convolutions are 9x9; 3x3 here
    (EDSR's choice), which keeps the receptive field and the tiles' overlap small."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.scale = _check_scale(spec)
        w = spec.width
        self.head = nn.Sequential(nn.Conv2d(3, w, 3, 1, 1), nn.PReLU(w))
        self.body = nn.Sequential(*[ResidualBlock(w) for _ in range(spec.blocks)])
        self.body_tail = nn.Conv2d(w, w, 3, 1, 1)
        self.up = Upsampler(w, self.scale, nn.PReLU)
        self.tail = nn.Conv2d(w, 3, 3, 1, 1)
        nn.init.zeros_(self.tail.weight)  # starts as bicubic
        nn.init.zeros_(self.tail.bias)
        #: LR pixels of context each output pixel depends on (head, 2 per block, body tail, up-sampling, tail; bicubic 2)
        self.receptive_radius = math.ceil(max(2 + 2 * spec.blocks + _up_radius(self.scale, 1), 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        base = bicubic(x, self.scale)
        f = self.head(x)
        f = f + self.body_tail(self.body(f))
        return base + self.tail(self.up(f)).float()


class DenseBlock(nn.Module):
    """ESRGAN's residual dense block: five 3x3 convs, each reading all earlier maps (growth `gc`), scaled residual."""

    def __init__(self, width: int, gc: int) -> None:
        super().__init__()
        self.convs = nn.ModuleList(nn.Conv2d(width + i * gc, gc if i < 4 else width, 3, 1, 1) for i in range(5))
        self.act = nn.LeakyReLU(0.2, True)
        for conv in self.convs:  # ESRGAN's initialisation: Kaiming, scaled by 0.1 (deep residual stacks stay tame)
            nn.init.kaiming_normal_(conv.weight, a=0, mode="fan_in")
            conv.weight.data.mul_(0.1)
            nn.init.zeros_(conv.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats = [x]
        for i, conv in enumerate(self.convs):
            out = conv(torch.cat(feats, 1))
            if i < 4:
                feats.append(self.act(out))
        return x + RESIDUAL_SCALE * out


class RRDB(nn.Module):
    """Residual in residual dense block: three dense blocks under one more scaled skip."""

    def __init__(self, width: int, gc: int) -> None:
        super().__init__()
        self.blocks = nn.Sequential(*[DenseBlock(width, gc) for _ in range(3)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + RESIDUAL_SCALE * self.blocks(x)


class RRDBNet(nn.Module):
    """ESRGAN's generator: head conv, `blocks` RRDBs and a conv under a long skip, pixel-shuffle up-sampling (ESRGAN
    itself uses nearest + conv), a conv at the output size, an output conv; growth channels width / 2 (64 / 32 in the
    paper); plus the bicubic skip."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.scale = _check_scale(spec)
        w, gc = spec.width, max(spec.width // 2, 4)
        self.head = nn.Conv2d(3, w, 3, 1, 1)
        self.body = nn.Sequential(*[RRDB(w, gc) for _ in range(spec.blocks)])
        self.body_tail = nn.Conv2d(w, w, 3, 1, 1)
        self.up = Upsampler(w, self.scale, nn.LeakyReLU)
        self.hr = nn.Sequential(nn.Conv2d(w, w, 3, 1, 1), nn.LeakyReLU(0.2, True))
        self.tail = nn.Conv2d(w, 3, 3, 1, 1)
        nn.init.zeros_(self.tail.weight)
        nn.init.zeros_(self.tail.bias)
        self.receptive_radius = math.ceil(max(2 + 15 * spec.blocks + _up_radius(self.scale, 2), 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        base = bicubic(x, self.scale)
        f = self.head(x)
        f = f + self.body_tail(self.body(f))
        return base + self.tail(self.hr(self.up(f))).float()


class VGGDiscriminator(nn.Module):
    """SRGAN / ESRGAN's discriminator, fully convolutional: four stages of (3x3 conv, 4x4 stride-2 conv) with
    LeakyReLU(0.2), widths w, 2w, 4w, 8w; then a 3x3 conv and a 1x1 conv to one map, averaged into one logit per
    image (any patch size of at least 16 pixels works)."""

    stages = 4

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        w, norm = spec.width, spec.d_norm
        blocks, c_in = [], spec.channels or 3
        for k in range(self.stages):
            c = w * min(2**k, 8)
            layers = [*d_layer(nn.Conv2d(c_in, c, 3, 1, 1), norm if k else "none", c), nn.LeakyReLU(0.2, True)]
            layers += [*d_layer(nn.Conv2d(c, c, 4, 2, 1), norm, c), nn.LeakyReLU(0.2, True)]
            blocks.append(nn.Sequential(*layers))
            c_in = c
        self.blocks = nn.ModuleList(blocks)
        self.head = nn.Sequential(*d_layer(nn.Conv2d(c_in, c_in, 3, 1, 1), norm, c_in), nn.LeakyReLU(0.2, True),
                                  nn.Conv2d(c_in, 1, 1))

    def forward(self, x: torch.Tensor, features: bool = False) -> torch.Tensor | tuple[torch.Tensor, list[torch.Tensor]]:
        """One logit per image (N,); with `features`, also each stage's output (for feature matching)."""
        feats = []
        for block in self.blocks:
            x = block(x)
            feats.append(x)
        logit = self.head(x).float().mean(dim=(1, 2, 3))
        return (logit, feats) if features else logit


#: VGG19's convolutions up to conv5_4 ("M" = 2x2 max-pool), in torchvision's layout, so its `features.N.*` keys load.
VGG19_LAYERS = (64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512)


class VGG19Features(nn.Module):
    """VGG19's feature stack up to conv5_4, before its ReLU (ESRGAN's perceptual layer), with ImageNet input
    normalisation. It has no weights of its own: they come only from a file the operator supplies (never downloaded)."""

    def __init__(self) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        c_in = 3
        for v in VGG19_LAYERS:
            if v == "M":
                layers.append(nn.MaxPool2d(2, 2))
            else:
                layers += [nn.Conv2d(c_in, int(v), 3, 1, 1), nn.ReLU(True)]
                c_in = int(v)
        self.features = nn.Sequential(*layers[:-1])  # conv5_4 before its activation
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1), persistent=False)
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Images in [-1, 1] -> conv5_4 features."""
        return self.features(((x + 1) / 2 - self.mean) / self.std)
