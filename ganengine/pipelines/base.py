"""What every inference pipeline has: the network it runs, its model card, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import torch
from torch import nn

from ..checkpoints import ModelCard, load_role


@dataclass(frozen=True)
class Pipeline:
    """A loaded model ready for inference (eval mode, read-only: safe to share across sessions)."""

    model: nn.Module
    card: ModelCard
    name: str  # the checkpoint's file name (never a server path)

    #: the card tasks this pipeline runs, and the role it loads
    tasks: ClassVar[tuple[str, ...]] = ()
    role: ClassVar[str] = ""

    @classmethod
    def load(cls, path: str | Path, device: torch.device | str = "cpu") -> Pipeline:
        model, card = load_role(path, cls.role or None, cls.tasks, device)
        return cls(model, card, Path(path).name)

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device
