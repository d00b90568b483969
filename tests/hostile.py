"""Hostile checkpoints as a careless or malicious classmate would make them (issue 13), for the engine, CLI and page tests.

Each writer returns the file's path; the tensors are a tiny real DCGAN's, so only the named defect is wrong.
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import torch
from safetensors.torch import save_file

from ganengine.checkpoints import ModelCard, generator_tensors, save_checkpoint
from ganengine.models import ModelSpec, build_generator

SPEC = ModelSpec("dcgan", nz=8, width=4, image_size=32, channels=1)
TRACKER = "![t](http://host/track.png)"


def card_dict(spec: ModelSpec = SPEC, **fields: object) -> dict:
    card = ModelCard(task="gan", roles={"generator": spec.to_dict()}, data="digits", image_size=spec.image_size,
                     channels=spec.channels, class_names=[str(i) for i in range(10)])
    return {**json.loads(card.to_json()), **fields}


def tensors(spec: ModelSpec = SPEC) -> dict[str, torch.Tensor]:
    torch.manual_seed(0)
    return {k: v.contiguous() for k, v in generator_tensors(build_generator(spec).eval()).items()}


def lying_card(path: Path, **fields: object) -> Path:
    """The tiny DCGAN's true weights under a card whose fields say otherwise (e.g. image_size=1024)."""
    save_file(tensors(), str(path), metadata={"ganengine": json.dumps(card_dict(**fields))})
    return path


def channels(path: Path, n: int) -> Path:
    """A DCGAN whose card, architecture and tensors all agree on `n` image channels (0 and 2 cannot be run)."""
    spec = ModelSpec("dcgan", nz=8, width=4, image_size=32, channels=n)
    save_file(tensors(spec), str(path), metadata={"ganengine": json.dumps(card_dict(spec))})
    return path


def enormous_weights(path: Path, value: float = 3e38) -> Path:
    """Every float finite but enormous: the tensors pass a NaN/inf check, every sample is NaN."""
    huge = {k: torch.full_like(v, value) if v.is_floating_point() else v for k, v in tensors().items()}
    save_checkpoint(path, huge, ModelCard(**{k: v for k, v in card_dict().items() if k != "format_version"}))
    return path


def raw_header(path: Path, header: dict) -> Path:
    """A file with this JSON header and 16 zero bytes of data, written by hand (safetensors' writer would refuse it)."""
    head = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(head)) + head + bytes(16))
    return path


ENTRY = {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}
MALFORMED = {  # name -> header: each a type the safetensors format does not allow, where a crash used to come from
    "metadata-string": {"__metadata__": "ganengine", "generator.w": ENTRY},
    "entry-number": {"__metadata__": {"ganengine": json.dumps(card_dict())}, "generator.w": 5},
    "card-object": {"__metadata__": {"ganengine": card_dict()}, "generator.w": ENTRY},
}


def png_header(w: int, h: int) -> bytes:
    """A PNG that announces w x h grey pixels and holds almost none: what a header-only check must see through."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))
