"""Data sets: the registry of named sets that need no network, plus users' folders and zips."""

from __future__ import annotations

from pathlib import Path

from ..registry import Registry
from . import digits, photos, procedural, scenes, torchvision_sets, toy2d
from .base import DATA_KINDS, DataError, DataRequest, DatasetEntry, PairedData, TensorData
from .folder import ImageSetSummary, check_image_set, load_folder
from .pairs import PairSetSummary, check_pair_set, load_pairs, pair_layout
from .scenes import SCENE_PALETTE, snap_to_palette


def _check(name: str, entry: DatasetEntry) -> None:
    if entry.name != name or entry.kind not in DATA_KINDS:
        raise ValueError(f"data set {name!r}: its entry must carry its name and a kind ({', '.join(DATA_KINDS)})")


DATASETS: Registry[DatasetEntry] = Registry("data set", _check)
for _entry in (*toy2d.ENTRIES, *digits.ENTRIES, *procedural.ENTRIES, *scenes.ENTRIES, *torchvision_sets.ENTRIES,
               *photos.ENTRIES):
    DATASETS.register(_entry.name, _entry)
ALIASES = {"toy2d": "toy2d-ring"}


def registry() -> dict[str, DatasetEntry]:
    """The registered data sets by name."""
    return dict(DATASETS.items())


def load_data(name_or_path: str, request: DataRequest = DataRequest()) -> TensorData:
    """A registered data set by name, else a folder or zip by path; DataError says what is wrong."""
    name = ALIASES.get(name_or_path, name_or_path)
    if name in DATASETS:
        if DATASETS[name].kind == "photos":
            raise DataError(f"{name} holds whole photos for super-resolution (--task superres), not images to learn from")
        return DATASETS[name].loader(request)
    if Path(name_or_path).exists():
        return load_folder(name_or_path, request)
    raise DataError(f"no data set or path named {name_or_path!r} (known sets: {', '.join(sorted(DATASETS))})")


def data_kind(name_or_path: str) -> str:
    """'points' or 'images', without loading the data; an unknown name is a DataError (not a guess)."""
    name = ALIASES.get(name_or_path, name_or_path)
    if name in DATASETS:
        return DATASETS[name].kind
    if Path(name_or_path).exists():
        return "images"  # users' folders and zips hold images
    raise DataError(f"no data set or path named {name_or_path!r} (known sets: {', '.join(sorted(DATASETS))})")


__all__ = ["DATASETS", "DATA_KINDS", "SCENE_PALETTE", "DataError", "DataRequest", "DatasetEntry", "ImageSetSummary", "PairSetSummary",
           "PairedData", "TensorData", "check_image_set", "check_pair_set", "data_kind", "load_data", "load_pairs", "pair_layout",
           "registry", "snap_to_palette"]
