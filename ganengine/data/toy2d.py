"""2-D toy distributions: the classroom's view of mode collapse."""

from __future__ import annotations

import math

import numpy as np
import torch

from .base import DataRequest, DatasetEntry, TensorData

N_POINTS = 10_000


def ring(n: int, rng: np.random.Generator, modes: int = 8, radius: float = 0.8, std: float = 0.03) -> tuple[np.ndarray, np.ndarray]:
    k = rng.integers(modes, size=n)
    angle = 2 * math.pi * k / modes
    centres = np.stack([np.cos(angle), np.sin(angle)], 1) * radius
    return centres + rng.normal(0, std, (n, 2)), k


def grid(n: int, rng: np.random.Generator, side: int = 5, std: float = 0.025) -> tuple[np.ndarray, np.ndarray]:
    k = rng.integers(side * side, size=n)
    coords = np.linspace(-0.8, 0.8, side)
    centres = np.stack([coords[k % side], coords[k // side]], 1)
    return centres + rng.normal(0, std, (n, 2)), k


def spiral(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    t = np.sqrt(rng.uniform(0.02, 1, n)) * 3 * math.pi
    pts = np.stack([t * np.cos(t), t * np.sin(t)], 1) / (3 * math.pi) * 0.9
    return pts + rng.normal(0, 0.015, (n, 2)), np.zeros(n, dtype=int)


def moons(n: int, rng: np.random.Generator, noise: float = 0.03) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half-moons; `noise` is the std of the jitter around them (more: the classes overlap)."""
    k = rng.integers(2, size=n)
    t = rng.uniform(0, math.pi, n)
    x = np.where(k == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(k == 0, np.sin(t), 0.5 - np.sin(t))
    pts = np.stack([(x - 0.5) * 0.6, (y - 0.25) * 0.6], 1)
    return pts + rng.normal(0, noise, (n, 2)), k


def circles(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric circles (radii 0.8 and 0.35), points spread evenly along their length."""
    radii = np.array([0.8, 0.35])
    k = (rng.uniform(0, radii.sum(), n) < radii[1]).astype(int)  # inner circle: its share of the total length
    t = rng.uniform(0, 2 * math.pi, n)
    pts = np.stack([np.cos(t), np.sin(t)], 1) * radii[k][:, None]
    return pts + rng.normal(0, 0.02, (n, 2)), k


SHAPES = {"ring": ring, "grid": grid, "spiral": spiral, "moons": moons, "circles": circles}
DESCRIPTIONS = {
    "ring": "8 Gaussians on a ring: a collapsed generator covers only a few of them.",
    "grid": "25 Gaussians on a 5x5 grid: a harder test of mode coverage.",
    "spiral": "A spiral: one long, thin, curved mode.",
    "moons": "Two interleaved half-moons.",
    "circles": "Two concentric circles: two thin, closed modes.",
}


def _make(kind: str):
    def load(req: DataRequest) -> TensorData:
        rng = np.random.default_rng(req.seed)
        n = min(req.max_items or N_POINTS, N_POINTS)
        pts, modes = SHAPES[kind](n, rng)
        return TensorData(
            name=f"toy2d-{kind}",
            kind="points",
            x=torch.from_numpy(pts.astype(np.float32)),
            description=DESCRIPTIONS[kind],
            extra={"modes": str(int(modes.max()) + 1)},
        )

    return load


ENTRIES = tuple(DatasetEntry(f"toy2d-{kind}", "points", DESCRIPTIONS[kind], _make(kind)) for kind in SHAPES)


def mode_centres(kind: str) -> np.ndarray:
    """Centres of the Gaussian modes of ring and grid (for coverage measures)."""
    if kind == "ring":
        a = 2 * math.pi * np.arange(8) / 8
        return np.stack([np.cos(a), np.sin(a)], 1) * 0.8
    if kind == "grid":
        c = np.linspace(-0.8, 0.8, 5)
        return np.array([(x, y) for y in c for x in c])
    raise ValueError(f"{kind} has no discrete modes")


def mode_coverage(points: np.ndarray, kind: str, max_dist: float = 0.1) -> tuple[int, float]:
    """How many modes receive at least 1% of the points, and the share of points near any mode."""
    centres = mode_centres(kind)
    d = np.linalg.norm(points[:, None, :] - centres[None], axis=-1)
    nearest, dist = d.argmin(1), d.min(1)
    good = dist < max_dist
    counts = np.bincount(nearest[good], minlength=len(centres))
    return int((counts >= 0.01 * len(points)).sum()), float(good.mean())
