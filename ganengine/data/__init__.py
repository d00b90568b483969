"""Data sets: a registry of named sets that need no network, plus users' folders and zips."""

from __future__ import annotations

from pathlib import Path

from . import digits, procedural, torchvision_sets, toy2d  # noqa: F401  (they register themselves)
from .base import DataError, DataRequest, DatasetEntry, TensorData, registry
from .folder import ImageSetSummary, check_image_set, load_folder

ALIASES = {"toy2d": "toy2d-ring"}


def load_data(name_or_path: str, request: DataRequest = DataRequest()) -> TensorData:
    """A registered data set by name, else a folder or zip by path; DataError says what is wrong."""
    name = ALIASES.get(name_or_path, name_or_path)
    entry = registry().get(name)
    if entry is not None:
        return entry.loader(request)
    if Path(name_or_path).exists():
        return load_folder(name_or_path, request)
    known = ", ".join(sorted(registry()))
    raise DataError(f"no data set or path named {name_or_path!r} (known sets: {known})")


def data_kind(name_or_path: str) -> str:
    """'points' or 'images', without loading the data."""
    entry = registry().get(ALIASES.get(name_or_path, name_or_path))
    return entry.kind if entry else "images"


__all__ = ["DataError", "DataRequest", "DatasetEntry", "ImageSetSummary", "TensorData", "check_image_set", "data_kind", "load_data",
           "registry"]
