"""Super-resolution inference (task superres): an RGB image of any size -> the same image x2 or x4, next to bicubic.

Large images go through in tiles so memory stays bounded: tiles are cut from the uint8 image on the CPU and only
one tile (plus its margin) is on the device at a time; each tile's output lands in a uint8 buffer on the CPU. Every
tile is run with a margin of context on each side (the model's receptive radius, capped) and only its core is kept,
so where the margin covers the receptive field the tiled output equals the whole-image output (the generators have
no batch norm: a pixel depends on nothing but its neighbours). The tile side comes from the memory at hand (`tile_for`);
an out-of-memory error retries the image with tiles half as large, down to MIN_TILE.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import torch
from PIL import Image

from ..checkpoints import CheckpointError
from ..errors import UserError
from ..imageio import MAX_PIXELS
from .base import Pipeline

MIN_TILE = 16  # LR pixels
MAX_TILE = 512
MAX_MARGIN = 48  # LR pixels of context around each tile (deeper models see further; beyond this they barely depend)
MEMORY_SHARE = 0.25  # of the free memory one tile may use
Runner = Callable[[torch.Tensor], torch.Tensor]


class UpscaleError(UserError, ValueError):
    """An image refused (too large to enlarge, wrong shape) or memory that ran out at the smallest tile; one line."""


@dataclass(frozen=True)
class Upscaled:
    """An enlarged image (uint8, scale x the input's size, RGB), bicubic's enlargement of the same input, and a note
    on how it was made."""

    output: np.ndarray
    bicubic: np.ndarray
    note: str
    tile: int  # the LR tile side that finished the image
    tiles: int
    retries: int  # out-of-memory retries with smaller tiles
    seconds: float
    margin: int = 0  # LR pixels of overlap on each side of a tile


def is_out_of_memory(exc: BaseException) -> bool:
    return isinstance(exc, torch.OutOfMemoryError) or (isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower())


def free_memory(device: torch.device) -> int:
    """Bytes free for activations: the GPU's free memory, or the machine's available memory (Linux), else 2 GiB."""
    if device.type == "cuda":
        return int(torch.cuda.mem_get_info(device)[0])
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 2 << 30


def as_rgb(image: np.ndarray) -> np.ndarray:
    """HxW grey, HxWx3 RGB or HxWx4 RGBA uint8 (alpha composited on white, as open_image does) -> HxWx3 uint8."""
    img = np.asarray(image)
    if img.dtype != np.uint8:
        raise UpscaleError(f"images are 8-bit (uint8), not {img.dtype}")
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, axis=2)
    if img.ndim != 3 or img.shape[-1] not in (3, 4):
        raise UpscaleError(f"an image is HxW, HxWx3 or HxWx4 (got shape {img.shape})")
    if img.shape[-1] == 4:
        alpha = img[..., 3:4].astype(np.float32) / 255
        img = (img[..., :3] * alpha + 255 * (1 - alpha)).round().astype(np.uint8)
    return np.ascontiguousarray(img)


@dataclass(frozen=True)
class UpscalePipeline(Pipeline):
    """x2 / x4 with a superres generator (SRResNet or RRDB), tiled."""

    tasks: ClassVar[tuple[str, ...]] = ("superres",)
    role: ClassVar[str] = "generator"

    @classmethod
    def load(cls, path: str | Path, device: torch.device | str = "cpu") -> UpscalePipeline:
        pipeline = super().load(path, device)
        if pipeline.card.spec.scale not in (2, 4):
            raise CheckpointError(f"{Path(path).name}: its card gives no up-scaling factor (2 or 4)")
        assert isinstance(pipeline, UpscalePipeline)
        return pipeline

    @property
    def scale(self) -> int:
        return self.card.spec.scale

    @property
    def margin(self) -> int:
        """LR pixels of context run around each tile: the model's receptive radius, at most MAX_MARGIN."""
        return min(int(getattr(self.model, "receptive_radius", MAX_MARGIN)), MAX_MARGIN)

    def bytes_per_pixel(self) -> int:
        """fp32 bytes one LR pixel costs at the peak of a forward pass: the feature maps at the output size going into
        and out of the last convolutions (2 x width x scale^2 values) plus the bicubic base, twice over for slack."""
        return 4 * (2 * self.card.spec.width + 3) * self.scale**2 * 2

    def tile_for(self, free_bytes: int | None = None) -> int:
        """The LR tile side for the memory at hand: the largest square (margins included) whose activations fit in a
        quarter of the free memory, rounded down to a multiple of 16, within [MIN_TILE, MAX_TILE]."""
        free = free_memory(self.device) if free_bytes is None else free_bytes
        side = int(math.sqrt(MEMORY_SHARE * free / self.bytes_per_pixel())) - 2 * self.margin
        return max(MIN_TILE, min(MAX_TILE, side // 16 * 16))

    @torch.no_grad()
    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        """LR images in [-1, 1] (N,3,h,w), on the CPU -> their enlargements in [-1, 1] (N,3,sh,sw), on the CPU."""
        return self.model(x.to(self.device)).float().clamp(-1, 1).cpu()

    def check_size(self, height: int, width: int, max_pixels: int = MAX_PIXELS) -> None:
        """Refuse, before any work, an input whose enlargement would pass the pixel limit."""
        s = self.scale
        if height * s * width * s > max_pixels:
            raise UpscaleError(f"a {width}x{height} image at x{s} would be {width * s}x{height * s} = "
                               f"{width * s * height * s:,} pixels, over the limit of {max_pixels:,}; crop or shrink it "
                               f"first (at most about {int(math.sqrt(max_pixels / s**2)):,} pixels square)")

    def upscale(self, image: np.ndarray, tile: int | None = None, run: Runner | None = None,
                max_pixels: int = MAX_PIXELS) -> Upscaled:
        """Enlarge an HxW(x3|x4) uint8 image by the model's scale (alpha composited on white).

        `tile`: the LR tile side (default: `tile_for()`); `run`: what runs one tile (default: this pipeline), the seam
        where a test injects an out-of-memory error."""
        img = as_rgb(image)
        h, w = img.shape[:2]
        self.check_size(h, w, max_pixels)
        if tile is not None and not MIN_TILE <= tile <= 4096:
            raise UpscaleError(f"the tile side must be between {MIN_TILE} and 4096 pixels (got {tile})")
        tile = tile or self.tile_for()
        run = run or self
        t0, retries = time.monotonic(), 0
        source = torch.from_numpy(img if img.flags.writeable else img.copy()).permute(2, 0, 1)[None]  # uint8, on the CPU
        while True:
            try:
                out, tiles = self._tiled(source, tile, run)
                break
            except Exception as exc:
                if not is_out_of_memory(exc):
                    raise
                if self.device.type == "cuda":
                    torch.cuda.empty_cache()
                if tile // 2 < MIN_TILE:
                    raise UpscaleError(f"out of memory even with {tile}-pixel tiles; free some memory or use the CPU") from None
                tile, retries = max(MIN_TILE, tile // 2 // 8 * 8), retries + 1
        s = self.scale
        bic = np.asarray(Image.fromarray(img).resize((w * s, h * s), Image.Resampling.BICUBIC))
        if tiles == 1:
            note = f"x{s} with {self.card.spec.name}, the whole image in one pass"
        else:
            note = (f"x{s} with {self.card.spec.name} in {tiles} tiles of up to {tile}x{tile} input pixels "
                    f"({self.margin} of overlap on each side)")
        if retries:
            note += f", after {retries} out-of-memory retr{'ies' if retries > 1 else 'y'} with smaller tiles"
        return Upscaled(out, bic, note, tile, tiles, retries, time.monotonic() - t0, self.margin)

    @torch.no_grad()
    def _tiled(self, source: torch.Tensor, tile: int, run: Runner) -> tuple[np.ndarray, int]:
        """Run every tile with its margin, keep its core; the output is assembled in uint8 on the CPU."""
        _, _, h, w = source.shape
        s, m = self.scale, self.margin
        out = torch.empty(h * s, w * s, 3, dtype=torch.uint8)
        tiles = 0
        for y0 in range(0, h, tile):
            for x0 in range(0, w, tile):
                y1, x1 = min(y0 + tile, h), min(x0 + tile, w)
                ya, xa, yb, xb = max(y0 - m, 0), max(x0 - m, 0), min(y1 + m, h), min(x1 + m, w)
                piece = source[:, :, ya:yb, xa:xb].float() / 127.5 - 1
                sr = run(piece)
                core = sr[0, :, (y0 - ya) * s : (y1 - ya) * s, (x0 - xa) * s : (x1 - xa) * s]
                out[y0 * s : y1 * s, x0 * s : x1 * s] = ((core + 1) * 127.5).round().clamp(0, 255).to(torch.uint8).permute(1, 2, 0)
                tiles += 1
        return out.numpy(), tiles
