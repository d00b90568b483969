"""Sampling from generators: seeded latents, truncation, classes, grids, interpolation, latent arithmetic."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image
from torch import nn


def latents(n: int, nz: int, seed: int, truncation: float | None = None) -> torch.Tensor:
    """n latent vectors from N(0, I), drawn on the CPU so a seed gives the same z on every device.

    With truncation t, entries with |z| > t are redrawn until they fall inside (BigGAN's trick):
    samples get more typical and less varied as t shrinks.
    """
    g = torch.Generator().manual_seed(int(seed))
    z = torch.randn(n, nz, generator=g)
    if truncation is not None:
        if truncation <= 0:
            raise ValueError("truncation must be positive")
        for _ in range(1000):
            bad = z.abs() > truncation
            if not bad.any():
                break
            z[bad] = torch.randn(int(bad.sum()), generator=g)
        z = z.clamp(-truncation, truncation)
    return z


def seed_latent(seed: int, nz: int, truncation: float | None = None) -> torch.Tensor:
    """The single latent that `seed` names (the first row of latents(1, nz, seed))."""
    return latents(1, nz, seed, truncation)[0]


@torch.no_grad()
def generate(model: nn.Module, z: torch.Tensor, labels: torch.Tensor | None = None, batch_size: int = 256) -> torch.Tensor:
    """Run the generator on z (and labels) in batches; returns float outputs on the CPU."""
    device = next(model.parameters()).device
    if getattr(model, "num_classes", 0) and labels is None:
        raise ValueError("this generator is conditional: choose a class")
    outs = []
    for i in range(0, len(z), batch_size):
        y = labels[i : i + batch_size].to(device) if labels is not None else None
        outs.append(model(z[i : i + batch_size].to(device), y).float().cpu())
    return torch.cat(outs)


def class_labels(n: int, num_classes: int, class_index: int | None) -> torch.Tensor | None:
    """Labels for n samples: all one class, or cycling through every class (None for unconditional)."""
    if num_classes == 0:
        return None
    if class_index is None:
        return torch.arange(n) % num_classes
    if not 0 <= class_index < num_classes:
        raise ValueError(f"class must be between 0 and {num_classes - 1}")
    return torch.full((n,), class_index, dtype=torch.long)


def sample(model: nn.Module, n: int, seed: int, class_index: int | None = None, truncation: float | None = None) -> torch.Tensor:
    """n images (or points) in the model's output range, reproducible from seed."""
    z = latents(n, model.z_size, seed, truncation)
    return generate(model, z, class_labels(n, getattr(model, "num_classes", 0), class_index))


def to_uint8(images: torch.Tensor) -> np.ndarray:
    """(N,C,H,W) in [-1,1] -> (N,H,W,C) uint8 (C is 1 or 3)."""
    arr = ((images.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return arr.permute(0, 2, 3, 1).numpy()


def grid(images: torch.Tensor, nrow: int | None = None, pad: int = 2) -> np.ndarray:
    """A uint8 HxWx3 (or HxW for grey) mosaic of (N,C,H,W) images in [-1,1]."""
    arr = to_uint8(images)
    n, h, w, c = arr.shape
    nrow = nrow or max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / nrow)
    out = np.full((rows * (h + pad) + pad, nrow * (w + pad) + pad, c), 255, dtype=np.uint8)
    for i in range(n):
        r, col = divmod(i, nrow)
        out[pad + r * (h + pad) : pad + r * (h + pad) + h, pad + col * (w + pad) : pad + col * (w + pad) + w] = arr[i]
    return out[..., 0] if c == 1 else out


def slerp(a: torch.Tensor, b: torch.Tensor, t: float) -> torch.Tensor:
    """Spherical interpolation: stays on the shell where Gaussian latents live."""
    na, nb = a / a.norm(), b / b.norm()
    omega = torch.acos((na * nb).sum().clamp(-1, 1))
    if omega.abs() < 1e-6:
        return (1 - t) * a + t * b
    so = torch.sin(omega)
    return torch.sin((1 - t) * omega) / so * a + torch.sin(t * omega) / so * b


def interpolate(a: torch.Tensor, b: torch.Tensor, steps: int, mode: str = "slerp") -> torch.Tensor:
    """steps latents from a to b inclusive, linear ('lerp') or spherical ('slerp')."""
    if steps < 2:
        raise ValueError("interpolation needs at least 2 steps")
    if mode not in ("lerp", "slerp"):
        raise ValueError("mode must be lerp or slerp")
    ts = torch.linspace(0, 1, steps)
    if mode == "lerp":
        return torch.stack([(1 - t) * a + t * b for t in ts])
    return torch.stack([slerp(a, b, float(t)) for t in ts])


def gif_bytes(frames: Sequence[np.ndarray], duration_ms: int = 120, bounce: bool = True) -> bytes:
    """An animated GIF (looping, optionally there and back) from uint8 frames."""
    seq = list(frames) + (list(frames)[-2:0:-1] if bounce else [])
    images = [Image.fromarray(f) for f in seq]
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:], duration=duration_ms, loop=0)
    return buf.getvalue()


def attribute_vector(z: torch.Tensor, has_attribute: torch.Tensor) -> torch.Tensor:
    """mean z of samples with the attribute minus mean z of samples without it."""
    pos, neg = z[has_attribute], z[~has_attribute]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("need samples both with and without the attribute")
    return pos.mean(0) - neg.mean(0)


@dataclass(frozen=True)
class ArithmeticResult:
    images: torch.Tensor
    direction: torch.Tensor
    n_with: int
    n_without: int
    pool: int


@torch.no_grad()
def latent_arithmetic(model: nn.Module, classifier: nn.Module, attribute: int, base_seed: int,
                      strengths: Sequence[float] = (-1.5, 0.0, 1.5), pool: int = 512, pool_seed: int = 12345) -> ArithmeticResult:
    """z(base) + s * (mean z with attribute - mean z without), the attribute judged by a classifier.

    A pool of samples is labelled by the classifier; the difference of the two group means is a
    direction in latent space that adds (s > 0) or removes (s < 0) the attribute.
    """
    z = latents(pool, model.z_size, pool_seed)
    labels = class_labels(pool, getattr(model, "num_classes", 0), None)
    images = generate(model, z, labels)
    device = next(classifier.parameters()).device
    _, attr_logits = classifier(images.to(device))
    has = (attr_logits[:, attribute] > 0).cpu()
    direction = attribute_vector(z, has)
    base = seed_latent(base_seed, model.z_size)
    zs = torch.stack([base + s * direction for s in strengths])
    out_labels = class_labels(len(zs), getattr(model, "num_classes", 0), 0 if labels is not None else None)
    return ArithmeticResult(generate(model, zs, out_labels), direction, int(has.sum()), int((~has).sum()), pool)
