"""The quality probe at checkpoints: coverage, variety and FID; the collapse alarm; the best checkpoint kept."""

import dataclasses
import json
from pathlib import Path

import pytest
from safetensors import safe_open
from safetensors.torch import save_file

from ganengine.events import JsonlSink, read_events
from ganengine.train import run_task
from ganengine.train.probe import Probe, QualityWatch, is_collapse, probe_checkpoint

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints" / "digits-dcgan.safetensors"


def collapsed_copy(path: Path) -> Path:
    """The shipped digits generator with its first layer's weights zeroed: one output for all noise."""
    with safe_open(SHIPPED, "pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (safe_open has no iterator)
        meta = f.metadata()
    tensors["generator.net.0.weight"].zero_()
    save_file(tensors, str(path), metadata=meta)
    return path


@pytest.fixture(scope="module")
def collapsed(tmp_path_factory) -> Path:
    return collapsed_copy(tmp_path_factory.mktemp("collapsed") / "step_0000200.safetensors")


@pytest.mark.slow  # three FIDs of 256 samples
def test_the_shipped_digits_model_covers_every_digit_with_real_variety():
    probe = probe_checkpoint(SHIPPED, 2000)
    assert probe.covered == probe.kinds == 10 and probe.samples == 256
    assert 0.5 < probe.variety < 1.5 and 0 < probe.fid < 50


@pytest.mark.slow  # three FIDs of 256 samples
def test_the_alarm_fires_on_a_collapsed_generator_and_stays_quiet_on_the_shipped_model(tmp_path, collapsed):
    quiet = QualityWatch(tmp_path / "quiet")
    (tmp_path / "quiet").mkdir()
    assert [e["type"] for e in quiet.after_checkpoint(SHIPPED, 2000)] == ["probe"]
    alone = tmp_path / "alone"
    alone.mkdir()
    events = QualityWatch(alone).after_checkpoint(collapsed, 200)
    warning = next(e for e in events if e["type"] == "warning")
    assert warning["code"] == "collapse" and warning["params"]["covered"] <= 2 and warning["params"]["variety"] < 0.05


@pytest.mark.slow  # three FIDs of 256 samples
def test_the_best_checkpoint_survives_a_planted_bad_step(tmp_path, collapsed):
    run = tmp_path / "run"
    (run / "checkpoints").mkdir(parents=True)
    good = run / "checkpoints" / "step_0000100.safetensors"
    good.write_bytes(SHIPPED.read_bytes())
    bad = run / "checkpoints" / "step_0000200.safetensors"
    bad.write_bytes(collapsed.read_bytes())
    watch = QualityWatch(run)
    first = watch.after_checkpoint(good, 100)
    assert first[0]["best"] is True
    second = watch.after_checkpoint(bad, 200)
    assert second[0]["type"] == "probe" and second[0]["best"] is False
    assert [e["code"] for e in second if e["type"] == "warning"] == ["collapse"]  # it fell from 10 kinds
    record = QualityWatch.best_record(run)
    assert record["step"] == 100 and record["checkpoint"] == "checkpoints/step_0000100.safetensors"
    assert (run / "best.safetensors").read_bytes() == SHIPPED.read_bytes()
    # A continued run goes on from its best so far: a worse probe does not replace it.
    again = QualityWatch(run)
    assert again.best.step == 100 and again.after_checkpoint(bad, 300)[0]["best"] is False


def test_a_gan_run_probes_its_checkpoints_and_keeps_the_best(tmp_path, tiny_points_config):
    config = dataclasses.replace(tiny_points_config, steps=300, checkpoint_every=100, sample_every=100, log_every=50)
    run_task(config, tmp_path, JsonlSink(tmp_path / "events.jsonl"))
    events, _ = read_events(tmp_path / "events.jsonl")
    probes = [e for e in events if e["type"] == "probe"]
    assert [p["step"] for p in probes] == [100, 200, 300] and all(p["kinds"] == 8 for p in probes)
    best = json.loads((tmp_path / "best.json").read_text())
    assert best["step"] == min(probes, key=lambda p: p["score"])["step"]
    assert (tmp_path / "best.safetensors").exists()
    # Off when asked: no probe events, no best file.
    off = tmp_path / "off"
    run_task(dataclasses.replace(config, quality_probe=False), off, JsonlSink(off / "events.jsonl"))
    assert not any(e["type"] == "probe" for e in read_events(off / "events.jsonl")[0])
    assert not (off / "best.json").exists()


def test_a_run_still_learning_to_spread_out_is_not_called_collapsed():
    """The first probe of a ring run (step 100: 1 of 8 modes, variety 0.2) raised the alarm in the browser."""
    def probe(step, covered, variety):
        return Probe(step, covered, 8, variety, None, 256, "the ring's modes")

    assert not is_collapse(probe(100, 1, 0.20), [])
    assert not is_collapse(probe(200, 2, 0.25), [probe(100, 1, 0.20)])
    assert is_collapse(probe(100, 1, 0.01), [])  # one point for all noise, even first
    grown = [probe(100, 1, 0.2), probe(200, 8, 0.9)]
    assert is_collapse(probe(300, 4, 0.8), grown)  # coverage fell to half of what it reached
    assert is_collapse(probe(300, 8, 0.25), grown)  # variety fell below the floor after being above it
    assert not is_collapse(probe(300, 7, 0.85), grown)
