"""ModelSpec: the architecture arguments that rebuild a model, stored in every checkpoint."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

D_NORMS = ("batch", "spectral", "none")
#: Bounds on architecture arguments read from files: nothing larger is ever built.
LIMITS = {"nz": (1, 512), "width": (1, 256), "image_size": (4, 128), "channels": (0, 3), "num_classes": (0, 1000),
          "out_dim": (0, 16), "num_attributes": (0, 64)}


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

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        """Rebuild from (possibly untrusted) JSON: unknown keys, wrong types and out-of-range sizes are refused."""
        known = {f.name for f in dataclasses.fields(cls)}
        if not isinstance(data, dict) or set(data) - known or "name" not in data:
            raise ValueError("architecture arguments are not a ModelSpec")
        spec = cls(**data)
        if not isinstance(spec.name, str) or spec.d_norm not in D_NORMS:
            raise ValueError("architecture name or norm is not valid")
        for name, (low, high) in LIMITS.items():
            value = getattr(spec, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"architecture argument {name}={value!r} is outside [{low}, {high}]")
        return spec

    @property
    def makes_points(self) -> bool:
        return self.out_dim > 0
