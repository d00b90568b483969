"""In-memory data sets and the registry of named sets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F

from ..devices import indices_to
from ..errors import UserError


class DataError(UserError, ValueError):
    """A data set cannot be built; the message says what is missing and how to fix it."""


@dataclass(frozen=True)
class DataRequest:
    """How a data set is to be prepared for one model."""

    image_size: int = 32
    channels: int | None = None
    seed: int = 0
    max_items: int | None = None


@dataclass
class TensorData:
    """A whole data set held as tensors: images in [-1, 1] (N,C,H,W) or points (N,2).

    Sampling a batch is an index into a tensor on the training device: no per-step decoding.
    """

    name: str
    kind: str  # "images" or "points"
    x: torch.Tensor
    labels: torch.Tensor | None = None
    class_names: tuple[str, ...] = ()
    attributes: torch.Tensor | None = None
    attribute_names: tuple[str, ...] = ()
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in ("images", "points"):
            raise ValueError(f"unknown data kind {self.kind!r}")
        if len(self.x) == 0:
            raise DataError(f"data set {self.name!r} is empty")
        if self.labels is not None and len(self.labels) != len(self.x):
            raise ValueError("labels and data differ in length")

    def __len__(self) -> int:
        return len(self.x)

    @property
    def num_classes(self) -> int:
        return len(self.class_names) if self.labels is not None else 0

    @property
    def channels(self) -> int:
        return int(self.x.shape[1]) if self.kind == "images" else 0

    @property
    def image_size(self) -> int:
        return int(self.x.shape[-1]) if self.kind == "images" else 0

    def to(self, device: torch.device, memory_format: torch.memory_format = torch.contiguous_format) -> TensorData:
        """A copy on `device` (images in `memory_format`); this data set is left as it was."""
        move = (lambda t: None if t is None else t.to(device))  # noqa: E731
        x = self.x.to(device)
        if self.kind == "images":
            x = x.contiguous(memory_format=memory_format)
        return dataclasses.replace(self, x=x, labels=move(self.labels), attributes=move(self.attributes))

    def sample(self, batch_size: int, generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor | None]:
        """A random batch (with replacement across steps, without within a batch when possible)."""
        n = len(self.x)
        if batch_size <= n:
            idx = torch.randperm(n, generator=generator)[:batch_size]
        else:
            idx = torch.randint(n, (batch_size,), generator=generator)
        idx = indices_to(idx, self.x.device)
        return self.x[idx], (self.labels[idx] if self.labels is not None else None)


@dataclass
class PairedData:
    """Two image sets in [-1, 1], (N,C,H,W) each: aligned pairs a[i] -> b[i] (paired), or two independent sets of
    the same kind of images in two domains (unpaired: no pairs exist, and the lengths may differ).

    `domains` names what A and B hold ("label map", "scene"; "summer", "winter"). A label-map domain carries its
    palette: (region name, RGB) in class order, so a drawn map can be snapped to it.
    """

    name: str
    kind: str  # "paired" or "unpaired"
    a: torch.Tensor
    b: torch.Tensor
    domains: tuple[str, str] = ("A", "B")
    palette: tuple[tuple[str, tuple[int, int, int]], ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("paired", "unpaired"):
            raise ValueError(f"unknown pair kind {self.kind!r}")
        if len(self.a) == 0 or len(self.b) == 0:
            raise DataError(f"data set {self.name!r} is empty")
        if self.kind == "paired" and len(self.a) != len(self.b):
            raise ValueError("paired sets need as many B images as A images")
        if self.a.shape[-2:] != self.b.shape[-2:]:
            raise DataError(f"{self.name}: A images are {tuple(self.a.shape[-2:])}, B images {tuple(self.b.shape[-2:])}")

    def __len__(self) -> int:
        return max(len(self.a), len(self.b))

    @property
    def image_size(self) -> int:
        return int(self.a.shape[-1])

    @property
    def channels(self) -> tuple[int, int]:
        return int(self.a.shape[1]), int(self.b.shape[1])

    def reversed(self) -> PairedData:
        """B -> A (the direction a user chose)."""
        return dataclasses.replace(self, a=self.b, b=self.a, domains=(self.domains[1], self.domains[0]), palette=())

    def to(self, device: torch.device) -> PairedData:
        """A copy on `device`; this data set is left as it was."""
        return dataclasses.replace(self, a=self.a.to(device), b=self.b.to(device))

    def split(self, held_out: float, seed: int) -> tuple[PairedData, PairedData]:
        """(train, held-out): a seeded share of each side kept apart for measuring (pairs stay together)."""
        def parts(x: torch.Tensor, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
            perm = torch.randperm(len(x), generator=g)
            n = max(1, round(len(x) * held_out))
            return x[perm[n:]], x[perm[:n]]

        g = torch.Generator().manual_seed(seed)
        if self.kind == "paired":
            perm = torch.randperm(len(self.a), generator=g)
            n = max(1, round(len(self.a) * held_out))
            tr, te = perm[n:], perm[:n]
            return (dataclasses.replace(self, a=self.a[tr], b=self.b[tr]), dataclasses.replace(self, a=self.a[te], b=self.b[te]))
        (a_tr, a_te), (b_tr, b_te) = parts(self.a, g), parts(self.b, g)
        return dataclasses.replace(self, a=a_tr, b=b_tr), dataclasses.replace(self, a=a_te, b=b_te)

    def sample(self, batch_size: int, generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """A batch of (A, B): the same indices for pairs, independent ones for unpaired sets."""
        def pick(n: int) -> torch.Tensor:
            idx = torch.randperm(n, generator=generator)[:batch_size] if batch_size <= n else \
                torch.randint(n, (batch_size,), generator=generator)
            return indices_to(idx, self.a.device)

        ia = pick(len(self.a))
        ib = ia if self.kind == "paired" else pick(len(self.b))
        return self.a[ia], self.b[ib]


DATA_KINDS = ("images", "points", "paired", "unpaired", "photos")  # photos: whole photos of any size (super-resolution)
Loader = Callable[[DataRequest], "TensorData | PairedData"]


@dataclass(frozen=True)
class DatasetEntry:
    """A named data set: its kind (images or points), a description, and how to load it."""

    name: str
    kind: str  # one of DATA_KINDS
    description: str
    loader: Loader
    files_present: Callable[[], bool] | None = None  # for sets read from files the server may lack

    @property
    def needs_files(self) -> bool:
        return self.files_present is not None

    def available(self) -> bool:
        """True when the set can be loaded here without a download."""
        return self.files_present is None or self.files_present()


def fit_images(x: torch.Tensor, image_size: int, channels: int | None) -> torch.Tensor:
    """Resize (N,C,H,W) float images in [-1,1] to image_size and convert channels 1<->3."""
    if x.shape[-1] != image_size or x.shape[-2] != image_size:
        x = F.interpolate(x, size=(image_size, image_size), mode="bilinear", align_corners=False, antialias=True)
    if channels == 3 and x.shape[1] == 1:
        x = x.expand(-1, 3, -1, -1)
    elif channels == 1 and x.shape[1] == 3:
        x = (0.299 * x[:, :1] + 0.587 * x[:, 1:2] + 0.114 * x[:, 2:3])
    return x.clamp(-1, 1).contiguous()


def subset(x: torch.Tensor, max_items: int | None, seed: int) -> torch.Tensor | slice:
    """Indices of a seeded random subset (or everything)."""
    if max_items is None or max_items >= len(x):
        return slice(None)
    g = torch.Generator().manual_seed(seed)
    return torch.randperm(len(x), generator=g)[:max_items]
