"""Hostile inputs: bombs, lies, links and escapes are refused with one clear line."""

import io
import os
import stat
import zipfile

import numpy as np
import pytest
from PIL import Image

from ganengine.imageio import ImageInputError, ZipLimits, open_image, png_bytes, read_provenance, safe_extract_zip


def _png(w=8, h=8, mode="RGB") -> bytes:
    buf = io.BytesIO()
    Image.new(mode, (w, h)).save(buf, format="PNG")
    return buf.getvalue()


def test_modes_are_normalised():
    assert open_image(_png(mode="RGBA")).mode == "RGB"
    assert open_image(_png(mode="L"), mode="L").mode == "L"
    assert open_image(_png(mode="P")).mode == "RGB"


def test_pixel_cap():
    with pytest.raises(ImageInputError, match="over the limit"):
        open_image(_png(300, 300), max_pixels=10_000)


def test_not_an_image_and_disallowed_format():
    with pytest.raises(ImageInputError, match="not a PNG, JPEG") as refused:
        open_image(b"hello")
    assert "BytesIO" not in str(refused.value)  # the message names the file, never Python objects
    buf = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buf, format="TIFF")
    with pytest.raises(ImageInputError, match="not a PNG, JPEG"):
        open_image(buf.getvalue())


def test_truncated_image_is_caught():
    data = _png(64, 64)
    with pytest.raises(ImageInputError, match="damaged or cut short"):
        open_image(data[: len(data) // 2])


def test_exif_orientation_applied():
    img = Image.new("RGB", (20, 10))
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90 degrees
    buf = io.BytesIO()
    img.save(buf, format="JPEG", exif=exif)
    assert open_image(buf.getvalue()).size == (10, 20)


def test_provenance_round_trip():
    data = png_bytes(np.zeros((4, 4, 3), np.uint8), {"model": "m.safetensors", "seed": "7", "truncation": None, "class": ""})
    assert read_provenance(data) == {"Software": "GAN Studio (ganengine)", "model": "m.safetensors", "seed": "7"}  # unknowns left out


def _zip(tmp_path, members):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, data)
    return path


def test_zip_slip_is_refused(tmp_path):
    path = _zip(tmp_path, [("../evil.png", _png())])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ImageInputError, match="outside the extraction folder"):
        safe_extract_zip(path, out)
    assert not (tmp_path / "evil.png").exists()


def test_zip_symlink_is_refused(tmp_path):
    info = zipfile.ZipInfo("link.png")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = _zip(tmp_path, [(info, "/etc/passwd")])
    with pytest.raises(ImageInputError, match="symbolic link"):
        safe_extract_zip(path, tmp_path / "out")


def test_zip_bomb_ratio_and_member_cap(tmp_path):
    path = _zip(tmp_path, [("big.png", b"\0" * 5_000_000)])
    with pytest.raises(ImageInputError, match="compression ratio"):
        safe_extract_zip(path, tmp_path / "out")
    many = _zip(tmp_path, [(f"{i}.png", _png()) for i in range(5)])
    with pytest.raises(ImageInputError, match="members"):
        safe_extract_zip(many, tmp_path / "out2", ZipLimits(max_members=3))


def test_nested_archive_refused_and_non_images_skipped(tmp_path):
    path = _zip(tmp_path, [("inner.zip", b"PK"), ("ok.png", _png())])
    with pytest.raises(ImageInputError, match="nested archive"):
        safe_extract_zip(path, tmp_path / "out")
    path = _zip(tmp_path, [("notes.txt", b"hi"), ("ok.png", _png())])
    out = tmp_path / "out3"
    written = safe_extract_zip(path, out)
    assert [p.name for p in written] == ["ok.png"] and os.listdir(out) == ["ok.png"]


def test_not_a_zip(tmp_path):
    bad = tmp_path / "x.zip"
    bad.write_bytes(b"nope")
    with pytest.raises(ImageInputError, match="not a readable zip"):
        safe_extract_zip(bad, tmp_path / "o")


def test_refused_zip_leaves_no_temporary_folder(tmp_path):
    import tempfile
    from pathlib import Path

    from ganengine.imageio import extract_to_tempdir

    before = set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*"))
    path = _zip(tmp_path, [("ok.png", _png()), ("../evil.png", _png())])
    with pytest.raises(ImageInputError):
        extract_to_tempdir(path)
    assert set(Path(tempfile.gettempdir()).glob("ganstudio-zip-*")) == before


def test_file_and_folder_of_the_same_name_is_a_clear_error(tmp_path):
    path = _zip(tmp_path, [("a.png", _png()), ("a.png/b.png", _png())])
    with pytest.raises(ImageInputError, match="cannot be written"):
        safe_extract_zip(path, tmp_path / "out")


def test_a_16_bit_grey_gradient_is_scaled_to_8_bits_not_clipped_white():
    """Issue 13: `convert` clipped 16-bit values at 255, so a gradient came out 99.6 % white."""
    ramp = np.linspace(0, 65535, 256).round().astype(np.uint16)[None].repeat(8, 0)
    buf = io.BytesIO()
    Image.fromarray(ramp).save(buf, format="PNG")
    assert Image.open(io.BytesIO(buf.getvalue())).mode == "I;16"
    for mode in ("L", "RGB"):
        out = np.asarray(open_image(buf.getvalue(), mode=mode)).astype(int)
        row = out[0] if mode == "L" else out[0, :, 0]
        assert row[0] == 0 and row[-1] == 255 and (np.diff(row) >= 0).all()
        assert (out == 255).mean() < 0.01 and abs(out.mean() - 127.5) < 1
        assert np.abs(row - np.arange(256)).max() <= 1  # 16-bit v becomes v >> 8: the ramp stays a ramp


def test_an_image_header_is_checked_without_decoding_it():
    from hostile import png_header

    from ganengine.imageio import check_image

    assert check_image(_png(40, 30)) == (40, 30)
    with pytest.raises(ImageInputError, match=r"image is too large \(decompression bomb guard\)"):
        check_image(png_header(30000, 30000))  # 900 million pixels announced in a few dozen bytes
    with pytest.raises(ImageInputError, match="not a PNG"):
        check_image(b"GIF? no, text")
