"""Users' image-to-image data, in the layouts the public sets ship in, from a folder or a zip.

- Pix2Pix "AB": `train/` (and optionally `val/`, `test/`) holding side-by-side images: the left half is A, the right
  half B, two square halves (width = 2 x height), as in facades, maps, cityscapes, edges2shoes...
- CycleGAN: `trainA/` and `trainB/` (and optionally `testA/`, `testB/`): two unpaired sets, as in horse2zebra...

The layout may sit at the top of the folder or zip, or inside one folder there (`facades/train/...`), as the public
zips have it. Every refusal is a DataError of one line naming the user's file or folder, never a server path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps

from ..imageio import ImageInputError, check_image, list_images, open_image
from .base import DataError, DataRequest, PairedData, fit_images
from .folder import _opened

MAX_PAIR_IMAGES = 10_000  # per side
MIN_PAIR_IMAGES = 4  # per side
AB_SPLITS = ("train", "val", "test")
CYCLE_SPLITS = {"train": ("trainA", "trainB"), "test": ("testA", "testB")}


@dataclass(frozen=True)
class PairSetSummary:
    """What a user's translation set holds, found without reading every image."""

    layout: str  # "ab" (Pix2Pix side by side) or "cyclegan" (trainA/trainB)
    counts: dict[str, int] = field(default_factory=dict)  # images per folder: train/val/test or trainA/trainB/testA/testB
    domains: tuple[str, str] = ("A", "B")

    @property
    def paired(self) -> bool:
        return self.layout == "ab"


def pair_layout(path: str | Path) -> str:
    """'ab' (Pix2Pix side-by-side images in train/) or 'cyclegan' (trainA/ and trainB/); DataError when neither."""
    with _opened(path) as root:
        return _locate(root, Path(path).name)[0]


def check_pair_set(path: str | Path, probe: int = 8) -> PairSetSummary:
    """Judge an upload on arrival: its layout and counts, refused with DataError when it cannot train.

    Runs the archive checks, reads every image's header (format, size, AB halves), and fully decodes the first `probe`
    images of each training side: nothing accepted here fails later for a reason a header shows.
    """
    name = Path(path).name
    with _opened(path) as root:
        layout, base = _locate(root, name)
        folders = AB_SPLITS if layout == "ab" else ("trainA", "trainB", "testA", "testB")
        found = {f: list(list_images(base / f)) for f in folders if (base / f).is_dir()}
        sides = ("train",) if layout == "ab" else CYCLE_SPLITS["train"]
        for side in sides:
            for f in _files(base, side, name)[:probe]:
                _open(f, base, name, "RGB")
        for f in (f for files in found.values() for f in files):
            size = _header(f, base, name)
            if layout == "ab":
                _check_halves(size, f, base, name)
        return PairSetSummary(layout, {f: len(files) for f, files in found.items()}, _domains(base, root, path))


def load_pairs(path: str | Path, req: DataRequest, split: str = "train") -> PairedData:
    """A user's Pix2Pix (paired) or CycleGAN (unpaired) set, every image centre-cropped square at req.image_size.

    `split` is "train", "val" or "test" for the AB layout; "train" or "test" for CycleGAN's. At most MAX_PAIR_IMAGES
    per side (or req.max_items), a seeded subset when there are more; at least MIN_PAIR_IMAGES per side.
    """
    name = Path(path).name
    channels = req.channels or 3
    mode = "L" if channels == 1 else "RGB"
    limit = min(req.max_items or MAX_PAIR_IMAGES, MAX_PAIR_IMAGES)
    with _opened(path) as root:
        layout, base = _locate(root, name)
        domains = _domains(base, root, path)
        if layout == "ab":
            if split not in AB_SPLITS:
                raise DataError(f"{name}: a Pix2Pix set has the splits {', '.join(AB_SPLITS)}, not {split!r}")
            files = _subset(_files(base, split, name), limit, req.seed)
            lefts, rights = [], []
            for f in files:
                a, b = _halves(_open(f, base, name, mode), f, base, name)
                lefts.append(_square(a, req.image_size))
                rights.append(_square(b, req.image_size))
            return PairedData(name, "paired", _tensor(lefts, req.image_size, channels), _tensor(rights, req.image_size, channels),
                              domains=domains, description=f"{len(files)} side-by-side pairs from {name} ({split}/)")
        if split not in CYCLE_SPLITS:
            raise DataError(f"{name}: a CycleGAN set has the splits train and test, not {split!r}")
        folder_a, folder_b = CYCLE_SPLITS[split]
        for have, lack in ((folder_a, folder_b), (folder_b, folder_a)):
            if (base / have).is_dir() and not (base / lack).is_dir():
                raise DataError(f"{name}: has {have}/ but no {lack}/ (a CycleGAN set needs both)")
        sides = []
        for folder in (folder_a, folder_b):
            files = _subset(_files(base, folder, name), limit, req.seed)
            sides.append(_tensor([_square(_open(f, base, name, mode), req.image_size) for f in files], req.image_size, channels))
        return PairedData(name, "unpaired", sides[0], sides[1], domains=domains,
                          description=f"{len(sides[0])} + {len(sides[1])} unpaired images from {name} ({folder_a}/, {folder_b}/)")


# --------------------------------------------------------------------------------------------------------------------


def _subdirs(folder: Path) -> list[Path]:
    return sorted(d for d in folder.iterdir() if d.is_dir() and not d.is_symlink() and not d.name.startswith((".", "__MACOSX")))


def _layout_here(folder: Path, name: str) -> str | None:
    names = {d.name for d in _subdirs(folder)}
    if "trainA" in names or "trainB" in names:
        if "trainA" not in names or "trainB" not in names:
            have, lack = ("trainA", "trainB") if "trainA" in names else ("trainB", "trainA")
            raise DataError(f"{name}: has {have}/ but no {lack}/ (a CycleGAN set needs both)")
        return "cyclegan"
    if names & set(AB_SPLITS):
        return "ab"
    return None


def _locate(root: Path, name: str) -> tuple[str, Path]:
    """The layout and the folder holding it: the top, or a single folder inside it (as the public zips have)."""
    root = root.resolve()
    folder = root
    for _ in range(3):
        layout = _layout_here(folder, name)
        if layout:
            return layout, folder
        inside = _subdirs(folder)
        if len(inside) != 1:
            break
        folder = inside[0]
    found = [d.relative_to(root).as_posix() + "/" for d in _subdirs(folder)][:6]
    raise DataError(f"{name}: expected Pix2Pix's train/ folder (side-by-side A|B images) or CycleGAN's trainA/ and trainB/ "
                    f"folders; found {', '.join(found) if found else 'no folders'}")


def _files(base: Path, folder: str, name: str) -> list[Path]:
    where = base / folder
    if not where.is_dir():
        raise DataError(f"{name}: has no {folder}/ folder")
    files = list(list_images(where))
    if len(files) < MIN_PAIR_IMAGES:
        raise DataError(f"{name}: {folder}/ holds {len(files)} images, need at least {MIN_PAIR_IMAGES}")
    return files


def _subset(files: list[Path], limit: int, seed: int) -> list[Path]:
    if len(files) <= limit:
        return files
    rng = np.random.default_rng(seed)
    return [files[i] for i in sorted(rng.choice(len(files), limit, replace=False))]


def _rel(f: Path, base: Path) -> str:
    return f.relative_to(base).as_posix()


def _open(f: Path, base: Path, name: str, mode: str) -> Image.Image:
    try:
        return open_image(f, mode=mode)
    except ImageInputError as exc:
        raise DataError(f"{name}: {Path(_rel(f, base)).parent.as_posix()}/{exc}") from None


def _header(f: Path, base: Path, name: str) -> tuple[int, int]:
    try:
        return check_image(f)
    except ImageInputError as exc:
        raise DataError(f"{name}: {Path(_rel(f, base)).parent.as_posix()}/{exc}") from None


def _halves(img: Image.Image, f: Path, base: Path, name: str) -> tuple[Image.Image, Image.Image]:
    """(A, B): the left and right halves of a side-by-side image, refused unless they are two square halves."""
    w, h = _check_halves(img.size, f, base, name)
    return img.crop((0, 0, w // 2, h)), img.crop((w // 2, 0, w, h))


def _check_halves(size: tuple[int, int], f: Path, base: Path, name: str) -> tuple[int, int]:
    """The size of a side-by-side image, refused unless it holds two square halves."""
    w, h = size
    if w % 2:
        raise DataError(f"{name}: {_rel(f, base)} is {w} pixels wide, an odd width: a Pix2Pix image holds A and B side by side "
                        "in two halves of equal width")
    if w != 2 * h:
        raise DataError(f"{name}: {_rel(f, base)} is {w}x{h}: a Pix2Pix image holds two square halves side by side "
                        "(width = 2 x height)")
    return w, h


def _square(img: Image.Image, size: int) -> np.ndarray:
    arr = np.asarray(ImageOps.fit(img, (size, size), Image.Resampling.LANCZOS), dtype=np.uint8)
    return arr[..., None] if arr.ndim == 2 else arr


def _tensor(arrays: list[np.ndarray], size: int, channels: int) -> torch.Tensor:
    x = torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).float() / 127.5 - 1
    return fit_images(x, size, channels)


def _domains(base: Path, root: Path, path: str | Path) -> tuple[str, str]:
    """Domain names from a set named like the public ones ("horse2zebra", "edges2shoes"), else ("A", "B")."""
    for stem in (base.name if base != root.resolve() else "", Path(path).stem):
        match = re.fullmatch(r"([A-Za-z]+)2([A-Za-z]+)", stem)
        if match:
            return match.group(1), match.group(2)
    return "A", "B"
