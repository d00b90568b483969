"""Users' own images: a folder or a zip (class sub-folders become labels)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageOps

from ..imageio import ImageInputError, check_image, extract_to_tempdir, list_images, open_image
from .base import DataError, DataRequest, TensorData, fit_images

MAX_FOLDER_IMAGES = 20_000
MIN_IMAGES = 16


@dataclass(frozen=True)
class ImageSetSummary:
    """What a user's folder or zip holds, found without reading every image."""

    images: int
    class_names: tuple[str, ...]


def load_folder(path: str | Path, req: DataRequest) -> TensorData:
    """Read every image below `path` (or inside a zip) into a TensorData, centre-cropped square."""
    with _opened(path) as root:
        return _read_tree(root, Path(path).name, req)


def check_image_set(path: str | Path, probe: int = 16) -> ImageSetSummary:
    """Refuse a folder or zip that cannot train (not a zip, unsafe, too few images, unreadable images) with DataError.

    Runs the archive checks, reads every image's header (format, bytes, pixels) and fully decodes the first `probe`,
    so an upload is judged when it arrives and training never meets what a header would have shown.
    """
    with _opened(path) as root:
        files, classes = _scan(root, Path(path).name)
        try:
            for f in files[:probe]:
                open_image(f)
            for f in files:
                check_image(f)
        except ImageInputError as exc:
            raise DataError(f"{Path(path).name}: {exc}") from None
        return ImageSetSummary(len(files), classes)


@contextlib.contextmanager
def _opened(path: str | Path) -> Iterator[Path]:
    """The folder itself, or a zip safely extracted into a private temporary folder (removed afterwards)."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"no data set or path named {str(path)!r}")
    if path.is_dir():
        yield path
        return
    if path.suffix.lower() != ".zip":
        raise DataError(f"{path.name}: a data path must be a folder of images or a .zip")
    try:
        tmp = extract_to_tempdir(path)
    except ImageInputError as exc:
        raise DataError(f"{path.name}: {exc}") from None
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _scan(root: Path, name: str) -> tuple[list[Path], tuple[str, ...]]:
    """The image files below root and, when every image sits in one of two or more sub-folders, the class names."""
    files = list(list_images(root))
    if len(files) < MIN_IMAGES:
        raise DataError(f"{name}: found {len(files)} images, need at least {MIN_IMAGES}")
    top = sorted({f.relative_to(root).parts[0] for f in files if len(f.relative_to(root).parts) > 1})
    labelled = len(top) >= 2 and all(len(f.relative_to(root).parts) > 1 for f in files)
    return files, tuple(top) if labelled else ()


def _read_tree(root: Path, name: str, req: DataRequest) -> TensorData:
    files, classes = _scan(root, name)
    limit = min(req.max_items or MAX_FOLDER_IMAGES, MAX_FOLDER_IMAGES)
    if len(files) > limit:
        rng = np.random.default_rng(req.seed)
        files = [files[i] for i in sorted(rng.choice(len(files), limit, replace=False))]
    channels = req.channels or 3
    mode = "L" if channels == 1 else "RGB"
    arrays, labels = [], []
    for f in files:
        try:
            img = open_image(f, mode=mode)
        except ImageInputError as exc:
            raise DataError(str(exc)) from None
        img = ImageOps.fit(img, (req.image_size, req.image_size), Image.Resampling.LANCZOS)
        arr = np.asarray(img, dtype=np.uint8)
        arrays.append(arr[..., None] if arr.ndim == 2 else arr)
        if classes:
            labels.append(classes.index(f.relative_to(root).parts[0]))
    x = torch.from_numpy(np.stack(arrays)).permute(0, 3, 1, 2).float() / 127.5 - 1
    return TensorData(
        name=name, kind="images", x=fit_images(x, req.image_size, channels),
        labels=torch.tensor(labels, dtype=torch.long) if classes else None,
        class_names=classes,
        description=f"{len(files)} images from {name}" + (f" in {len(classes)} classes" if classes else ""),
    )
