"""Procedural image sets drawn from a seed: labelled shapes and cartoon faces with attributes."""

from __future__ import annotations

import colorsys
import math

import numpy as np
import torch
from PIL import Image, ImageDraw

from .base import DataRequest, DatasetEntry, TensorData, fit_images

SHAPE_CLASSES = ("circle", "square", "triangle", "cross", "star")
HAIR_COLOURS = {"black": (30, 25, 25), "brown": (110, 65, 30), "blond": (225, 190, 90), "red": (185, 70, 35)}
SKIN_TONES = ((250, 220, 190), (230, 185, 150), (190, 140, 100), (140, 95, 65))
FACE_ATTRIBUTES = ("smile", "glasses", "eyes_open")
DEFAULT_COUNT = 4000


def _polygon(cx: float, cy: float, r: float, n: int, rot: float, inner: float | None = None) -> list[tuple[float, float]]:
    pts = []
    steps = n * 2 if inner else n
    for i in range(steps):
        rad = r if (inner is None or i % 2 == 0) else r * inner
        a = rot + 2 * math.pi * i / steps
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return pts


def draw_shape(label: int, rng: np.random.Generator, size: int) -> Image.Image:
    """One shape of class `label` in a random colour, size, position and rotation."""
    h = rng.uniform()
    fg = tuple(int(255 * c) for c in colorsys.hsv_to_rgb(h, rng.uniform(0.6, 1), rng.uniform(0.75, 1)))
    dark = rng.uniform() < 0.5
    bg = tuple(int(v) for v in (rng.uniform(10, 50, 3) if dark else rng.uniform(200, 245, 3)))
    img = Image.new("RGB", (size, size), bg)
    d = ImageDraw.Draw(img)
    r = size * rng.uniform(0.22, 0.36)
    cx, cy = size / 2 + rng.uniform(-0.12, 0.12) * size, size / 2 + rng.uniform(-0.12, 0.12) * size
    rot = rng.uniform(0, 2 * math.pi)
    name = SHAPE_CLASSES[label]
    if name == "circle":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
    elif name == "square":
        d.polygon(_polygon(cx, cy, r * 1.15, 4, rot), fill=fg)
    elif name == "triangle":
        d.polygon(_polygon(cx, cy, r * 1.2, 3, rot), fill=fg)
    elif name == "cross":
        w = r * 0.38
        for a in (rot, rot + math.pi / 2):
            dx, dy = math.cos(a), math.sin(a)
            px, py = -dy * w, dx * w
            d.polygon([(cx - dx * r + px, cy - dy * r + py), (cx + dx * r + px, cy + dy * r + py),
                       (cx + dx * r - px, cy + dy * r - py), (cx - dx * r - px, cy - dy * r - py)], fill=fg)
    else:
        d.polygon(_polygon(cx, cy, r * 1.2, 5, rot, inner=0.45), fill=fg)
    return img


def draw_face(hair: int, attrs: np.ndarray, rng: np.random.Generator, size: int) -> Image.Image:
    """A cartoon face: hair colour class, and smile / glasses / eyes-open attributes."""
    s = size
    bg = tuple(int(v) for v in rng.uniform(170, 240, 3))
    img = Image.new("RGB", (s, s), bg)
    d = ImageDraw.Draw(img)
    cx = s / 2 + rng.uniform(-0.04, 0.04) * s
    cy = s / 2 + rng.uniform(0.0, 0.06) * s
    rx, ry = s * rng.uniform(0.27, 0.32), s * rng.uniform(0.32, 0.37)
    hair_rgb = list(HAIR_COLOURS.values())[hair]
    hr = rng.uniform(1.05, 1.2)
    d.ellipse([cx - rx * hr, cy - ry * 1.15, cx + rx * hr, cy + ry * 0.55], fill=hair_rgb)
    skin = SKIN_TONES[rng.integers(len(SKIN_TONES))]
    d.ellipse([cx - rx, cy - ry * 0.85, cx + rx, cy + ry], fill=skin)
    d.chord([cx - rx, cy - ry * 0.95, cx + rx, cy - ry * 0.05], 180, 360, fill=hair_rgb)
    smile, glasses, eyes_open = (bool(a) for a in attrs)
    ey, ex, er = cy - ry * 0.05, rx * 0.42, s * 0.055
    for sx in (-1, 1):
        x = cx + sx * ex
        if eyes_open:
            d.ellipse([x - er * 1.3, ey - er, x + er * 1.3, ey + er], fill=(255, 255, 255))
            d.ellipse([x - er * 0.6, ey - er * 0.6, x + er * 0.6, ey + er * 0.6], fill=(20, 20, 40))
        else:
            d.line([x - er * 1.3, ey, x + er * 1.3, ey], fill=(40, 30, 30), width=max(1, s // 40))
        if glasses:
            gr = er * 2.1
            d.ellipse([x - gr, ey - gr, x + gr, ey + gr], outline=(15, 15, 15), width=max(2, s // 28))
    if glasses:
        d.line([cx - ex + er * 2.1, ey, cx + ex - er * 2.1, ey], fill=(15, 15, 15), width=max(2, s // 28))
    my, mw = cy + ry * 0.45, rx * 0.5
    mouth = (150, 40, 50)
    if smile:
        d.chord([cx - mw, my - ry * 0.25, cx + mw, my + ry * 0.2], 0, 180, fill=mouth)
    else:
        d.line([cx - mw * 0.7, my, cx + mw * 0.7, my], fill=mouth, width=max(2, s // 32))
    return img


def _to_tensor(images: list[Image.Image]) -> torch.Tensor:
    arr = np.stack([np.asarray(im, dtype=np.uint8) for im in images])
    return torch.from_numpy(arr).permute(0, 3, 1, 2).float() / 127.5 - 1


def load_shapes(req: DataRequest) -> TensorData:
    rng = np.random.default_rng(req.seed)
    n = req.max_items or DEFAULT_COUNT
    labels = rng.integers(len(SHAPE_CLASSES), size=n)
    canvas = 2 * req.image_size
    imgs = [draw_shape(int(k), rng, canvas) for k in labels]
    x = fit_images(_to_tensor(imgs), req.image_size, req.channels or 3)
    return TensorData("shapes", "images", x, torch.from_numpy(labels).long(), SHAPE_CLASSES,
                      description="Procedural coloured shapes in five classes, drawn from a seed.")


def load_faces(req: DataRequest) -> TensorData:
    rng = np.random.default_rng(req.seed)
    n = req.max_items or DEFAULT_COUNT
    hair = rng.integers(len(HAIR_COLOURS), size=n)
    attrs = rng.integers(2, size=(n, len(FACE_ATTRIBUTES)))
    canvas = 2 * req.image_size
    imgs = [draw_face(int(h), a, rng, canvas) for h, a in zip(hair, attrs, strict=True)]
    x = fit_images(_to_tensor(imgs), req.image_size, req.channels or 3)
    return TensorData("faces", "images", x, torch.from_numpy(hair).long(), tuple(HAIR_COLOURS),
                      attributes=torch.from_numpy(attrs).float(), attribute_names=FACE_ATTRIBUTES,
                      description="Procedural cartoon faces: hair colour (class), smile, glasses, eyes open.")


ENTRIES = (
    DatasetEntry("shapes", "images", "Procedural coloured shapes in five classes.", load_shapes),
    DatasetEntry("faces", "images", "Procedural cartoon faces with attributes (smile, glasses, eyes open, hair colour).",
                 load_faces),
)
