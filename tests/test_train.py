"""The training loop: events, checkpoints, stop reasons, resume, and that it really learns."""

import dataclasses
import itertools
import pickle
import re
import time

import pytest
import torch
from torch import nn

from ganengine.checkpoints import load_generator
from ganengine.data import DataRequest, TensorData, load_data
from ganengine.data.toy2d import mode_coverage
from ganengine.distributed import DistContext
from ganengine.models import build_generator
from ganengine.runs import RunDir
from ganengine.sampling import latents
from ganengine.tasks import GanConfig, NonFiniteLoss, TrainEnv
from ganengine.train import Trainer, run_task


def test_tiny_run_writes_events_samples_and_checkpoints(tmp_path, tiny_image_config):
    events = []
    result = run_task(tiny_image_config, tmp_path, events.append)
    assert result.status == "finished" and result.step == 6
    kinds = [e["type"] for e in events]
    assert kinds[0] == "started" and kinds[-1] == "ended" and events[-1]["status"] == "finished"
    assert all(e["v"] == 2 for e in events)
    started = events[0]
    assert [c["series"] for c in started["charts"]] == [["loss_d", "loss_g"], ["d_real", "d_fake"], ["grad_norm_d", "grad_norm_g"]]
    metrics = [e for e in events if e["type"] == "metrics"]
    assert [m["step"] for m in metrics] == [1, 2, 4, 6]
    for key in ("loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g"):
        assert all(isinstance(m["values"][key], float) for m in metrics), key
    assert all(m["items_per_s"] > 0 and 0 < m["progress"] <= 1 for m in metrics) and metrics[-1]["progress"] == 1
    assert 0 <= metrics[-1]["values"]["d_real"] <= 1 and metrics[-1]["values"]["grad_norm_d"] > 0
    run = RunDir(tmp_path)
    assert [s for s, _ in run.checkpoints()] == [3, 6]
    # Previews come densely at first (steps 1, 2, then 5, 10, 20... below sample_every), then every sample_every.
    assert sorted(p.name for p in run.samples_dir.iterdir()) == [f"step_000000{i}.png" for i in (1, 2, 3, 6)]
    _G, card = load_generator(result.checkpoint)
    assert card.steps == 6 and card.config["model"] == "dcgan" and card.class_names == [str(i) for i in range(10)]
    assert run.resume_path.exists() and run.config() == tiny_image_config


@pytest.mark.parametrize("change", [
    {"loss": "minimax"}, {"loss": "wgan-gp", "d_steps": 2}, {"loss": "lsgan"}, {"loss": "hinge"},
    {"spectral_norm": True, "label_smoothing": 0.1, "instance_noise": 0.2}, {"model": "cdcgan"},
    {"model": "mlp"}, {"g_steps": 2, "lr_d": 1e-4},
])
def test_every_loss_and_stabiliser_trains(tmp_path, tiny_image_config, change):
    result = run_task(dataclasses.replace(tiny_image_config, **change), tmp_path)
    assert result.status == "finished", result.reason
    G, _card = load_generator(result.checkpoint)
    assert all(torch.isfinite(p).all() for p in G.parameters())


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_learns_a_toy_mixture(tmp_path):
    """An MLP GAN covers most of the 8 ring modes after a short run; the untrained one covers none."""
    cfg = GanConfig(model="mlp", data="toy2d-ring", steps=800, batch_size=128, width=16, nz=16, lr_g=1e-3, lr_d=1e-3,
                      log_every=100, sample_every=800, checkpoint_every=800, num_threads=1, seed=1)
    result = run_task(cfg, tmp_path)
    G, _ = load_generator(result.checkpoint)
    with torch.no_grad():
        trained = G(latents(2000, 16, 9)).numpy()
        untrained = build_generator(G.spec)(latents(2000, 16, 9)).numpy()
    modes, near = mode_coverage(trained, "ring")
    modes0, near0 = mode_coverage(untrained, "ring")
    assert modes >= 6 and near > 0.15
    assert modes0 <= 1 and near0 < 0.05


class PoisonedData(TensorData):
    """Real digits that turn to NaN after a number of batches (a diverging data pipeline)."""

    calls = 0
    poison_after = 7

    def sample(self, batch_size, generator=None):
        x, y = super().sample(batch_size, generator)
        PoisonedData.calls += 1
        return (x * float("nan"), y) if PoisonedData.calls > self.poison_after else (x, y)


def test_nan_stops_with_reason_and_keeps_last_good_checkpoint(tmp_path, tiny_image_config):
    d = load_data("digits", DataRequest(max_items=64))
    data = PoisonedData(d.name, d.kind, d.x, d.labels, d.class_names)
    PoisonedData.calls = 0
    result = run_task(dataclasses.replace(tiny_image_config, steps=20), tmp_path, data=data)
    assert result.status == "failed"
    assert "NaN or infinite at step 8" in result.reason and "last good checkpoint (step 6)" in result.reason
    G, card = load_generator(result.checkpoint)
    assert card.steps == 6 and all(torch.isfinite(p).all() for p in G.parameters())


@pytest.fixture
def deferred_checks(monkeypatch):
    """Finiteness checks read at measured steps and before writes, as on a GPU (the CPU reads them at once)."""
    from ganengine.train import loop

    monkeypatch.setattr(loop, "defers_finite_checks", lambda device: True)


def test_a_nan_between_measured_steps_ends_the_run_at_its_step_before_anything_is_written(tmp_path, tiny_image_config,
                                                                                          deferred_checks):
    """The finiteness check waits on the device until the next measured step or checkpoint: the message still names
    the step, and the checkpoint after it is never written."""
    d = load_data("digits", DataRequest(max_items=64))
    data = PoisonedData(d.name, d.kind, d.x, d.labels, d.class_names)
    PoisonedData.calls = 0
    cfg = dataclasses.replace(tiny_image_config, steps=20, log_every=100, sample_every=100, checkpoint_every=3)
    result = run_task(cfg, tmp_path, data=data)  # step 8 draws the first NaN batch; step 9 would checkpoint
    assert result.status == "failed" and "NaN or infinite at step 8" in result.reason
    assert "last good checkpoint (step 6)" in result.reason and result.checkpoint.name == "step_0000006.safetensors"
    assert sorted(p.name for p in (tmp_path / "checkpoints").glob("*.safetensors"))[-1] == "step_0000006.safetensors"


def _plain_env(defer: bool = True, dist: DistContext | None = None) -> TrainEnv:
    return TrainEnv(torch.device("cpu"), None, dist or DistContext(), torch.amp.GradScaler("cpu", enabled=False),
                    defer_checks=defer)


class OneNanThenCrash(TensorData):
    """Batch 6 (step 6) is NaN, later ones are clean, and batch `crash_at` raises `error`."""

    calls, crash_at, error = 0, 9, RuntimeError("disk went away")

    def sample(self, batch_size, generator=None):
        x, y = super().sample(batch_size, generator)
        OneNanThenCrash.calls += 1
        if OneNanThenCrash.calls == self.crash_at:
            raise self.error
        return (x * float("nan"), y) if OneNanThenCrash.calls == 6 else (x, y)


@pytest.mark.parametrize("error", [RuntimeError("disk went away"), torch.OutOfMemoryError("CUDA out of memory")])
def test_a_crash_after_an_unread_nan_ends_as_the_nan_and_writes_nothing(tmp_path, tiny_image_config, deferred_checks,
                                                                        monkeypatch, error):
    """Review of the deferred checks: a crash (or a GPU out of memory, which would go on at half the batch) between a
    NaN and its reading wrote a final checkpoint of the state after the NaN."""
    from ganengine.train import loop

    monkeypatch.setattr(loop, "retries_out_of_memory", lambda device: True)
    d = load_data("digits", DataRequest(max_items=64))
    OneNanThenCrash.calls, OneNanThenCrash.error = 0, error
    events = []
    cfg = dataclasses.replace(tiny_image_config, steps=20, log_every=100, sample_every=1000, checkpoint_every=1000)
    result = run_task(cfg, tmp_path, events.append, data=OneNanThenCrash(d.name, d.kind, d.x, d.labels, d.class_names))
    assert result.status == "failed" and "NaN or infinite at step 6" in result.reason and result.step == 5
    assert events[-1]["params"]["loss"] == "discriminator" and events[-1]["step"] == 5
    assert not list((tmp_path / "checkpoints").glob("*.safetensors")) and not (tmp_path / "resume.pt").exists()
    assert not [e for e in events if e["type"] == "warning"]  # no retry from a state after the NaN


def test_a_run_that_stops_on_a_nan_read_later_counts_only_the_steps_before_it(tmp_path, tiny_image_config,
                                                                              deferred_checks):
    d = load_data("digits", DataRequest(max_items=64))
    OneNanThenCrash.calls = 0
    cfg = dataclasses.replace(tiny_image_config, steps=8, log_every=100, sample_every=1000, checkpoint_every=1000)
    events = []
    result = run_task(cfg, tmp_path, events.append, data=OneNanThenCrash(d.name, d.kind, d.x, d.labels, d.class_names))
    assert "at step 6" in result.reason and result.step == 5 and events[-1]["step"] == 5  # read at the end, step 8


class OtherRankFailed(DistContext):
    """Rank 0 of two, told by the all-reduce that rank 1's loss was not finite."""

    def any(self, flag: bool) -> bool:
        return True


def test_rank_0_names_the_loss_that_failed_on_another_rank():
    env, w = _plain_env(dist=OtherRankFailed(rank=0, world_size=2)), nn.Parameter(torch.ones(3))
    opt = env.adam([w], lr=0.1)
    env.step = 3
    loss = (w**2).sum()  # finite here
    env.check_finite(loss, "discriminator")
    with pytest.raises(NonFiniteLoss) as failure:
        env.optimiser_step(opt, loss, nn.Linear(1, 1), measure=False)
    assert str(failure.value) == "discriminator" and failure.value.step == 3
    assert torch.equal(w.detach(), torch.ones(3))


def test_a_nan_loss_is_read_before_the_update_on_a_cpu():
    env, w = _plain_env(defer=False), nn.Parameter(torch.ones(3))
    opt = env.adam([w], lr=0.1)
    bad = (w * float("nan")).sum()
    env.check_finite(bad, "generator")
    with pytest.raises(NonFiniteLoss):
        env.optimiser_step(opt, bad, nn.Linear(1, 1), measure=False)
    assert torch.equal(w.detach(), torch.ones(3))
    assert pickle.loads(pickle.dumps(NonFiniteLoss("generator", 4))).step == 4


def test_a_fused_update_after_a_nan_loss_is_skipped_without_a_host_sync_and_reported_at_settle():
    env, w = _plain_env(), nn.Parameter(torch.ones(3))
    opt = env.adam([w], lr=0.1)
    env.step = 4
    bad = (w * float("nan")).sum()
    env.check_finite(bad, "generator")
    env.optimiser_step(opt, bad, nn.Linear(1, 1), measure=False)  # no raise yet: the check is queued
    assert torch.equal(w.detach(), torch.ones(3)) and float(opt.state[w]["step"]) == 0  # the update never happened
    env.step = 5
    good = (w**2).sum()
    env.check_finite(good, "generator")
    env.optimiser_step(opt, good, nn.Linear(1, 1), measure=False)
    assert float(w[0].detach()) < 1 and float(opt.state[w]["step"]) == 1  # the next finite loss updates as usual
    with pytest.raises(NonFiniteLoss) as failure:
        env.settle()
    assert str(failure.value) == "generator" and failure.value.step == 4
    env.settle()  # settled: nothing is reported twice


def test_an_update_that_cannot_skip_itself_checks_the_loss_at_once():
    env, w = _plain_env(), nn.Parameter(torch.ones(3))
    opt = torch.optim.SGD([w], lr=0.1)  # unfused: no on-device skip
    bad = (w * float("inf")).sum()
    env.check_finite(bad, "classifier")
    with pytest.raises(NonFiniteLoss):
        env.optimiser_step(opt, bad, nn.Linear(1, 1), measure=False)
    assert torch.equal(w.detach(), torch.ones(3))


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_an_unmeasured_gan_step_on_a_gpu_never_waits_for_it(tiny_image_config):
    """No host sync between measured steps: the CPU queues work ahead of the GPU (the textbook loop's pace)."""
    trainer = Trainer(dataclasses.replace(tiny_image_config, device="cuda", batch_size=16))
    trainer.train_step(measure=True)  # warm-up: cuDNN's choices, the caching allocators
    torch.cuda.set_sync_debug_mode("error")
    try:
        for _ in range(3):
            trainer.train_step(measure=False)
    finally:
        torch.cuda.set_sync_debug_mode("default")
    trainer.env.settle()


class CrashingData(TensorData):
    def sample(self, batch_size, generator=None):
        CrashingData.calls += 1
        if CrashingData.calls > 4:
            raise RuntimeError("disk went away")
        return super().sample(batch_size, generator)


def test_crash_ends_run_with_message_and_usable_checkpoint(tmp_path, tiny_image_config):
    d = load_data("digits", DataRequest(max_items=64))
    CrashingData.calls = 0
    events = []
    result = run_task(tiny_image_config, tmp_path, events.append, data=CrashingData(d.name, d.kind, d.x, d.labels, d.class_names))
    assert result.status == "failed" and result.reason == "RuntimeError: disk went away"
    assert events[-1]["status"] == "failed" and events[-1]["checkpoint"].endswith("step_0000004.safetensors")
    load_generator(result.checkpoint)


def test_cancel_keeps_a_checkpoint_of_where_it_stopped(tmp_path, tiny_image_config):
    calls = iter(range(100))
    result = run_task(dataclasses.replace(tiny_image_config, steps=50), tmp_path, should_stop=lambda: next(calls) >= 5)
    assert result.status == "cancelled" and result.step == 5
    assert load_generator(result.checkpoint)[1].steps == 5


def test_time_budget(tmp_path, tiny_image_config):
    result = run_task(dataclasses.replace(tiny_image_config, steps=None, time_budget=1.0), tmp_path)
    assert result.status == "finished" and "time budget of 1 s reached" in result.reason and result.step > 0


def test_resume_continues_from_saved_step(tmp_path, tiny_image_config):
    run_task(tiny_image_config, tmp_path)
    events = []
    result = run_task(dataclasses.replace(tiny_image_config, steps=9), tmp_path, events.append, resume=True)
    assert events[0]["type"] == "started" and events[0]["step"] == 6
    assert result.step == 9 and [s for s, _ in RunDir(tmp_path).checkpoints()] == [3, 6, 9]


def test_conditional_model_needs_labels(tmp_path, tiny_points_config):
    with pytest.raises(ValueError, match="2-D point set: use the mlp model"):
        run_task(dataclasses.replace(tiny_points_config, model="dcgan"), tmp_path)


def test_points_run_emits_point_samples(tmp_path, tiny_points_config):
    events = []
    run_task(tiny_points_config, tmp_path, events.append)
    samples = [e for e in events if e["type"] == "sample"]
    assert samples and len(samples[0]["points"]) == 1000 and len(samples[0]["points"][0]) == 2


def test_mixed_precision_path_matches_full_precision(tmp_path, tiny_image_config):
    """The default fast path (bf16 autocast where the CPU has it, channels-last) follows the fp32 losses closely."""
    from ganengine.devices import cpu_has_fast_bf16

    if not cpu_has_fast_bf16():
        pytest.skip("this CPU has no native bf16: the engine trains in fp32 here, so there is no fast path to compare")
    losses, precision = {}, {}
    for amp in (False, True):
        events = []
        run_task(dataclasses.replace(tiny_image_config, steps=5, log_every=1, amp=amp, device="cpu"), tmp_path / str(amp),
                 events.append)
        precision[amp] = events[0]["amp"]
        losses[amp] = [(e["values"]["loss_d"], e["values"]["loss_g"]) for e in events if e["type"] == "metrics"]
    assert precision == {False: "off", True: "bfloat16"}  # autocast was really on in the fast run
    assert len(losses[True]) == 5 and losses[True] != losses[False]  # ... and changed the arithmetic
    for (d32, g32), (d16, g16) in zip(losses[False], losses[True], strict=True):
        assert d16 == pytest.approx(d32, rel=0.02) and g16 == pytest.approx(g32, rel=0.02)


def test_two_d_points_train_in_full_precision(tmp_path, tiny_points_config):
    """bf16 cost the ring half its modes (4 of 8 against 8 of 8): point MLPs keep fp32 whatever the CPU."""
    events = []
    run_task(tiny_points_config, tmp_path, events.append)
    assert events[0]["amp"] == "off"


def test_training_leaves_the_callers_data_as_it_was(tmp_path, tiny_image_config):
    data = load_data("digits", DataRequest(max_items=64))
    before = data.x.clone()
    run_task(tiny_image_config, tmp_path, data=data)
    assert data.x.is_contiguous() and torch.equal(data.x, before)  # not moved, not made channels-last, not changed
    moved = data.to(torch.device("cpu"), torch.channels_last)
    assert moved is not data and moved.x.is_contiguous(memory_format=torch.channels_last) and data.x.is_contiguous()


@pytest.mark.parametrize("failure", [
    RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 4928 vs 4816"),
    OSError(28, "No space left on device"),
])
def test_a_full_disk_says_so_leaves_no_partial_file_and_keeps_earlier_checkpoints(tmp_path, tiny_image_config,
                                                                                    monkeypatch, failure):
    """Issue 13: the reason began "RuntimeError: [enforce fail at inline_container.cc:672]" and resume.tmp stayed."""
    real_save, calls = torch.save, []

    def save(obj, f, *args, **kwargs):  # the resume state's writer: the second write finds the disk full half-way
        calls.append(f)
        if len(calls) > 1:
            with open(f, "wb") as fh:
                fh.write(b"PK\x03\x04 half a zip")
            raise failure
        return real_save(obj, f, *args, **kwargs)

    monkeypatch.setattr(torch, "save", save)
    events = []
    result = run_task(tiny_image_config, tmp_path, events.append)
    assert result.status == "failed"
    assert re.fullmatch(r"the disk is full \(\d+ MB free\); kept the last good checkpoint \(step 3\)", result.reason)
    run = RunDir(tmp_path)
    assert [s for s, _ in run.checkpoints()] == [3] and result.checkpoint == run.checkpoint_path(3)
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]  # no partial resume state, no half checkpoint
    monkeypatch.setattr(torch, "save", real_save)
    resumed = run_task(tiny_image_config, tmp_path, resume=True)  # the kept resume state goes on
    assert resumed.status == "finished" and resumed.step == 6


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_first_sample_within_seconds_and_progress_every_couple_of_seconds(tmp_path, tiny_image_config, monkeypatch):
    """Early feedback on a slow server: a preview after step 1, then densely (2, 5, 10, 20...), and a metrics event
    at least every ~2 s of wall clock even when log_every is far away; a preview at least every SAMPLE_EVERY_S too."""
    from ganengine.train import loop

    monkeypatch.setattr(loop, "SAMPLE_EVERY_S", 1.0)
    config = dataclasses.replace(tiny_image_config, steps=None, time_budget=4.0, log_every=100_000,
                                 sample_every=100_000, checkpoint_every=100_000)
    events = []
    result = run_task(config, tmp_path, lambda e: events.append({**e, "t": time.monotonic()}))
    samples = [e for e in events if e["type"] == "sample"]
    metrics = [e for e in events if e["type"] == "metrics"]
    assert [s["step"] for s in samples[:4]] == [1, 2, 5, 10]
    assert samples[0]["t"] - events[0]["t"] < 3  # the first picture within the first seconds
    assert samples[-1]["step"] == result.step  # and the last one at the end
    beyond = [s["step"] for s in samples if s["step"] > 10 and not re.fullmatch(r"[125]0*", str(s["step"]))]
    assert len(beyond) >= 2, [s["step"] for s in samples]  # off the 1-2-5 schedule: the wall-clock previews
    assert len(metrics) >= 3
    gaps = [b["elapsed"] - a["elapsed"] for a, b in itertools.pairwise(metrics)]
    assert max(gaps) < 2.5, gaps
