"""Everyday distortions of images (JPEG, resizing, blur, noise): the detector's training augmentations, and the
axes of its robustness curves and the watermark's.

All take and return (N,C,H,W) float tensors in [-1, 1] (C is 1 or 3) on the device they came from; a strength
of "no change" returns the input unchanged.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def quantise(x: torch.Tensor) -> torch.Tensor:
    """Round to the 256 levels of an 8-bit image (what every image on disk holds)."""
    return ((x.clamp(-1, 1) + 1) * 127.5).round() / 127.5 - 1


def _to_uint8(x: torch.Tensor) -> np.ndarray:
    """(N,C,H,W) in [-1, 1] -> (N,H,W,C) uint8."""
    return ((x.detach().float().cpu().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).numpy()


def jpeg_each(x: torch.Tensor, qualities: Sequence[float]) -> torch.Tensor:
    """Image i through a JPEG encode and decode at qualities[i] (1-100; Pillow's 4:2:0 for colour)."""
    out = []
    for arr, q in zip(_to_uint8(x), qualities, strict=True):
        buf = io.BytesIO()
        Image.fromarray(arr[..., 0] if arr.shape[-1] == 1 else arr).save(buf, format="JPEG", quality=round(q))
        back = np.asarray(Image.open(io.BytesIO(buf.getvalue())))
        out.append(back[..., None] if back.ndim == 2 else back)
    t = torch.from_numpy(np.stack(out)).permute(0, 3, 1, 2).float() / 127.5 - 1
    return t.to(x.device, x.dtype)


def jpeg(x: torch.Tensor, quality: float) -> torch.Tensor:
    """Every image saved as a JPEG at `quality` and read back (quality >= 100 is left alone: no change)."""
    if quality >= 100:
        return x
    return jpeg_each(x, [quality] * len(x))


def _gauss_kernel(sigma: float, device: torch.device) -> torch.Tensor:
    radius = max(1, math.ceil(3 * sigma))
    t = torch.arange(-radius, radius + 1, device=device, dtype=torch.float32)
    k = torch.exp(-0.5 * (t / sigma) ** 2)
    return k / k.sum()


def blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    """A Gaussian blur of standard deviation `sigma` pixels (reflected borders); 0 is no change."""
    if sigma <= 0:
        return x
    c, h, w = x.shape[1:]
    k = _gauss_kernel(sigma, x.device).to(x.dtype)
    r = len(k) // 2
    mode = "reflect" if r < min(h, w) else "replicate"
    y = F.pad(x, (r, r, 0, 0), mode=mode)
    y = F.conv2d(y, k.view(1, 1, 1, -1).expand(c, 1, 1, -1), groups=c)
    y = F.pad(y, (0, 0, r, r), mode=mode)
    return F.conv2d(y, k.view(1, 1, -1, 1).expand(c, 1, -1, 1), groups=c)


def rescale(x: torch.Tensor, scale: float) -> torch.Tensor:
    """Down-sized by `scale` (< 1) then back up to the original size, as a re-posted thumbnail is; 1 is no change."""
    if scale >= 1:
        return x
    h, w = x.shape[-2:]
    small = (max(2, round(h * scale)), max(2, round(w * scale)))
    y = F.interpolate(x.float(), size=small, mode="bilinear", align_corners=False, antialias=True)
    return F.interpolate(y, size=(h, w), mode="bilinear", align_corners=False).clamp(-1, 1).to(x.dtype)


def noise(x: torch.Tensor, std: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """Gaussian noise of `std` (in the [-1, 1] range: 0.02 is about 2.5 grey levels of 255), clipped; 0 is no change."""
    if std <= 0:
        return x
    n = torch.randn(x.shape, generator=generator, dtype=torch.float32).to(x.device, x.dtype)
    return (x + std * n).clamp(-1, 1)


@dataclass(frozen=True)
class Distortion:
    """One distortion: how it is applied at a strength, the sweep its robustness curve runs over (from none to
    strong), the range training draws from (light: blur and resizing wipe out the very traces a detector learns,
    so a strong dose teaches it to guess from content), and how to name its axis."""

    name: str
    label: str
    apply: Callable[[torch.Tensor, float], torch.Tensor]
    sweep: tuple[float, ...]
    train_range: tuple[float, float]


DISTORTIONS: dict[str, Distortion] = {
    d.name: d for d in (
        Distortion("jpeg", "JPEG quality", jpeg, (100, 95, 90, 80, 70, 60, 50, 40, 30, 20, 10), (40, 95)),
        Distortion("resize", "down-size factor (then back up)", rescale, (1.0, 0.9, 0.75, 0.6, 0.5, 0.4, 0.3, 0.25),
                   (0.7, 0.95)),
        Distortion("blur", "Gaussian blur sigma (pixels)", blur, (0.0, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0), (0.2, 0.7)),
        Distortion("noise", "noise std (images in [-1, 1])", lambda x, s: noise(x, s, torch.Generator().manual_seed(0)),
                   (0.0, 0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.16), (0.005, 0.04)),
    )
}
#: The order augmentations are applied in: what happens to a picture before it is last saved as a JPEG.
ORDER = ("resize", "blur", "noise", "jpeg")


def parse_names(text: str) -> tuple[str, ...]:
    """'jpeg,blur' -> ('jpeg', 'blur'); '' or 'none' -> (); ValueError naming the known ones otherwise."""
    names = tuple(n.strip() for n in text.split(",") if n.strip() and n.strip() != "none")
    unknown = [n for n in names if n not in DISTORTIONS]
    if unknown:
        raise ValueError(f"unknown distortion {unknown[0]!r} (known: {', '.join(DISTORTIONS)})")
    return tuple(n for n in ORDER if n in names)


def augment(x: torch.Tensor, names: Sequence[str], p: float, generator: torch.Generator) -> torch.Tensor:
    """Each named distortion hits each image independently with probability p, at a strength drawn from its
    training range; the draws come from `generator` (seeded: the same run makes the same batches)."""
    if not names or p <= 0:
        return x
    x = x.clone()
    for name in ORDER:
        if name not in names:
            continue
        d = DISTORTIONS[name]
        hit = (torch.rand(len(x), generator=generator) < p).nonzero().flatten().tolist()
        if not hit:
            continue
        low, high = d.train_range
        strengths = (low + (high - low) * torch.rand(len(hit), generator=generator)).tolist()
        if name == "jpeg":
            x[hit] = jpeg_each(x[hit], strengths)
            continue
        for i, s in zip(hit, strengths, strict=True):
            if name == "noise":
                x[i] = noise(x[i : i + 1], s, generator)[0]
            else:
                x[i] = d.apply(x[i : i + 1], s)[0]
    return x
