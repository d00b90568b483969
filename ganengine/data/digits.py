"""scikit-learn's bundled handwritten digits (1,797 images, 8x8, 17 grey levels), resized."""

from __future__ import annotations

import functools
import gzip
import importlib.util
from pathlib import Path

import numpy as np
import torch

from .base import DataError, DataRequest, DatasetEntry, TensorData, fit_images, subset

DESCRIPTION = "Handwritten digits 0-9 bundled with scikit-learn: 1,797 grey 8x8 scans, upscaled."


@functools.cache
def raw_digits() -> tuple[np.ndarray, np.ndarray]:
    """(images 1797x8x8 in 0..16, labels) read straight from the file scikit-learn ships.

    The same numbers as sklearn.datasets.load_digits(), without importing scikit-learn (about 1.8 s of every
    training job's start-up on a 2-core machine).
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("the digits data set needs scikit-learn installed (pip install -r requirements.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "data" / "digits.csv.gz"
    with gzip.open(path, "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.float32)
    return table[:, :-1].reshape(-1, 8, 8), table[:, -1].astype(np.int64)


def load(req: DataRequest) -> TensorData:
    images, labels = raw_digits()
    x = torch.from_numpy(images.copy()).unsqueeze(1) / 16.0 * 2 - 1
    y = torch.from_numpy(labels.copy())
    idx = subset(x, req.max_items, req.seed)
    x = fit_images(x[idx], req.image_size, req.channels or 1)
    return TensorData(
        name="digits", kind="images", x=x, labels=y[idx],
        class_names=tuple(str(i) for i in range(10)), description=DESCRIPTION,
    )


ENTRIES = (DatasetEntry("digits", "images", DESCRIPTION, load),)
