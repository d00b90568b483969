"""Every numeric bound in one place: config validation, architectures read from files, CLI and page widgets.

A classroom server refuses anything larger; a page's number inputs take their range from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError


@dataclass(frozen=True)
class Bound:
    """An inclusive range with the words a user reads when a value falls outside it."""

    low: float
    high: float
    label: str
    whole: bool = True

    def check(self, value: object) -> None:
        ok_type = (isinstance(value, int) if self.whole else isinstance(value, (int, float))) and not isinstance(value, bool)
        if not ok_type or not self.low <= value <= self.high:  # type: ignore[operator]
            kind = "a whole number" if self.whole else "a number"
            raise ConfigError(f"{self.label} must be {kind} between {self.low:g} and {self.high:g} (got {value!r})")


LIMITS: dict[str, Bound] = {  # keyed by the config or architecture field they bound
    "steps": Bound(1, 200_000, "steps"),
    "time_budget": Bound(1, 4 * 3600, "time budget in seconds", whole=False),
    "batch_size": Bound(2, 1024, "batch size"),
    "nz": Bound(2, 512, "latent size nz"),
    "width": Bound(4, 256, "width"),
    "depth": Bound(1, 6, "hidden layers of the MLP"),
    "d_steps": Bound(1, 10, "D steps per G step"),
    "g_steps": Bound(1, 10, "G steps per D step"),
    "lr": Bound(1e-6, 1.0, "learning rate", whole=False),
    "seed": Bound(0, 2**31 - 1, "seed"),
    "cadence": Bound(1, 200_000, "logging, sample and checkpoint interval"),
    "num_threads": Bound(0, 256, "threads"),
    "max_items": Bound(16, 10_000_000, "max items"),
    "label_smoothing": Bound(0, 0.49, "label smoothing", whole=False),
    "instance_noise": Bound(0, 1, "instance noise", whole=False),
    "gp_weight": Bound(0, 100, "gradient-penalty weight", whole=False),
    "clusters": Bound(2, 100, "k-means clusters"),
    "ema_decay": Bound(0, 0.9999, "EMA decay", whole=False),
    # Architectures read from files (model cards): nothing larger is ever built.
    "image_size": Bound(4, 128, "image size"),
    "channels": Bound(0, 3, "channels"),
    "num_classes": Bound(0, 1000, "number of classes"),
    "out_dim": Bound(0, 16, "output dimension"),
    "num_attributes": Bound(0, 64, "number of attributes"),
    "in_channels": Bound(0, 8, "input channels"),
    "blocks": Bound(0, 16, "residual blocks"),
    "scale": Bound(0, 4, "up-scaling factor"),
}

#: Channel counts of the images the engine runs (grey, RGB); 0 on a card means a generator of 2-D points.
IMAGE_CHANNELS = (1, 3)
