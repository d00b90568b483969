"""Super-resolution: the networks, PSNR/SSIM against scikit-image, degradations, photos, both training stages, the tiled
upscale pipeline (overlaps, out-of-memory retries, limits, odd image modes) and the CLI."""

import dataclasses
import fractions
import hashlib
import io
import zipfile

import numpy as np
import pytest
import torch
from PIL import Image

from ganengine.checkpoints import CheckpointError, read_card
from ganengine.data import DataError, DataRequest, load_data, registry
from ganengine.data.photos import PhotoSet, bundled_photo_set, degrade, load_photo_set, user_photo_set
from ganengine.errors import ConfigError
from ganengine.imageio import open_image, read_provenance
from ganengine.metrics.sr import psnr, rgb_to_y, sr_scores, ssim
from ganengine.models import ModelSpec, build
from ganengine.models.superres import bicubic
from ganengine.pipelines import UpscaleError, UpscalePipeline, open_pipeline
from ganengine.tasks import SuperResConfig
from ganengine.train import run_task

torch.set_num_threads(1)

TINY = SuperResConfig(steps=6, blocks=1, width=4, patch_size=32, batch_size=2, log_every=1, sample_every=6,
                      checkpoint_every=6, num_threads=1, lr=1e-3)


def _randomise(model: torch.nn.Module, seed: int = 0) -> torch.nn.Module:
    """Non-zero weights everywhere (an untrained SR model is bicubic: its last convolution starts at zero)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.2)
    return model.eval()


@pytest.mark.parametrize("name", ["srresnet", "rrdb"])
@pytest.mark.parametrize("scale", [2, 4])
def test_generators_enlarge_by_their_scale_and_start_as_bicubic(name, scale):
    g = build(ModelSpec(name, width=8, blocks=1, scale=scale, channels=3), "generator")
    x = torch.rand(2, 3, 12, 10) * 2 - 1
    out = g(x)
    assert out.shape == (2, 3, 12 * scale, 10 * scale)
    assert torch.allclose(out, bicubic(x, scale), atol=1e-6)  # zero-initialised residual: bicubic until trained
    shuffles = [m for m in g.modules() if isinstance(m, torch.nn.PixelShuffle)]
    assert len(shuffles) == {2: 1, 4: 2}[scale] and all(s.upscale_factor == 2 for s in shuffles)
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in g.modules())
    with pytest.raises(ValueError, match="x2 or x4"):
        build(ModelSpec(name, width=8, blocks=1, scale=3, channels=3), "generator")


def test_the_discriminator_takes_any_patch_size_and_gives_its_features():
    d = build(ModelSpec("vgg-d", width=4, channels=3, d_norm="spectral"), "discriminator")
    for size in ((32, 32), (48, 40), (96, 96)):
        logit, feats = d(torch.randn(3, 3, *size), features=True)
        assert logit.shape == (3,) and len(feats) == 4 and feats[-1].shape[-1] == size[1] // 16


def test_pixel_shuffle_moves_channels_into_space_as_by_hand():
    """out[c, h*r + i, w*r + j] = in[c*r*r + i*r + j, h, w] (Shi et al. 2016), on a hand-made tensor."""
    x = torch.arange(2 * 4 * 2 * 3, dtype=torch.float32).view(1, 8, 2, 3)
    out = torch.nn.PixelShuffle(2)(x)[0]
    expected = torch.empty(2, 4, 6)
    for c in range(2):
        for h in range(2):
            for w in range(3):
                for i in range(2):
                    for j in range(2):
                        expected[c, 2 * h + i, 2 * w + j] = x[0, 4 * c + 2 * i + j, h, w]
    assert torch.equal(out, expected)
    assert out[0, :2, :2].tolist() == [[0.0, 6.0], [12.0, 18.0]]  # channels 0..3 at (0, 0) fill the first 2x2 block


def test_old_specs_load_without_a_scale_and_big_scales_are_refused():
    old = {k: v for k, v in ModelSpec("resnet", blocks=2).to_dict().items() if k != "scale"}
    assert ModelSpec.from_dict(old).scale == 0
    with pytest.raises(ValueError, match="scale=8"):
        ModelSpec.from_dict({**ModelSpec("srresnet", scale=4).to_dict(), "scale": 8})


def _photo_crops():
    import skimage.data as skd

    yield skd.astronaut()[80:200, 150:290]
    yield skd.coffee()[100:196, 200:328]
    yield np.repeat(skd.camera()[200:264, 180:280, None], 3, axis=2)


def test_psnr_and_ssim_on_luminance_agree_with_scikit_image():
    from skimage.color import rgb2ycbcr
    from skimage.filters import gaussian
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity

    rng = np.random.default_rng(0)
    for hr in _photo_crops():
        for kind in ("noise", "blur"):
            if kind == "noise":
                out = np.clip(hr + rng.normal(0, 12, hr.shape), 0, 255).round().astype(np.uint8)
            else:
                out = (gaussian(hr, sigma=1.2, channel_axis=-1) * 255).round().astype(np.uint8)
            t = lambda a: torch.from_numpy(a).permute(2, 0, 1)[None].float() / 127.5 - 1  # noqa: E731
            p, s = sr_scores(t(out), t(hr), 4)
            y_out, y_hr = rgb2ycbcr(out)[4:-4, 4:-4, 0], rgb2ycbcr(hr)[4:-4, 4:-4, 0]
            assert float(p) == pytest.approx(peak_signal_noise_ratio(y_hr, y_out, data_range=255), abs=1e-3)
            ref = structural_similarity(y_hr, y_out, data_range=255, gaussian_weights=True, sigma=1.5,
                                        use_sample_covariance=False)
            assert float(s) == pytest.approx(ref, abs=1e-3)
        y = rgb_to_y(torch.from_numpy(hr).permute(2, 0, 1)[None].double())[0, 0].numpy()
        assert np.allclose(y, rgb2ycbcr(hr)[..., 0], atol=1e-6)
    same = torch.rand(1, 1, 20, 20) * 255
    assert float(ssim(same, same)) == pytest.approx(1.0) and float(psnr(same, same)) == pytest.approx(100.0)


def test_degradations_are_reproducible_by_seed_and_eight_bit():
    hr = torch.rand(3, 3, 32, 32, generator=torch.Generator().manual_seed(0)) * 2 - 1
    kw = {"blur": 2.0, "noise": 10.0, "jpeg": 40}
    a, b, c = degrade(hr, 4, seed=7, **kw), degrade(hr, 4, seed=7, **kw), degrade(hr, 4, seed=8, **kw)
    assert a.shape == (3, 3, 8, 8) and torch.equal(a, b) and not torch.equal(a, c)
    levels = (a + 1) * 127.5
    assert torch.equal(levels, levels.round()) and levels.min() >= 0 and levels.max() <= 255
    assert degrade(hr, 2).shape == (3, 3, 16, 16)
    photo = next(_photo_crops())[:64, :64]  # classic: bicubic, rounded; Pillow's bicubic gives the same within rounding
    pil = np.asarray(Image.fromarray(photo).resize((32, 32), Image.Resampling.BICUBIC)).astype(int)
    ours = (degrade(torch.from_numpy(photo).permute(2, 0, 1)[None].float() / 127.5 - 1, 2) + 1) * 127.5
    assert np.abs(ours[0].permute(1, 2, 0).numpy() - pil).max() <= 2
    with pytest.raises(ValueError, match="multiples"):
        degrade(torch.zeros(1, 3, 30, 30), 4)


def test_bundled_photos_keep_other_kinds_apart_for_validation():
    photos = bundled_photo_set()
    assert not set(photos.train_names) & set(photos.val_names) and "chelsea" in photos.val_names
    assert "astronaut" in photos.train_names and len(photos.val_kinds) == len(photos.val)
    g1, g2 = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
    p1, p2 = photos.sample_patches(5, 48, g1), photos.sample_patches(5, 48, g2)
    assert p1.shape == (5, 3, 48, 48) and torch.equal(p1, p2) and p1.min() >= -1 and p1.max() <= 1
    crops = photos.validation_crops(4)
    assert crops.shape[1:] == (3, 128, 128) and torch.equal(crops, photos.validation_crops(4))
    assert registry()["photos"].kind == "photos" and len(load_photo_set("photos")) == len(photos)


def test_other_tasks_and_sets_refuse_the_wrong_kind_of_data_in_one_line(tmp_path, capsys):
    from ganengine.cli import main

    with pytest.raises(DataError, match="not photos"):
        load_photo_set("digits")
    with pytest.raises(DataError, match="--task superres"):
        load_data("photos", DataRequest())
    for args, words in [(["--task", "gan", "--data", "photos"], "--task superres"),
                        (["--task", "superres", "--data", "scenes-labels"], "not photos")]:
        assert main(["train", *args, "--steps", "2", "--out", str(tmp_path / "r")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0], err


def test_a_users_folder_or_zip_of_photos(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(4):
        Image.fromarray(rng.integers(0, 256, (60 + i, 70, 3), dtype=np.uint8)).save(folder / f"p{i}.png")
    Image.new("RGB", (20, 20)).save(folder / "small.png")  # under the patch size: skipped
    (folder / "notes.txt").write_text("not an image")
    photos = user_photo_set(str(folder), seed=0, min_side=48)
    assert len(photos.train) == 3 and len(photos.val) == 1 and photos.val_kinds == ()
    archive = tmp_path / "mine.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(folder.iterdir()):
            zf.write(f, f"photos/{f.name}")
    assert len(user_photo_set(str(archive), min_side=48)) == 3
    with pytest.raises(DataError, match="at least 2"):
        user_photo_set(str(folder), min_side=128)


# ------------------------------------------------------------------------------------------------------ training


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny PSNR x4 model (through the CLI: flags come from the config) and a tiny GAN fine-tune of it."""
    from ganengine.cli import main

    root = tmp_path_factory.mktemp("superres")
    args = ["train", "--task", "superres", "--steps", "6", "--blocks", "1", "--width", "4", "--patch-size", "32",
            "--batch-size", "2", "--log-every", "1", "--sample-every", "6", "--checkpoint-every", "6", "--threads", "1",
            "--lr", "0.001", "--out", str(root / "psnr"), "--export", str(root / "psnr.safetensors")]
    assert main(args) == 0
    gan_events = []
    gan = run_task(dataclasses.replace(TINY, stage="gan", init=str(root / "psnr.safetensors"), d_width=4, steps=4,
                                       checkpoint_every=4, sample_every=4, ema_decay=0.9), root / "gan", gan_events.append)
    assert gan.status == "finished", gan.reason
    return root / "psnr.safetensors", root / "psnr", gan, gan_events


def test_the_psnr_stage_writes_a_card_with_model_and_bicubic_figures(trained):
    from ganengine.events import read_events

    ckpt, run_dir, _, _ = trained
    events, _ = read_events(run_dir / "events.jsonl")
    values = [e["values"] for e in events if e["type"] == "metrics"]
    assert set(values[0]) == {"loss_l1", "psnr_gain", "lr"} and values[-1]["lr"] < values[0]["lr"]  # cosine decay
    started = next(e for e in events if e["type"] == "started")
    assert {c["key"] for c in started["charts"]} == {"l1", "psnr_gain", "lr"} and started["held_out"] == 3
    sample = next(e for e in events if e["type"] == "sample")
    strip = np.asarray(Image.open(run_dir / sample["path"]))
    assert strip.shape[1] == 4 * 128 + 5 * 2 and "SR" in read_provenance(run_dir / sample["path"])["rows"]
    card = read_card(ckpt)
    m = card.metrics
    assert card.task == "superres" and card.spec.scale == 4 and card.io["scale"] == "4"
    for key in ("psnr_y", "ssim_y", "bicubic_psnr_y", "bicubic_ssim_y", "psnr_gain_db", "detail_ratio", "bicubic_detail_ratio"):
        assert isinstance(m[key], float)
    assert 15 < m["bicubic_psnr_y"] < 40 and 0 < m["bicubic_ssim_y"] < 1 and 0 < m["bicubic_detail_ratio"] < 1
    assert "never saw" in m["measured_on"] and "chelsea" in m["measured_on"] and "shaved" in m["how"]
    assert m["stage"] == "psnr" and m["perceptual_loss"].startswith("none")


def test_the_gan_stage_starts_from_the_psnr_model_and_reports_each_term(trained):
    ckpt, _, gan, events = trained
    values = [e["values"] for e in events if e["type"] == "metrics"]
    assert set(values[0]) == {"loss_pixel", "loss_perceptual", "loss_g_adv", "loss_d", "d_real", "d_fake", "psnr_gain"}
    m = read_card(gan.checkpoint).metrics
    assert m["init"] == ckpt.name and m["init_psnr_y"] == read_card(ckpt).metrics["psnr_y"]
    assert "discriminator's own features" in m["perceptual_loss"] and m["adversarial_loss"].startswith("relativistic")
    assert {"psnr_y", "ssim_y", "bicubic_psnr_y", "bicubic_ssim_y"} <= set(m)


def test_the_relativistic_losses_by_hand():
    from ganengine.tasks.superres import SuperResTask

    task = SuperResTask.__new__(SuperResTask)
    task.cfg = dataclasses.replace(TINY, ragan=True)
    real, fake = torch.tensor([2.0, 0.0]), torch.tensor([1.0, -1.0])
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    d = 0.5 * (bce(real - fake.mean(), torch.ones(2)) + bce(fake - real.mean(), torch.zeros(2)))
    g = 0.5 * (bce(real - fake.mean(), torch.zeros(2)) + bce(fake - real.mean(), torch.ones(2)))
    assert float(task._adversarial(real, fake, for_d=True)) == pytest.approx(float(d))
    assert float(task._adversarial(real, fake, for_d=False)) == pytest.approx(float(g))


def test_the_gan_stage_refuses_what_it_cannot_do(trained, tmp_path):
    ckpt = trained[0]
    with pytest.raises(ConfigError, match="--init"):
        dataclasses.replace(TINY, stage="gan").validate()
    with pytest.raises(ConfigError, match="--vgg-weights"):
        dataclasses.replace(TINY, stage="gan", init=str(ckpt), perceptual="vgg").validate()
    with pytest.raises(ConfigError, match="--blocks 1 --width 4"):
        run_task(dataclasses.replace(TINY, stage="gan", init=str(ckpt), blocks=2), tmp_path / "r")
    with pytest.raises(CheckpointError, match="not a superres checkpoint"):
        run_task(dataclasses.replace(TINY, stage="gan", init="checkpoints/digits-dcgan.safetensors"), tmp_path / "r2")


def test_vgg_weights_only_from_a_checked_file(trained, tmp_path, monkeypatch):
    """A VGG perceptual term loads the operator's file only if its SHA-256 matches, never unpickling objects (a
    two-layer stand-in for VGG19 keeps the test fast)."""
    import ganengine.models.superres as sr
    import ganengine.tasks.superres as task_module

    monkeypatch.setattr(sr, "VGG19_LAYERS", (8, "M", 8))
    weights = tmp_path / "vgg19-test.pth"
    torch.save({f"features.{k}": v for k, v in sr.VGG19Features().features.state_dict().items()}, weights)
    cfg = dataclasses.replace(TINY, stage="gan", init=str(trained[0]), perceptual="vgg", vgg_weights=str(weights),
                              d_width=4, steps=2, checkpoint_every=2, sample_every=2)
    with pytest.raises(ConfigError, match="not torchvision's vgg19"):
        run_task(cfg, tmp_path / "refused")
    monkeypatch.setattr(task_module, "VGG19_SHA256_PREFIX", hashlib.sha256(weights.read_bytes()).hexdigest()[:8])
    result = run_task(cfg, tmp_path / "vgg")
    assert result.status == "finished" and "VGG19" in read_card(result.checkpoint).metrics["perceptual_loss"]
    pickled = tmp_path / "evil.pth"
    torch.save({"features.0.weight": fractions.Fraction(1, 3)}, pickled)  # a Python object: weights_only refuses it
    monkeypatch.setattr(task_module, "VGG19_SHA256_PREFIX", hashlib.sha256(pickled.read_bytes()).hexdigest()[:8])
    with pytest.raises(ConfigError, match="not a readable weights file"):
        task_module.load_vgg_features(pickled)


# ------------------------------------------------------------------------------------------------------ pipeline


@pytest.fixture(scope="module")
def pipelines(trained):
    """The tiny x4 model as a pipeline, and one with random non-zero weights (so tiles really could differ)."""
    p = UpscalePipeline.load(trained[0])
    busy = UpscalePipeline(_randomise(build(p.card.spec, "generator")), p.card, "busy")
    return p, busy


def test_the_pipeline_enlarges_next_to_bicubic(trained, pipelines):
    p, _ = pipelines
    assert isinstance(open_pipeline(trained[0]), UpscalePipeline) and p.scale == 4
    image = np.random.default_rng(0).integers(0, 256, (21, 30, 3), dtype=np.uint8)
    result = p.upscale(image)
    assert result.output.shape == result.bicubic.shape == (84, 120, 3) and result.output.dtype == np.uint8
    assert result.tiles == 1 and "x4" in result.note
    # A barely trained model is still close to bicubic (it started as bicubic).
    assert np.abs(result.output.astype(int) - result.bicubic).mean() < 3


@pytest.mark.parametrize("tile", [16, 24, 40])
def test_tiles_give_the_whole_image_output(pipelines, tile):
    """Each tile runs with the model's receptive radius of context and keeps its core: the same pixels as one pass
    (within one 8-bit level, from float summation order)."""
    _, busy = pipelines
    assert busy.margin == busy.model.receptive_radius  # the tiny model's radius is under the cap
    image = np.random.default_rng(1).integers(0, 256, (50, 61, 3), dtype=np.uint8)
    whole = busy.upscale(image, tile=512)
    tiled = busy.upscale(image, tile=tile)
    assert whole.tiles == 1 and tiled.tiles == -(-50 // tile) * -(-61 // tile)
    diff = np.abs(whole.output.astype(int) - tiled.output)
    assert diff.max() <= 1 and (diff > 0).mean() < 1e-3


def test_the_tile_size_follows_the_memory_at_hand(pipelines):
    p, _ = pipelines
    sizes = [p.tile_for(free) for free in (0, 2**26, 2**28, 2**40)]
    assert sizes[0] == 16 and sizes[-1] == 512 and sizes == sorted(sizes)
    assert all(s % 16 == 0 for s in sizes) and 16 <= p.tile_for() <= 512


def test_out_of_memory_retries_with_smaller_tiles(pipelines):
    _, busy = pipelines
    image = np.random.default_rng(2).integers(0, 256, (60, 60, 3), dtype=np.uint8)

    def tight(x):  # a device with room for 40 input pixels a side (margins included)
        if max(x.shape[-2:]) > 40:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return busy(x)

    result = busy.upscale(image, tile=64, run=tight)
    assert result.retries >= 1 and result.tile < 64 and "out-of-memory" in result.note
    assert np.abs(result.output.astype(int) - busy.upscale(image, tile=512).output).max() <= 1

    def old_style(x):  # older PyTorch raised a RuntimeError that says so
        if max(x.shape[-2:]) > 40:
            raise RuntimeError("CUDA error: out of memory")
        return busy(x)

    assert busy.upscale(image, tile=64, run=old_style).retries >= 1

    def never(x):
        raise torch.OutOfMemoryError("out of memory")

    with pytest.raises(UpscaleError, match="out of memory even with 16-pixel tiles"):
        busy.upscale(image, tile=64, run=never)

    def broken(x):
        raise RuntimeError("shape mismatch")

    with pytest.raises(RuntimeError, match="shape mismatch"):
        busy.upscale(image, run=broken)


def test_an_output_past_the_pixel_limit_is_refused_before_any_work(pipelines):
    p, _ = pipelines
    calls = []
    with pytest.raises(UpscaleError, match="over the limit of 10,000") as exc:
        p.upscale(np.zeros((30, 30, 3), np.uint8), run=calls.append, max_pixels=10_000)
    assert not calls and "\n" not in str(exc.value)
    with pytest.raises(UpscaleError, match="HxW"):
        p.upscale(np.zeros((4, 4, 2), np.uint8))


def _encoded(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def test_odd_image_modes_are_normalised_before_upscaling(pipelines):
    """Alpha is composited on white (the output is opaque RGB), palettes and CMYK become RGB, 16-bit grey keeps its top
    8 bits, and EXIF orientation is applied before enlarging."""
    p, _ = pipelines
    half_black = open_image(_encoded(Image.new("RGBA", (8, 8), (0, 0, 0, 128)), "PNG"))
    assert np.asarray(half_black)[0, 0].tolist() == [127, 127, 127]
    palette = Image.new("P", (8, 8), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    assert np.asarray(open_image(_encoded(palette, "PNG", transparency=0)))[0, 0].tolist() == [255, 255, 255]
    assert np.asarray(open_image(_encoded(Image.new("CMYK", (8, 8), (0, 255, 255, 0)), "JPEG")))[0, 0].tolist() == [255, 0, 0]
    grey16 = Image.fromarray(np.full((8, 8), 40000, dtype=np.uint16))
    assert np.asarray(open_image(_encoded(grey16, "PNG")))[0, 0].tolist() == [156, 156, 156]  # 40000 >> 8, not clipped
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    turned = np.asarray(open_image(_encoded(Image.new("RGB", (20, 10), (0, 128, 0)), "JPEG", exif=exif.tobytes())))
    assert turned.shape == (20, 10, 3)
    assert p.upscale(turned).output.shape == (80, 40, 3)
    rgba = np.zeros((6, 6, 4), np.uint8)  # fully transparent: white
    assert p.upscale(rgba).bicubic.min() == 255


def test_half_precision_works_for_superres_checkpoints(trained, tmp_path):
    from ganengine.precision import to_half

    report = to_half(trained[0], tmp_path / "half.safetensors")
    assert report["kept"] and report["bytes_after"] < report["bytes_before"]


# ------------------------------------------------------------------------------------------------------ CLI


def test_cli_upscale_writes_the_enlargement_and_refuses_in_one_line(trained, tmp_path, capsys):
    from ganengine.cli import main

    ckpt = str(trained[0])
    source = tmp_path / "in.png"
    Image.fromarray(np.random.default_rng(3).integers(0, 256, (20, 25, 3), dtype=np.uint8)).save(source)
    out = tmp_path / "out.png"
    assert main(["upscale", ckpt, str(source), "--out", str(out), "--scale", "4", "--tile", "16",
                 "--bicubic", str(tmp_path / "bic.png")]) == 0
    assert Image.open(out).size == (100, 80) and Image.open(tmp_path / "bic.png").size == (100, 80)
    meta = read_provenance(out)
    assert meta["task"] == "superres" and meta["scale"] == "4" and meta["source"] == "in.png" and "tiles" in meta["note"]
    capsys.readouterr()
    (tmp_path / "fake.png").write_text("not an image at all")
    Image.new("RGB", (1100, 1000)).save(tmp_path / "big.png")  # x4 would be 17.6 million pixels
    for args, words in [(["--scale", "2"], "enlarges x4, not x2"),
                        (["--scale", "3"], "--scale must be 2 or 4"),
                        (["--tile", "4"], "tile side must be between 16"),
                        ([], "not a PNG"),
                        ([], "over the limit"),
                        ([], "not a superres checkpoint")]:
        image = {"not a PNG": "fake.png", "over the limit": "big.png"}.get(words, "in.png")
        model = "checkpoints/digits-dcgan.safetensors" if "superres" in words else ckpt
        assert main(["upscale", model, str(tmp_path / image), "--out", str(tmp_path / "x.png"), *args]) == 2, words
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0], err
    assert not (tmp_path / "x.png").exists()


def test_a_photo_set_object_can_be_handed_to_the_task(tmp_path):
    """Scripts and tests can pass photos directly (as other tasks take their data)."""
    rng = np.random.default_rng(4)
    photos = PhotoSet("hand", [torch.from_numpy(rng.integers(0, 256, (3, 64, 80), dtype=np.uint8))],
                      [torch.from_numpy(rng.integers(0, 256, (3, 64, 64), dtype=np.uint8))])
    result = run_task(dataclasses.replace(TINY, scale=2, steps=2, checkpoint_every=2, sample_every=2), tmp_path, data=photos)
    assert result.status == "finished", result.reason
    assert "kept out of training" in read_card(result.checkpoint).metrics["measured_on"]
