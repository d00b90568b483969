"""DCGAN (Radford et al. 2015) for 32x32 and 64x64 images, its class-conditional variant, and a self-conditioned one."""

from __future__ import annotations

import itertools
import math

import torch
import torch.nn.functional as F
from torch import nn

from .cpu_conv import Conv2d, ConvTranspose2d
from .layers import d_layer, init_dcgan_weights
from .spec import ModelSpec


def _n_up(image_size: int) -> int:
    n = int(math.log2(image_size)) - 2
    if 2 ** (n + 2) != image_size or n < 2:
        raise ValueError(f"DCGAN needs a power-of-two image size >= 16, got {image_size}")
    return n


class DCGANGenerator(nn.Module):
    """z (and a one-hot class) -> 4x4 -> ... -> image: strided transposed convs, batch norm, ReLU, Tanh."""

    z_type = "normal"

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.z_size, self.num_classes = spec.nz, spec.num_classes
        n = _n_up(spec.image_size)
        chans = [spec.width * 2 ** (n - 1 - i) for i in range(n)]
        # The class enters as a fixed one-hot vector beside z. A learned embedding was tried first: its
        # norm grew until G ignored z and made one image per class (intra-class mode collapse).
        layers: list[nn.Module] = [
            ConvTranspose2d(spec.nz + spec.num_classes, chans[0], 4, 1, 0, bias=False), nn.BatchNorm2d(chans[0]),
            nn.ReLU(True),
        ]
        for c_in, c_out in itertools.pairwise(chans):
            layers += [ConvTranspose2d(c_in, c_out, 4, 2, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(True)]
        layers += [ConvTranspose2d(chans[-1], spec.channels, 4, 2, 1, bias=False), nn.Tanh()]
        self.net = nn.Sequential(*layers)
        init_dcgan_weights(self)

    def forward(self, z: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        if self.num_classes:
            if y is None:
                raise ValueError("this generator is conditional: give class labels")
            z = torch.cat([z, F.one_hot(y, self.num_classes).to(z.dtype)], dim=1)
        return self.net(z.view(z.shape[0], -1, 1, 1))


class SelfConditionedGenerator(DCGANGenerator):
    """A DCGAN generator that picks one of K data clusters from its own noise and draws that cluster's image.

    Sampled like an unconditional DCGAN (noise in, image out: `num_classes` is 0 to every caller); inside, the first
    noise value chooses the cluster with the clusters' shares in the data, and the cluster enters G as a one-hot
    vector, as a class does in the conditional DCGAN. The clusters come from k-means on the training images, not from
    labels (after Liu et al. 2020, "Diverse Image Generation via Self-Conditioned GANs"). A continuous latent must
    otherwise pass through in-between shapes from one mode to the next: on digits those read as no digit at all.
    """

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__(spec)
        self.clusters, self.num_classes = spec.num_classes, 0
        # Cumulative cluster shares (saved with the weights); uniform until the task measures its data's clusters.
        self.register_buffer("cluster_cdf", torch.arange(1, spec.num_classes + 1, dtype=torch.float32) / spec.num_classes)

    def cluster_of(self, z: torch.Tensor) -> torch.Tensor:
        """The cluster each noise vector draws: where Phi(z[0]) falls among the cumulative shares (erf and comparisons
        only, operators ONNX has)."""
        u = 0.5 * (1 + torch.erf(z[:, 0].float() / math.sqrt(2)))
        return (u[:, None] > self.cluster_cdf[None, :-1]).sum(1)

    def forward(self, z: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        code = self.cluster_of(z) if y is None else y
        one_hot = (code[:, None] == torch.arange(self.clusters, device=z.device)).to(z.dtype)
        return self.net(torch.cat([z, one_hot], dim=1).view(z.shape[0], -1, 1, 1))


class DCGANDiscriminator(nn.Module):
    """image -> strided convs with LeakyReLU(0.2) -> 4x4 -> one logit; projection term when conditional."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        n = _n_up(spec.image_size)
        chans = [spec.width * 2**i for i in range(n)]
        edge_norm = "spectral" if spec.d_norm == "spectral" else "none"  # no batch norm on D's input or output
        layers: list[nn.Module] = [*d_layer(Conv2d(spec.channels, chans[0], 4, 2, 1), edge_norm, 0), nn.LeakyReLU(0.2, True)]
        for c_in, c_out in itertools.pairwise(chans):
            layers += [*d_layer(Conv2d(c_in, c_out, 4, 2, 1, bias=spec.d_norm != "batch"), spec.d_norm, c_out), nn.LeakyReLU(0.2, True)]
        self.features = nn.Sequential(*layers)
        self.head = nn.Sequential(*d_layer(Conv2d(chans[-1], 1, 4, 1, 0), edge_norm, 0))
        self.embed = nn.Embedding(spec.num_classes, chans[-1]) if spec.num_classes else None
        init_dcgan_weights(self)

    def forward(self, x: torch.Tensor, y: torch.Tensor | None = None) -> torch.Tensor:
        h = self.features(x)
        out = self.head(h).view(-1)
        if self.embed is not None:
            if y is None:
                raise ValueError("this discriminator is conditional: give class labels")
            out = out + (self.embed(y) * h.sum(dim=(2, 3))).sum(dim=1)
        return out
