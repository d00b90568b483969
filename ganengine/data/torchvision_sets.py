"""torchvision's MNIST, Fashion-MNIST and CIFAR-10, when their files are on disk. Nothing is downloaded at run time."""

from __future__ import annotations

import os
from pathlib import Path

import torch

from .base import DataError, DataRequest, DatasetEntry, TensorData, fit_images, subset

ENV_ROOT = "GANSTUDIO_DATA_DIR"

_SETS = {
    "mnist": ("MNIST", "Handwritten digits 0-9, 60,000 28x28 grey images (torchvision)."),
    "fashion-mnist": ("FashionMNIST", "Clothing in 10 classes, 60,000 28x28 grey images (torchvision)."),
    "cifar10": ("CIFAR10", "Ten object classes, 50,000 32x32 colour photos (torchvision)."),
}
# The training-split file torchvision reads first, relative to the data root.
_MARKERS = {
    "MNIST": "MNIST/raw/train-images-idx3-ubyte",
    "FashionMNIST": "FashionMNIST/raw/train-images-idx3-ubyte",
    "CIFAR10": "cifar-10-batches-py/data_batch_1",
}


def data_root() -> Path:
    """Where torchvision sets are looked for: $GANSTUDIO_DATA_DIR or ~/.cache/ganstudio/data."""
    return Path(os.environ.get(ENV_ROOT) or Path.home() / ".cache" / "ganstudio" / "data")


def _make(name: str):
    cls_name, description = _SETS[name]

    def load(req: DataRequest) -> TensorData:
        import torchvision.datasets as tvd

        cls = getattr(tvd, cls_name)
        root = data_root()
        try:
            ds = cls(root=str(root), train=True, download=False)
        except RuntimeError:
            raise DataError(
                f"{cls_name} is not on this machine: put torchvision's {cls_name} files under {root} (or set "
                f"{ENV_ROOT}); on a machine with a network, torchvision.datasets.{cls_name}(root, download=True) "
                f"fetches them"
            ) from None
        data = torch.as_tensor(ds.data)
        x = (data.unsqueeze(1) if data.ndim == 3 else data.permute(0, 3, 1, 2)).float() / 127.5 - 1
        y = torch.as_tensor(ds.targets, dtype=torch.long)
        idx = subset(x, req.max_items, req.seed)
        native = 1 if data.ndim == 3 else 3
        return TensorData(name, "images", fit_images(x[idx], req.image_size, req.channels or native), y[idx],
                          tuple(ds.classes), description=description)

    return load


def _files_present(cls_name: str):
    def present() -> bool:
        return (data_root() / _MARKERS[cls_name]).is_file()

    return present


ENTRIES = tuple(DatasetEntry(name, "images", desc, _make(name), files_present=_files_present(cls))
                for name, (cls, desc) in _SETS.items())
