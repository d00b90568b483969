"""ModelSpec: the architecture arguments that rebuild a model, stored in every checkpoint."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

D_NORMS = ("batch", "spectral", "none")


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
        known = {f.name for f in dataclasses.fields(cls)}
        if not isinstance(data, dict) or set(data) - known or "name" not in data:
            raise ValueError("architecture arguments are not a ModelSpec")
        return cls(**data)

    @property
    def makes_points(self) -> bool:
        return self.out_dim > 0
