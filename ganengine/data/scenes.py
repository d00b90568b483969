"""Procedural image-to-image sets drawn from a seed, for Pix2Pix and CycleGAN.

- `scenes-labels` (paired): a flat label map of six regions -> a textured scene of the same layout.
- `edges-objects` (paired): an edge map (dark lines on white) -> the filled, shaded object it outlines.
- `scenes-seasons` (unpaired): summer scenes and winter scenes drawn from independent layouts.

Everything is drawn at twice the requested size and brought down with antialiasing, except label maps, which are
brought down with nearest-neighbour sampling so that they hold only exact palette colours.
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from PIL import Image, ImageDraw

from .base import DataRequest, DatasetEntry, PairedData, TensorData, fit_images

Palette = tuple[tuple[str, tuple[int, int, int]], ...]

# Region classes of a scene label map, in class order, with the flat colour each is drawn in.
SCENE_PALETTE: Palette = (
    ("sky", (135, 200, 250)),
    ("water", (25, 70, 190)),
    ("grass", (120, 215, 70)),
    ("mountain", (140, 110, 90)),
    ("tree", (20, 105, 45)),
    ("building", (215, 60, 60)),
)
SKY, WATER, GRASS, MOUNTAIN, TREE, BUILDING = range(6)
OBJECT_SHAPES = ("circle", "square", "triangle", "cross", "star", "hexagon", "heart", "drop")
DEFAULT_COUNT = 1000
_CHUNK = 64  # images rendered before each resize, to bound memory at large sizes

# detail parts inside regions (never visible in a label map)
_WALL, _ROOF, _WINDOW, _DOOR, _TRUNK, _CROWN, _CONIFER = range(1, 8)


# --------------------------------------------------------------------------------------------------------------------
# palette snapping (for label maps drawn by hand on a canvas)


def snap_to_palette(image: np.ndarray, palette: Palette = SCENE_PALETTE) -> tuple[np.ndarray, np.ndarray]:
    """Every pixel of an (H,W,3) or (H,W,4) uint8 image set to a palette colour: (clean image uint8, class index map).

    A pixel goes to the nearest palette colour (Euclidean in RGB), except one that lies on the blend between two
    palette colours, as the anti-aliased edge of a stroke does: it goes to the nearer of those two, never to a third
    colour that happens to sit near the blend (red over green blends through brown, which is not "mountain").
    An RGBA image (a drawing canvas) is first composited over the palette's first colour (sky for SCENE_PALETTE), so
    what was never painted is background.
    """
    arr = np.asarray(image)
    if arr.ndim != 3 or arr.shape[2] not in (3, 4) or not palette:
        raise ValueError("snap_to_palette needs an (H,W,3) or (H,W,4) image and a non-empty palette")
    colours = np.array([rgb for _, rgb in palette], dtype=np.float32)
    rgb = arr[..., :3].astype(np.float32)
    if arr.shape[2] == 4:
        alpha = arr[..., 3:].astype(np.float32) / 255.0
        rgb = rgb * alpha + colours[0] * (1 - alpha)
    px = rgb.reshape(-1, 3)
    point_d = ((px[:, None, :] - colours[None]) ** 2).sum(-1)
    index = point_d.argmin(1)
    best_point = point_d.min(1)
    best_seg = np.full(len(px), np.inf, np.float32)
    seg_index = index.copy()
    for i in range(len(colours)):
        for j in range(i + 1, len(colours)):
            ci, edge = colours[i], colours[j] - colours[i]
            t = np.clip(((px - ci) @ edge) / float(edge @ edge), 0.0, 1.0)
            d = ((px - (ci + t[:, None] * edge)) ** 2).sum(-1)
            closer = d < best_seg
            best_seg = np.where(closer, d, best_seg)
            seg_index = np.where(closer, np.where(t < 0.5, i, j), seg_index)
    on_blend = (best_seg <= 6.0**2) & (best_seg + 1.0 < best_point)  # within rounding of a blend line
    index = np.where(on_blend, seg_index, index).reshape(arr.shape[:2]).astype(np.int64)
    return colours.astype(np.uint8)[index], index


# --------------------------------------------------------------------------------------------------------------------
# scene layouts


@dataclass
class _Layout:
    """One scene's layout at canvas size: region class, detail part and object id per pixel, and per-object facts."""

    cls: np.ndarray  # (S,S) uint8 region class
    part: np.ndarray  # (S,S) uint8 detail part
    obj: np.ndarray  # (S,S) uint8 object id (mountains first, then trees and buildings)
    horizon: int
    peak_x: np.ndarray  # (256,) per object id: mountain peak x / tree centre x
    peak_y: np.ndarray  # per id: mountain peak y
    height: np.ndarray  # per id: mountain height
    snow: np.ndarray  # per id: how far down a summer snow cap reaches (share of the height)
    wall: np.ndarray  # (256,3) per id: wall or crown colour
    roof: np.ndarray  # (256,3) per id: roof colour


_WALLS = ((225, 205, 170), (190, 95, 70), (235, 230, 220), (160, 170, 185), (210, 180, 120), (170, 120, 90))
_ROOFS = ((140, 55, 45), (85, 85, 95), (110, 70, 50), (60, 70, 90))
_GREENS = ((40, 115, 40), (55, 125, 35), (30, 95, 45), (70, 130, 45))


def _layout(rng: np.random.Generator, s: int) -> _Layout:
    # one 32-bit canvas holds all three maps: class + 8 * part + 64 * object id (a single draw per primitive)
    canvas = Image.new("I", (s, s), SKY)
    draw = ImageDraw.Draw(canvas)
    peak_x, peak_y = np.zeros(256, np.float32), np.zeros(256, np.float32)
    height, snow = np.ones(256, np.float32), np.zeros(256, np.float32)
    wall, roof = np.zeros((256, 3), np.float32), np.zeros((256, 3), np.float32)
    h = int(s * rng.uniform(0.38, 0.6))
    ground = s - h

    def poly(points: list[tuple[float, float]], c: int, p: int, o: int) -> None:
        draw.polygon(points, fill=c + 8 * p + 64 * o)

    def rect(box: list[float], c: int, p: int, o: int) -> None:
        draw.rectangle(box, fill=c + 8 * p + 64 * o)

    def ellipse(box: list[float], c: int, p: int, o: int) -> None:
        draw.ellipse(box, fill=c + 8 * p + 64 * o)

    # mountains: the tallest behind, drawn first
    n_mountains = int(rng.choice(4, p=(0.15, 0.3, 0.35, 0.2)))
    heights = sorted(rng.uniform(0.1, 0.34, n_mountains) * s, reverse=True)
    oid = 0
    for mh in heights:
        mh = min(mh, h - 2)
        oid += 1
        px, py = rng.uniform(-0.05, 1.05) * s, h - mh
        wl, wr = mh * rng.uniform(1.0, 2.2), mh * rng.uniform(1.0, 2.2)
        left = [(px - wl * f + rng.normal(0, 0.06) * mh, py + mh * f + rng.normal(0, 0.06) * mh) for f in (0.66, 0.33)]
        right = [(px + wr * f + rng.normal(0, 0.06) * mh, py + mh * f + rng.normal(0, 0.06) * mh) for f in (0.33, 0.66)]
        poly([(px - wl, h + 2), *left, (px, py), *right, (px + wr, h + 2)], MOUNTAIN, 0, oid)
        peak_x[oid], peak_y[oid], height[oid] = px, py, mh
        snow[oid] = rng.uniform(0.2, 0.38) if mh > 0.17 * s else rng.uniform(0.0, 0.15)

    rect([0, h, s, s], GRASS, 0, 0)

    # a sea (perhaps a bay meeting the horizon on one side), a lake, or dry land
    water = rng.choice(3, p=(0.35, 0.45, 0.2))
    if water == 0:
        d0, d1 = rng.uniform(0.0, 0.7, 2) * ground
        phase, amp = rng.uniform(0, 2 * math.pi), rng.uniform(0.01, 0.05) * s
        xs = np.linspace(0, s, 9)
        shore = [(float(x), h + max(0.0, d0 + (d1 - d0) * x / s + amp * math.sin(phase + 5 * x / s))) for x in xs]
        poly([(0, h), (s, h), *shore[::-1]], WATER, 0, 0)
    elif water == 1:
        rx = rng.uniform(0.15, 0.4) * s
        ry = rx * rng.uniform(0.18, 0.32)
        cx, cy = rng.uniform(0.15, 0.85) * s, h + ry + 2 + rng.uniform(0.0, 0.7) * max(ground - 2 * ry, 1)
        ellipse([cx - rx, cy - ry, cx + rx, cy + ry], WATER, 0, 0)
        if rng.uniform() < 0.6:  # a second lobe makes it less of an ellipse
            cx2, ry2 = cx + rng.choice((-1, 1)) * rx * rng.uniform(0.4, 0.8), ry * rng.uniform(0.6, 1.0)
            cy2 = max(cy + rng.uniform(-0.4, 0.4) * ry, h + ry2 + 2)
            ellipse([cx2 - rx * 0.6, cy2 - ry2, cx2 + rx * 0.6, cy2 + ry2], WATER, 0, 0)

    # trees and buildings standing on grass, the farthest drawn first
    cls_now = np.asarray(canvas) & 7
    objects: list[tuple[float, float, str]] = []
    n_buildings = int(rng.choice(4, p=(0.3, 0.35, 0.25, 0.1)))
    for kind, n in (("tree", int(rng.integers(1, 9))), ("building", n_buildings)):
        for _ in range(n):
            for _try in range(8):
                x, y = rng.uniform(0.03, 0.97) * s, h + 3 + ground * rng.uniform(0.05, 1.0) ** 0.8
                xi, yi = int(x), min(int(y), s - 1)
                if all(cls_now[yi, min(max(xi + dx, 0), s - 1)] == GRASS for dx in (-s // 20, 0, s // 20)):
                    objects.append((y, x, kind))
                    break
    for y, x, kind in sorted(objects):
        oid += 1
        if oid > 255:
            break
        scale = 0.35 + 0.65 * (y - h) / ground
        if kind == "tree":
            th = s * rng.uniform(0.16, 0.26) * scale
            tw = max(1.5, th * 0.07)
            peak_x[oid], wall[oid] = x, _GREENS[rng.integers(len(_GREENS))]
            if rng.uniform() < 0.5:  # a round, leafy tree: two or three blobs on a trunk
                rect([x - tw, y - th * 0.45, x + tw, y], TREE, _TRUNK, oid)
                r = th * 0.3
                for dx, dy, f in ((0, -0.68, 1.0), (-0.28, -0.52, 0.75), (0.28, -0.54, 0.75))[: int(rng.integers(1, 4))]:
                    cx, cy, rr = x + dx * th + rng.normal(0, 0.03) * th, y + dy * th, r * f * rng.uniform(0.9, 1.1)
                    ellipse([cx - rr, cy - rr * 1.05, cx + rr, cy + rr * 1.05], TREE, _CROWN, oid)
            else:  # a conifer: stacked triangles
                rect([x - tw, y - th * 0.2, x + tw, y], TREE, _TRUNK, oid)
                half = th * rng.uniform(0.22, 0.3)
                for k, f in enumerate((1.0, 0.8, 0.6)):
                    base = y - th * (0.15 + 0.25 * k)
                    poly([(x - half * f, base), (x + half * f, base), (x, base - th * 0.45)], TREE, _CONIFER, oid)
        else:
            bw = s * rng.uniform(0.1, 0.2) * scale * 1.4
            bh = bw * rng.uniform(0.6, 1.6)
            x0, top = x - bw / 2, y - bh
            wall[oid], roof[oid] = _WALLS[rng.integers(len(_WALLS))], _ROOFS[rng.integers(len(_ROOFS))]
            rect([x0, top, x0 + bw, y], BUILDING, _WALL, oid)
            if rng.uniform() < 0.65:  # a gabled roof
                rh, over = bw * rng.uniform(0.3, 0.55), bw * 0.08
                poly([(x0 - over, top), (x0 + bw + over, top), (x, top - rh)], BUILDING, _ROOF, oid)
            else:  # a flat roof with a parapet
                rect([x0 - 1, top - max(1.5, bh * 0.06), x0 + bw + 1, top], BUILDING, _ROOF, oid)
            cols, rows = max(1, round(bw / (s * 0.055))), max(1, round(bh / (s * 0.07)))
            cw, ch = bw / cols, bh / rows
            door = scale > 0.45 and rng.uniform() < 0.8
            if cw >= 3 and ch >= 3:
                for r in range(rows - (1 if door and rows > 1 else 0)):
                    for c in range(cols):
                        wx, wy = x0 + c * cw + cw * 0.28, top + r * ch + ch * 0.25
                        rect([wx, wy, wx + cw * 0.44, wy + ch * 0.45], BUILDING, _WINDOW, oid)
            if door:
                dw = min(bw * 0.28, s * 0.04)
                rect([x - dw / 2, y - min(bh * 0.45, dw * 1.9), x + dw / 2, y], BUILDING, _DOOR, oid)
    code = np.asarray(canvas)
    cls, part, obj = (code & 7).astype(np.uint8), ((code >> 3) & 7).astype(np.uint8), (code >> 6).astype(np.uint8)
    return _Layout(cls, part, obj, h, peak_x, peak_y, height, snow, wall, roof)


# --------------------------------------------------------------------------------------------------------------------
# rendering


def _smooth_noise(rng: np.random.Generator, s: int, cells: int, cells_x: int | None = None) -> np.ndarray:
    """Smooth value noise of roughly unit variance: a coarse random grid (cells rows, cells_x columns), smoothly enlarged."""
    grid = Image.fromarray(rng.standard_normal((cells + 1, (cells_x or cells) + 1)).astype(np.float32), mode="F")
    return np.asarray(grid.resize((s, s), Image.Resampling.BICUBIC), dtype=np.float32)


def _mix(a: np.ndarray, b: np.ndarray, t: np.ndarray | float) -> np.ndarray:
    return a + (b - a) * t


def _rgb(c: tuple[float, float, float]) -> np.ndarray:
    """A colour as a (3,1) column: it broadcasts against per-pixel values (K,) into planar (3,K) colours."""
    return np.asarray(c, dtype=np.float32)[:, None]


def _render(lay: _Layout, rng: np.random.Generator, winter: bool) -> np.ndarray:
    """The textured scene of a layout, in summer or winter, as planar (3,S,S) uint8.

    Each region is shaded only on its own pixels, as planar (3,K) colours (writing three planes through a mask is
    an order of magnitude faster than writing (K,3) rows), so a scene costs about one pass over the image.
    """
    cls, part, obj = lay.cls, lay.part, lay.obj
    s, h = cls.shape[0], lay.horizon
    n1, n2 = _smooth_noise(rng, s, 5), _smooth_noise(rng, s, 14)
    puffs = 0.75 * _smooth_noise(rng, s, 7, 3)[:h] + 0.25 * n2[:h]  # clouds: wider than tall
    fine = (rng.random((s, s), dtype=np.float32) - 0.5) * 3.46  # grain of unit variance (uniform: cheaper than normal)
    tint = rng.normal(0, 6, (3, 1)).astype(np.float32)
    img = np.empty((3, s, s), np.float32)
    rows = np.arange(s, dtype=np.float32)[:, None] * np.ones((1, s), np.float32)
    cols = np.arange(s, dtype=np.float32)[None, :] * np.ones((s, 1), np.float32)

    # sky (every row above the horizon, which water reflects): a vertical gradient with clouds
    t = (np.arange(h, dtype=np.float32) / max(h, 1))[:, None]  # (h,1): per row
    if winter:
        top, low = _rgb((150, 170, 195)) + tint, _rgb((222, 226, 234))
        clouds, cloud_rgb = np.clip((puffs + 0.3) * 1.2, 0, 1) * 0.6, _rgb((205, 210, 220))
    else:
        top, low = _rgb((55, 120, 215)) + tint, _rgb((175, 215, 245))
        clouds = np.clip((puffs - rng.uniform(0.4, 1.0)) * 1.4, 0, 1) * np.sqrt(1 - t) * 0.9
        cloud_rgb = _rgb((250, 250, 252))
    gradient = _mix(top[:, :, None], low[:, :, None], t ** 1.3)  # (3,h,1)
    img[:, :h] = _mix(gradient, cloud_rgb[:, :, None], clouds)
    img[:, h:] = low[:, :, None]

    def put(m: np.ndarray, colour: np.ndarray) -> None:
        for c in range(3):
            img[c][m] = colour[c]

    # mountains: lit from the left, snow caps (down to the foot in winter), hazier near the horizon
    m = cls == MOUNTAIN
    if m.any():
        o, a, b, y, x = obj[m], n1[m], n2[m], rows[m], cols[m]
        mh = lay.height[o]
        rel = np.clip((y - lay.peak_y[o]) / mh, 0, 1)
        lit = (x + b * 0.08 * mh < lay.peak_x[o]).astype(np.float32)
        dark, light = ((88, 90, 100), (130, 130, 140)) if winter else ((92, 84, 86), (140, 122, 108))
        rock = _mix(_rgb(dark), _rgb(light), lit) * (0.9 + 0.08 * b + 0.04 * fine[m])
        rock = _mix(rock, low, 0.35 * rel * rel)
        line = (np.maximum(lay.snow[o], 0.55 + 0.2 * a.clip(-1, 1)) if winter else lay.snow[o]) + 0.1 * b
        snow = _mix(_rgb((178, 190, 212)), _rgb((246, 247, 251)), lit)
        put(m, np.where(rel < line, snow, rock))

    # ground: grass in summer, snow in winter; hazier far away
    m = cls == GRASS
    if m.any():
        a, b, f = n1[m], n2[m], fine[m]
        if winter:
            ground = _rgb((238, 242, 250)) + a * 7 * _rgb((-1.0, -0.8, 0.0)) + f * 2.5
            ground = ground - np.clip(-b, 0, 1) * 14 * _rgb((1.0, 0.8, 0.2))
        else:
            far = np.clip(1 - (rows[m] - h) / max(s - h, 1), 0, 1)
            ground = _rgb((70, 150, 45)) + tint * 0.5 + a * 14 * _rgb((1.0, 0.7, -0.3)) + (b * 8 + f * 7)
            ground = _mix(ground, _rgb((150, 185, 150)), 0.35 * far * far * far)
        put(m, ground)

    # water: deepening colour, the sky and mountains reflected about the horizon, ripples (ice in winter)
    m = cls == WATER
    if m.any():
        a, b, f, y, x = n1[m], n2[m], fine[m], rows[m], cols[m]
        depth = np.clip((y - h) / max(s - h, 1), 0, 1)
        ripple = np.sin(y * 1.3 * (2.2 * 64 / s) ** 0.5 + b * 3)
        ry = np.clip(2 * h - y + ripple * 0.8, 0, h - 1).astype(np.intp)
        rx = np.clip(x + ripple * s / 64, 0, s - 1).astype(np.intp)
        reflection = img[:, ry, rx]
        if winter:
            water = _mix(_mix(_rgb((140, 158, 172)), _rgb((100, 118, 135)), depth) + f * 3, reflection, 0.2)
            water = _mix(water, _rgb((214, 228, 238)) + b * 6, np.clip((a + 0.3 * b - 0.1) * 3, 0, 1))
        else:
            water = _mix(_mix(_rgb((55, 115, 185)), _rgb((15, 60, 130)), depth) + tint * 0.5, reflection, 0.35)
            streak = np.sin(y * 1.7 + x * 0.07 + b * 5 + f * 0.3)
            water = water + (np.clip(streak - 0.8, 0, 1) * 90 - np.clip(-streak - 0.85, 0, 1) * 60)
        put(m, water)

    # trees: leafy or conifer crowns on trunks; dark with snow on their tops in winter
    m = cls == TREE
    if m.any():
        o, p, b, f = obj[m], part[m], n2[m], fine[m]
        crown_mask = (part == _CROWN) | (part == _CONIFER)
        crown, conifer = crown_mask[m], p == _CONIFER
        side = np.clip((lay.peak_x[o] - cols[m]) / (s * 0.05), -1, 1)  # lit on the left
        if winter:
            colour = np.where(conifer, _rgb((28, 52, 42)), _rgb((52, 58, 54))) * (0.85 + 0.12 * side + 0.08 * b + 0.06 * f)
            k = max(2, s // 40)
            above = np.zeros_like(crown_mask)
            above[k:] = crown_mask[:-k]
            cap = ~above[m] | (f > 1.68)  # snow lies on the tops, with a few flakes
            colour = np.where(crown & cap, _rgb((240, 243, 250)), colour)
        else:
            colour = lay.wall[o].T * (np.where(conifer, 0.75, 1.0) * (0.9 + 0.18 * side + 0.1 * b + 0.1 * f))
        trunk = _rgb((95, 65, 40)) * (0.9 + 0.1 * f)
        put(m, np.where(crown, colour, trunk))

    # buildings: walls, roofs (snowed on in winter), windows (lit in winter), doors
    m = cls == BUILDING
    if m.any():
        o, p, b, f = obj[m], part[m], n2[m], fine[m]
        wall = lay.wall[o].T * (0.94 + 0.03 * f)
        if winter:
            roof = _rgb((236, 240, 248)) + f * 3
            window = np.where(b > -0.3, _rgb((250, 210, 110)), _rgb((60, 70, 95)))
        else:
            roof = lay.roof[o].T * (0.9 + 0.05 * f)
            window = _mix(_rgb((60, 90, 130)), _rgb((170, 200, 225)), np.clip(0.5 + 0.5 * b, 0, 1))
        build = np.where(p == _ROOF, roof, wall)
        build = np.where(p == _WINDOW, window, build)
        put(m, np.where(p == _DOOR, _rgb((85, 52, 32)), build))
    return np.clip(img, 0, 255).astype(np.uint8)


def _label_map(cls: np.ndarray, palette: Palette = SCENE_PALETTE) -> np.ndarray:
    """The flat-colour label map of a class map, planar (3,H,W) uint8."""
    return np.array([rgb for _, rgb in palette], np.uint8).T[:, cls]


# --------------------------------------------------------------------------------------------------------------------
# edge maps and objects


def _shape_mask(rng: np.random.Generator, s: int) -> np.ndarray:
    """One random object outline as parts: 0 background, 1 body, 2 an inner band or disc of another colour."""
    im = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(im)
    name = OBJECT_SHAPES[rng.integers(len(OBJECT_SHAPES))]
    r = s * rng.uniform(0.26, 0.36)
    cx, cy = s / 2 + rng.uniform(-0.08, 0.08) * s, s / 2 + rng.uniform(-0.08, 0.08) * s
    rot = rng.uniform(0, 2 * math.pi)

    def ngon(n: int, rr: float, inner: float | None = None) -> list[tuple[float, float]]:
        steps = 2 * n if inner else n
        return [(cx + rr * (inner if inner and i % 2 else 1) * math.cos(rot + 2 * math.pi * i / steps),
                 cy + rr * (inner if inner and i % 2 else 1) * math.sin(rot + 2 * math.pi * i / steps)) for i in range(steps)]

    if name == "circle":
        ry = r * rng.uniform(0.7, 1.0)
        d.ellipse([cx - r, cy - ry, cx + r, cy + ry], fill=1)
    elif name == "square":
        d.polygon(ngon(4, r * 1.2), fill=1)
    elif name == "triangle":
        d.polygon(ngon(3, r * 1.25), fill=1)
    elif name == "hexagon":
        d.polygon(ngon(6, r * 1.1), fill=1)
    elif name == "star":
        d.polygon(ngon(5, r * 1.25, inner=0.48), fill=1)
    elif name == "cross":
        w = r * 0.4
        for a in (rot, rot + math.pi / 2):
            dx, dy = math.cos(a) * r * 1.1, math.sin(a) * r * 1.1
            d.polygon([(cx - dx - dy * w / r, cy - dy + dx * w / r), (cx + dx - dy * w / r, cy + dy + dx * w / r),
                       (cx + dx + dy * w / r, cy + dy - dx * w / r), (cx - dx + dy * w / r, cy - dy - dx * w / r)], fill=1)
    elif name == "heart":
        q = r * 0.55
        d.ellipse([cx - 2 * q, cy - 1.6 * q, cx, cy + 0.4 * q], fill=1)
        d.ellipse([cx, cy - 1.6 * q, cx + 2 * q, cy + 0.4 * q], fill=1)
        d.polygon([(cx - 1.97 * q, cy - 0.5 * q), (cx, cy - 0.62 * q), (cx + 1.97 * q, cy - 0.5 * q), (cx, cy + 2.0 * q)], fill=1)
    else:  # a drop
        d.ellipse([cx - r * 0.8, cy - r * 0.3, cx + r * 0.8, cy + r * 1.3], fill=1)
        d.polygon([(cx - r * 0.78, cy + r * 0.4), (cx + r * 0.78, cy + r * 0.4), (cx, cy - r * 1.2)], fill=1)
    body = np.asarray(im) > 0
    inner = Image.new("L", (s, s), 0)
    di = ImageDraw.Draw(inner)
    style = rng.integers(3)
    if style == 1:  # a band across the body
        a, w = rng.uniform(0, math.pi), r * rng.uniform(0.25, 0.4)
        ox, oy = rng.uniform(-0.3, 0.3) * r, rng.uniform(-0.3, 0.3) * r
        dx, dy, nx, ny = math.cos(a) * s, math.sin(a) * s, -math.sin(a) * w / 2, math.cos(a) * w / 2
        di.polygon([(cx + ox - dx + nx, cy + oy - dy + ny), (cx + ox + dx + nx, cy + oy + dy + ny),
                    (cx + ox + dx - nx, cy + oy + dy - ny), (cx + ox - dx - nx, cy + oy - dy - ny)], fill=1)
    elif style == 2:  # a disc inside
        rr = r * rng.uniform(0.22, 0.35)
        di.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=1)
    parts = body.astype(np.uint8)
    parts[body & (np.asarray(inner) > 0)] = 2
    return parts


def _erode(mask: np.ndarray) -> np.ndarray:
    out = mask.copy()
    out[1:] &= mask[:-1]
    out[:-1] &= mask[1:]
    out[:, 1:] &= mask[:, :-1]
    out[:, :-1] &= mask[:, 1:]
    return out


def _edges(parts: np.ndarray) -> np.ndarray:
    """Pixels whose 4-neighbourhood holds another part: the morphological gradient of the part map."""
    edge = np.zeros(parts.shape, bool)
    edge[1:] |= parts[1:] != parts[:-1]
    edge[:-1] |= parts[:-1] != parts[1:]
    edge[:, 1:] |= parts[:, 1:] != parts[:, :-1]
    edge[:, :-1] |= parts[:, :-1] != parts[:, 1:]
    return edge


def _edges_and_object(rng: np.random.Generator, s: int) -> tuple[np.ndarray, np.ndarray]:
    """(edge map, shaded object on white), both planar (3,S,S) uint8."""
    parts = _shape_mask(rng, s)
    body = parts > 0
    edge = _edges(parts)  # two pixels wide; one more makes each line cover a whole pixel once brought down to size
    edge[1:] |= edge[:-1].copy()
    edge[:, 1:] |= edge[:, :-1].copy()
    edge_img = np.where(edge, 20, 255).astype(np.uint8)
    # depth below the outline (a few erosions) gives a rounded bevel; light comes from the top left
    depth = np.zeros((s, s), np.float32)
    m, k = body, max(2, s // 14)
    for _ in range(k):
        m = _erode(m)
        depth += m
    bevel = np.sqrt(depth / k)
    ys, xs = np.nonzero(body)
    cy, cx, r = ys.mean(), xs.mean(), max(np.ptp(ys), np.ptp(xs), 1) / 2
    u = (np.arange(s, dtype=np.float32)[None, :] - cx) / r
    v = (np.arange(s, dtype=np.float32)[:, None] - cy) / r
    light = np.clip(0.95 - 0.28 * (u + v) / math.sqrt(2), 0.45, 1.15) * (0.55 + 0.45 * bevel)
    hue = rng.uniform()
    body_rgb = np.array(colorsys.hsv_to_rgb(hue, rng.uniform(0.55, 0.95), rng.uniform(0.65, 0.9)), np.float32) * 255
    inner_rgb = np.array(colorsys.hsv_to_rgb((hue + rng.uniform(0.3, 0.7)) % 1, rng.uniform(0.5, 0.9), rng.uniform(0.5, 0.95)),
                         np.float32) * 255
    colour = np.where(parts == 2, inner_rgb[:, None, None], body_rgb[:, None, None]) * light
    spec = np.exp(-((u + 0.35) ** 2 + (v + 0.4) ** 2) / 0.045) * bevel
    colour = colour + (255 - colour) * (0.75 * spec) + (rng.random((1, s, s), dtype=np.float32) - 0.5) * 7
    background = np.float32(250) - np.arange(s, dtype=np.float32)[:, None] / s * 8
    obj = np.where(body, colour, background)
    edges = np.broadcast_to(edge_img, (3, s, s))
    return edges, np.clip(obj, 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------------------------------------------------
# the data sets


def _build(req: DataRequest, draw: Callable[[], tuple[np.ndarray, np.ndarray]]) -> tuple[torch.Tensor, torch.Tensor]:
    """N planar (3,H,W) uint8 pairs, converted and brought down to size (antialiased, where larger) in chunks."""
    n, size, channels = req.max_items or DEFAULT_COUNT, req.image_size, req.channels or 3
    a_parts, b_parts = [], []
    for start in range(0, n, _CHUNK):
        pairs = [draw() for _ in range(start, min(n, start + _CHUNK))]
        for side, parts in ((0, a_parts), (1, b_parts)):
            x = torch.from_numpy(np.stack([p[side] for p in pairs])).float() / 127.5 - 1
            parts.append(fit_images(x, size, channels))
    return torch.cat(a_parts), torch.cat(b_parts)


def load_scene_labels(req: DataRequest) -> PairedData:
    rng = np.random.default_rng([req.seed, 11])
    canvas = 2 * req.image_size

    def draw() -> tuple[np.ndarray, np.ndarray]:
        lay = _layout(rng, canvas)
        # the label map comes down by nearest-neighbour sampling (every other pixel), so it keeps exact palette colours
        return _label_map(lay.cls[1::2, 1::2]), _render(lay, rng, winter=False)

    a, b = _build(req, draw)
    return PairedData("scenes-labels", "paired", a, b, domains=("label map", "scene"), palette=SCENE_PALETTE,
                      description="Procedural label maps (sky, water, grass, mountain, tree, building) and the scenes they lay out.")


def load_edges_objects(req: DataRequest) -> PairedData:
    rng = np.random.default_rng([req.seed, 12])
    a, b = _build(req, lambda: _edges_and_object(rng, 2 * req.image_size))
    return PairedData("edges-objects", "paired", a, b, domains=("edges", "object"),
                      description="Procedural edge maps (dark lines on white) and the shaded objects they outline.")


def load_scene_seasons(req: DataRequest) -> PairedData:
    rng_a, rng_b = np.random.default_rng([req.seed, 13, 0]), np.random.default_rng([req.seed, 13, 1])
    canvas = 2 * req.image_size

    def draw() -> tuple[np.ndarray, np.ndarray]:
        summer = _render(_layout(rng_a, canvas), rng_a, winter=False)
        winter = _render(_layout(rng_b, canvas), rng_b, winter=True)
        return summer, winter

    a, b = _build(req, draw)
    return PairedData("scenes-seasons", "unpaired", a, b, domains=("summer", "winter"),
                      description="Procedural landscapes in summer and in winter, from independent layouts (no pairs).")


def load_scene_styles(req: DataRequest) -> TensorData:
    """Summer and winter scenes labelled by their season, drawn from their own seed stream: what a style classifier
    learns from (an independent judge of a CycleGAN trained on scenes-seasons, which never saw these images)."""
    rng = np.random.default_rng([req.seed, 14])
    canvas = 2 * req.image_size
    seasons = rng.integers(2, size=req.max_items or DEFAULT_COUNT)
    it = iter(seasons)

    def draw() -> tuple[np.ndarray, np.ndarray]:
        scene = _render(_layout(rng, canvas), rng, winter=bool(next(it)))
        return scene, scene

    x, _ = _build(req, draw)  # as many scenes as seasons drawn
    return TensorData("scenes-styles", "images", x, torch.from_numpy(seasons).long(), ("summer", "winter"),
                      description="Procedural landscapes labelled summer or winter (a style classifier's data).")


ENTRIES = (
    DatasetEntry("scenes-styles", "images", "Procedural landscapes labelled summer or winter (for a style classifier).",
                 load_scene_styles),
    DatasetEntry("scenes-labels", "paired", "Procedural label maps -> landscapes (Pix2Pix).", load_scene_labels),
    DatasetEntry("edges-objects", "paired", "Procedural edge maps -> shaded objects (Pix2Pix).", load_edges_objects),
    DatasetEntry("scenes-seasons", "unpaired", "Procedural landscapes, summer <-> winter, unpaired (CycleGAN).", load_scene_seasons),
)
