"""Checkpoints: one .safetensors file whose metadata key 'ganengine' holds the JSON model card.

Loading never unpickles: the header is parsed and checked (size, kinds, dtypes, tensor count)
before any tensor is read, and the tensors are checked against the architecture and for
finiteness before a model is touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import save_file
from torch import nn

from .atomic import write_atomic
from .errors import UserError
from .limits import IMAGE_CHANNELS, LIMITS
from .models import ModelSpec, build

FORMAT_VERSION = 2
METADATA_KEY = "ganengine"
#: What a checkpoint holds (the card's task): what it does at inference, not how it was trained. Registered
#: training tasks add the card tasks they write (Task.card_tasks).
KINDS = ("gan", "cgan", "pix2pix", "cyclegan", "superres", "detector", "features")
GENERATOR_KINDS = ("gan", "cgan")
#: Version-1 cards had one architecture ("arch"); it played this role.
V1_ROLES = {"gan": "generator", "cgan": "generator", "features": "classifier"}
MAX_FILE_BYTES = 256 * 2**20
MAX_HEADER_BYTES = 4 * 2**20
MAX_TENSORS = 4096
ALLOWED_DTYPES = {"F32", "F16", "BF16", "I64", "I32", "U8", "BOOL"}
#: Legacy PyTorch files, read only through torch.load(weights_only=True): both names PyTorch users give them.
LEGACY_SUFFIXES = (".pt", ".pth")


class CheckpointError(UserError, ValueError):
    """A file was refused as a checkpoint; the message is one line saying why."""


@dataclass
class ModelCard:
    """What a checkpoint is, how it was made and how well it does (with what that was measured on).

    Version 2: `task` (what the model does), `roles` (each role's architecture arguments; the
    tensors of role R are stored under "R."), `io` (what goes in and comes out, in words) and
    `primary` (the role inference runs). Version-1 cards (`kind` + `arch`) are read as version 2.
    """

    task: str
    roles: dict[str, dict[str, Any]]
    data: str
    image_size: int
    channels: int
    io: dict[str, str] = field(default_factory=dict)
    primary: str = ""
    class_names: list[str] = field(default_factory=list)
    palette: list[list[int]] = field(default_factory=list)  # label maps: the RGB of each class, in class order
    attribute_names: list[str] = field(default_factory=list)
    steps: int = 0
    metrics: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    config: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    format_version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        if not self.primary and isinstance(self.roles, dict) and self.roles:
            self.primary = next(iter(self.roles))

    def to_json(self) -> str:
        return json.dumps({**dataclasses.asdict(self), "format_version": FORMAT_VERSION}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ModelCard:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, TypeError):
            raise CheckpointError("its model card is not valid JSON") from None
        if not isinstance(data, dict):
            raise CheckpointError("its model card is not a JSON object")
        if "task" not in data and "kind" in data:  # version 1
            data = _upgrade_v1(data)
        known = {f.name for f in dataclasses.fields(cls)}
        missing = {"task", "roles", "data", "image_size", "channels"} - set(data)
        if missing:
            raise CheckpointError(f"its model card lacks {', '.join(sorted(missing))}")
        types = {"task": str, "roles": dict, "data": str, "image_size": int, "channels": int, "io": dict, "primary": str,
                 "class_names": list, "palette": list, "attribute_names": list, "steps": int, "metrics": dict, "command": str,
                 "config": dict, "created": str, "format_version": int}
        for name, kind in types.items():
            value = data.get(name, "" if kind is str else None)
            if value is None:
                continue
            if not isinstance(value, kind) or isinstance(value, bool):
                raise CheckpointError(f"its model card field {name!r} has the wrong type")
        card = cls(**{k: v for k, v in data.items() if k in known})
        if not all(isinstance(n, str) for n in [*card.class_names, *card.attribute_names, *card.io.values()]):
            raise CheckpointError("its class, attribute and input/output names must be text")
        if not all(isinstance(c, list) and len(c) == 3 and all(isinstance(v, int) and 0 <= v <= 255 for v in c)
                   for c in card.palette) or (card.palette and len(card.palette) != len(card.class_names)):
            raise CheckpointError("its palette must give one RGB colour (0-255) per class")
        if not card.roles or not all(isinstance(v, dict) for v in card.roles.values()):
            raise CheckpointError("its model card names no architecture")
        if card.primary not in card.roles:
            raise CheckpointError(f"its main role {card.primary!r} is not one of its roles")
        if card.task not in known_tasks():
            raise CheckpointError(f"unknown checkpoint task {card.task!r}")
        if card.format_version > FORMAT_VERSION:
            raise CheckpointError(f"format version {card.format_version!r} is newer than this GAN Studio reads")
        _check_sizes(card)
        return card

    @property
    def kind(self) -> str:
        """The task, under its version-1 name."""
        return self.task

    @property
    def arch(self) -> dict[str, Any]:
        """The main role's architecture arguments."""
        return self.roles[self.primary]

    def role_spec(self, role: str) -> ModelSpec:
        if role not in self.roles:
            raise CheckpointError(f"it holds no {role} (it has {', '.join(self.roles)})")
        try:
            return ModelSpec.from_dict(self.roles[role])
        except (TypeError, ValueError) as exc:
            raise CheckpointError(f"its architecture arguments are not valid ({exc})") from None

    @property
    def spec(self) -> ModelSpec:
        return self.role_spec(self.primary)

    @property
    def title(self) -> str:
        return f"{self.arch.get('name', '?')} on {self.data} ({self.steps:,} steps)"


def _check_sizes(card: ModelCard) -> None:
    """Refuse a card whose image size or channels leave the engine's bounds or disagree with its main architecture.

    Pages and metrics build real data at the card's size: a card that lies (512 px on 32 px weights) must stop here.
    The main architecture's own sizes are checked against the tensors' shapes before any model is built (load_role).
    """
    size, channels = card.image_size, card.channels
    bound = LIMITS["image_size"]
    if not bound.low <= size <= bound.high:
        raise CheckpointError(f"its image size {size} is outside [{bound.low:g}, {bound.high:g}]")
    if channels not in (0, *IMAGE_CHANNELS):
        raise CheckpointError(f"its images have {channels} channels; GAN Studio runs 1 (grey) or 3 (RGB)")
    if card.task not in KINDS:  # a registered task's card describes its own model: bounds only
        return
    spec = card.spec
    if spec.makes_points:
        if channels:
            raise CheckpointError(f"it makes 2-D points, but its card says {channels}-channel images")
        return
    bad = [c for c in (spec.channels, spec.in_channels or spec.channels) if c not in IMAGE_CHANNELS]
    if bad:
        raise CheckpointError(f"its {spec.name} architecture has {bad[0]}-channel images; GAN Studio runs 1 (grey) or 3 (RGB)")
    if (size, channels) != (spec.image_size, spec.channels):
        raise CheckpointError(f"its card says {channels}x{size}x{size} images, its {spec.name} architecture "
                              f"{spec.channels}x{spec.image_size}x{spec.image_size}")


def known_tasks() -> set[str]:
    """The card tasks this GAN Studio reads: the built-in ones and those of every registered training task."""
    from .tasks import TASKS  # tasks build on checkpoints: look them up only when a card is read

    return {*KINDS, *(kind for _, task in TASKS.items() for kind in task.card_tasks)}


def _upgrade_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 card ({kind, arch, notes, ...}) as version 2."""
    data = dict(data)
    kind, arch = data.pop("kind"), data.pop("arch", None)
    data.pop("notes", None)
    if not isinstance(kind, str):
        raise CheckpointError("its model card field 'kind' has the wrong type")
    if not isinstance(arch, dict):
        raise CheckpointError("its model card field 'arch' has the wrong type")
    role = V1_ROLES.get(kind, "generator")
    return {**data, "task": kind, "roles": {role: arch}, "primary": role}


def save_checkpoint(path: str | Path, tensors: dict[str, torch.Tensor], card: ModelCard) -> Path:
    """Write tensors + card atomically (temporary file, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = {k: v.detach().to("cpu").contiguous().clone() for k, v in tensors.items()}
    return write_atomic(path, lambda tmp: save_file(plain, str(tmp), metadata={METADATA_KEY: card.to_json()}))


def _read_header(path: Path) -> dict[str, Any]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise CheckpointError(f"{path.name}: {size / 2**20:.0f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit")
    with open(path, "rb") as fh:
        head = fh.read(8)
        if len(head) < 8:
            raise CheckpointError(f"{path.name}: not a safetensors file (too short)")
        (n,) = struct.unpack("<Q", head)
        if n > MAX_HEADER_BYTES or n + 8 > size:
            raise CheckpointError(f"{path.name}: not a safetensors file (bad header length)")
        raw = fh.read(n)
    try:
        header = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise CheckpointError(f"{path.name}: not a safetensors file (header is not JSON)") from None
    if not isinstance(header, dict):
        raise CheckpointError(f"{path.name}: not a safetensors file")
    return header


def read_card(path: str | Path) -> ModelCard:
    """The model card from the header alone (no tensor is read)."""
    path = Path(path)
    if path.suffix.lower() in LEGACY_SUFFIXES:
        return _load_legacy(path)[1]
    if path.suffix != ".safetensors":
        raise CheckpointError(f"{path.name}: checkpoints are .safetensors files (or legacy .pt / .pth files)")
    header = _read_header(path)
    meta = header.get("__metadata__", {})
    if not isinstance(meta, dict):
        raise CheckpointError(f"{path.name}: not a safetensors file (its metadata is not a table)")
    if METADATA_KEY not in meta:
        raise CheckpointError(f"{path.name}: a safetensors file, but not a GAN Studio checkpoint (no model card)")
    if not isinstance(meta[METADATA_KEY], str):
        raise CheckpointError(f"{path.name}: its model card is not text (JSON written as a string)")
    if not all(isinstance(v, str) for v in meta.values()):
        raise CheckpointError(f"{path.name}: not a safetensors file (its metadata values are not all text)")
    entries = {k: v for k, v in header.items() if k != "__metadata__"}
    if len(entries) > MAX_TENSORS:
        raise CheckpointError(f"{path.name}: {len(entries)} tensors is over the limit of {MAX_TENSORS}")
    if not all(_is_entry(v) for v in entries.values()):
        raise CheckpointError(f"{path.name}: not a safetensors file (a tensor entry lacks its type, shape or offsets)")
    bad = sorted({v["dtype"] for v in entries.values() if v["dtype"] not in ALLOWED_DTYPES})
    if bad:
        raise CheckpointError(f"{path.name}: unsupported tensor types {', '.join(bad)[:80]}")
    try:
        return ModelCard.from_json(meta[METADATA_KEY])
    except CheckpointError as exc:
        raise CheckpointError(f"{path.name}: {exc}") from None


def _is_entry(value: object) -> bool:
    """A safetensors tensor entry: {"dtype": text, "shape": [whole numbers], "data_offsets": [start, end]}."""
    if not isinstance(value, dict) or not isinstance(value.get("dtype"), str):
        return False
    shape, offsets = value.get("shape"), value.get("data_offsets")
    return _whole_numbers(shape) and _whole_numbers(offsets) and len(offsets) == 2


def _whole_numbers(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in value)


def load_checkpoint(path: str | Path) -> tuple[dict[str, torch.Tensor], ModelCard]:
    """All tensors (on the CPU) and the card, after the header checks and a finiteness check."""
    path = Path(path)
    if path.suffix.lower() in LEGACY_SUFFIXES:
        tensors, card = _load_legacy(path)
    else:
        card = read_card(path)
        try:
            with safe_open(str(path), framework="pt", device="cpu") as fh:
                tensors = {k: fh.get_tensor(k) for k in fh.keys()}  # noqa: SIM118
        except Exception as exc:  # safetensors raises its own error types for corrupt files
            raise CheckpointError(f"{path.name}: unreadable tensors ({exc})") from None
    for k, t in tensors.items():
        if t.is_floating_point() and not torch.isfinite(t).all():
            raise CheckpointError(f"{path.name}: tensor {k!r} holds NaN or infinite values")
    return tensors, card


def _load_legacy(path: Path) -> tuple[dict[str, torch.Tensor], ModelCard]:
    """A legacy .pt / .pth holding {'card': json, 'state_dict': {...}}, through weights_only loading only."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CheckpointError(f"{path.name}: over the {MAX_FILE_BYTES // 2**20} MB limit")
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        raise CheckpointError(f"{path.name}: refused, it holds Python objects that safe loading does not allow") from None
    except Exception as exc:
        raise CheckpointError(f"{path.name}: not a readable PyTorch file ({type(exc).__name__})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("state_dict"), dict) or "card" not in obj:
        raise CheckpointError(f"{path.name}: a PyTorch file, but not a GAN Studio checkpoint (needs 'card' and 'state_dict')")
    card_text = obj["card"] if isinstance(obj["card"], str) else json.dumps(obj["card"])
    try:
        card = ModelCard.from_json(card_text)
    except CheckpointError as exc:
        raise CheckpointError(f"{path.name}: {exc}") from None
    tensors = {k: v for k, v in obj["state_dict"].items() if isinstance(v, torch.Tensor)}
    return tensors, card


def load_role(path: str | Path, role: str | None = None, tasks: tuple[str, ...] | None = None,
              device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """Rebuild the network that plays `role` (default: the card's main role) and load its weights.

    Keys and shapes are checked against the architecture on the meta device before anything is allocated.
    """
    tensors, card = load_checkpoint(path)
    name = Path(path).name
    if tasks is not None and card.task not in tasks:
        raise CheckpointError(f"{name}: a {card.task} checkpoint, not a {' or '.join(tasks)} checkpoint")
    role = role or card.primary
    try:
        spec = card.role_spec(role)
    except CheckpointError as exc:
        raise CheckpointError(f"{name}: {exc}") from None
    # (a self-conditioned DCGAN's classes are its data's clusters: its card names the data's classes, if any)
    if spec.num_classes and spec.name != "scdcgan" and len(card.class_names) < spec.num_classes:
        raise CheckpointError(f"{name}: its card names {len(card.class_names)} classes, the model has {spec.num_classes}")
    bad = [c for c in (spec.channels, spec.in_channels or spec.channels) if c not in IMAGE_CHANNELS]
    if card.task in KINDS and not spec.makes_points and bad:
        raise CheckpointError(f"{name}: its {role} has {bad[0]}-channel images; GAN Studio runs 1 (grey) or 3 (RGB)")
    try:
        with torch.device("meta"):  # shapes only: nothing is allocated until the weights are known to fit
            expected = build(spec, role).state_dict()
    except (TypeError, ValueError, RuntimeError) as exc:
        raise CheckpointError(f"{name}: {exc}") from None
    prefix = f"{role}."
    found = {k.removeprefix(prefix): v for k, v in tensors.items() if k.startswith(prefix)}
    missing, extra = set(expected) - set(found), set(found) - set(expected)
    if missing or extra:
        raise CheckpointError(f"{name}: weights do not match the {spec.name} architecture "
                              f"({len(missing)} missing, {len(extra)} unexpected)")
    for k, v in expected.items():
        if found[k].shape != v.shape:
            raise CheckpointError(f"{name}: tensor {k!r} has shape {tuple(found[k].shape)}, expected {tuple(v.shape)}")
    model = build(spec, role)
    model.load_state_dict({k: found[k].to(v.dtype) for k, v in model.state_dict().items()})
    model.eval()
    if card.task in GENERATOR_KINDS and role == "generator":
        probe_generator(model, name)
    return model.to(device), card


@torch.no_grad()
def probe_generator(model: nn.Module, name: str, n: int = 4) -> None:
    """Refuse a generator whose first few samples are NaN or infinite (finite but huge weights pass the tensor check)."""
    z = torch.randn(n, int(model.z_size), generator=torch.Generator().manual_seed(0))
    classes = int(getattr(model, "num_classes", 0))
    out = model(z, torch.arange(n) % classes if classes else None)
    if not torch.isfinite(out).all():
        raise CheckpointError(f"{name}: its generator makes NaN or infinite values (are its weights far too large?)")


def load_generator(path: str | Path, device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """A GAN generator (tasks gan, cgan), ready for sampling."""
    return load_role(path, "generator", GENERATOR_KINDS, device)


def load_classifier(path: str | Path, device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """A domain classifier (task features)."""
    return load_role(path, "classifier", ("features",), device)


def role_tensors(role: str, model: nn.Module) -> dict[str, torch.Tensor]:
    """A network's weights under its role's prefix, as a checkpoint stores them."""
    return {f"{role}.{k}": v for k, v in model.state_dict().items()}


def generator_tensors(model: nn.Module) -> dict[str, torch.Tensor]:
    return role_tensors("generator", model)


@dataclass(frozen=True)
class CatalogEntry:
    path: Path
    card: ModelCard


def catalog(folder: str | Path, kinds: tuple[str, ...] | None = None) -> list[CatalogEntry]:
    """Checkpoints in a folder (not recursive) whose card reads cleanly and whose kind matches."""
    entries = []
    for path in sorted(Path(folder).glob("*.safetensors")):
        try:
            card = read_card(path)
        except (CheckpointError, OSError):
            continue
        if kinds is None or card.task in kinds:
            entries.append(CatalogEntry(path, card))
    return entries
