"""ModelSpec: the architecture arguments that rebuild a model, stored in every checkpoint."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..limits import LIMITS

D_NORMS = ("batch", "spectral", "none")
NORMS = ("batch", "instance", "none")
#: Architecture arguments read from files are bounded (ganengine.limits): nothing larger is ever built.
BOUNDED = ("nz", "width", "image_size", "channels", "num_classes", "out_dim", "num_attributes", "in_channels", "blocks",
           "scale")


@dataclass(frozen=True)
class ModelSpec:
    """Architecture name and arguments; `out_dim` > 0 means the model makes points, not images."""

    name: str
    nz: int = 100
    width: int = 64
    image_size: int = 32
    channels: int = 1
    num_classes: int = 0
    out_dim: int = 0
    d_norm: str = "batch"
    num_attributes: int = 0
    in_channels: int = 0  # image-to-image models: channels of the input image (the output has `channels`)
    blocks: int = 0  # residual blocks (ResNet generators)
    norm: str = "batch"  # image-to-image models: batch, instance or none
    dropout: bool = False  # U-Net: dropout in the inner up-sampling layers (pix2pix's noise)
    scale: int = 0  # super-resolution generators: the up-scaling factor (2 or 4); 0 for every other model

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        """Rebuild from (possibly untrusted) JSON: unknown keys, wrong types and out-of-range sizes are refused."""
        known = {f.name for f in dataclasses.fields(cls)}
        if not isinstance(data, dict) or "name" not in data:
            raise ValueError("architecture arguments are not a ModelSpec")
        unknown = sorted(set(data) - known)
        if unknown:  # most often a checkpoint from a newer GAN Studio than this server runs
            raise ValueError(f"unknown architecture arguments {', '.join(map(str, unknown))[:80]} (written by a newer "
                             f"GAN Studio? restart the server after an update)")
        spec = cls(**data)
        if not isinstance(spec.name, str) or spec.d_norm not in D_NORMS or spec.norm not in NORMS:
            raise ValueError("architecture name or norm is not valid")
        if not isinstance(spec.dropout, bool):
            raise ValueError("architecture argument dropout must be true or false")
        for name in BOUNDED:
            value, bound = getattr(spec, name), LIMITS[name]
            if not isinstance(value, int) or isinstance(value, bool) or not bound.low <= value <= bound.high:
                raise ValueError(f"architecture argument {name}={value!r} is outside [{bound.low:g}, {bound.high:g}]")
        return spec

    @property
    def makes_points(self) -> bool:
        return self.out_dim > 0
