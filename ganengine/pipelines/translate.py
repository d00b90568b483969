"""Image-to-image translation (tasks pix2pix, cyclegan): an image in, its translation out, at any input size.

The networks were trained at the card's image size, so an input is resized to it (label maps with nearest
neighbours, after snapping every pixel to the palette; photos with antialiasing), translated, and the result
brought back to the input's size. What was done is said in `Translation.note`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn

from ..checkpoints import CheckpointError, load_role, read_card
from .base import Pipeline

DIRECTIONS = ("AtoB", "BtoA")


@dataclass(frozen=True)
class Translation:
    """A translated image (uint8 HxWx3, the input's size), the cycle back where the model has one, and a note."""

    output: np.ndarray
    cycle: np.ndarray | None
    model_input: np.ndarray  # what the network saw (resized, snapped): shown beside the output
    note: str


@dataclass(frozen=True)
class TranslatePipeline(Pipeline):
    """A -> B with a Pix2Pix generator, or either way with a CycleGAN (whose other generator gives the cycle)."""

    tasks: ClassVar[tuple[str, ...]] = ("pix2pix", "cyclegan")
    role: ClassVar[str] = "generator"
    back: nn.Module | None = None
    direction: str = "AtoB"

    @classmethod
    def load(cls, path: str | Path, device: torch.device | str = "cpu", direction: str = "AtoB") -> TranslatePipeline:
        name, card = Path(path).name, read_card(path)
        if direction not in DIRECTIONS:
            raise CheckpointError(f"direction must be AtoB or BtoA (got {direction!r})")
        if card.task == "pix2pix":
            if direction != "AtoB":
                raise CheckpointError(f"{name}: a Pix2Pix model translates one way only ({card.io.get('input', 'A')} -> "
                                      f"{card.io.get('output', 'B')}); use AtoB")
            model, card = load_role(path, "generator", ("pix2pix",), device)
            return cls(model, card, name)
        if card.task != "cyclegan":
            raise CheckpointError(f"{name}: a {card.task} checkpoint, not a pix2pix or cyclegan checkpoint")
        forward, backward = ("G_AB", "G_BA") if direction == "AtoB" else ("G_BA", "G_AB")
        model, card = load_role(path, forward, ("cyclegan",), device)
        back, _ = load_role(path, backward, ("cyclegan",), device)
        return cls(model, card, name, back, direction)

    @property
    def size(self) -> int:
        return self.card.image_size

    @property
    def domains(self) -> tuple[str, str]:
        io = self.card.io
        a, b = io.get("domain_a", io.get("input", "A")), io.get("domain_b", io.get("output", "B"))
        return (a, b) if self.direction == "AtoB" else (b, a)

    @torch.no_grad()
    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        """Images in [-1, 1] at the model's size (N,C,S,S) -> their translations (on the CPU)."""
        return self.model(x.to(self.device)).float().cpu()

    def prepare(self, image: np.ndarray) -> np.ndarray:
        """An RGB or RGBA uint8 image as the network wants it: snapped to the palette (label maps; a transparent
        pixel is the first region, e.g. sky) or composited on white (photos, drawings), then resized."""
        img = np.asarray(image)
        if self.card.palette and self.direction == "AtoB":
            from ..data import snap_to_palette

            # Nearest-neighbour down to the model's size first (no colour is blended), then snap only those pixels:
            # a 2048 px drawing costs what a 64 px one does.
            mode = "RGBA" if img.ndim == 3 and img.shape[-1] == 4 else "RGB"
            small = np.array(Image.fromarray(np.ascontiguousarray(img), mode).resize((self.size, self.size),
                                                                                     Image.Resampling.NEAREST))
            palette = tuple((name, tuple(rgb)) for name, rgb in zip(self.card.class_names, self.card.palette, strict=True))
            return np.ascontiguousarray(snap_to_palette(small, palette)[0])
        else:
            if img.ndim == 3 and img.shape[-1] == 4:
                alpha = img[..., 3:4].astype(np.float32) / 255
                img = (img[..., :3] * alpha + 255 * (1 - alpha)).round().astype(np.uint8)
            resample = Image.Resampling.LANCZOS
        return np.array(Image.fromarray(img).resize((self.size, self.size), resample))

    @torch.no_grad()
    def translate(self, image: np.ndarray) -> Translation:
        """Translate an RGB uint8 image of any size; the output has the input's size."""
        h, w = image.shape[:2]
        small = self.prepare(image)
        x = torch.from_numpy(small).permute(2, 0, 1)[None].float() / 127.5 - 1
        out = self(x)
        cycle = self.back(out.to(self.device)).float().cpu() if self.back is not None else None

        def back_to_input_size(t: torch.Tensor) -> np.ndarray:
            t = F.interpolate(t, size=(h, w), mode="bicubic", align_corners=False) if (h, w) != (self.size, self.size) else t
            return ((t.clamp(-1, 1)[0].permute(1, 2, 0) + 1) * 127.5).round().to(torch.uint8).numpy()

        note = (f"translated at {self.size}x{self.size} (the model's training size)" +
                ("" if (h, w) == (self.size, self.size) else f", shown at {w}x{h}"))
        return Translation(back_to_input_size(out), back_to_input_size(cycle) if cycle is not None else None, small, note)
