"""The command line, as a user types it."""

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

from ganengine.imageio import read_provenance

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ganengine", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_train_then_generate_grid_and_folder(tmp_path):
    run = tmp_path / "run"
    out = cli("train", "--model", "cdcgan", "--data", "digits", "--steps", "4", "--batch-size", "8", "--width", "4",
              "--nz", "8", "--max-items", "64", "--threads", "1", "--checkpoint-every", "2", "--out", str(run),
              "--export", str(tmp_path / "model.safetensors"))
    assert out.returncode == 0, out.stderr
    assert "finished at step 4" in out.stdout
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    assert events[0]["type"] == "started" and events[-1]["type"] == "finished"
    ckpt = tmp_path / "model.safetensors"
    card = json.loads(cli("info", str(ckpt)).stdout)
    assert card["kind"] == "cgan" and card["command"].startswith("python -m ganengine train --model cdcgan")

    grid = tmp_path / "grid.png"
    out = cli("generate", str(ckpt), "--n", "6", "--seed", "3", "--class", "7", "--out", str(grid))
    assert out.returncode == 0, out.stderr
    assert Image.open(grid).size[0] > 32 and read_provenance(grid)["seed"] == "3"
    folder = tmp_path / "pngs"
    assert cli("generate", str(ckpt), "--n", "3", "--out", str(folder)).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["sample_00000.png", "sample_00001.png", "sample_00002.png"]


def test_resume_from_run_directory(tmp_path):
    run = tmp_path / "run"
    base = ("train", "--data", "toy2d-moons", "--model", "mlp", "--width", "4", "--batch-size", "16", "--threads", "1",
            "--out", str(run))
    assert cli(*base, "--steps", "4").returncode == 0
    out = cli("train", "--out", str(run), "--resume", "--steps", "8")
    assert out.returncode == 0, out.stderr
    assert "finished at step 8" in out.stdout


def test_errors_are_one_line_and_non_zero(tmp_path):
    for args, words in [
        (("train", "--data", "nowhere", "--out", str(tmp_path / "r")), "no data set or path named 'nowhere'"),
        (("train", "--batch-size", "1", "--out", str(tmp_path / "r")), "batch size must be"),
        (("generate", str(tmp_path / "missing.safetensors"), "--out", str(tmp_path / "g.png")), "missing.safetensors"),
        (("train", "--out", str(tmp_path / "empty"), "--resume"), "not a run directory"),
    ]:
        out = cli(*args)
        assert out.returncode == 2, (args, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], out.stderr


def test_generate_refuses_a_foreign_file(tmp_path):
    bad = tmp_path / "weights.safetensors"
    bad.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{}              ")
    out = cli("generate", str(bad), "--out", str(tmp_path / "x.png"))
    assert out.returncode == 2 and "not a GAN Studio checkpoint" in out.stderr


def test_data_listing():
    out = cli("data")
    assert out.returncode == 0
    for name in ("digits", "faces", "shapes", "toy2d-ring", "toy2d-grid", "toy2d-spiral", "toy2d-moons", "mnist"):
        assert name in out.stdout


def test_bench_train_reports_both_loops_as_json(tmp_path):
    out = tmp_path / "bench.json"
    proc = cli("bench", "train", "--steps", "2", "--warmup", "2", "--width", "4", "--batch-size", "8", "--device", "cpu",
               "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    r = json.loads(out.read_text())
    assert r["flops_per_step"] > 0 and r["ratio"] > 0 and r["matmul_peak_flops"]["fp32"] > 0
    for loop in ("textbook", "ganengine"):
        assert r[loop]["steps_per_s"] > 0 and r[loop]["peak_share"] > 0
    assert "ratio (ganengine / textbook)" in proc.stdout
