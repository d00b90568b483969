"""Fake-image detection: spectra, distortions, the detector task through the loop, its pipeline and CLI (and their
refusals), robustness sweeps, provenance and EXIF, the representation table and the optional watermark."""

from __future__ import annotations

import io
import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from ganengine.checkpoints import CheckpointError, read_card
from ganengine.cli import main
from ganengine.detect import DISTORTIONS, blur, compare_spectra, jpeg, log_spectrum, noise, radial_profile, rescale
from ganengine.detect.distort import augment, parse_names, quantise
from ganengine.detect.robustness import detector_robustness, robustness_sweep
from ganengine.detect.sets import choose_threshold, held_out_set, real_split
from ganengine.detect.watermark import Watermark, watermark_robustness
from ganengine.errors import ConfigError
from ganengine.imageio import ImageInputError, open_image, png_bytes, read_provenance
from ganengine.pipelines import DetectPipeline, SamplePipeline, open_pipeline
from ganengine.sampling import to_uint8
from ganengine.tasks import TASKS, DetectorConfig
from ganengine.train import run_task

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints"


def sinusoid(size: int, cycles: int, axis: int = 1) -> np.ndarray:
    t = np.arange(size) / size
    wave = np.sin(2 * math.pi * cycles * t)
    img = np.repeat(wave[None, :], size, 0) if axis == 1 else np.repeat(wave[:, None], size, 1)
    return ((img + 1) * 127.5).round().astype(np.uint8)


def smooth_images(n: int, size: int = 32, seed: int = 0) -> torch.Tensor:
    """Blobs without fine detail: blurred noise in [-1, 1]."""
    g = torch.Generator().manual_seed(seed)
    return blur(torch.rand(n, 1, size, size, generator=g) * 2 - 1, 2.5).mul(3).clamp(-1, 1)


def checkerboard(size: int = 32) -> torch.Tensor:
    """The pattern transposed convolutions leave: +-1 alternating pixels (the Nyquist frequency)."""
    i = torch.arange(size)
    return ((i[:, None] + i[None, :]) % 2 * 2 - 1).float()


# ------------------------------------------------------------------------------------------------- spectra


@pytest.mark.parametrize("cycles, axis", [(8, 1), (5, 0), (12, 1)])
def test_a_sinusoid_peaks_at_its_frequency(cycles, axis):
    size = 64
    freqs, profile = radial_profile(sinusoid(size, cycles, axis))
    assert len(freqs) == len(profile) == 45 and freqs[size // 2 - 1] == 1.0  # 1 = Nyquist; beyond it, the corners
    assert freqs[int(np.argmax(profile))] == pytest.approx(cycles / (size / 2))
    assert profile.max() - np.median(profile) > 30  # a clean peak, in dB
    spec = log_spectrum(sinusoid(size, cycles, axis))
    assert spec.shape == (size, size)
    peak = np.unravel_index(np.argmax(spec), spec.shape)
    offset = (0, cycles) if axis == 1 else (cycles, 0)
    assert tuple(abs(int(p) - size // 2) for p in peak) == offset  # centred: frequency 0 in the middle


def test_mean_spectra_show_up_sampling_artefacts_at_high_frequency():
    real = smooth_images(64)
    fake = (real + 0.15 * checkerboard()).clamp(-1, 1)
    cmp = compare_spectra(real, fake)
    d = cmp.to_dict()
    assert len(d["freqs"]) == len(d["real"]) == len(d["fake"]) == 23 and d["freqs"][15] == 1.0  # to the corners
    assert cmp.difference[-1] > 10 and abs(cmp.difference[0]) < 1  # the gap sits in the corner, not at low frequency
    assert cmp.high_frequency_gap() > 3 and cmp.real.log_spectrum.shape == (32, 32)
    uint8 = [a[..., 0] for a in to_uint8(real[:4])]  # pages hold pictures as uint8 arrays: accepted too
    assert compare_spectra(uint8, uint8).high_frequency_gap() == 0
    with pytest.raises(ValueError, match="one size"):
        compare_spectra(real, torch.zeros(2, 1, 16, 16))


# ------------------------------------------------------------------------------------------------- distortions


def test_distortions_leave_images_alone_at_zero_strength_and_act_otherwise():
    x = quantise(smooth_images(4) + 0.2 * checkerboard())
    assert torch.equal(jpeg(x, 100), x) and torch.equal(blur(x, 0), x) and torch.equal(rescale(x, 1.0), x)
    assert torch.equal(noise(x, 0), x)
    hf = lambda y: float((y[..., 1:, :] - y[..., :-1, :]).abs().mean())  # noqa: E731
    assert hf(blur(x, 1.0)) < hf(x) / 2 and hf(rescale(x, 0.5)) < hf(x) / 2
    assert 0 < float((jpeg(x, 30) - x).abs().mean()) < 0.2
    assert jpeg(torch.zeros(2, 3, 16, 16), 50).shape == (2, 3, 16, 16)
    a = augment(x, parse_names("jpeg,blur,resize,noise"), 0.5, torch.Generator().manual_seed(3))
    b = augment(x, parse_names("jpeg,blur,resize,noise"), 0.5, torch.Generator().manual_seed(3))
    assert torch.equal(a, b) and not torch.equal(a, x)  # seeded: the same run makes the same batches
    assert parse_names("none") == () and parse_names("noise, jpeg") == ("noise", "jpeg")
    with pytest.raises(ValueError, match="unknown distortion"):
        parse_names("jpeg,sepia")


def test_robustness_curve_falls_as_blur_grows_for_a_detector_of_high_frequencies():
    """A planted detector that calls an image generated when it holds Nyquist-frequency energy."""
    real = smooth_images(24, seed=1)
    fake = (smooth_images(24, seed=2) + 0.3 * checkerboard()).clamp(-1, 1)

    def predict(x: torch.Tensor) -> torch.Tensor:
        energy = (x[..., :, 1:] - x[..., :, :-1]).abs().mean((1, 2, 3))
        return (energy > 0.15).float()

    curves = robustness_sweep(predict, real, fake, ("blur", "noise", "resize"))
    acc = curves["blur"].accuracy
    assert acc[0] == 1.0 and acc[-1] == 0.5
    assert all(a >= b for a, b in itertools.pairwise(acc))  # monotone: never better with more blur
    assert curves["blur"].strengths == list(DISTORTIONS["blur"].sweep)
    assert curves["blur"].points()[0] == (0.0, 1.0)
    assert curves["noise"].real_accuracy[-1] < 1.0  # strong noise looks like high frequencies to it: false alarms
    assert curves["resize"].accuracy[0] == 1.0 and curves["resize"].accuracy[-1] == 0.5
    assert json.dumps({k: c.to_dict() for k, c in curves.items()})  # plain lists for a chart


# ------------------------------------------------------------------------------------------------- the task


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny detector trained through run_task: digits against the shipped digits-dcgan, digits-cdcgan unseen."""
    run = tmp_path_factory.mktemp("detector")
    cfg = DetectorConfig(steps=80, batch_size=32, width=8, max_items=300, lr=3e-3, augment="jpeg,noise", augment_p=0.2,
                         spectrum=True, log_every=20, sample_every=80, checkpoint_every=80, num_threads=1)
    events: list[dict] = []
    result = run_task(cfg, run, events.append)
    assert result.status == "finished", result.reason
    return result, events, run


def test_the_detector_trains_through_the_loop_and_beats_chance_on_held_out_images(trained):
    result, events, run = trained
    assert "detector" in TASKS
    started = events[0]
    assert started["task"] == "detector" and started["generators"] == ["digits-dcgan"] and started["unseen"] == ["digits-cdcgan"]
    assert {c["key"] for c in started["charts"]} == {"losses", "accuracy"}
    values = [e for e in events if e["type"] == "metrics"][-1]["values"]
    assert set(values) == {"loss", "train_accuracy", "held_out_real", "held_out_fake", "threshold"}
    card = read_card(result.checkpoint)
    m = card.metrics
    assert card.task == "detector" and card.class_names == ["real", "generated"]
    assert card.roles["detector"]["name"] == "detector-spectrum"
    assert m["generators_seen"] == ["digits-dcgan"] and m["generators_unseen"] == ["digits-cdcgan"]
    assert m["accuracy"] > 0.6, m  # balanced accuracy: chance is 0.5
    assert min(m["accuracy_real"], m["accuracy_fake"]) > 0.3, m  # not one answer for everything
    assert set(m["accuracy_unseen"]) == {"digits-cdcgan"} and set(m["jpeg50"]) == {"accuracy_real", "accuracy_fake",
                                                                                    "accuracy_unseen"}
    assert "never trained on" in m["measured_on"] and 0 < m["threshold"] < 1 and "neither in training" in m["threshold_chosen_on"]
    sample = next(e for e in events if e["type"] == "sample")
    meta = read_provenance(run / sample["path"])
    assert meta["truth"].split() == ["real"] * 8 + ["generated"] * 8
    assert set(meta["verdict"].split()) <= {"real", "generated"} and len(meta["p_generated"].split()) == 16


def test_held_out_images_are_never_trained_on_and_rebuild_from_the_card(trained):
    result, _, _ = trained
    train, calibration, val = real_split(300, 0)
    assert len(train) == 240 and len(calibration) == len(val) == 30
    assert len({*train.tolist(), *calibration.tolist(), *val.tolist()}) == 300  # three disjoint parts
    detector = DetectPipeline.load(result.checkpoint)
    report = detector_robustness(detector, distortions=("jpeg",))
    m = detector.card.metrics
    # the sweep rebuilt exactly the set the card was measured on
    assert report.clean["accuracy_real"] == m["accuracy_real"] and report.clean["accuracy_fake"] == m["accuracy_fake"]
    assert report.unseen == m["accuracy_unseen"]
    jpeg_curve = report.curves["jpeg"]
    assert jpeg_curve.strengths[0] == 100 and len(jpeg_curve.accuracy) == len(DISTORTIONS["jpeg"].sweep)
    i50 = jpeg_curve.strengths.index(50)
    assert jpeg_curve.real_accuracy[i50] == m["jpeg50"]["accuracy_real"]
    assert all(0 <= a <= 1 for a in jpeg_curve.accuracy)
    assert json.dumps(report.to_dict())


def test_the_threshold_is_the_best_balanced_one_on_the_calibration_set():
    real, fake = torch.tensor([0.01, 0.05, 0.2, 0.3]), torch.tensor([0.35, 0.4, 0.9, 0.95])
    t = choose_threshold(real, fake)
    assert 0.3 <= t < 0.35  # between the highest real and the lowest fake: everything right
    t = choose_threshold(torch.tensor([0.1, 0.6]), torch.tensor([0.5, 0.9]))
    assert ((torch.tensor([0.1, 0.6]) <= t).float().mean() + (torch.tensor([0.5, 0.9]) > t).float().mean()) / 2 == 0.75
    assert choose_threshold(torch.tensor([]), fake) == 0.5


def test_a_card_cannot_make_the_server_read_its_paths(trained, tmp_path):
    result, _, _ = trained
    card = read_card(result.checkpoint)
    card.config = {**card.config, "data": str(tmp_path)}
    with pytest.raises(ConfigError, match="not a data set of this server"):
        held_out_set(card)
    card.config = {**card.config, "data": "digits", "generators": str(SHIPPED / "digits-dcgan.safetensors")}
    with pytest.raises(ConfigError, match="not the name of a shipped checkpoint"):
        held_out_set(card)


@pytest.mark.parametrize("changes, words", [
    ({"generators": "no-such-model"}, "no shipped checkpoint named"),
    ({"generators": "weights.pt"}, ".safetensors checkpoints only"),
    ({"generators": ""}, "at least one generator"),
    ({"generators": "digits-dcgan", "unseen": "digits-dcgan"}, "both seen and unseen"),
    ({"generators": "digits-classifier"}, "not a generator"),
    ({"augment": "jpeg,sepia"}, "unknown distortion"),
    ({"augment_p": 1.5}, "augmentation chance"),
])
def test_config_refusals(changes, words):
    with pytest.raises(ConfigError, match=words):
        DetectorConfig(**changes).validate()


def test_a_generator_of_another_data_set_is_refused(tmp_path):
    cfg = DetectorConfig(generators="faces-dcgan", unseen="none", steps=2, max_items=64)
    with pytest.raises(ConfigError, match="learned 'faces'"):
        run_task(cfg.validate(), tmp_path)


def test_presets_name_each_sets_own_generators():
    assert DetectorConfig.preset("faces").generators == "faces-dcgan"
    assert DetectorConfig.preset("faces").unseen == "none"
    assert DetectorConfig.preset("digits").unseen == "digits-cdcgan"


# ------------------------------------------------------------------------------------------------- pipeline


def generated_png(seed: int = 5) -> bytes:
    sample = to_uint8(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors")(1, seed))[0][..., 0]
    return png_bytes(sample, {"model": "digits-dcgan.safetensors", "seed": str(seed)})


def photo_jpeg(gps: bool = True) -> bytes:
    exif = Image.Exif()
    exif[271], exif[272], exif[305] = "Canon", "EOS 5D", "Darktable\x00\x07"
    if gps:
        exif[0x8825] = {1: "N", 2: (48.0, 51.0, 30.0)}
    buf = io.BytesIO()
    Image.fromarray(sinusoid(48, 3)).convert("RGB").save(buf, format="JPEG", exif=exif)
    return buf.getvalue()


def test_provenance_written_then_read_back_and_exif_of_a_photo(trained):
    detector = DetectPipeline.load(trained[0].checkpoint)
    assert isinstance(open_pipeline(trained[0].checkpoint), DetectPipeline)
    found = detector.detect(generated_png(), name="sample.png")
    assert found.provenance == {"Software": "GAN Studio (ganengine)", "model": "digits-dcgan.safetensors", "seed": "5"}
    assert 0 <= found.probability <= 1 and found.verdict in ("generated", "real")
    assert found.threshold == detector.card.metrics["threshold"]
    assert found.size == (32, 32) and found.exif == {}
    assert any("anyone can write" in n for n in found.notes) and any("proves nothing alone" in n for n in found.notes)
    photo = detector.detect(photo_jpeg())
    assert photo.provenance == {} and read_provenance(photo_jpeg()) == {}  # JPEGs carry no PNG chunks
    assert photo.exif["Make"] == "Canon" and photo.exif["Model"] == "EOS 5D"
    assert photo.exif["Software"] == "Darktable"  # control characters dropped: the file's text is never trusted
    assert "not shown" in photo.exif["GPSInfo"] and "48" not in photo.exif["GPSInfo"]
    assert photo.size == (48, 48) and any("resized to 32x32" in n for n in photo.notes)
    assert json.dumps(photo.to_dict())
    assert detector.detect(generated_png(), threshold=0.999).verdict == "real"
    probs = detector(torch.zeros(3, 3, 64, 64))  # tensors of any size and channels
    assert probs.shape == (3,) and bool(((probs >= 0) & (probs <= 1)).all())


def animated(fmt: str) -> bytes:
    frames = [Image.new("RGB", (32, 32), (i * 60, 0, 0)) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, format=fmt, save_all=True, append_images=frames[1:])
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["GIF", "PNG", "WEBP"])
def test_animated_images_are_refused_by_the_detector_and_still_read_elsewhere(trained, fmt):
    data = animated(fmt)
    assert open_image(data).size == (32, 32)  # the default stays: training sets take the first frame
    detector = DetectPipeline.load(trained[0].checkpoint)
    with pytest.raises(ImageInputError, match="animated image"):
        detector.detect(data)


def test_pipeline_refusals(trained, tmp_path):
    detector = DetectPipeline.load(trained[0].checkpoint)
    with pytest.raises(ImageInputError, match="not a PNG"):
        detector.detect(b"%PDF-1.4 not an image")
    tiff = io.BytesIO()
    Image.new("L", (8, 8)).save(tiff, format="TIFF")
    with pytest.raises(ImageInputError, match="not a PNG"):
        detector.detect(tiff.getvalue())
    with pytest.raises(ImageInputError, match="damaged or cut short"):
        detector.detect(generated_png()[:200])
    with pytest.raises(CheckpointError, match="not a detector checkpoint"):
        DetectPipeline.load(SHIPPED / "digits-dcgan.safetensors")
    fake = tmp_path / "x.safetensors"
    fake.write_bytes(b"\x00" * 16)
    with pytest.raises(CheckpointError):
        DetectPipeline.load(fake)


# ------------------------------------------------------------------------------------------------- CLI


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_detect_writes_one_result_per_image(trained, tmp_path, capsys):
    png, jpg = tmp_path / "sample.png", tmp_path / "photo.jpg"
    png.write_bytes(generated_png())
    jpg.write_bytes(photo_jpeg())
    out = tmp_path / "out" / "detect.json"
    code, text, _ = run_cli(capsys, "detect", str(trained[0].checkpoint), str(png), str(jpg), "--json", str(out))
    assert code == 0 and "sample.png: " in text and "% generated -> " in text and "proves nothing alone" in text
    report = json.loads(out.read_text())
    assert [i["name"] for i in report["images"]] == ["sample.png", "photo.jpg"]
    assert report["images"][0]["provenance"]["seed"] == "5" and report["images"][1]["exif"]["Make"] == "Canon"
    assert report["threshold"] == read_card(trained[0].checkpoint).metrics["threshold"] and "proves nothing alone" in report["note"]


def test_cli_detect_refusals_print_one_line_and_write_nothing(trained, tmp_path, capsys):
    ckpt = str(trained[0].checkpoint)
    good, gif, text_file = tmp_path / "good.png", tmp_path / "anim.gif", tmp_path / "notes.png"
    good.write_bytes(generated_png())
    gif.write_bytes(animated("GIF"))
    text_file.write_text("hello")
    huge = tmp_path / "huge.png"
    Image.new("L", (4100, 4100)).save(huge)  # 16.8 megapixels: over the cap, yet a small file
    out = tmp_path / "out.json"
    for args, words in [
        ((ckpt, str(good), str(gif)), "anim.gif: an animated image"),
        ((ckpt, str(text_file)), "notes.png: not a PNG"),
        ((ckpt, str(huge)), "huge.png: 4100x4100 pixels is over the limit"),
        ((ckpt, str(tmp_path / "missing.png")), "missing.png"),
        ((str(SHIPPED / "digits-dcgan.safetensors"), str(good)), "a gan checkpoint, not a detector checkpoint"),
        ((ckpt, str(good), "--threshold", "1.5"), "--threshold must be between 0 and 1"),
    ]:
        code, _, err = run_cli(capsys, "detect", *args, "--json", str(out))
        assert code == 2 and err.startswith("error: ") and words in err and err.count("\n") == 1, err
        assert not out.exists()


def test_train_task_detector_flags_come_from_the_config(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--task", "detector", "--help"])
    text = capsys.readouterr().out
    for flag in ("--generators", "--unseen", "--spectrum", "--augment", "--augment-p"):
        assert flag in text


# ------------------------------------------------------------------------------------------------- bias, watermark


def test_representation_table_compares_generated_and_real_shares():
    from ganengine.metrics import representation_table

    table = representation_table(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=200)
    digits = [r for r in table["rows"] if r["group"] == "digit"]
    assert [r["name"] for r in digits] == [str(i) for i in range(10)]
    assert sum(r["generated"] for r in digits) == pytest.approx(1, abs=1e-3)
    assert sum(r["real"] for r in digits) == pytest.approx(1, abs=1e-3)
    assert table["largest_gap"]["group"] == "digit" and "not independent" in table["reader"]
    assert json.dumps(table)


def test_watermark_is_found_in_marked_images_and_not_in_others():
    rng = np.random.default_rng(0)
    base = (blur(torch.rand(1, 3, 128, 128) * 2 - 1, 1.5).mul(2).clamp(-1, 1) + 1) * 127.5
    image = base[0].permute(1, 2, 0).round().to(torch.uint8).numpy()
    wm = Watermark(key=42)
    marked = wm.embed(image)
    assert marked.shape == image.shape and marked.dtype == np.uint8
    assert np.abs(marked.astype(int) - image.astype(int)).mean() < 3  # invisible: a grey level or two
    assert wm.score(marked) > 8 and abs(wm.score(image)) < 4
    assert not Watermark(key=43).detect(marked)  # another key sees nothing
    assert wm.embed(image[:4, :4]).shape == (4, 4, 3) and wm.score(image[:4, :4]) == 0.0  # under one block: untouched
    noisy = np.clip(marked.astype(int) + rng.integers(-3, 4, marked.shape), 0, 255).astype(np.uint8)
    assert wm.detect(noisy)
    report = watermark_robustness([image, marked], key=7, distortions=("jpeg",))
    assert report["curves"]["jpeg"]["detected"][0] == 1.0 and report["false_alarm_rate"] == 0.0


def test_the_shipped_detector_if_present_meets_its_card():
    """checkpoints/digits-detector.safetensors, once shipped: held-out figures on its card, and it catches fresh samples."""
    path = SHIPPED / "digits-detector.safetensors"
    if not path.exists():
        pytest.skip("no shipped detector yet")
    detector = DetectPipeline.load(path)
    m = detector.card.metrics
    assert m["accuracy_real"] >= 0.95 and m["accuracy_fake"] >= 0.95, m
    assert "digits-cdcgan" in m["accuracy_unseen"] and "accuracy_fake" in m["jpeg50"]
    fakes = SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors")(64, seed=987_654)
    assert float((detector(quantise(fakes)) > detector.threshold).float().mean()) >= 0.85


def test_the_shipped_faces_detector_meets_its_card_and_says_it_saw_no_other_generator():
    path = SHIPPED / "faces-detector.safetensors"
    if not path.exists():
        pytest.skip("no shipped faces detector")
    detector = DetectPipeline.load(path)
    m = detector.card.metrics
    assert m["accuracy_real"] >= 0.95 and m["accuracy_fake"] >= 0.95, m
    assert m["generators_seen"] == ["faces-dcgan"] and m["generators_unseen"] == [] and "accuracy_fake" in m["jpeg50"]
    fakes = SamplePipeline.load(SHIPPED / "faces-dcgan.safetensors")(64, seed=987_654)
    assert float((detector(quantise(fakes)) > detector.threshold).float().mean()) >= 0.85
