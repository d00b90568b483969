"""Verified export of a generator, translation or super-resolution model: to ONNX, or to a plain safetensors file
holding only that network and its model card.

Every export is checked: the original network (eval mode) and the export run on the same seeded inputs (ONNX: by ONNX
Runtime on the CPU, at a batch size and, for image inputs, a size other than the one traced, so the dynamic axes are
proved too), and the largest difference goes into the export's card. Networks with layers that behave differently in
training (dropout, batch norm) are exported in eval mode; the check runs the eval-mode network, so a mismatch would
show. An export past the tolerance is removed, and the reason raised.
"""

from __future__ import annotations

import dataclasses
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .checkpoints import CheckpointError, ModelCard, load_checkpoint, load_role, read_card, save_checkpoint

FORMATS = ("onnx", "safetensors")
EXPORTABLE = ("gan", "cgan", "pix2pix", "cyclegan", "superres")
DEFAULT_ROLE = {"cyclegan": "G_AB"}
TOLERANCE = 1e-3  # largest |difference| allowed between the original's and the export's outputs (outputs in [-1, 1])
OPSET = 18  # Resize with antialias: the super-resolution models' bicubic skip
TRAIN_ONLY = (nn.Dropout, nn.modules.batchnorm._BatchNorm)


@dataclass(frozen=True)
class ExportReport:
    """What was exported, and how closely the export reproduces the original."""

    path: Path
    format: str
    task: str
    role: str
    max_abs_diff: float
    checked_on: str
    train_only_layers: tuple[str, ...]  # layer types that act differently in training: exported in eval mode

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "task": self.task, "role": self.role,
                "max_abs_diff": self.max_abs_diff, "checked_on": self.checked_on,
                "train_only_layers": list(self.train_only_layers), "tolerance": TOLERANCE}


class ExportError(CheckpointError):
    """A model that cannot be exported, or an export that does not reproduce its original; one line."""


def _inputs(model: nn.Module, card: ModelCard, role: str, batch: int, side: int, seed: int) -> tuple[torch.Tensor, ...]:
    """Seeded inputs of the network's kind: noise (and class labels) for a GAN generator, images in [-1, 1] for the
    others (`side` pixels square)."""
    g = torch.Generator().manual_seed(seed)
    if card.task in ("gan", "cgan"):
        z = torch.randn(batch, int(model.z_size), generator=g)
        classes = int(getattr(model, "num_classes", 0))
        return (z, torch.arange(batch) % classes) if classes else (z,)
    spec = card.role_spec(role)
    return (torch.rand(batch, spec.in_channels or spec.channels, side, side, generator=g) * 2 - 1,)


def _check_cases(model: nn.Module, card: ModelCard, role: str) -> list[tuple[torch.Tensor, ...]]:
    """The traced input and two others: another batch size, and another image size where the network takes any."""
    if card.task in ("gan", "cgan"):
        return [_inputs(model, card, role, n, 0, seed) for n, seed in ((4, 0), (7, 1), (16, 2))]
    size = card.image_size
    if card.task == "superres":
        return [_inputs(model, card, role, n, s, seed) for n, s, seed in ((1, 24, 0), (2, 17, 1), (1, 40, 2))]
    return [_inputs(model, card, role, n, size, seed) for n, seed in ((1, 0), (3, 1), (2, 2))]


def _describe(cases: list[tuple[torch.Tensor, ...]]) -> str:
    shapes = ", ".join("x".join(str(d) for d in case[0].shape) for case in cases)
    return f"{len(cases)} seeded inputs of shapes {shapes} (the first traced, the others prove the dynamic axes)"


def _dynamic_axes(card: ModelCard, names: list[str]) -> dict[str, dict[int, str]]:
    axes: dict[str, dict[int, str]] = {name: {0: "batch"} for name in names}
    if card.task in ("superres", "pix2pix", "cyclegan"):
        axes["image"] = {0: "batch", 2: "height", 3: "width"}
        axes["output"] = {0: "batch", 2: "out_height", 3: "out_width"}
    return axes


def _bicubic_aa(g: Any, image: Any, output_size: Any, align_corners: Any, scale_factors: Any) -> Any:
    """ONNX for torch's antialiased bicubic up-sampling (Pillow's kernel, a = -0.5, taps outside the image left out and
    the rest renormalised): ONNX's Resize says exactly that; the check after export measures it."""
    from torch.onnx import symbolic_helper

    scales = symbolic_helper._maybe_get_const(scale_factors, "fs")
    if not isinstance(scales, list | tuple):
        raise ExportError("only a fixed up-sampling factor can be exported (the bicubic skip of a super-resolution model)")
    factors = g.op("Constant", value_t=torch.tensor([1.0, 1.0, *scales], dtype=torch.float32))
    roi = g.op("Constant", value_t=torch.tensor([], dtype=torch.float32))
    return g.op("Resize", image, roi, factors, mode_s="cubic", cubic_coeff_a_f=-0.5, exclude_outside_i=1,
                coordinate_transformation_mode_s="half_pixel", antialias_i=1)


def _onnx_export(model: nn.Module, card: ModelCard, example: tuple[torch.Tensor, ...], out: Path) -> None:
    names = ["z", "label"][: len(example)] if card.task in ("gan", "cgan") else ["image"]
    # The TorchScript exporter (the dynamo one needs onnxscript) warns about tracing in general terms; what matters
    # is whether the export reproduces the network, which the check after it measures.
    torch.onnx.register_custom_op_symbolic("aten::_upsample_bicubic2d_aa", _bicubic_aa, OPSET)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, example, str(out), input_names=names, output_names=["output"],
                          dynamic_axes=_dynamic_axes(card, [*names, "output"]), opset_version=OPSET, dynamo=False)


def _onnx_run(path: Path, case: tuple[torch.Tensor, ...]) -> torch.Tensor:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, torch.get_num_threads())
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    feeds = {i.name: t.numpy() for i, t in zip(session.get_inputs(), case, strict=True)}
    return torch.from_numpy(session.run(None, feeds)[0])


def _set_card(path: Path, card: ModelCard) -> None:
    """Put the model card into the ONNX file's metadata (key 'ganengine'), as the safetensors files carry it."""
    import onnx

    proto = onnx.load(str(path))
    del proto.metadata_props[:]
    entry = proto.metadata_props.add()
    entry.key, entry.value = "ganengine", card.to_json()
    onnx.save(proto, str(path))


def onnx_card(path: str | Path) -> ModelCard:
    """The model card an exported ONNX file carries."""
    import onnx

    proto = onnx.load(str(path), load_external_data=False)
    for entry in proto.metadata_props:
        if entry.key == "ganengine":
            return ModelCard.from_json(entry.value)
    raise CheckpointError(f"{Path(path).name}: no GAN Studio model card in this ONNX file")


def export_checkpoint(path: str | Path, fmt: str, out: str | Path, role: str | None = None) -> ExportReport:
    """Export one network of a checkpoint to `out` (onnx or safetensors) and check it against the original."""
    path, out = Path(path), Path(out)
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use {' or '.join(FORMATS)}")
    card = read_card(path)
    if card.task not in EXPORTABLE:
        raise ExportError(f"{path.name} is a {card.task} checkpoint: exports are for generators, translation and "
                          f"super-resolution models ({', '.join(EXPORTABLE)})")
    role = role or DEFAULT_ROLE.get(card.task, "generator")
    if role not in card.roles:
        raise ExportError(f"{path.name} has no network {role!r} (it has {', '.join(card.roles)})")
    if out.resolve() == path.resolve():
        raise ExportError("the export would overwrite its checkpoint: choose another --out")
    model, card = load_role(path, role, EXPORTABLE, "cpu")
    model = model.float().eval()
    layers = tuple(sorted({type(m).__name__ for m in model.modules() if isinstance(m, TRAIN_ONLY)}))
    cases = _check_cases(model, card, role)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp{out.suffix}")  # checkpoints are known by their suffix
    try:
        with torch.no_grad():
            expected = [model(*case).float() for case in cases]
        if fmt == "onnx":
            _onnx_export(model, card, cases[0], tmp)
            got = [_onnx_run(tmp, case) for case in cases]
        else:
            tensors = {k: v for k, v in load_checkpoint(path)[0].items() if k.startswith(f"{role}.")}  # as stored (fp16 stays)
            save_checkpoint(tmp, tensors, dataclasses.replace(card, roles={role: card.roles[role]}, primary=role))
            again, _ = load_role(tmp, role, EXPORTABLE, "cpu")
            with torch.no_grad():
                got = [again.eval()(*case).float() for case in cases]
        diff = max(float((a - b).abs().max()) for a, b in zip(expected, got, strict=True))
        if not diff <= TOLERANCE:  # NaN fails too
            raise ExportError(f"the {fmt} export of {path.name} differs from the original by up to {diff:.3g} "
                              f"(tolerance {TOLERANCE:g}); nothing was written")
        report = ExportReport(out, fmt, card.task, role, round(diff, 8), _describe(cases), layers)
        note = {"export": json.dumps({k: v for k, v in report.to_dict().items() if k != "path"}), "exported_from": path.name}
        exported = dataclasses.replace(card, roles={role: card.roles[role]}, primary=role, metrics={**card.metrics, **note})
        if fmt == "onnx":
            _set_card(tmp, exported)
        else:
            save_checkpoint(tmp, tensors, exported)
        tmp.replace(out)
        return report
    finally:
        tmp.unlink(missing_ok=True)
