"""Verified export: ONNX (run by ONNX Runtime) and plain safetensors reproduce the original network's outputs."""

import json
from pathlib import Path

import pytest
import torch

from ganengine.checkpoints import load_role, read_card
from ganengine.cli import main
from ganengine.export import ExportError, export_checkpoint, onnx_card

SHIPPED = Path(__file__).resolve().parent.parent / "checkpoints"
KINDS = ["digits-dcgan", "digits-cdcgan", "digits-scdcgan", "edges-pix2pix", "seasons-cyclegan", "photos-srresnet-x4"]


def shipped(name: str) -> Path:
    path = SHIPPED / f"{name}.safetensors"
    if not path.exists():
        pytest.skip(f"{path.name} is not in checkpoints/")
    return path


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("fmt", ["onnx", "safetensors"])
def test_every_shipped_kind_exports_and_matches_its_original(name, fmt, tmp_path):
    path = shipped(name)
    out = tmp_path / f"{name}.{fmt}"
    report = export_checkpoint(path, fmt, out)
    assert out.exists() and report.max_abs_diff <= 1e-3
    card = onnx_card(out) if fmt == "onnx" else read_card(out)
    written = json.loads(card.metrics["export"])
    assert written["max_abs_diff"] == report.max_abs_diff and written["format"] == fmt
    assert card.metrics["exported_from"] == path.name and list(card.roles) == [report.role]
    if fmt == "safetensors":  # only the one network, loadable as before, with the stored precision kept
        assert out.stat().st_size < path.stat().st_size * 1.05
        load_role(out, report.role)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_the_onnx_export_runs_in_eval_mode_and_the_check_proves_it(tmp_path):
    """Pix2Pix's U-Net has dropout and batch norm: in training mode its outputs change from run to run; the export is
    the eval-mode network, which ONNX Runtime reproduces for another batch size too."""
    import onnxruntime as ort

    path = shipped("edges-pix2pix")
    report = export_checkpoint(path, "onnx", tmp_path / "edges.onnx")
    assert set(report.train_only_layers) == {"BatchNorm2d", "Dropout"}
    model, _ = load_role(path, "generator")
    x = torch.rand(5, 3, 64, 64, generator=torch.Generator().manual_seed(9)) * 2 - 1
    with torch.no_grad():
        evaluated = model.eval()(x)
        trained = model.train()(x)
    session = ort.InferenceSession(str(tmp_path / "edges.onnx"), providers=["CPUExecutionProvider"])
    exported = torch.from_numpy(session.run(None, {"image": x.numpy()})[0])
    assert (exported - evaluated).abs().max() < 1e-3 < (exported - trained).abs().max()


def test_refused_exports_say_why_and_write_nothing(tmp_path, monkeypatch, capsys):
    with pytest.raises(ExportError, match="unknown export format 'tflite'"):
        export_checkpoint(shipped("digits-dcgan"), "tflite", tmp_path / "x.tflite")
    with pytest.raises(ExportError, match="a features checkpoint: exports are for generators"):
        export_checkpoint(shipped("digits-classifier"), "onnx", tmp_path / "x.onnx")
    with pytest.raises(ExportError, match="no network 'G_XY'"):
        export_checkpoint(shipped("seasons-cyclegan"), "onnx", tmp_path / "x.onnx", role="G_XY")
    import ganengine.export

    monkeypatch.setattr(ganengine.export, "TOLERANCE", -1.0)  # no export can pass: it must be removed
    with pytest.raises(ExportError, match="differs from the original by up to"):
        export_checkpoint(shipped("digits-dcgan"), "onnx", tmp_path / "x.onnx")
    assert list(tmp_path.iterdir()) == []
    assert main(["export", str(shipped("digits-classifier")), "--out", str(tmp_path / "c.onnx")]) == 2
    assert "exports are for generators" in capsys.readouterr().err


def test_cli_export_prints_the_check(tmp_path, capsys):
    out = tmp_path / "g_ba.onnx"
    assert main(["export", str(shipped("seasons-cyclegan")), "--role", "G_BA", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out} (onnx, cyclegan G_BA): largest difference from the original")
    assert onnx_card(out).primary == "G_BA"
