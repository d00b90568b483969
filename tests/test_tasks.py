"""The engine spine: any registered task runs through the one loop, the event schema and the job runner; the
manager works on any backend; a page can step a small model in-process."""

import dataclasses
import importlib
import json
import os
from pathlib import Path

import pytest
import torch

from ganengine.checkpoints import load_role
from ganengine.events import ended, read_events
from ganengine.jobs import Backend, JobManager
from ganengine.runs import RunDir
from ganengine.tasks import TASKS, GanConfig, config_from_dict, preset
from ganengine.train import Trainer, run_task

ALICE, BOB = "alice-token-0123456789abcdef", "bob-token-0123456789abcdef"


@pytest.fixture(scope="module")
def toy():
    """The toy task of tests/toy_task.py, registered from outside the engine as a plugin module is."""
    module = importlib.import_module("toy_task")  # tests/ is on sys.path (pytest's rootdir-relative import)
    assert "toy-line" in TASKS
    return module


def test_a_task_from_outside_the_engine_runs_through_the_loop(tmp_path, toy):
    events = []
    cfg = toy.LineConfig(steps=200, checkpoint_every=100, sample_every=100, ema_decay=0.5, num_threads=1)
    result = run_task(cfg, tmp_path, events.append)
    assert result.status == "finished" and result.step == 200
    started, metrics = events[0], [e for e in events if e["type"] == "metrics"]
    assert started["task"] == "toy-line" and started["charts"][0]["series"] == ["loss", "slope"]
    assert started["params"] == {"model": 2} and started["ema"] == 0.5
    assert len(metrics) == 200 and metrics[-1]["values"]["loss"] < metrics[0]["values"]["loss"] / 10
    assert [e["step"] for e in events if e["type"] == "sample"] == [1, 2, 5, 10, 20, 50, 100, 200]  # dense, then sparse
    model, card = load_role(result.checkpoint)  # the card names the role; its architecture was registered outside
    assert card.task == "toy-line" and card.io["output"] == "3x + 1, roughly"
    assert float(model.fc.weight.detach()) == pytest.approx(3.0, abs=0.3)
    assert float(model.fc.bias.detach()) == pytest.approx(1.0, abs=0.3)
    assert config_from_dict(json.loads((tmp_path / "config.json").read_text())) == cfg


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_a_task_from_outside_the_engine_runs_as_a_background_job(tmp_path, toy, monkeypatch):
    """The worker process loads the task's module from $GANSTUDIO_TASK_MODULES: no engine file names it."""
    monkeypatch.setenv("GANSTUDIO_TASK_MODULES", "toy_task")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(Path(toy.__file__).parent), os.environ.get("PYTHONPATH")])))
    manager = JobManager(tmp_path / "runs", max_running=1, threads_per_job=1, poll_interval=0.05)
    try:
        info = manager.submit(toy.LineConfig(steps=30, checkpoint_every=30), ALICE)
        run = RunDir(info.run_dir)
        assert manager.wait(info.id, ALICE, timeout=120).state == "finished", (run.root / "worker.log").read_text()[-2000:]
        assert [e["type"] for e in run.events()][:2] == ["queued", "started"]
        assert run.latest_checkpoint() is not None
    finally:
        manager.shutdown()


class FakeBackend(Backend):
    """A backend with no processes: it records what the manager asks, and the test decides when jobs end."""

    name = "fake"

    def __init__(self) -> None:
        self.started: list[str] = []
        self.cancelled: list[str] = []
        self.exit: dict[str, int | None] = {}

    def start(self, job_id, run, resources):
        self.started.append(job_id)
        self.exit[job_id] = None
        return job_id

    def poll(self, handle):
        if self.exit[handle] == "broken":
            raise OSError(28, "No space left on device")
        return self.exit[handle]

    def cancel(self, handle):
        self.cancelled.append(handle)

    def kill(self, handle):
        self.exit[handle] = -9


def test_the_manager_runs_jobs_on_any_backend_without_local_processes(tmp_path, tiny_points_config):
    backend = FakeBackend()
    manager = JobManager(tmp_path / "runs", backend, max_running=1, threads_per_job=1, poll_interval=3600)
    try:
        a = manager.submit(tiny_points_config, ALICE)
        b = manager.submit(tiny_points_config, BOB)
        assert backend.started == [a.id] and manager.get(b.id, BOB).queue_position == 1
        assert manager.list(BOB)[0].id == b.id and all(j.id != a.id for j in manager.list(BOB))
        # A remote job reports its end the way every backend does: an ended event in the server's run directory.
        RunDir(a.run_dir).events_path.open("a").write(json.dumps(ended("finished", 6, "", None)) + "\n")
        backend.exit[a.id] = 0
        manager.poll_now()
        assert manager.get(a.id, ALICE).state == "finished" and backend.started == [a.id, b.id]
        manager.cancel(b.id, BOB)
        assert backend.cancelled == [b.id] and manager.get(b.id, BOB).state == "running"
        backend.exit[b.id] = 1  # it ended without an ended event: the manager says so, with the cancel in mind
        manager.poll_now()
        assert manager.get(b.id, BOB).state == "cancelled"
        assert read_events(RunDir(b.run_dir).events_path)[0][-1]["status"] == "cancelled"
    finally:
        manager.shutdown()


def test_a_backend_that_dies_fails_its_job_with_a_reason(tmp_path, tiny_points_config):
    backend = FakeBackend()
    manager = JobManager(tmp_path / "runs", backend, poll_interval=3600)
    try:
        a = manager.submit(tiny_points_config, ALICE)
        backend.exit[a.id] = 137
        manager.poll_now()
        info = manager.get(a.id, ALICE)
        assert info.state == "failed" and "exit code 137" in info.reason
    finally:
        manager.shutdown()


def test_one_jobs_broken_poll_ends_that_job_and_the_queue_goes_on(tmp_path, tiny_points_config):
    """A backend that raises while polling one job (the server's disk filled while its files came back) ends that job
    with the reason; the scheduler keeps reaping and starting the others."""
    backend = FakeBackend()
    manager = JobManager(tmp_path / "runs", backend, max_running=2, poll_interval=3600)
    try:
        a, b = manager.submit(tiny_points_config, ALICE), manager.submit(tiny_points_config, BOB)
        c = manager.submit(dataclasses.replace(tiny_points_config, seed=1), BOB)  # not a double submission
        backend.exit[a.id] = "broken"
        backend.exit[b.id] = 0
        manager.poll_now()
        failed = manager.get(a.id, ALICE)
        assert failed.state == "failed" and "No space left on device" in failed.reason
        assert manager.get(b.id, BOB).state != "running" and backend.started == [a.id, b.id, c.id]
    finally:
        manager.shutdown()


def test_stepping_in_process_drives_a_small_model_without_a_job(tiny_points_config):
    """The playground's interface: n steps at a time, named values back, a preview, no files."""
    trainer = Trainer(dataclasses.replace(tiny_points_config, steps=1000))
    first = trainer.step_n(1)
    assert trainer.step == 1 and set(first) >= {"loss_d", "loss_g", "d_real", "d_fake"}
    values = trainer.step_n(25)
    assert trainer.step == 26 and all(isinstance(v, float) for v in values.values())
    preview = trainer.preview()
    assert preview.points is not None and len(preview.points) == 1000


@pytest.mark.parametrize(("d_steps", "g_steps", "forwards"), [(1, 1, 1), (2, 1, 2), (1, 2, 2)])
def test_a_gan_step_runs_the_generator_once_per_batch_of_fakes(tiny_image_config, d_steps, g_steps, forwards):
    """The last discriminator step's fakes keep their graph and train G (as the textbook loop does): no second G pass."""
    trainer = Trainer(dataclasses.replace(tiny_image_config, d_steps=d_steps, g_steps=g_steps))
    calls = []
    trainer.task.G.register_forward_hook(lambda module, args, out: calls.append(out.requires_grad))
    values = trainer.step_n(1)
    assert len(calls) == forwards and calls[-1]  # the fakes G learns from carry gradients
    assert values["grad_norm_g"] > 0 and values["grad_norm_d"] > 0


def test_the_ema_forgets_the_random_initial_weights_within_a_short_run():
    from ganengine.train.loop import EMA

    net = torch.nn.Linear(3, 3)
    torch.nn.init.zeros_(net.weight)
    ema = EMA(net, decay=0.999)
    torch.nn.init.ones_(net.weight)  # training moved the weights; the average starts from the initial zeros
    for step in range(200):
        ema.update(step)
    # Warmed up, 200 steps leave under 5 % of the initial weights; a fixed 0.999 would leave 82 % (0.999^200).
    assert ema.shadow.weight.min() > 0.95
    assert ema.decay_at(0) == pytest.approx(0.1) and ema.decay_at(100_000) == 0.999


def test_ema_of_the_generator_is_kept_and_saved(tmp_path, tiny_image_config):
    result = run_task(dataclasses.replace(tiny_image_config, ema_decay=0.9), tmp_path)
    state = torch.load(RunDir(tmp_path).resume_path, weights_only=True)
    live, ema = state["networks"]["generator"], state["ema"]["generator"]
    weight = next(k for k in live if k.endswith("weight"))
    assert not torch.equal(live[weight], ema[weight])  # an average, not a copy
    saved, _ = load_role(result.checkpoint, "generator")
    assert torch.equal(saved.state_dict()[weight].cpu(), ema[weight].cpu())  # the checkpoint holds the EMA generator


def test_resume_restores_every_rng_so_n_plus_n_equals_2n(tmp_path, tiny_points_config):
    """Training 2N steps equals N, stop, N more (weights, optimisers, batch sampler, torch/numpy/python RNGs)."""
    cfg = dataclasses.replace(tiny_points_config, steps=12, log_every=1, checkpoint_every=6, amp=False)
    whole = run_task(cfg, tmp_path / "whole")
    run_task(dataclasses.replace(cfg, steps=6), tmp_path / "split")
    split = run_task(cfg, tmp_path / "split", resume=True)
    a, _ = load_role(whole.checkpoint, "generator")
    b, _ = load_role(split.checkpoint, "generator")
    for (k, x), y in zip(a.state_dict().items(), b.state_dict().values(), strict=True):
        assert torch.allclose(x, y, atol=1e-6), k


def test_configs_dispatch_on_their_task_and_old_configs_are_gan_configs(toy):
    old = {k: v for k, v in GanConfig().to_dict().items() if k != "task"}  # a config.json from before tasks
    assert type(config_from_dict(old)) is GanConfig
    assert type(config_from_dict({"task": "toy-line"})).__name__ == "LineConfig"
    with pytest.raises(Exception, match="task must be one of"):
        config_from_dict({"task": "nonesuch"})
    assert preset("gan", "toy2d-ring").model == "mlp" and preset("gan", "digits").model == "scdcgan"  # IMAGE_RECIPE


def test_a_typo_in_a_data_name_is_an_error_not_a_guess():
    from ganengine.data import DataError, data_kind

    with pytest.raises(DataError, match="no data set or path named 'digitz'"):
        data_kind("digitz")
    assert data_kind("toy2d-ring") == "points" and data_kind("digits") == "images"


def test_running_out_of_memory_ends_the_run_with_advice_and_its_last_checkpoint(tmp_path, toy):
    events = []
    cfg = toy.HungryConfig(steps=20, batch_size=32, checkpoint_every=2, sample_every=100, num_threads=1, device="cpu")
    result = run_task(cfg, tmp_path, events.append)  # on the CPU: no retry, the server's memory is everyone's
    end = events[-1]
    assert result.status == "failed" and end["code"] == "out_of_memory"
    assert end["params"] == {"step": 5, "batch": 32, "kept": 4}
    assert "ran out of memory at step 5 with a batch of 32: try a smaller batch size" in end["reason"]
    assert result.checkpoint is not None and result.checkpoint.exists()


def test_a_gpu_out_of_memory_goes_on_once_at_half_the_batch(tmp_path, toy, monkeypatch):
    from ganengine.train import loop

    monkeypatch.setattr(loop, "retries_out_of_memory", lambda device: True)  # as on a CUDA device
    events = []
    cfg = toy.HungryConfig(steps=12, batch_size=32, memory_items=16, checkpoint_every=2, sample_every=100, num_threads=1)
    result = run_task(cfg, tmp_path, events.append)
    warning = next(e for e in events if e["type"] == "warning")
    assert warning["code"] == "memory_retry" and warning["params"] == {"batch": 16, "step": 4}
    assert result.status == "finished" and result.step == 12
    assert events[-1]["code"] == "finished"
    assert json.loads((tmp_path / "config.json").read_text())["batch_size"] == 16  # a continue keeps the batch that fits
    # Once only: a batch that still does not fit ends the run with the advice.
    events.clear()
    tight = toy.HungryConfig(steps=12, batch_size=32, memory_items=8, checkpoint_every=2, sample_every=100, num_threads=1)
    result = run_task(tight, tmp_path / "tight", events.append)
    assert result.status == "failed" and events[-1]["code"] == "out_of_memory" and events[-1]["params"]["batch"] == 16
