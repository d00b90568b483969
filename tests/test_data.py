import io
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from ganengine.data import DataError, DataRequest, check_image_set, load_data, registry
from ganengine.data.toy2d import mode_coverage

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["toy2d-ring", "toy2d-grid", "toy2d-spiral", "toy2d-moons", "toy2d"])
def test_toy2d_points(name):
    d = load_data(name, DataRequest(max_items=500))
    assert d.kind == "points" and d.x.shape == (500, 2) and d.x.abs().max() < 1.2


def test_ring_real_data_covers_all_modes():
    d = load_data("toy2d-ring", DataRequest(max_items=4000))
    modes, near = mode_coverage(d.x.numpy(), "ring")
    assert modes == 8 and near > 0.95


def test_digits_scaled_and_labelled():
    d = load_data("digits")
    assert d.x.shape == (1797, 1, 32, 32)
    assert d.x.min() >= -1 and d.x.max() <= 1 and d.x.min() < -0.9 and d.x.max() > 0.9
    assert d.num_classes == 10 and set(d.labels.tolist()) == set(range(10))


def test_digits_read_without_scikit_learn_match_its_loader():
    from sklearn.datasets import load_digits

    from ganengine.data.digits import raw_digits

    images, labels = raw_digits()
    reference = load_digits()
    assert np.array_equal(images, reference.images) and np.array_equal(labels, reference.target)


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_a_training_worker_does_not_import_the_metrics_stack():
    """Each job is a fresh process: torch-fidelity, torchvision and scikit-learn would add seconds to every start."""
    import subprocess
    import sys

    code = ("import sys, ganengine.jobs.worker, ganengine.data as d; d.load_data('digits'); "
            "print(sorted(m for m in ('torch_fidelity', 'torchvision', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_digits_as_rgb_64():
    d = load_data("digits", DataRequest(image_size=64, channels=3, max_items=20))
    assert d.x.shape == (20, 3, 64, 64)


def test_shapes_and_faces_are_seeded_and_labelled():
    a = load_data("faces", DataRequest(max_items=32, seed=5))
    b = load_data("faces", DataRequest(max_items=32, seed=5))
    assert torch.equal(a.x, b.x)
    assert a.x.shape == (32, 3, 32, 32) and a.attribute_names == ("smile", "glasses", "eyes_open")
    assert a.attributes.shape == (32, 3) and a.class_names == ("black", "brown", "blond", "red")
    s = load_data("shapes", DataRequest(max_items=40))
    assert s.num_classes == 5 and s.x.shape == (40, 3, 32, 32)


def _write_images(folder, classes=("cats", "dogs"), n=10):
    for c in classes:
        (folder / c).mkdir(parents=True)
        for i in range(n):
            Image.fromarray(np.full((40, 50, 3), 20 * i, np.uint8)).save(folder / c / f"{i}.png")


def test_user_folder_with_class_subfolders(tmp_path):
    _write_images(tmp_path)
    d = load_data(str(tmp_path), DataRequest(image_size=32))
    assert d.x.shape == (20, 3, 32, 32) and d.class_names == ("cats", "dogs")
    assert d.labels.tolist() == [0] * 10 + [1] * 10


def test_user_zip(tmp_path):
    src = tmp_path / "src"
    _write_images(src)
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for p in src.rglob("*.png"):
            zf.write(p, p.relative_to(src))
    d = load_data(str(archive), DataRequest(image_size=32, channels=1))
    assert d.x.shape == (20, 1, 32, 32) and d.num_classes == 2


def _zip_folder(src, archive, extra=()):
    with zipfile.ZipFile(archive, "w") as zf:
        for p in sorted(src.rglob("*.png")):
            zf.write(p, p.relative_to(src))
        for name, data in extra:
            zf.writestr(name, data)
    return archive


def test_an_upload_is_checked_when_it_arrives(tmp_path):
    """check_image_set judges a zip at upload time: what it holds, or one line saying why it cannot train."""
    leftovers = set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*"))
    src = tmp_path / "src"
    _write_images(src)
    summary = check_image_set(_zip_folder(src, tmp_path / "good.zip"))
    assert summary.images == 20 and summary.class_names == ("cats", "dogs")
    not_zip = tmp_path / "fake.zip"
    not_zip.write_text("this is a text file")
    with pytest.raises(DataError, match=r"fake\.zip: .*zip"):
        check_image_set(not_zip)
    with pytest.raises(DataError, match=r"found 0 images, need at least 16"):
        check_image_set(_zip_folder(tmp_path / "nothing", tmp_path / "empty.zip", [("notes.txt", b"hi")]))
    with pytest.raises(DataError, match=r"not a PNG"):
        check_image_set(_zip_folder(src, tmp_path / "bad.zip", [("cats/000-broken.png", b"text, not pixels")]))
    assert set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*")) == leftovers  # nothing extracted is left behind


def test_too_few_images_and_unknown_names(tmp_path):
    _write_images(tmp_path, classes=("a",), n=3)
    with pytest.raises(DataError, match="need at least 16"):
        load_data(str(tmp_path))
    with pytest.raises(DataError, match="no data set or path named 'nonesuch'"):
        load_data("nonesuch")


def test_broken_image_in_folder_is_named(tmp_path):
    _write_images(tmp_path)
    (tmp_path / "cats" / "broken.png").write_bytes(b"\x89PNG not really")
    with pytest.raises(DataError, match=r"broken\.png"):
        load_data(str(tmp_path))


def test_torchvision_set_missing_says_where_to_put_files(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))
    assert not registry()["mnist"].available() and registry()["digits"].available()
    with pytest.raises(DataError, match=f"MNIST is not on this machine: put torchvision's MNIST files under {tmp_path}"):
        load_data("mnist")


def test_torchvision_set_read_from_disk(tmp_path, monkeypatch):
    """MNIST in torchvision's on-disk layout (raw IDX files) is read without any network."""
    raw = tmp_path / "MNIST" / "raw"
    raw.mkdir(parents=True)
    images = np.random.default_rng(0).integers(0, 255, (20, 28, 28), dtype=np.uint8)
    labels = np.arange(20, dtype=np.uint8) % 10

    def idx(arr, magic):
        buf = io.BytesIO()
        buf.write(magic.to_bytes(4, "big"))
        for dim in arr.shape:
            buf.write(dim.to_bytes(4, "big"))
        buf.write(arr.tobytes())
        return buf.getvalue()

    (raw / "train-images-idx3-ubyte").write_bytes(idx(images, 2051))
    (raw / "train-labels-idx1-ubyte").write_bytes(idx(labels, 2049))
    (raw / "t10k-images-idx3-ubyte").write_bytes(idx(images, 2051))
    (raw / "t10k-labels-idx1-ubyte").write_bytes(idx(labels, 2049))
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))
    assert registry()["mnist"].available() and not registry()["cifar10"].available()
    d = load_data("mnist", DataRequest(image_size=32))
    assert d.x.shape == (20, 1, 32, 32) and d.num_classes == 10


def test_the_upload_check_reads_every_images_header_not_only_the_first_sixteen(tmp_path):
    """Issue 13: 20 good images and a 30000x30000 PNG in 21st place were "Ready to train", then the job failed."""
    from hostile import png_header

    src = tmp_path / "src"
    _write_images(src)
    bomb = [("zz/999-huge.png", png_header(30000, 30000))]  # sorted last: after every good image
    archive = _zip_folder(src, tmp_path / "late.zip", bomb)
    with pytest.raises(DataError, match=r"^late\.zip: 999-huge\.png: image is too large"):
        check_image_set(archive)
    (src / "dogs" / "zz-wide.png").write_bytes(png_header(5000, 4000))  # a folder too, and the pixel cap's own words
    with pytest.raises(DataError, match=r"^src: zz-wide\.png: 5000x4000 pixels is over the limit of 16,000,000$"):
        check_image_set(src)
