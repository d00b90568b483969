"""Small building blocks shared by the model families."""

from __future__ import annotations

from torch import nn


def init_dcgan_weights(module: nn.Module) -> None:
    """DCGAN initialisation: conv, linear and embedding weights ~ N(0, 0.02), norm scales ~ N(1, 0.02)."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, 0.0, 0.02)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)


def d_layer(layer: nn.Module, norm: str, channels: int) -> list[nn.Module]:
    """A discriminator layer with its normalisation: batch norm, spectral norm, or none."""
    if norm == "spectral":
        return [nn.utils.parametrizations.spectral_norm(layer)]
    if norm == "batch" and channels > 0:
        return [layer, nn.BatchNorm2d(channels)]
    return [layer]
