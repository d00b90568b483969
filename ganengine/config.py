"""Typed configurations, validated once at the edge (CLI, page form) and passed down."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

MODELS = ("mlp", "dcgan", "cdcgan")
LOSSES = ("minimax", "bce", "wgan-gp", "lsgan", "hinge")
DEVICES = ("auto", "cpu", "cuda")
IMAGE_SIZES = (32, 64)

#: Classroom-server ceilings: a page form or CLI call asking for more is refused.
MAX_STEPS = 200_000
MAX_BATCH = 1024
MAX_TIME_BUDGET_S = 4 * 3600


class ConfigError(ValueError):
    """A configuration value is out of range; the message is one sentence for the user."""


@dataclass(frozen=True)
class TrainConfig:
    """Everything a GAN training run needs; it travels inside every checkpoint it produces."""

    model: str = "dcgan"
    data: str = "digits"
    loss: str = "bce"
    steps: int | None = 2000
    time_budget: float | None = None
    batch_size: int = 64
    image_size: int = 32
    channels: int | None = None
    nz: int = 100
    width: int = 64
    lr_g: float = 2e-4
    lr_d: float = 2e-4
    beta1: float = 0.5
    beta2: float = 0.999
    d_steps: int = 1
    g_steps: int = 1
    spectral_norm: bool = False
    label_smoothing: float = 0.0
    instance_noise: float = 0.0
    gp_weight: float = 10.0
    seed: int = 0
    device: str = "auto"
    amp: bool = True
    log_every: int = 10
    sample_every: int = 200
    checkpoint_every: int = 500
    num_threads: int = 0
    max_items: int | None = None
    command: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def validate(self) -> TrainConfig:
        """Check every field; raise ConfigError with a one-line reason, else return self."""
        _choice("model", self.model, MODELS)
        _choice("loss", self.loss, LOSSES)
        _choice("device", self.device, DEVICES)
        if not self.data or not isinstance(self.data, str):
            raise ConfigError("data must name a data set or a path")
        if self.steps is None and self.time_budget is None:
            raise ConfigError("give a number of steps, a time budget, or both")
        if self.steps is not None:
            _int_range("steps", self.steps, 1, MAX_STEPS)
        if self.time_budget is not None and not 1 <= self.time_budget <= MAX_TIME_BUDGET_S:
            raise ConfigError(f"time budget must be between 1 and {MAX_TIME_BUDGET_S} seconds")
        _int_range("batch size", self.batch_size, 2, MAX_BATCH)
        if self.model != "mlp" and self.image_size not in IMAGE_SIZES:
            raise ConfigError(f"image size must be one of {IMAGE_SIZES} for {self.model}")
        if self.model == "mlp" and not 4 <= self.image_size <= 64:
            raise ConfigError("image size must be between 4 and 64 for the MLP GAN")
        if self.channels is not None and self.channels not in (1, 3):
            raise ConfigError("channels must be 1 or 3")
        _int_range("latent size nz", self.nz, 2, 512)
        _int_range("width", self.width, 4, 256)
        for name, lr in (("generator learning rate", self.lr_g), ("discriminator learning rate", self.lr_d)):
            if not 0 < lr <= 1:
                raise ConfigError(f"{name} must be in (0, 1]")
        for name, beta in (("beta1", self.beta1), ("beta2", self.beta2)):
            if not 0 <= beta < 1:
                raise ConfigError(f"Adam {name} must be in [0, 1)")
        _int_range("D steps per G step", self.d_steps, 1, 10)
        _int_range("G steps per D step", self.g_steps, 1, 10)
        if not 0 <= self.label_smoothing < 0.5:
            raise ConfigError("label smoothing must be in [0, 0.5)")
        if not 0 <= self.instance_noise <= 1:
            raise ConfigError("instance noise must be in [0, 1]")
        if not 0 <= self.gp_weight <= 100:
            raise ConfigError("gradient-penalty weight must be in [0, 100]")
        _int_range("seed", self.seed, 0, 2**31 - 1)
        for name in ("log_every", "sample_every", "checkpoint_every"):
            _int_range(name.replace("_", " "), getattr(self, name), 1, MAX_STEPS)
        _int_range("threads", self.num_threads, 0, 256)
        if self.max_items is not None:
            _int_range("max items", self.max_items, 16, 10_000_000)
        return self

    @property
    def conditional(self) -> bool:
        return self.model == "cdcgan"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(unknown)}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> TrainConfig:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"config is not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise ConfigError("config JSON must be an object")
        return cls.from_dict(data)


def _choice(name: str, value: object, options: tuple[str, ...]) -> None:
    if value not in options:
        raise ConfigError(f"{name} must be one of {', '.join(options)} (got {value!r})")


def _int_range(name: str, value: object, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"{name} must be a whole number between {low} and {high} (got {value!r})")
