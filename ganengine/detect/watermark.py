"""An optional invisible watermark: a keyed spread-spectrum mark in the mid frequencies of 8x8 block DCTs.

Embedding adds +-strength to a band of mid-frequency DCT coefficients of every 8x8 block of the image's luma, the
signs drawn from a key (a seed); detecting correlates the same coefficients of a suspect image with the same signs.
Without the mark the normalised correlation z is roughly standard normal, so z above 4 (about 3 chances in
100,000 for an unmarked image) says "marked". Mid frequencies are the compromise: JPEG quantises the high ones
away and the low ones are where the eye notices change. The key must stay secret on the server: anyone who knows it
can remove or forge the mark, and anyone who does not can still blur or crop it away. A mark is evidence that
a file passed through the app, never that an image without one is real.

Small images carry few blocks, so their marks are weak: a single 32x32 image holds 16 blocks; a grid of samples
holds many more (see watermark_robustness for measured detection rates).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from PIL import Image

from .distort import DISTORTIONS

BLOCK = 8
BAND = (3, 6)  # coefficients (u, v) with BAND[0] <= u + v <= BAND[1], skipping the DC row and column
THRESHOLD = 4.0
DEFAULT_STRENGTH = 3.0  # in 8-bit grey levels, per coefficient


@functools.lru_cache(maxsize=1)
def _dct_matrix() -> torch.Tensor:
    """The orthonormal 8-point DCT-II matrix (rows are frequencies)."""
    n = BLOCK
    k = torch.arange(n, dtype=torch.float64)
    m = torch.cos(math.pi * (2 * k[None, :] + 1) * k[:, None] / (2 * n)) * math.sqrt(2 / n)
    m[0] /= math.sqrt(2)
    return m


@functools.lru_cache(maxsize=1)
def _band() -> torch.Tensor:
    u, v = torch.meshgrid(torch.arange(BLOCK), torch.arange(BLOCK), indexing="ij")
    return ((u + v >= BAND[0]) & (u + v <= BAND[1]) & (u > 0) & (v > 0)).flatten()


def _blocks(y: torch.Tensor) -> torch.Tensor:
    """(H,W) luma -> (B, 8, 8) blocks of its top-left part that tiles into whole blocks."""
    h, w = (y.shape[0] // BLOCK) * BLOCK, (y.shape[1] // BLOCK) * BLOCK
    return y[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).permute(0, 2, 1, 3).reshape(-1, BLOCK, BLOCK)


def _signs(key: int, count: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(int(key))
    return torch.randint(0, 2, (count,), generator=g).double() * 2 - 1


def _luma(arr: np.ndarray) -> torch.Tensor:
    a = torch.from_numpy(np.asarray(arr, dtype=np.float64))
    if a.dim() == 3:
        a = 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2] if a.shape[-1] >= 3 else a[..., 0]
    return a


@dataclass(frozen=True)
class Watermark:
    """A keyed mark: the key (a secret seed on the server) and the strength it is embedded with."""

    key: int
    strength: float = DEFAULT_STRENGTH

    def embed(self, image: np.ndarray | Image.Image) -> np.ndarray:
        """The image (uint8 HxW or HxWx3) with the mark added to its luma (colour images get the same change on
        every channel); images smaller than one block come back unchanged."""
        arr = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) and image.mode not in ("L", "RGB")
                         else image)
        y = _luma(arr)
        blocks = _blocks(y)
        if len(blocks) == 0:
            return arr.copy()
        d = _dct_matrix()
        band = _band()
        delta = torch.zeros(len(blocks), BLOCK * BLOCK, dtype=torch.float64)
        delta[:, band] = self.strength * _signs(self.key, int(band.sum()) * len(blocks)).view(len(blocks), -1)
        spatial = d.T @ delta.view(-1, BLOCK, BLOCK) @ d  # inverse DCT of the added coefficients
        h, w = (y.shape[0] // BLOCK) * BLOCK, (y.shape[1] // BLOCK) * BLOCK
        change = torch.zeros_like(y)
        change[:h, :w] = spatial.view(h // BLOCK, w // BLOCK, BLOCK, BLOCK).permute(0, 2, 1, 3).reshape(h, w)
        out = torch.from_numpy(arr.astype(np.float64))
        out = out + (change[..., None] if out.dim() == 3 else change)
        return out.round().clamp(0, 255).to(torch.uint8).numpy()

    def score(self, image: np.ndarray | Image.Image) -> float:
        """The normalised correlation z with this key's mark (about N(0, 1) when unmarked; 0 for images under one block)."""
        arr = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) and image.mode not in ("L", "RGB")
                         else image)
        blocks = _blocks(_luma(arr))
        if len(blocks) == 0:
            return 0.0
        d = _dct_matrix()
        coeffs = (d @ blocks @ d.T).reshape(len(blocks), -1)[:, _band()].flatten()
        coeffs = coeffs - coeffs.mean()
        signs = _signs(self.key, len(coeffs))
        norm = float(torch.sqrt((coeffs**2).sum()))
        return float((coeffs * signs).sum()) / norm if norm > 0 else 0.0

    def detect(self, image: np.ndarray | Image.Image, threshold: float = THRESHOLD) -> bool:
        return self.score(image) > threshold


def embed_watermark(image: np.ndarray | Image.Image, key: int, strength: float = DEFAULT_STRENGTH) -> np.ndarray:
    return Watermark(key, strength).embed(image)


def detect_watermark(image: np.ndarray | Image.Image, key: int, threshold: float = THRESHOLD) -> tuple[bool, float]:
    """(marked?, z score)."""
    z = Watermark(key).score(image)
    return z > threshold, z


def _as_tensor(arrays: Sequence[np.ndarray]) -> torch.Tensor:
    t = torch.from_numpy(np.stack([a if a.ndim == 3 else a[..., None] for a in arrays]).astype(np.float32))
    return t.permute(0, 3, 1, 2) / 127.5 - 1


def _as_arrays(x: torch.Tensor) -> list[np.ndarray]:
    a = ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).numpy()
    return [i[..., 0] if i.shape[-1] == 1 else i for i in a]


def watermark_robustness(images: Sequence[np.ndarray], key: int = 1234, strength: float = DEFAULT_STRENGTH,
                         distortions: Sequence[str] = tuple(DISTORTIONS), threshold: float = THRESHOLD) -> dict[str, Any]:
    """Detection rate of the mark in `images` (uint8 arrays of one size) after each distortion at each strength of its
    sweep, and the false-alarm rate on the same images unmarked."""
    marked = _as_tensor([embed_watermark(i, key, strength) for i in images])
    clean = _as_tensor(list(images))
    wm = Watermark(key, strength)
    psnr = float(10 * torch.log10(4 / ((marked - clean) ** 2).mean().clamp_min(1e-12)))
    curves = {}
    for name in distortions:
        d = DISTORTIONS[name]
        rates = []
        for s in d.sweep:
            found = [wm.detect(a, threshold) for a in _as_arrays(d.apply(marked, s))]
            rates.append(round(sum(found) / len(found), 4))
        curves[name] = {"label": d.label, "strengths": [float(s) for s in d.sweep], "detected": rates}
    false_alarms = sum(wm.detect(a, threshold) for a in _as_arrays(clean)) / len(images)
    return {"images": len(images), "size": list(clean.shape[-2:]), "strength": strength, "threshold": threshold,
            "psnr_db": round(psnr, 2), "false_alarm_rate": round(false_alarms, 4), "curves": curves}
