"""Checkpoints: one .safetensors file whose metadata key 'ganengine' holds the JSON model card.

Loading never unpickles: the header is parsed and checked (size, kinds, dtypes, tensor count)
before any tensor is read, and the tensors are checked against the architecture and for
finiteness before a model is touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import pickle
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import save_file
from torch import nn

from .models import ModelSpec, build_generator
from .models.classifier import build_classifier

FORMAT_VERSION = 1
METADATA_KEY = "ganengine"
KINDS = ("gan", "cgan", "pix2pix", "cyclegan", "superres", "detector", "features")
GENERATOR_KINDS = ("gan", "cgan")
MAX_FILE_BYTES = 256 * 2**20
MAX_HEADER_BYTES = 4 * 2**20
MAX_TENSORS = 4096
ALLOWED_DTYPES = {"F32", "F16", "BF16", "I64", "I32", "U8", "BOOL"}


class CheckpointError(ValueError):
    """A file was refused as a checkpoint; the message is one line saying why."""


@dataclass
class ModelCard:
    """What a checkpoint is, how it was made and how well it does (with what that was measured on)."""

    kind: str
    arch: dict[str, Any]
    data: str
    image_size: int
    channels: int
    class_names: list[str] = field(default_factory=list)
    attribute_names: list[str] = field(default_factory=list)
    steps: int = 0
    metrics: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    config: dict[str, Any] = field(default_factory=dict)
    notes: str = ""
    created: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ModelCard:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            raise CheckpointError("its model card is not valid JSON") from None
        if not isinstance(data, dict):
            raise CheckpointError("its model card is not a JSON object")
        known = {f.name for f in dataclasses.fields(cls)}
        missing = {"kind", "arch", "data", "image_size", "channels"} - set(data)
        if missing:
            raise CheckpointError(f"its model card lacks {', '.join(sorted(missing))}")
        card = cls(**{k: v for k, v in data.items() if k in known})
        types = {"kind": str, "arch": dict, "data": str, "image_size": int, "channels": int, "class_names": list,
                 "attribute_names": list, "steps": int, "metrics": dict, "command": str, "config": dict, "notes": str,
                 "created": str, "format_version": int}
        for name, kind in types.items():
            value = getattr(card, name)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise CheckpointError(f"its model card field {name!r} has the wrong type")
        if not all(isinstance(n, str) for n in [*card.class_names, *card.attribute_names]):
            raise CheckpointError("its class and attribute names must be text")
        if card.kind not in KINDS:
            raise CheckpointError(f"unknown checkpoint kind {card.kind!r}")
        if not isinstance(card.format_version, int) or card.format_version > FORMAT_VERSION:
            raise CheckpointError(f"format version {card.format_version!r} is newer than this GAN Studio reads")
        return card

    @property
    def spec(self) -> ModelSpec:
        try:
            return ModelSpec.from_dict(self.arch)
        except (TypeError, ValueError) as exc:
            raise CheckpointError(f"its architecture arguments are not valid ({exc})") from None

    @property
    def title(self) -> str:
        return f"{self.arch.get('name', '?')} on {self.data} ({self.steps:,} steps)"


def save_checkpoint(path: str | Path, tensors: dict[str, torch.Tensor], card: ModelCard) -> Path:
    """Write tensors + card atomically (temporary file, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    plain = {k: v.detach().to("cpu").contiguous().clone() for k, v in tensors.items()}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    save_file(plain, str(tmp), metadata={METADATA_KEY: card.to_json()})
    os.replace(tmp, path)
    return path


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
    if path.suffix == ".pt":
        return _load_legacy(path)[1]
    if path.suffix != ".safetensors":
        raise CheckpointError(f"{path.name}: checkpoints are .safetensors files")
    header = _read_header(path)
    meta = header.get("__metadata__") or {}
    if METADATA_KEY not in meta:
        raise CheckpointError(f"{path.name}: a safetensors file, but not a GAN Studio checkpoint (no model card)")
    try:
        card = ModelCard.from_json(meta[METADATA_KEY])
    except CheckpointError as exc:
        raise CheckpointError(f"{path.name}: {exc}") from None
    entries = {k: v for k, v in header.items() if k != "__metadata__"}
    if len(entries) > MAX_TENSORS:
        raise CheckpointError(f"{path.name}: {len(entries)} tensors is over the limit of {MAX_TENSORS}")
    bad = sorted({str(v.get("dtype")) for v in entries.values() if not isinstance(v, dict) or v.get("dtype") not in ALLOWED_DTYPES})
    if bad:
        raise CheckpointError(f"{path.name}: unsupported tensor types {', '.join(bad)}")
    return card


def load_checkpoint(path: str | Path) -> tuple[dict[str, torch.Tensor], ModelCard]:
    """All tensors (on the CPU) and the card, after the header checks and a finiteness check."""
    path = Path(path)
    if path.suffix == ".pt":
        return _load_legacy(path)
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
    """A legacy .pt holding {'card': json, 'state_dict': {...}}, through weights_only loading only."""
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
    card = ModelCard.from_json(card_text)
    tensors = {k: v for k, v in obj["state_dict"].items() if isinstance(v, torch.Tensor)}
    return tensors, card


def load_model(path: str | Path, kinds: tuple[str, ...], build: Callable[[ModelSpec], nn.Module], prefix: str,
               device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """Rebuild a model of one of `kinds` from its card and load its weights, checking keys and shapes first."""
    tensors, card = load_checkpoint(path)
    name = Path(path).name
    if card.kind not in kinds:
        raise CheckpointError(f"{name}: a {card.kind} checkpoint, not a {' or '.join(kinds)} checkpoint")
    try:
        spec = card.spec
    except CheckpointError as exc:
        raise CheckpointError(f"{name}: {exc}") from None
    if spec.num_classes and len(card.class_names) < spec.num_classes:
        raise CheckpointError(f"{name}: its card names {len(card.class_names)} classes, the model has {spec.num_classes}")
    try:
        with torch.device("meta"):  # shapes only: nothing is allocated until the weights are known to fit
            expected = build(spec).state_dict()
    except (TypeError, ValueError, RuntimeError) as exc:
        raise CheckpointError(f"{name}: {exc}") from None
    found = {k.removeprefix(prefix): v for k, v in tensors.items() if k.startswith(prefix)}
    missing, extra = set(expected) - set(found), set(found) - set(expected)
    if missing or extra:
        raise CheckpointError(f"{name}: weights do not match the {spec.name} architecture "
                              f"({len(missing)} missing, {len(extra)} unexpected)")
    for k, v in expected.items():
        if found[k].shape != v.shape:
            raise CheckpointError(f"{name}: tensor {k!r} has shape {tuple(found[k].shape)}, expected {tuple(v.shape)}")
    model = build(spec)
    model.load_state_dict({k: found[k].to(v.dtype) for k, v in model.state_dict().items()})
    return model.to(device).eval(), card


def load_generator(path: str | Path, device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """A GAN generator (kinds gan, cgan), ready for sampling."""
    return load_model(path, GENERATOR_KINDS, build_generator, "generator.", device)


def load_classifier(path: str | Path, device: torch.device | str = "cpu") -> tuple[nn.Module, ModelCard]:
    """A domain classifier (kind features)."""
    return load_model(path, ("features",), build_classifier, "classifier.", device)


def generator_tensors(model: nn.Module) -> dict[str, torch.Tensor]:
    return {f"generator.{k}": v for k, v in model.state_dict().items()}


@dataclass(frozen=True)
class CatalogEntry:
    path: Path
    card: ModelCard


def catalog(folder: str | Path, kinds: tuple[str, ...] = KINDS) -> list[CatalogEntry]:
    """Checkpoints in a folder (not recursive) whose card reads cleanly and whose kind matches."""
    entries = []
    for path in sorted(Path(folder).glob("*.safetensors")):
        try:
            card = read_card(path)
        except (CheckpointError, OSError):
            continue
        if card.kind in kinds:
            entries.append(CatalogEntry(path, card))
    return entries
