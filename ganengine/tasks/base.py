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
    """A loss became NaN or infinite at `step`; that step's optimiser update was never applied, so the weights stay
    good."""

    def __init__(self, what: str, step: int) -> None:
        super().__init__(what)
        self.step = step

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return NonFiniteLoss, (str(self), self.step)


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
    """Where and how a task computes: device, autocast dtype, the data-parallel context and the grad scaler.

    With `defer_checks` (a GPU), finiteness checks don't stall the device: a loss's check is queued, the next fused
    optimiser step skips its update on the device if the loss was not finite, and `settle` (at measured steps, before
    checkpoints) raises NonFiniteLoss. A host sync a step would stop the CPU from running ahead of its GPU. Elsewhere,
    and where the update cannot be skipped on the device (unfused optimisers, the fp16 grad scaler, several ranks),
    the check is read at once, before the update.
    """

    device: torch.device
    amp: torch.dtype | None
    dist: DistContext
    scaler: torch.amp.GradScaler
    step: int = 0  # the step being trained, set by the loop (for messages)
    defer_checks: bool = False  # queue finiteness checks (GPUs); on a CPU reading a flag costs nothing, check at once
    _fresh: list[tuple[str, int, torch.Tensor]] = field(default_factory=list)  # checked since the last update
    _queued: list[tuple[str, int, torch.Tensor]] = field(default_factory=list)  # not yet looked at on the host

    def autocast(self) -> contextlib.AbstractContextManager:
        return autocast(self.device, self.amp)

    def wrap(self, module: nn.Module) -> nn.Module:
        """DistributedDataParallel around a network's trainable forward when several ranks run."""
        return self.dist.wrap(module, self.device)

    def adam(self, params: Iterable[nn.Parameter], lr: float, betas: tuple[float, float] = (0.9, 0.999)) -> torch.optim.Adam:
        """Adam with PyTorch's fused kernel on CPUs and CUDA: one pass over all weights, 3x faster than a loop."""
        return torch.optim.Adam(params, lr=lr, betas=betas, fused=self.device.type in ("cpu", "cuda"))

    def check_finite(self, loss: torch.Tensor, what: str) -> None:
        """Make sure a NaN or infinite `loss` never updates the weights and ends the run (call before stepping)."""
        entry = (what, self.step, ~torch.isfinite(loss.detach()).all())
        self._fresh.append(entry)
        self._queued.append(entry)

    def settle(self) -> None:
        """Look at the queued checks (one host sync): raise NonFiniteLoss, on every rank, for the first that failed."""
        queued, self._queued = self._queued, []
        self._fresh = []
        if not queued:
            return  # nothing to look at (and no collective: ranks may settle at different steps)
        bad = bool(torch.stack([flag for _, _, flag in queued]).any())
        if self.dist.any(bad):
            # another rank's loss when none of ours failed: with several ranks each check is read at once, so the
            # one queued here is the same check on every rank
            what, step = next(((w, s) for w, s, flag in queued if bool(flag)), queued[0][:2])
            raise NonFiniteLoss(what, step)

    def unread_nan(self) -> NonFiniteLoss | None:
        """After a crash: the first queued check of this rank that failed (no collective), or None; forgets the queue."""
        queued, self._queued, self._fresh = self._queued, [], []
        try:
            return next((NonFiniteLoss(w, s) for w, s, flag in queued if bool(flag)), None)
        except Exception:  # a device that cannot be read any more
            return None

    def _skips_on_device(self, optimiser: torch.optim.Optimizer) -> bool:
        return (self.defer_checks and bool(optimiser.defaults.get("fused")) and not self.scaler.is_enabled()
                and self.dist.world_size == 1)

    def optimiser_step(self, optimiser: torch.optim.Optimizer, loss: torch.Tensor, module: nn.Module,
                       measure: bool) -> float:
        """Backward, step and update the scaler; returns the true gradient norm when measuring (else 0)."""
        optimiser.zero_grad(set_to_none=True)
        self.scaler.scale(loss).backward()
        norm = 0.0
        if measure or not self._skips_on_device(optimiser):
            self.settle()  # measuring syncs anyway: raise before the update
        if measure:
            self.scaler.unscale_(optimiser)  # measure true gradients, not fp16-scaled ones
            grads = [p.grad.detach().flatten() for p in module.parameters() if p.grad is not None]
            norm = float(torch.cat(grads).norm()) if grads else 0.0
        fresh, self._fresh = self._fresh, []
        if fresh:  # a fused step that skips itself on the device when a loss it follows was not finite
            optimiser.found_inf = torch.stack([flag for _, _, flag in fresh]).any().float()  # type: ignore[attr-defined]
            try:
                optimiser.step()
            finally:
                del optimiser.found_inf  # type: ignore[attr-defined]
        else:
            self.scaler.step(optimiser)
        self.scaler.update()
        if len(self._queued) > 256:
            self.settle()
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
        """Restore what state() returned; its tensors arrive on the CPU (move what the device needs)."""
        gen = getattr(self, "batch_gen", None)
        if gen is not None and "batch_rng" in state:
            gen.set_state(state["batch_rng"])

    def reseed(self, seed: int) -> None:
        """Re-seed the task's own generators (each data-parallel rank after a resume: the saved state is rank 0's)."""
        gen = getattr(self, "batch_gen", None)
        if gen is not None:
            gen.manual_seed(seed)
