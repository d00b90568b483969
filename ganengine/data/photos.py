"""Photos for super-resolution: the ones bundled with scikit-image (no download) or a user's folder / zip, held whole
as uint8 tensors; HR patches are cut from them on the fly, and `degrade` makes their LR inputs.

Some bundled photos are kept out of training entirely, and they are of kinds no training photo is (an animal's fur, a
stained tissue micrograph, coins in relief): the model card's figures are measured on photos the model never saw, of
kinds it was not tuned on. A user's folder keeps a seeded tenth of its photos (at least one) apart the same way.
"""

from __future__ import annotations

import dataclasses
import io
import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from ..imageio import ImageInputError, list_images, open_image
from ..models.superres import bicubic
from .base import DataError, DataRequest, DatasetEntry

#: (name, what it shows, held out for validation). Only photos shipped inside the scikit-image package: those that need
#: its optional download (pooch) are left out, and any that fails to load here is skipped.
BUNDLED: tuple[tuple[str, str, bool], ...] = (
    ("astronaut", "a portrait", False),
    ("coffee", "a cup of coffee", False),
    ("rocket", "a rocket on its launch pad", False),
    ("motorcycle", "a motorcycle in a workshop", False),
    ("hubble_deep_field", "galaxies (telescope)", False),
    ("retina", "a retina (fundus camera)", False),
    ("camera", "a man with a camera (grey)", False),
    ("brick", "a brick wall (grey texture)", False),
    ("grass", "grass (grey texture)", False),
    ("gravel", "gravel (grey texture)", False),
    ("moon", "the moon's surface (grey)", False),
    ("chelsea", "a cat", True),
    ("immunohistochemistry", "a stained tissue micrograph", True),
    ("coins", "grey coins in relief", True),
)
HELD_OUT_SHARE = 0.1  # of a user's photos
MAX_USER_PHOTOS = 500
MAX_SIDE = 1024  # a user's larger photos are shrunk (antialiased) to this long side: cleaner HR targets, bounded memory
MAX_TOTAL_PIXELS = 64_000_000  # photos kept in memory at once (uint8: 192 MB)
VAL_CROP = 128  # side of the fixed validation crops (HR pixels)
VAL_CROPS_PER_PHOTO = 4
VAL_SEED = 2024  # crops and their degradation do not depend on the run's seed: cards of different runs compare


def _bundled(name: str) -> np.ndarray:
    import skimage.data as skd

    if name == "motorcycle":
        return skd.stereo_motorcycle()[0]  # the left view (the right one is the same scene)
    return getattr(skd, name)()


def _as_rgb(arr: np.ndarray) -> np.ndarray:
    arr = np.asarray(arr)
    if arr.dtype != np.uint8:
        raise ValueError("expected an 8-bit photo")
    if arr.ndim == 2:
        arr = np.repeat(arr[..., None], 3, axis=2)
    return np.ascontiguousarray(arr[..., :3])


def _tensor(arr: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.array(_as_rgb(arr))).permute(2, 0, 1).contiguous()  # (3,H,W) uint8, its own copy


@dataclass
class PhotoSet:
    """Whole photos as (3,H,W) uint8 tensors: `train` to cut patches from, `val` never trained on.

    `val_kinds` says what the validation photos show (bundled photos), for the model card."""

    name: str
    train: list[torch.Tensor]
    val: list[torch.Tensor]
    train_names: tuple[str, ...] = ()
    val_names: tuple[str, ...] = ()
    val_kinds: tuple[str, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        if not self.train or not self.val:
            raise DataError(f"{self.name}: super-resolution needs photos to train on and at least one kept apart")

    def __len__(self) -> int:
        return len(self.train)

    @property
    def device(self) -> torch.device:
        return self.train[0].device

    def to(self, device: torch.device) -> PhotoSet:
        """A copy on `device` (still uint8); this set is left as it was."""
        return dataclasses.replace(self, train=[t.to(device) for t in self.train], val=[t.to(device) for t in self.val])

    def sample_patches(self, n: int, size: int, generator: torch.Generator, augment: bool = True) -> torch.Tensor:
        """n random size x size HR patches in [-1, 1] (N,3,size,size): a photo picked in proportion to its area, a
        random position, and (augment) one of the 8 flips / quarter turns. Random numbers come from `generator` (on the
        CPU), so a seed gives the same patches on any device."""
        areas = torch.tensor([float((t.shape[-2] - size + 1) * (t.shape[-1] - size + 1)) for t in self.train])
        if (areas <= 0).all():
            raise DataError(f"{self.name}: no training photo is {size} pixels on its shorter side")
        which = torch.multinomial(areas.clamp_min(0), n, replacement=True, generator=generator)
        pos = torch.rand(n, 2, generator=generator)
        turns = torch.randint(0, 8, (n,), generator=generator)
        patches = []
        for i in range(n):
            img = self.train[int(which[i])]
            y = int(pos[i, 0] * (img.shape[-2] - size + 1))
            x = int(pos[i, 1] * (img.shape[-1] - size + 1))
            p = img[:, y : y + size, x : x + size]
            if augment:
                k = int(turns[i])
                p = torch.rot90(p, k % 4, dims=(1, 2))
                if k >= 4:
                    p = p.flip(2)
            patches.append(p)
        return torch.stack(patches).float() / 127.5 - 1

    def validation_crops(self, scale: int, crop: int = VAL_CROP, per_photo: int = VAL_CROPS_PER_PHOTO) -> torch.Tensor:
        """Fixed crops of the validation photos in [-1, 1] (N,3,c,c): `per_photo` seeded positions in each, the side
        `crop` (or smaller when a photo is, a multiple of 4 * scale)."""
        side = min(crop, *(min(t.shape[-2:]) for t in self.val))
        side -= side % (4 * scale)
        if side < 8 * scale:
            raise DataError(f"{self.name}: the photos kept apart for validation are too small (under {8 * scale} pixels)")
        g = torch.Generator().manual_seed(VAL_SEED)
        crops = []
        for img in self.val:
            h, w = img.shape[-2:]
            for _ in range(per_photo):
                y = int(torch.randint(0, h - side + 1, (1,), generator=g))
                x = int(torch.randint(0, w - side + 1, (1,), generator=g))
                crops.append(img[:, y : y + side, x : x + side])
        return torch.stack(crops).float() / 127.5 - 1


# --------------------------------------------------------------------------------------------------- degradations


def degrade(hr: torch.Tensor, scale: int, blur: float = 0.0, noise: float = 0.0, jpeg: int = 0,
            seed: int | torch.Generator = 0) -> torch.Tensor:
    """LR inputs (N,C,H/s,W/s) in [-1, 1] holding 8-bit values, from HR images (N,C,H,W) in [-1, 1], H and W multiples
    of `scale`. In Real-ESRGAN's order (one pass of its first-order model, isotropic kernels only):

    1. blur (blur > 0): a Gaussian of sigma ~ U(0.2, blur) HR pixels, per image;
    2. bicubic down-sampling by `scale`, antialiased (Pillow's / MATLAB's kernel): the classic benchmark degradation;
    3. noise (noise > 0): Gaussian, std ~ U(0, noise) in 8-bit levels, per image;
    4. rounding to 8 bits (LR images are 8-bit files);
    5. JPEG (jpeg > 0): quality ~ U{jpeg..95}, per image.

    Every random draw comes from `seed` (an int or a CPU generator), on the CPU, in a fixed order: the same seed gives
    the same LR images on any device."""
    if hr.shape[-1] % scale or hr.shape[-2] % scale:
        raise ValueError(f"HR sides must be multiples of {scale}")
    g = seed if isinstance(seed, torch.Generator) else torch.Generator().manual_seed(int(seed))
    n, c, h, w = hr.shape
    x = hr.float()
    if blur > 0:
        sigmas = 0.2 + torch.rand(n, generator=g) * max(blur - 0.2, 0.0)
        radius = max(1, math.ceil(3 * float(sigmas.max())))
        coords = torch.arange(-radius, radius + 1, dtype=torch.float32)
        k1 = torch.exp(-(coords[None] ** 2) / (2 * sigmas[:, None] ** 2))
        k1 = k1 / k1.sum(1, keepdim=True)
        kernels = (k1[:, :, None] * k1[:, None, :]).to(x.device)  # (N,k,k)
        weight = kernels.repeat_interleave(c, 0)[:, None]  # one kernel per image and channel
        padded = F.pad(x.reshape(1, n * c, h, w), (radius,) * 4, mode="reflect" if radius < min(h, w) else "replicate")
        x = F.conv2d(padded, weight, groups=n * c).reshape(n, c, h, w)
    x = bicubic(x, size=(h // scale, w // scale))
    if noise > 0:
        stds = torch.rand(n, generator=g) * noise * 2 / 255  # levels of 255 -> units of [-1, 1]
        x = x + (torch.randn(x.shape, generator=g) * stds[:, None, None, None]).to(x.device)
    x = ((x.clamp(-1, 1) + 1) * 127.5).round()
    if jpeg > 0:
        qualities = torch.randint(int(jpeg), 96, (n,), generator=g)
        x = torch.stack([_jpeg(img, int(q)) for img, q in zip(x, qualities, strict=True)])
    return x / 127.5 - 1


def _jpeg(img: torch.Tensor, quality: int) -> torch.Tensor:
    """An (C,H,W) 8-bit-valued float image through a JPEG round trip (on the CPU, back on its device)."""
    arr = img.to("cpu", torch.uint8).permute(1, 2, 0).numpy()
    buf = io.BytesIO()
    Image.fromarray(arr[..., 0] if arr.shape[-1] == 1 else arr).save(buf, format="JPEG", quality=quality)
    out = np.asarray(Image.open(buf).convert("L" if arr.shape[-1] == 1 else "RGB"))
    out = out[..., None] if out.ndim == 2 else out
    return torch.from_numpy(out.copy()).permute(2, 0, 1).to(img.device, torch.float32)


def describe_degradation(scale: int, blur: float = 0.0, noise: float = 0.0, jpeg: int = 0) -> str:
    parts = ([f"Gaussian blur (sigma up to {blur:g} px)"] if blur > 0 else []) + [f"bicubic x{scale} down-sampling"]
    parts += ([f"Gaussian noise (std up to {noise:g} levels)"] if noise > 0 else []) + ["8-bit rounding"]
    parts += [f"JPEG (quality {jpeg}-95)"] if jpeg > 0 else []
    return ", then ".join(parts)


def shrink(hr: np.ndarray, scale: int) -> tuple[np.ndarray, np.ndarray]:
    """An HxWx3 uint8 photo -> (its LR version, the HR reference cropped to multiples of `scale`), made by the same
    bicubic down-sampling and 8-bit rounding as the training inputs and the card's figures (no blur, noise or JPEG)."""
    h, w = (hr.shape[0] // scale) * scale, (hr.shape[1] // scale) * scale
    if h < scale or w < scale:
        raise ValueError(f"an image must be at least {scale} pixels on each side to shrink it x{scale}")
    ref = np.array(_as_rgb(hr)[:h, :w])  # its own writable copy
    x = torch.from_numpy(ref).permute(2, 0, 1)[None].float() / 127.5 - 1
    lr = degrade(x, scale)[0]
    return ((lr + 1) * 127.5).round().clamp(0, 255).to(torch.uint8).permute(1, 2, 0).numpy(), ref


@dataclass(frozen=True)
class ExamplePhoto:
    """A crop of a bundled photo no shipped model trained on, to try super-resolution on with a known reference."""

    name: str
    kind: str
    image: np.ndarray  # HxWx3 uint8, the high-resolution reference


#: (photo, top, left) of each example crop: a region with texture and edges, chosen by eye
EXAMPLE_CROPS = {"chelsea": (40, 110), "coins": (60, 40), "immunohistochemistry": (200, 200)}


def example_photos(side: int = 192) -> list[ExamplePhoto]:
    """A `side`-pixel square crop of each held-out bundled photo present (of kinds no shipped model was tuned on)."""
    found = []
    for name, kind, held in BUNDLED:
        if not held:
            continue
        try:
            arr = _as_rgb(_bundled(name))
        except Exception:  # missing from this scikit-image
            continue
        top, left = EXAMPLE_CROPS.get(name, (0, 0))
        top, left = min(top, max(arr.shape[0] - side, 0)), min(left, max(arr.shape[1] - side, 0))
        found.append(ExamplePhoto(name, kind, np.ascontiguousarray(arr[top : top + side, left : left + side])))
    return found


# --------------------------------------------------------------------------------------------------- loading


def bundled_photo_set() -> PhotoSet:
    """The scikit-image photos present in the installed package, split as BUNDLED says."""
    train, val, train_names, val_names, val_kinds = [], [], [], [], []
    for name, kind, held in BUNDLED:
        try:
            arr = _bundled(name)
        except Exception:  # a photo that would need a download, or a newer scikit-image without it
            continue
        (val if held else train).append(_tensor(arr))
        if held:
            val_names.append(name)
            val_kinds.append(kind)
        else:
            train_names.append(name)
    if not train or not val:
        raise DataError("scikit-image's bundled photos are missing (is scikit-image installed?)")
    return PhotoSet("photos", train, val, tuple(train_names), tuple(val_names), tuple(val_kinds),
                    f"{len(train)} photos bundled with scikit-image to train on, {len(val)} kept apart")


def user_photo_set(path: str, seed: int = 0, max_items: int | None = None, min_side: int = 32) -> PhotoSet:
    """A user's folder or zip of photos (read with the safe readers), a seeded tenth (at least one) kept apart.

    Photos larger than MAX_SIDE are shrunk to it; photos shorter than `min_side` are skipped; at most
    MAX_USER_PHOTOS photos and MAX_TOTAL_PIXELS pixels are kept (a seeded choice)."""
    from pathlib import Path

    from .folder import _opened

    name = Path(path).name
    with _opened(path) as root:
        files = list(list_images(root))
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(files))[: min(max_items or MAX_USER_PHOTOS, MAX_USER_PHOTOS)]
        photos, total = [], 0
        for i in order:
            try:
                img = open_image(files[i], mode="RGB")
            except ImageInputError as exc:
                raise DataError(str(exc)) from None
            if max(img.size) > MAX_SIDE:
                k = MAX_SIDE / max(img.size)
                img = img.resize((max(1, round(img.width * k)), max(1, round(img.height * k))), Image.Resampling.LANCZOS)
            if min(img.size) < min_side:
                continue
            if total + img.width * img.height > MAX_TOTAL_PIXELS:
                break
            total += img.width * img.height
            photos.append(_tensor(np.asarray(img)))
    if len(photos) < 2:
        raise DataError(f"{name}: found {len(photos)} photos of at least {min_side} pixels on their shorter side; "
                        f"super-resolution needs at least 2 (one to train on, one kept apart)")
    n_val = max(1, round(len(photos) * HELD_OUT_SHARE))
    return PhotoSet(name, photos[n_val:], photos[:n_val],
                    description=f"{len(photos) - n_val} of your photos to train on, {n_val} kept apart")


def load_photo_set(data: str, seed: int = 0, max_items: int | None = None, min_side: int = 32) -> PhotoSet:
    """A registered set of photos ('photos': the bundled ones) or a folder / .zip path; other registered sets are refused."""
    from . import registry

    entry = registry().get(data)
    if entry is not None:
        if entry.kind != "photos":
            raise DataError(f"{data} is a set of {entry.kind}, not photos: super-resolution trains on 'photos' or a folder "
                            f"/ .zip of yours")
        photos = entry.loader(DataRequest(seed=seed, max_items=max_items))
        assert isinstance(photos, PhotoSet)
        return photos
    return user_photo_set(data, seed, max_items, min_side)


ENTRIES = (
    DatasetEntry("photos", "photos", "Photos bundled with scikit-image (super-resolution; some kept apart to validate).",
                 lambda req: bundled_photo_set()),
)
