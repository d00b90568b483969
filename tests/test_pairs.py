"""Image-to-image data: the procedural paired/unpaired sets, palette snapping, and users' Pix2Pix / CycleGAN layouts."""

import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from ganengine.data import (
    SCENE_PALETTE,
    DataError,
    DataRequest,
    PairedData,
    check_pair_set,
    load_data,
    load_pairs,
    pair_layout,
    registry,
    snap_to_palette,
)

PROCEDURAL = {"scenes-labels": "paired", "edges-objects": "paired", "scenes-seasons": "unpaired"}
COLOURS = np.array([rgb for _, rgb in SCENE_PALETTE], np.uint8)


def _u8(x: torch.Tensor) -> np.ndarray:
    """(N,3,H,W) in [-1,1] -> (N,H,W,3) uint8."""
    return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).numpy()


# --- the procedural sets ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PROCEDURAL))
def test_procedural_sets_are_seeded_pairs_of_images(name):
    entry = registry()[name]
    assert entry.kind == PROCEDURAL[name] and entry.available()
    d = load_data(name, DataRequest(image_size=32, max_items=6, seed=3))
    assert isinstance(d, PairedData) and d.kind == PROCEDURAL[name] and d.name == name
    assert d.a.shape == d.b.shape == (6, 3, 32, 32) and d.a.dtype == torch.float32
    for x in (d.a, d.b):
        assert x.min() >= -1 and x.max() <= 1 and x.std() > 0.1
    again = load_data(name, DataRequest(image_size=32, max_items=6, seed=3))
    assert torch.equal(d.a, again.a) and torch.equal(d.b, again.b)
    other = load_data(name, DataRequest(image_size=32, max_items=6, seed=4))
    assert not torch.equal(d.a, other.a) and not torch.equal(d.b, other.b)
    assert all(not torch.equal(d.b[0], d.b[i]) for i in range(1, 6))  # every image differs


@pytest.mark.parametrize("size", [32, 64, 128])
def test_scene_sizes(size):
    d = load_data("scenes-labels", DataRequest(image_size=size, max_items=2))
    assert d.a.shape == d.b.shape == (2, 3, size, size)
    assert d.palette == SCENE_PALETTE and d.domains == ("label map", "scene")


def test_label_maps_hold_only_palette_colours_and_scenes_follow_them():
    d = load_data("scenes-labels", DataRequest(image_size=64, max_items=24, seed=1))
    labels, scenes = _u8(d.a), _u8(d.b).astype(np.float32)
    cls = (labels[..., None, :] == COLOURS).all(-1)  # (N,H,W,6)
    assert cls.any(-1).all(), "a label map holds a colour outside the palette"
    index = cls.argmax(-1)
    present = set(np.unique(index).tolist())
    assert present == set(range(6)), f"24 scenes should show every region, got {present}"
    mean = {k: scenes[index == k].mean(0) for k in range(6)}  # (r, g, b) per region
    sky, water, grass, mountain, tree, building = (mean[k] for k in range(6))
    assert sky[2] > sky[0] + 40 and sky.mean() > 140  # bright and blue
    assert water[2] > water[0] + 50 and water[2] > water[1] + 20  # bluish
    assert grass[1] > grass[0] + 30 and grass[1] > grass[2] + 40  # green
    assert tree.mean() < grass.mean() - 30 and tree[1] > tree[2]  # darker green
    assert mountain.max() - mountain.min() < 30 and grass[1] - grass[0] > mountain[1] - mountain[0] + 40  # grey rock and snow
    assert building[0] > building[2]  # warm walls and roofs


def _erode(m):
    out = m.copy()
    out[1:] &= m[:-1]
    out[:-1] &= m[1:]
    out[:, 1:] &= m[:, :-1]
    out[:, :-1] &= m[:, 1:]
    return out


def _dilate(m):
    return ~_erode(~m)


def test_edges_outline_the_objects():
    d = load_data("edges-objects", DataRequest(image_size=64, max_items=12, seed=2))
    edges, objects = _u8(d.a).astype(np.int32), _u8(d.b).astype(np.int32)
    assert d.domains == ("edges", "object")
    for e, o in zip(edges, objects, strict=True):
        assert (e.max(-1) - e.min(-1)).max() == 0  # grey lines on white
        dark = e[..., 0] < 128
        assert (e[..., 0] > 240).mean() > 0.7 and dark.mean() > 0.02
        fg = np.abs(o - 248).max(-1) > 40  # the object stands out from its near-white background
        outline = fg & ~_erode(fg)
        assert dark[~_dilate(_dilate(fg))].sum() == 0, "an edge lies away from the object"
        assert _dilate(dark)[outline].mean() > 0.9, "the object's outline is not drawn in the edge map"


def test_seasons_are_unpaired_summer_and_winter():
    d = load_data("scenes-seasons", DataRequest(image_size=32, max_items=40, seed=0))
    assert d.kind == "unpaired" and d.domains == ("summer", "winter") and d.palette == ()
    summer, winter = _u8(d.a).astype(np.int32), _u8(d.b).astype(np.int32)

    def green(x):
        return ((x[..., 1] > x[..., 0] + 20) & (x[..., 1] > x[..., 2] + 20)).mean()

    assert green(summer) > 0.25 and green(winter) < 0.05
    assert winter.mean() > summer.mean() + 30  # snow
    sat = lambda x: (x.max(-1) - x.min(-1)).mean()  # noqa: E731
    assert sat(winter) < sat(summer) - 30  # pale
    # no pairs: the layouts of A[i] and B[i] are unrelated (the first row that is mostly ground, image by image)
    summer_ground = ((summer[..., 1] > summer[..., 0] + 20) & (summer[..., 1] > summer[..., 2] + 20)).mean(2) > 0.5
    winter_ground = (winter.min(-1) > 225).mean(2) > 0.5
    horizon_a, horizon_b = summer_ground.argmax(1), winter_ground.argmax(1)
    assert horizon_a.std() > 1 and horizon_b.std() > 1
    assert abs(np.corrcoef(horizon_a, horizon_b)[0, 1]) < 0.5


def test_split_keeps_pairs_together():
    d = load_data("edges-objects", DataRequest(image_size=16, max_items=20, seed=5))
    train, held = d.split(0.25, seed=1)
    assert len(train) == 15 and len(held) == 5
    for part in (train, held):
        for a, b in zip(part.a, part.b, strict=True):
            j = next(i for i in range(20) if torch.equal(d.a[i], a))
            assert torch.equal(d.b[j], b)


# --- snapping a drawn label map to the palette ------------------------------------------------------------------------


def _palette(name):
    return dict(SCENE_PALETTE)[name]


def _stroke_image():
    """A label map drawn with Pillow at 4x and brought down with a box filter: anti-aliased edges, as a canvas draws."""
    big = Image.new("RGB", (256, 256), _palette("grass"))
    d = ImageDraw.Draw(big)
    d.line([(20, 30), (230, 200)], fill=_palette("building"), width=36)
    d.ellipse([40, 150, 150, 240], fill=_palette("water"))
    d.polygon([(150, 20), (240, 20), (200, 110)], fill=_palette("tree"))
    return np.asarray(big.resize((64, 64), Image.Resampling.BOX))


def test_snap_turns_anti_aliased_strokes_into_palette_colours():
    img = _stroke_image()
    assert not (img[..., None, :] == COLOURS).all(-1).any(-1).all()  # the edges are blends
    clean, index = snap_to_palette(img, SCENE_PALETTE)
    assert clean.shape == img.shape and clean.dtype == np.uint8 and index.shape == img.shape[:2]
    assert (clean == COLOURS[index]).all()
    names = [n for n, _ in SCENE_PALETTE]
    assert set(np.unique(index).tolist()) == {names.index(n) for n in ("grass", "building", "water", "tree")}
    # a blend of red over green passes near brown: plain nearest colour would leave a "mountain" fringe
    nearest = ((img[..., None, :].astype(np.int32) - COLOURS.astype(np.int32)) ** 2).sum(-1).argmin(-1)
    assert (nearest == names.index("mountain")).any() and not (index == names.index("mountain")).any()
    # solid areas keep their class
    assert index[2, 60] == names.index("grass") and index[50, 20] == names.index("water")


def test_snap_composites_a_transparent_canvas_over_sky():
    rgba = np.zeros((32, 32, 4), np.uint8)  # an untouched canvas: fully transparent
    rgba[10:20, 5:25] = (*_palette("grass"), 255)
    rgba[9, 5:25] = (*_palette("grass"), 100)  # the soft edge of a stroke
    clean, index = snap_to_palette(rgba, SCENE_PALETTE)
    assert index[0, 0] == 0 and (clean[0, 0] == _palette("sky")).all()
    assert (index[10:20, 5:25] == 2).all() and set(np.unique(index[9]).tolist()) <= {0, 2}
    with pytest.raises(ValueError):
        snap_to_palette(np.zeros((4, 4), np.uint8), SCENE_PALETTE)


# --- users' Pix2Pix (AB) and CycleGAN (trainA/trainB) sets --------------------------------------------------------------


def _ab_image(i, w=64, h=32):
    arr = np.zeros((h, w, 3), np.uint8)
    arr[:, : w // 2] = (10 * i, 200, 30)
    arr[:, w // 2 :] = (250, 10 * i, 90)
    return Image.fromarray(arr)


def _write_ab(root, splits=("train", "val"), n=6, **size):
    for split in splits:
        (root / split).mkdir(parents=True)
        for i in range(n):
            _ab_image(i, **size).save(root / split / f"{i}.png")
    return root


def _write_cycle(root, n_a=5, n_b=7, folders=("trainA", "trainB")):
    for folder, n, colour, shape in zip(folders, (n_a, n_b), ((200, 40, 40), (40, 40, 200)), ((30, 40), (50, 20)), strict=False):
        (root / folder).mkdir(parents=True)
        for i in range(n):
            Image.fromarray(np.full((*shape, 3), colour, np.uint8)).save(root / folder / f"{i}.jpg")
    return root


def _zip(src, archive, extra=()):
    with zipfile.ZipFile(archive, "w") as zf:
        for p in sorted(src.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(src.parent).as_posix())  # the public zips hold one top folder
        for name, data in extra:
            zf.writestr(name, data)
    return archive


@pytest.fixture
def no_leftovers():
    before = set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*"))
    yield
    assert set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*")) == before  # nothing extracted is left behind


def test_pix2pix_ab_folder_and_zip(tmp_path, no_leftovers):
    src = _write_ab(tmp_path / "facades")
    for path in (src, _zip(src, tmp_path / "facades.zip")):
        assert pair_layout(path) == "ab"
        d = load_pairs(path, DataRequest(image_size=16))
        assert d.kind == "paired" and d.a.shape == d.b.shape == (6, 3, 16, 16) and d.domains == ("A", "B")
        a, b = _u8(d.a), _u8(d.b)
        for i in range(6):  # left half -> A, right half -> B, in step
            assert np.abs(a[i].astype(int) - (10 * i, 200, 30)).max() <= 1
            assert np.abs(b[i].astype(int) - (250, 10 * i, 90)).max() <= 1
        assert len(load_pairs(path, DataRequest(image_size=8), split="val")) == 6
        summary = check_pair_set(path)
        assert summary.layout == "ab" and summary.paired and summary.counts == {"train": 6, "val": 6}
    capped = load_pairs(src, DataRequest(image_size=8, max_items=4, channels=1))
    assert capped.a.shape == capped.b.shape == (4, 1, 8, 8)


def test_cyclegan_folder_and_zip(tmp_path, no_leftovers):
    src = _write_cycle(tmp_path / "horse2zebra")
    for path in (src, _zip(src, tmp_path / "horse2zebra.zip")):
        assert pair_layout(path) == "cyclegan"
        d = load_pairs(path, DataRequest(image_size=16))
        # images of different shapes on each side come out the same size
        assert d.kind == "unpaired" and d.a.shape == (5, 3, 16, 16) and d.b.shape == (7, 3, 16, 16)
        assert d.domains == ("horse", "zebra")
        assert d.a[:, 0].mean() > d.a[:, 2].mean() and d.b[:, 2].mean() > d.b[:, 0].mean()  # trainA red, trainB blue
        summary = check_pair_set(path)
        assert summary.layout == "cyclegan" and not summary.paired and summary.counts == {"trainA": 5, "trainB": 7}
    with pytest.raises(DataError, match=r"horse2zebra: has no testA/ folder"):
        load_pairs(src, DataRequest(image_size=8), split="test")


def _refused(path, pattern, tmp_path, check=True):
    for call in ((lambda: load_pairs(path, DataRequest(image_size=8))), (lambda: check_pair_set(path)) if check else None):
        if call is None:
            continue
        with pytest.raises(DataError, match=pattern) as info:
            call()
        message = str(info.value)
        assert "\n" not in message and str(tmp_path) not in message and "ganstudio-zip" not in message
    return message


def test_bad_layouts_are_refused_in_one_line(tmp_path, no_leftovers):
    odd = _write_ab(tmp_path / "odd", splits=("train",))
    _ab_image(9, w=65).save(odd / "train" / "0.png")
    _refused(odd, r"^odd: train/0\.png is 65 pixels wide, an odd width", tmp_path)
    _refused(_zip(odd, tmp_path / "odd.zip"), r"^odd\.zip: train/0\.png is 65 pixels wide", tmp_path)

    wide = _write_ab(tmp_path / "wide", splits=("train",), w=80, h=30)
    _refused(wide, r"^wide: train/0\.png is 80x30: a Pix2Pix image holds two square halves", tmp_path)

    lonely = _write_cycle(tmp_path / "lonely", folders=("trainA",))
    _refused(lonely, r"^lonely: has trainA/ but no trainB/", tmp_path)
    _refused(_zip(lonely, tmp_path / "lonely.zip"), r"^lonely\.zip: has trainA/ but no trainB/", tmp_path)

    (tmp_path / "empty").mkdir()
    _refused(tmp_path / "empty", r"^empty: expected Pix2Pix's train/ folder .* or CycleGAN's trainA/ and trainB/ folders; "
             "found no folders", tmp_path)
    (tmp_path / "photos" / "cats").mkdir(parents=True)
    (tmp_path / "photos" / "dogs").mkdir()
    _refused(tmp_path / "photos", r"found cats/, dogs/", tmp_path)

    few = _write_cycle(tmp_path / "few", n_a=2)
    _refused(few, r"^few: trainA/ holds 2 images, need at least 4", tmp_path)

    broken = _write_ab(tmp_path / "broken", splits=("train",))
    (broken / "train" / "1.png").write_bytes(b"not an image")
    _refused(broken, r"^broken: train/1\.png: not a PNG", tmp_path)

    escape = _zip(_write_ab(tmp_path / "escape", splits=("train",)), tmp_path / "escape.zip", [("../evil.png", b"x")])
    _refused(escape, r"^escape\.zip: zip member '\.\./evil\.png' would be written outside the extraction folder", tmp_path)

    with pytest.raises(DataError, match="not 'dev'"):
        load_pairs(_write_ab(tmp_path / "splits", splits=("train",)), DataRequest(), split="dev")
    with pytest.raises(DataError, match=r"^\S+: expected"):
        pair_layout(tmp_path / "empty")


def test_every_pair_image_header_is_checked_at_upload_not_only_the_first(tmp_path, no_leftovers):
    """Issue 13: only the first 8 images were opened; a bad 21st image passed the check and failed the job later."""
    from hostile import png_header

    late = _write_ab(tmp_path / "late", splits=("train",), n=20)
    (late / "train" / "zz-huge.png").write_bytes(png_header(30000, 30000))
    with pytest.raises(DataError, match=r"^late\.zip: train/zz-huge\.png: image is too large"):
        check_pair_set(_zip(late, tmp_path / "late.zip"))
    (late / "train" / "zz-huge.png").unlink()
    _ab_image(0, w=80, h=30).save(late / "train" / "zz-wide.png")  # the AB layout's own rule, on a late image too
    _refused(_zip(late, tmp_path / "wide.zip"), r"^wide\.zip: train/zz-wide\.png is 80x30", tmp_path)
