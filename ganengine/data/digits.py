"""scikit-learn's bundled handwritten digits (1,797 images, 8x8, 17 grey levels), resized."""

from __future__ import annotations

import torch
from sklearn.datasets import load_digits

from .base import DataRequest, DatasetEntry, TensorData, fit_images, register, subset

DESCRIPTION = "Handwritten digits 0-9 bundled with scikit-learn: 1,797 grey 8x8 scans, upscaled."


def load(req: DataRequest) -> TensorData:
    bunch = load_digits()
    x = torch.tensor(bunch.images, dtype=torch.float32).unsqueeze(1) / 16.0 * 2 - 1
    y = torch.tensor(bunch.target, dtype=torch.long)
    idx = subset(x, req.max_items, req.seed)
    x = fit_images(x[idx], req.image_size, req.channels or 1)
    return TensorData(
        name="digits", kind="images", x=x, labels=y[idx],
        class_names=tuple(str(i) for i in range(10)), description=DESCRIPTION,
    )


register(DatasetEntry("digits", "images", DESCRIPTION, load))
