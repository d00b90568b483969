"""What a task is: a config type plus an object that builds its networks and optimisers, does one
training step and returns named scalars, makes a preview, names its weights by role and writes its
model card. The loop (ganengine.train.loop) runs any task and knows nothing of GANs.

Compare CycleGAN's BaseModel (set_input / optimize_parameters / get_current_losses) and EDM's
loss phases: everything task-specific lives here, everything about running lives in the loop.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import torch
from torch import nn

from ..checkpoints import ModelCard, role_tensors
from ..config import RunConfig
from ..devices import autocast
from ..distributed import DistContext


class NonFiniteLoss(FloatingPointError):
    """A loss became NaN or infinite; raised before the optimiser steps, so the weights stay good."""


@dataclass(frozen=True)
class Chart:
    """One live chart a task declares: a title, the value names it draws, and how to read its axis."""

    key: str
    title: str
    series: tuple[str, ...]
    axis: str = "value"  # loss | probability | score | norm | accuracy | value
    log: bool = False
    reference: float | None = None  # a dotted line (e.g. D = 0.5, the equilibrium)
    y_range: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "series": list(self.series), "axis": self.axis, "log": self.log,
                "reference": self.reference, "y_range": list(self.y_range) if self.y_range else None}


@dataclass(frozen=True)
class Preview:
    """A picture of what the model makes now: an image (uint8 HxW or HxWx3) or 2-D points."""

    image: np.ndarray | None = None
    points: list[list[float]] | None = None
    meta: dict[str, str] = field(default_factory=dict)  # PNG provenance of an image preview


@dataclass
class TrainEnv:
    """Where and how a task computes: device, autocast dtype, the data-parallel context and the grad scaler."""

    device: torch.device
    amp: torch.dtype | None
    dist: DistContext
    scaler: torch.amp.GradScaler

    def autocast(self) -> contextlib.AbstractContextManager:
        return autocast(self.device, self.amp)

    def wrap(self, module: nn.Module) -> nn.Module:
        """DistributedDataParallel around a network's trainable forward when several ranks run."""
        return self.dist.wrap(module, self.device)

    def adam(self, params: Iterable[nn.Parameter], lr: float, betas: tuple[float, float] = (0.9, 0.999)) -> torch.optim.Adam:
        """Adam with PyTorch's fused kernel on CPUs and CUDA: one pass over all weights, 3x faster than a loop."""
        return torch.optim.Adam(params, lr=lr, betas=betas, fused=self.device.type in ("cpu", "cuda"))

    def check_finite(self, loss: torch.Tensor, what: str) -> None:
        """Raise NonFiniteLoss on every rank if `loss` is NaN or infinite on any (call before stepping)."""
        if self.dist.any(not bool(torch.isfinite(loss.detach()).all())):
            raise NonFiniteLoss(what)

    def optimiser_step(self, optimiser: torch.optim.Optimizer, loss: torch.Tensor, module: nn.Module,
                       measure: bool) -> float:
        """Backward, step and update the scaler; returns the true gradient norm when measuring (else 0)."""
        optimiser.zero_grad(set_to_none=True)
        self.scaler.scale(loss).backward()
        norm = 0.0
        if measure:
            self.scaler.unscale_(optimiser)  # measure true gradients, not fp16-scaled ones
            grads = [p.grad.detach().flatten() for p in module.parameters() if p.grad is not None]
            norm = float(torch.cat(grads).norm()) if grads else 0.0
        self.scaler.step(optimiser)
        self.scaler.update()
        return norm


class Task(ABC):
    """One kind of training. Subclasses set the class attributes and implement the abstract methods."""

    name: ClassVar[str]
    config_type: ClassVar[type[RunConfig]]
    description: ClassVar[str] = ""
    #: the roles whose weights go into a checkpoint, main role first
    saved_roles: ClassVar[tuple[str, ...]] = ()
    #: the `task` values its model cards carry (what the checkpoint does at inference)
    card_tasks: ClassVar[tuple[str, ...]] = ()
    #: the role the loop keeps an exponential moving average of when the config's ema_decay > 0
    ema_role: ClassVar[str | None] = None

    def __init__(self, cfg: RunConfig, env: TrainEnv, data: Any = None) -> None:
        self.cfg, self.env = cfg, env

    @classmethod
    def mixed_precision(cls, cfg: RunConfig) -> bool:
        """Whether autocast helps this run (the config's `amp` must allow it too)."""
        return True

    @abstractmethod
    def networks(self) -> dict[str, nn.Module]:
        """The trained networks by role (saved in resume state, counted in the started event)."""

    @abstractmethod
    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        """The optimisers (and LR schedulers, which have the same state_dict contract) by name."""

    @abstractmethod
    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        """One training step; named scalars (tensors are turned into floats only when `measure`)."""

    @abstractmethod
    def charts(self) -> tuple[Chart, ...]:
        """The live charts of this run, drawing from the names train_step returns."""

    @abstractmethod
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """What the model makes now (nets: the networks by role, EMA copies where kept)."""

    @abstractmethod
    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        """The model card of a checkpoint written at `step`."""

    def weights(self, nets: dict[str, nn.Module]) -> dict[str, torch.Tensor]:
        """The tensors a checkpoint holds: each saved role's weights under its prefix."""
        out: dict[str, torch.Tensor] = {}
        for role in self.saved_roles:
            out.update(role_tensors(role, nets[role]))
        return out

    def info(self) -> dict[str, Any]:
        """Facts for the started event (data size, class names...)."""
        return {}

    def items_per_step(self) -> int:
        """Training items one step consumes (for items/s)."""
        return self.cfg.batch_size

    def state(self) -> dict[str, Any]:
        """Extra resume state (beyond networks, optimisers and global RNGs): the batch sampler's RNG when the task
        keeps one in `self.batch_gen`; tasks with more (CycleGAN's image pools) extend it."""
        gen = getattr(self, "batch_gen", None)
        return {"batch_rng": gen.get_state()} if gen is not None else {}

    def load_state(self, state: dict[str, Any]) -> None:
        """Restore what state() returned."""
        gen = getattr(self, "batch_gen", None)
        if gen is not None and "batch_rng" in state:
            gen.set_state(state["batch_rng"])

    def reseed(self, seed: int) -> None:
        """Re-seed the task's own generators (each data-parallel rank after a resume: the saved state is rank 0's)."""
        gen = getattr(self, "batch_gen", None)
        if gen is not None:
            gen.manual_seed(seed)
