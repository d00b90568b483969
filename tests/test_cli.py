"""The command line, as a user types it. Most commands run in-process through cli.main (what a subprocess would
add is proven once, by the first test); the exit status and the printed lines are what a user sees."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ganengine.cli import main
from ganengine.imageio import read_provenance
from ganengine.tasks import GanConfig

ROOT = Path(__file__).resolve().parent.parent


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_the_module_runs_as_a_program():
    out = subprocess.run([sys.executable, "-m", "ganengine", "data"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and "toy2d-ring" in out.stdout


def test_train_then_generate_grid_and_folder(tmp_path, capsys):
    run = tmp_path / "run"
    code, out, err = cli(capsys, "train", "--model", "cdcgan", "--data", "digits", "--steps", "4", "--batch-size", "8",
                         "--width", "4", "--nz", "8", "--max-items", "64", "--threads", "1", "--checkpoint-every", "2",
                         "--out", str(run), "--export", str(tmp_path / "model.safetensors"))
    assert code == 0, err
    assert "finished at step 4" in out
    events = [json.loads(line) for line in (run / "events.jsonl").read_text().splitlines()]
    assert events[0]["type"] == "started" and events[-1]["type"] == "ended" and events[-1]["status"] == "finished"
    ckpt = tmp_path / "model.safetensors"
    code, out, _ = cli(capsys, "info", str(ckpt))
    card = json.loads(out)
    assert card["task"] == "cgan" and card["command"].startswith("python -m ganengine train --model cdcgan")
    assert card["roles"]["generator"]["name"] == "cdcgan" and "image" in card["io"]["output"]

    grid = tmp_path / "grid.png"
    code, _, err = cli(capsys, "generate", str(ckpt), "--n", "6", "--seed", "3", "--class", "7", "--out", str(grid))
    assert code == 0, err
    assert Image.open(grid).size[0] > 32 and read_provenance(grid)["seed"] == "3"
    folder = tmp_path / "pngs"
    assert cli(capsys, "generate", str(ckpt), "--n", "3", "--out", str(folder))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["sample_00000.png", "sample_00001.png", "sample_00002.png"]


def test_resume_from_run_directory(tmp_path, capsys):
    run = tmp_path / "run"
    base = ("train", "--data", "toy2d-moons", "--model", "mlp", "--width", "4", "--batch-size", "16", "--threads", "1",
            "--out", str(run))
    assert cli(capsys, *base, "--steps", "4")[0] == 0
    code, out, err = cli(capsys, "train", "--out", str(run), "--resume", "--steps", "8")
    assert code == 0, err
    assert "finished at step 8" in out
    code, _, err = cli(capsys, "train", "--out", str(run), "--resume", "--steps", "9", "--loss", "hinge")
    assert code == 2 and "only --steps and --time-budget may change" in err


@pytest.mark.parametrize("args, words", [
    (("train", "--data", "nowhere", "--out", "{tmp}/r"), "no data set or path named 'nowhere'"),
    (("train", "--batch-size", "1", "--out", "{tmp}/r"), "batch size must be"),
    (("train", "--loss", "hinge", "--label-smoothing", "0.1", "--out", "{tmp}/r"), "no meaning for the hinge loss"),
    (("generate", "{tmp}/missing.safetensors", "--out", "{tmp}/g.png"), "missing.safetensors"),
    (("train", "--out", "{tmp}/empty", "--resume"), "not a run directory"),
    (("train", "--task", "classifier", "--data", "toy2d-ring", "--steps", "2", "--out", "{tmp}/c"), "no labelled images"),
])
def test_errors_are_one_line_and_non_zero(tmp_path, capsys, args, words):
    code, _, err = cli(capsys, *(a.format(tmp=tmp_path) for a in args))
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], err


def test_a_bug_is_not_dressed_up_as_a_user_error(monkeypatch, tmp_path, capsys):
    """Only user error types become `error: ...` and exit 2; an internal ValueError keeps its traceback."""
    import ganengine.cli as cli_module

    def broken(*_args, **_kwargs):
        raise ValueError("an internal bug")

    monkeypatch.setattr(cli_module, "run_task", broken)
    with pytest.raises(ValueError, match="an internal bug"):
        main(["train", "--data", "toy2d-ring", "--steps", "2", "--out", str(tmp_path / "r")])


def test_flags_come_from_the_task_config(capsys):
    """Every config field of the chosen task is a flag (help from its metadata); another task has other flags."""
    with pytest.raises(SystemExit):
        main(["train", "--task", "classifier", "--help"])
    help_text = capsys.readouterr().out
    assert "--max-lr" in help_text and "--input-noise" in help_text and "--loss" not in help_text
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    help_text = capsys.readouterr().out
    for flag in ("--loss", "--spectral-norm", "--no-amp", "--threads", "--ema-decay", "--gp-weight"):
        assert flag in help_text


def test_a_recorded_command_rebuilds_the_same_config(tmp_path, capsys, monkeypatch):
    """A page-started run records the CLI command that makes it; that command, pasted as it is, gives back the
    same config."""
    cfg = GanConfig(
        data="toy2d-grid", model="mlp", nz=16, width=8, lr_g=5e-4, steps=7, time_budget=30.0, spectral_norm=True,
        num_threads=1, seed=4, max_items=256).validate()
    command = cfg.cli_command(out="runs/again")
    assert command.startswith("python -m ganengine train --task gan") and command.endswith("--out runs/again")
    monkeypatch.chdir(tmp_path)
    assert main(command.split()[3:]) == 0
    again = json.loads((tmp_path / "runs" / "again" / "config.json").read_text())
    assert {**again, "command": ""} == {**cfg.to_dict(), "command": ""}


def test_train_classifier_writes_a_features_checkpoint(tmp_path, capsys):
    out = tmp_path / "clf.safetensors"
    code, text, err = cli(capsys, "train-classifier", "--data", "shapes", "--steps", "3", "--width", "4", "--threads", "1",
                          "--out", str(out))
    assert code == 0, err
    metrics = json.loads(text)
    assert 0 <= metrics["val_class_accuracy"] <= 1 and "held-out 10% of shapes" in metrics["measured_on"]


def test_data_listing(capsys):
    code, out, _ = cli(capsys, "data")
    assert code == 0
    for name in ("digits", "faces", "shapes", "toy2d-ring", "toy2d-grid", "toy2d-spiral", "toy2d-moons", "mnist"):
        assert name in out


def test_generate_refuses_a_foreign_file(tmp_path, capsys):
    bad = tmp_path / "weights.safetensors"
    bad.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{}              ")
    code, _, err = cli(capsys, "generate", str(bad), "--out", str(tmp_path / "x.png"))
    assert code == 2 and "not a GAN Studio checkpoint" in err


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_bench_train_reports_both_loops_as_json(tmp_path, capsys):
    out = tmp_path / "bench.json"
    code, text, err = cli(capsys, "bench", "train", "--steps", "2", "--warmup", "2", "--width", "4", "--batch-size", "8",
                          "--device", "cpu", "--rounds", "2", "--json", str(out))
    assert code == 0, err
    r = json.loads(out.read_text())
    assert r["flops_per_step"] > 0 and r["ratio"] > 0 and r["ratio_preloaded"] > 0 and r["matmul_peak_flops"]["fp32"] > 0
    assert r["rounds"] == 2
    for loop in ("textbook", "textbook_preloaded", "ganengine"):
        low, high = r[loop]["range"]
        assert r[loop]["steps_per_s"] > 0 and r[loop]["peak_share"] > 0 and low <= r[loop]["steps_per_s"] <= high
    assert "textbook with preloaded tensor" in text and "ratio (ganengine / textbook with DataLoader)" in text


# --- issue 13: what a hostile checkpoint gets from the command line is one `error:` line and status 2 ----------------

def _hostile(kind: str, folder: Path) -> Path:
    import hostile

    if kind in hostile.MALFORMED:
        return hostile.raw_header(folder / f"{kind}.safetensors", hostile.MALFORMED[kind])
    if kind == "card-1024px":
        return hostile.lying_card(folder / f"{kind}.safetensors", image_size=1024)
    if kind.startswith("channels-"):
        return hostile.channels(folder / f"{kind}.safetensors", int(kind[-1]))
    return hostile.enormous_weights(folder / f"{kind}.safetensors")


@pytest.mark.parametrize(("kind", "words"), [
    ("card-1024px", "its image size 1024 is outside"),
    ("metadata-string", "its metadata is not a table"),
    ("entry-number", "a tensor entry lacks its type, shape or offsets"),
    ("card-object", "its model card is not text"),
    ("channels-0", "0-channel images"),
    ("channels-2", "2 channels"),
    ("enormous-weights", "its generator makes NaN or infinite values"),
])
def test_hostile_checkpoints_are_refused_in_one_line(tmp_path, capsys, kind, words):
    path = str(_hostile(kind, tmp_path))
    for args in (("generate", path, "--n", "2", "--out", str(tmp_path / "g.png")), ("judge", path, "--n", "10"),
                 ("evaluate", path, "--n", "10")):
        code, _, err = cli(capsys, *args)
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], (args, err)
    assert not (tmp_path / "g.png").exists()


@pytest.mark.parametrize("n", ["0", "100000000"])
def test_judge_sample_count_is_bounded(capsys, n):
    """--n 0 used to end in a torch message, 1e8 tried to allocate 40 GB: now one line before any work."""
    code, _, err = cli(capsys, "judge", str(ROOT / "checkpoints" / "digits-dcgan.safetensors"), "--n", n)
    assert code == 2 and err.strip() == f"error: the judge's sample count must be between 10 and 10,000 (got {n})"


def test_metrics_of_too_few_images_ask_for_more(capsys):
    code, _, err = cli(capsys, "evaluate", str(ROOT / "checkpoints" / "digits-dcgan.safetensors"), "--n", "1")
    assert code == 2 and err.strip() == "error: need at least 10 images: the sample count must be between 10 and 50,000 (got 1)"


def test_info_reads_a_pth_legacy_file_like_a_pt(tmp_path, capsys):
    import torch
    from hostile import SPEC, card_dict

    from ganengine.checkpoints import generator_tensors
    from ganengine.models import build_generator

    path = tmp_path / "old.pth"
    torch.save({"card": json.dumps(card_dict()), "state_dict": generator_tensors(build_generator(SPEC))}, path)
    code, out, err = cli(capsys, "info", str(path))
    assert code == 0 and json.loads(out)["roles"]["generator"]["name"] == "dcgan", err
