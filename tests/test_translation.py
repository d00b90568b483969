"""Image-to-image translation: the networks, the Pix2Pix and CycleGAN tasks' terms, and the translate pipeline."""

import dataclasses
import math

import numpy as np
import pytest
import torch

from ganengine.checkpoints import CheckpointError, load_role, read_card
from ganengine.data import PairedData
from ganengine.models import ModelSpec, build
from ganengine.pipelines import TranslatePipeline
from ganengine.tasks import CycleGanConfig, Pix2PixConfig
from ganengine.tasks.cyclegan import linear_decay
from ganengine.tasks.translation import ImagePool, flat_fill_baseline, psnr
from ganengine.train import run_task


@pytest.mark.parametrize("size", [32, 64, 128])
def test_every_network_keeps_the_image_size(size):
    x = torch.randn(2, 3, size, size)
    unet = build(ModelSpec("unet", width=4, image_size=size, channels=3, in_channels=3, dropout=True), "generator")
    resnet = build(ModelSpec("resnet", width=4, image_size=size, channels=3, blocks=2, norm="instance"), "G_AB")
    patch = build(ModelSpec("patchgan", width=4, image_size=size, channels=3, in_channels=3), "discriminator")
    assert unet(x).shape == resnet(x).shape == x.shape
    assert unet(x).abs().max() <= 1 and resnet(x).abs().max() <= 1  # Tanh outputs, like the data
    patches = patch(x, x)
    assert patches.shape[:2] == (2, 1) and patches.shape[-1] == size // 8 - 2  # one logit per overlapping patch
    grey = build(ModelSpec("unet", width=4, image_size=size, channels=3, in_channels=1), "generator")
    assert grey(torch.randn(1, 1, size, size)).shape == (1, 3, size, size)  # edges (1 channel) -> colour


def test_the_unet_really_skips():
    """Each encoder level feeds its mirror: the first up-sampling layer after the bottleneck reads twice the channels."""
    unet = build(ModelSpec("unet", width=4, image_size=32, channels=3, in_channels=3), "generator")
    ups = [m for m in unet.modules() if isinstance(m, torch.nn.ConvTranspose2d)]
    downs = [m for m in unet.modules() if isinstance(m, torch.nn.Conv2d)]
    assert len(ups) == len(downs) == 5  # 32 -> 1 and back
    assert ups[0].in_channels == downs[-1].out_channels and ups[1].in_channels == 2 * ups[0].out_channels


def test_psnr_and_the_flat_fill_baseline_by_hand():
    x = torch.zeros(1, 3, 4, 4)
    assert psnr(x, x + 0.2) == pytest.approx(10 * math.log10(4 / 0.04))
    red, blue = (255, 0, 0), (0, 0, 255)
    a = torch.tensor(red).view(1, 3, 1, 1).float().expand(2, 3, 2, 2).clone() / 127.5 - 1
    a[:, :, 0, :] = torch.tensor(blue).view(1, 3, 1).float() / 127.5 - 1  # top row blue, bottom row red
    b = torch.zeros(2, 3, 2, 2)
    b[:, :, 0, :], b[:, :, 1, :] = 0.5, -0.5  # blue regions become 0.5 grey, red ones -0.5
    train = PairedData("hand", "paired", a, b, palette=(("red", red), ("blue", blue)))
    assert torch.allclose(flat_fill_baseline(train, a), b)


def test_image_pool_mixes_history_and_new_images():
    pool = ImagePool(4, torch.Generator().manual_seed(0))
    first = torch.arange(4.0).view(4, 1, 1, 1)
    assert torch.equal(pool.query(first), first)  # filling up: the new images pass through
    later = pool.query(torch.full((20, 1, 1, 1), 9.0))
    assert (later == 9).any() and (later < 9).any()  # some new, some from the history
    assert ImagePool(0, torch.Generator()).query(first) is first


def test_learning_rates_decay_linearly_over_the_second_half():
    f = linear_decay(100, 0.5)
    assert [f(0), f(49), f(50), f(75), f(99), f(100)] == [1.0, 1.0, 1.0, 0.5, pytest.approx(0.02), 0.0]


def _toy_pairs(n=48, size=32, seed=0):
    """Blocky colour layouts (A) and their negatives (B): a translation that L1 alone can learn."""
    g = torch.Generator().manual_seed(seed)
    a = (torch.rand(n, 3, 4, 4, generator=g) > 0.5).float().repeat_interleave(size // 4, 2).repeat_interleave(size // 4, 3)
    return PairedData("toy-pairs", "paired", a * 2 - 1, 1 - a * 2, domains=("layout", "negative"))


TINY_P2P = Pix2PixConfig(data="toy-pairs", steps=40, image_size=32, width=4, batch_size=8, log_every=1, sample_every=40,
                         checkpoint_every=40, num_threads=1, lr=2e-3)


def test_a_tiny_pix2pix_run_lowers_l1_and_reports_each_term(tmp_path):
    events = []
    result = run_task(TINY_P2P, tmp_path, events.append, data=_toy_pairs())
    assert result.status == "finished", result.reason
    values = [e["values"] for e in events if e["type"] == "metrics"]
    assert set(values[0]) == {"loss_d", "loss_g_gan", "loss_g_l1", "d_real", "d_fake"}
    assert np.mean([v["loss_g_l1"] for v in values[-5:]]) < 0.7 * np.mean([v["loss_g_l1"] for v in values[:5]])
    card = read_card(result.checkpoint)
    assert card.task == "pix2pix" and card.io["input"].endswith("layout") and card.io["output"].endswith("negative")
    assert card.metrics["held_out_l1"] < card.metrics["baseline_l1"] and card.metrics["baseline"] == "the input itself"
    sample = next(e for e in events if e["type"] == "sample")
    assert (tmp_path / sample["path"]).exists()


def test_the_pix2pix_discriminator_loss_is_half_the_bce_of_real_and_fake_pairs(tmp_path):
    """loss_d = 0.5 [BCE(D(a, b), 1) + BCE(D(a, G(a)), 0)], recomputed by hand from the task's own networks."""
    from ganengine.train import Trainer

    trainer = Trainer(dataclasses.replace(TINY_P2P, steps=5, amp=False), data=_toy_pairs())
    task = trainer.task
    gen_state = task.batch_gen.get_state()
    a, b = task.data.sample(TINY_P2P.batch_size, torch.Generator().set_state(gen_state))
    with torch.no_grad():
        torch.manual_seed(1)
        fake = task.G(a)
        bce = torch.nn.functional.binary_cross_entropy_with_logits
        r, f = task.D(b, a), task.D(fake, a)
        expected_d = 0.5 * (bce(r, torch.ones_like(r)) + bce(f, torch.zeros_like(f)))
        expected_l1 = (fake - b).abs().mean()
    torch.manual_seed(1)  # the same dropout mask in the task's own forward
    values = trainer.step_n(1)
    assert values["loss_d"] == pytest.approx(float(expected_d), rel=1e-4)
    assert values["loss_g_l1"] == pytest.approx(float(expected_l1), rel=1e-4)


def test_a_tiny_cyclegan_run_reports_every_term_and_resumes(tmp_path):
    g = torch.Generator().manual_seed(3)
    a, b = _toy_pairs(40).a, -_toy_pairs(40, seed=5).a + 0.1 * torch.randn(40, 3, 32, 32, generator=g)
    unpaired = PairedData("toy-unpaired", "unpaired", a, b.clamp(-1, 1), domains=("summer", "winter"))
    cfg = CycleGanConfig(data="toy-unpaired", steps=6, image_size=32, width=4, blocks=1, batch_size=2, log_every=1,
                         sample_every=3, checkpoint_every=3, num_threads=1, pool_size=4)
    events = []
    run_task(dataclasses.replace(cfg, steps=3), tmp_path, events.append, data=unpaired)
    result = run_task(cfg, tmp_path, events.append, data=unpaired, resume=True)
    assert result.status == "finished" and result.step == 6
    values = [e["values"] for e in events if e["type"] == "metrics"]
    assert set(values[0]) == {"loss_g_gan", "loss_cycle", "loss_identity", "loss_d_a", "loss_d_b", "lr"}
    assert values[-1]["lr"] < values[0]["lr"]  # decaying over the second half
    card = read_card(result.checkpoint)
    assert set(card.roles) == {"G_AB", "G_BA"} and card.io["domain_a"] == "summer" and "cycle_l1_a" in card.metrics

    forward = TranslatePipeline.load(result.checkpoint)
    backward = TranslatePipeline.load(result.checkpoint, direction="BtoA")
    assert forward.domains == ("summer", "winter") and backward.domains == ("winter", "summer")
    image = np.random.default_rng(0).integers(0, 256, (50, 70, 3), dtype=np.uint8)
    out = forward.translate(image)
    assert out.output.shape == out.cycle.shape == (50, 70, 3) and "at 32x32" in out.note and "shown at 70x50" in out.note


def test_the_translate_pipeline_refuses_what_it_cannot_do(tmp_path):
    result = run_task(dataclasses.replace(TINY_P2P, steps=2, checkpoint_every=2), tmp_path, data=_toy_pairs())
    with pytest.raises(CheckpointError, match="translates one way only"):
        TranslatePipeline.load(result.checkpoint, direction="BtoA")
    out = TranslatePipeline.load(result.checkpoint).translate(np.zeros((32, 32, 3), np.uint8))
    assert out.cycle is None and out.output.shape == (32, 32, 3)
    with pytest.raises(CheckpointError, match="not a pix2pix or cyclegan checkpoint"):
        TranslatePipeline.load("checkpoints/digits-dcgan.safetensors")


@pytest.fixture(scope="module")
def tiny_translators(tmp_path_factory):
    """A tiny Pix2Pix on label maps and a tiny CycleGAN on the seasons, trained on the registered sets, and a
    style classifier trained on scenes-styles (its own images)."""
    from ganengine.tasks import ClassifierConfig

    root = tmp_path_factory.mktemp("translators")
    p2p = run_task(Pix2PixConfig(data="scenes-labels", steps=2, width=4, image_size=32, batch_size=4, max_items=40,
                                 checkpoint_every=2, num_threads=1), root / "p2p")
    cyc = run_task(CycleGanConfig(data="scenes-seasons", steps=2, width=4, blocks=1, image_size=32, batch_size=2,
                                  max_items=40, checkpoint_every=2, num_threads=1), root / "cyc")
    clf = run_task(ClassifierConfig(data="scenes-styles", steps=30, width=4, image_size=32, batch_size=32, max_items=200,
                                    checkpoint_every=30, num_threads=1), root / "clf")
    return p2p.checkpoint, cyc.checkpoint, clf.checkpoint


def test_the_judge_measures_translation_on_held_out_images(tiny_translators):
    from ganengine.metrics.translation import judge_translation

    p2p, cyc, clf = tiny_translators
    report = judge_translation(p2p)
    assert {"held_out_l1", "held_out_psnr", "baseline_l1"} <= set(report)
    assert report["baseline"] == "each region filled with its class's mean colour" and "4 held-out pairs" in report["measured_on"]
    style = judge_translation(cyc, classifier=clf, write_card=True)
    for key in ("summer_to_winter_judged_winter", "winter_to_summer_judged_summer", "real_winter_judged_winter"):
        assert 0 <= style[key] <= 1
    assert read_card(cyc).metrics["style_judge"] == style


def test_cli_translate_writes_the_translation_and_the_cycle(tiny_translators, tmp_path, capsys):
    from PIL import Image

    from ganengine.cli import main
    from ganengine.imageio import read_provenance

    p2p, cyc, _ = tiny_translators
    source = tmp_path / "in.png"
    Image.new("RGB", (100, 80), (135, 200, 250)).save(source)
    assert main(["translate", str(p2p), str(source), "--out", str(tmp_path / "out.png")]) == 0
    assert Image.open(tmp_path / "out.png").size == (100, 80)
    assert read_provenance(tmp_path / "out.png")["task"] == "pix2pix"
    assert main(["translate", str(cyc), str(source), "--direction", "BtoA", "--out", str(tmp_path / "s.png"),
                 "--cycle", str(tmp_path / "back.png")]) == 0
    assert (tmp_path / "back.png").exists() and "the way back" in capsys.readouterr().out
    for args, words in [(["translate", str(p2p), str(source), "--direction", "BtoA", "--out", str(tmp_path / "x.png")],
                         "translates one way only"),
                        (["translate", str(p2p), str(source), "--out", str(tmp_path / "x.png"), "--cycle", "c.png"],
                         "only a CycleGAN has a way back"),
                        (["translate", "checkpoints/digits-dcgan.safetensors", str(source), "--out", str(tmp_path / "x.png")],
                         "not a pix2pix or cyclegan checkpoint"),
                        (["translate", str(p2p), str(tmp_path / "nothing.png"), "--out", str(tmp_path / "x.png")],
                         "nothing.png")]:
        assert main(args) == 2, args
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0], err


def test_training_refuses_the_wrong_kind_of_data_in_one_line(tmp_path, capsys):
    from ganengine.cli import main

    for args, words in [(["--task", "pix2pix", "--data", "scenes-seasons"], "needs paired images"),
                        (["--task", "cyclegan", "--data", "digits"], "needs unpaired images"),
                        (["--task", "pix2pix", "--data", str(tmp_path)], "")]:
        assert main(["train", *args, "--steps", "2", "--out", str(tmp_path / "r")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("error: ") and words in err[0], err


def test_half_precision_keeps_a_file_only_where_outputs_match(tiny_translators, tmp_path, capsys):
    from ganengine.cli import main
    from ganengine.precision import to_half

    p2p, cyc, _ = tiny_translators
    report = to_half(cyc, tmp_path / "cyc-half.safetensors")
    assert report["kept"] and report["bytes_after"] < 0.6 * report["bytes_before"] and report["max_abs_diff"] < 0.05
    assert TranslatePipeline.load(tmp_path / "cyc-half.safetensors").translate(np.zeros((40, 40, 3), np.uint8)).cycle is not None
    assert main(["half", str(p2p), "--out", str(tmp_path / "strict.safetensors"), "--max-diff", "0"]) == 2
    assert "nothing written" in capsys.readouterr().err and not (tmp_path / "strict.safetensors").exists()


@pytest.mark.slow
def test_pix2pix_n_steps_then_n_more_equals_2n(tmp_path):
    """Resume holds everything a Pix2Pix run needs (both networks, both optimisers, the batch sampler, the RNGs behind
    dropout): 6 steps, stop, 6 more gives the generator of 12 straight steps, to float rounding."""
    cfg = dataclasses.replace(TINY_P2P, steps=12, checkpoint_every=6, sample_every=6, amp=False)
    whole = run_task(cfg, tmp_path / "whole", data=_toy_pairs())
    run_task(dataclasses.replace(cfg, steps=6), tmp_path / "split", data=_toy_pairs())
    split = run_task(cfg, tmp_path / "split", resume=True, data=_toy_pairs())
    a, _ = load_role(whole.checkpoint, "generator")
    b, _ = load_role(split.checkpoint, "generator")
    for (k, x), y in zip(a.state_dict().items(), b.state_dict().values(), strict=True):
        assert torch.allclose(x, y, atol=1e-6), k
