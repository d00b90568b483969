"""Safe reading of users' images and zips, and PNG writing with provenance text chunks."""

from __future__ import annotations

import io
import shutil
import stat
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, PngImagePlugin

from .atomic import write_atomic
from .errors import UserError
from .settings import storage_settings
from .storage import scratch_dir

ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "BMP", "GIF")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
MAX_PIXELS = 16_000_000
MAX_IMAGE_BYTES = 25 * 2**20


class ImageInputError(UserError, ValueError):
    """A user-supplied image or archive was refused; the message says why in one line."""


def open_image(source: bytes | str | Path, mode: str = "RGB", max_pixels: int = MAX_PIXELS,
               single_frame: bool = False) -> Image.Image:
    """Open, fully decode and normalise one untrusted image to RGB or L (uint8).

    An animated GIF, PNG or WebP gives its first frame, or is refused with single_frame=True.
    """
    if mode not in ("RGB", "L"):
        raise ValueError("mode must be RGB or L")
    img = _checked(source, max_pixels, single_frame, decode=True)
    img = to_8bit(ImageOps.exif_transpose(img))
    if img.mode in ("RGBA", "LA", "P", "PA") and mode == "RGB":
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    return img.convert(mode)


def check_image(source: bytes | str | Path, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """(width, height) of an untrusted image from its header alone (format, byte size and pixel count checked).

    Cheap enough for every member of an upload: what open_image would refuse for its size or kind is refused here.
    """
    with _checked(source, max_pixels, single_frame=False, decode=False) as img:
        return img.size


def _checked(source: bytes | str | Path, max_pixels: int, single_frame: bool, decode: bool) -> Image.Image:
    """The image opened under the project's rules (formats, bytes, pixels, frames), decoded when `decode`."""
    if isinstance(source, bytes):
        if len(source) > MAX_IMAGE_BYTES:
            raise ImageInputError(f"image is larger than {MAX_IMAGE_BYTES // 2**20} MB")
        fp: io.BytesIO | Path = io.BytesIO(source)
        label = "uploaded image"
    else:
        fp = Path(source)
        label = fp.name
        if fp.stat().st_size > MAX_IMAGE_BYTES:
            raise ImageInputError(f"{label}: file is larger than {MAX_IMAGE_BYTES // 2**20} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(fp, formats=ALLOWED_FORMATS)
            w, h = img.size
            if w * h > max_pixels:
                raise ImageInputError(f"{label}: {w}x{h} pixels is over the limit of {max_pixels:,}")
            if single_frame and getattr(img, "is_animated", False):
                raise ImageInputError(f"{label}: an animated image (several frames); give one still image")
            if decode:
                img.load()
    except ImageInputError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageInputError(f"{label}: image is too large (decompression bomb guard)") from None
    except Image.UnidentifiedImageError:
        raise ImageInputError(f"{label}: not a PNG, JPEG, WebP, BMP or GIF image") from None
    except Exception as exc:  # Pillow raises many types for broken files; their messages name no user data
        raise ImageInputError(f"{label}: the image is damaged or cut short ({type(exc).__name__})") from None
    return img


def to_8bit(img: Image.Image) -> Image.Image:
    """16- and 32-bit grey (modes I;16*, I) scaled to 8-bit L by their top byte; Pillow's convert would clip at 255."""
    if not img.mode.startswith("I"):
        return img
    return Image.fromarray((np.asarray(img).astype(np.int64).clip(0, 65535) >> 8).astype(np.uint8))


def save_png(image: Image.Image | np.ndarray, path: str | Path, provenance: dict[str, str] | None = None) -> Path:
    """Write a PNG carrying provenance text chunks (software, model, seed...), atomically."""
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = png_bytes(image, provenance)
    return write_atomic(path, lambda tmp: tmp.write_bytes(data))


def png_bytes(image: Image.Image | np.ndarray, provenance: dict[str, str] | None = None) -> bytes:
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    info = PngImagePlugin.PngInfo()
    for key, value in {"Software": "GAN Studio (ganengine)", **(provenance or {})}.items():
        if value is not None and str(value) not in ("", "None"):  # only what is known
            info.add_text(str(key), str(value))
    buf = io.BytesIO()
    image.save(buf, format="PNG", pnginfo=info)
    return buf.getvalue()


def read_provenance(source: bytes | str | Path) -> dict[str, str]:
    """The PNG text chunks of an image (empty for other formats)."""
    try:
        img = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source, formats=("PNG",))
    except Image.UnidentifiedImageError:
        return {}
    return {k: str(v) for k, v in getattr(img, "text", {}).items()}


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 50_000
    max_total_bytes: int = 512 * 2**20  # the operator's GANSTUDIO_ZIP_EXPANDED_MB (`server_zip_limits`)
    max_member_bytes: int = MAX_IMAGE_BYTES
    max_ratio: float = 200.0  # one member's expanded / compressed size
    max_total_ratio: float = 20.0  # the whole archive's (images are compressed already: a real set is near 1)
    min_total_allowance: int = 64 * 2**20  # what any archive may expand to whatever its ratio


def server_zip_limits() -> ZipLimits:
    """The zip limits with the operator's cap on what one archive may expand to."""
    return ZipLimits(max_total_bytes=storage_settings().zip_expanded_bytes)


def safe_extract_zip(archive: str | Path, dest: str | Path, limits: ZipLimits = ZipLimits()) -> list[Path]:
    """Extract image members of an untrusted zip into dest, refusing anything suspicious.

    Sizes are counted while streaming (headers lie); links, nested archives and paths that
    would leave dest are refused; non-image members are skipped.
    """
    dest = Path(dest).resolve()
    written: list[Path] = []
    total = 0
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImageInputError(f"not a readable zip archive ({exc})") from None
    with zf:
        members = zf.infolist()
        if len(members) > limits.max_members:
            raise ImageInputError(f"zip has {len(members):,} members, over the limit of {limits.max_members:,}")
        cap = min(limits.max_total_bytes, max(limits.min_total_allowance,
                                              int(limits.max_total_ratio * Path(archive).stat().st_size)))
        declared = sum(i.file_size for i in members if i.filename.lower().endswith(IMAGE_SUFFIXES))
        if declared > cap:  # honest headers: refused before a byte is written; lying ones are caught while streaming
            raise ImageInputError(f"zip would expand to {declared / 2**20:,.0f} MB, over its limit of "
                                  f"{cap / 2**20:,.0f} MB")
        for info in members:
            name = info.filename
            if info.is_dir() or name.startswith("__MACOSX/") or Path(name).name.startswith("."):
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ImageInputError(f"zip member {name!r} is a symbolic link")
            if name.lower().endswith((".zip", ".tar", ".gz", ".tgz", ".7z", ".rar")):
                raise ImageInputError(f"zip member {name!r} is a nested archive")
            if not name.lower().endswith(IMAGE_SUFFIXES):
                continue
            target = (dest / name).resolve()
            if not target.is_relative_to(dest) or target == dest:
                raise ImageInputError(f"zip member {name!r} would be written outside the extraction folder")
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                out = open(target, "wb")  # noqa: SIM115 (closed by the with below)
            except OSError as exc:
                raise ImageInputError(f"zip member {name!r} cannot be written ({exc.strerror})") from None
            size = 0
            try:
                with zf.open(info) as src, out:
                    while chunk := src.read(1 << 16):
                        size += len(chunk)
                        total += len(chunk)
                        if size > limits.max_member_bytes:
                            raise ImageInputError(f"zip member {name!r} expands past {limits.max_member_bytes // 2**20} MB")
                        if total > cap:
                            raise ImageInputError(f"zip expands past its limit of {cap / 2**20:,.0f} MB")
                        if info.compress_size and size / max(info.compress_size, 1) > limits.max_ratio:
                            raise ImageInputError(f"zip member {name!r} has a suspicious compression ratio")
                        out.write(chunk)
            except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as exc:  # lying sizes, bad CRC, ...
                raise ImageInputError(f"zip member {name!r} is damaged ({exc.__class__.__name__})") from None
            written.append(target)
    return written


def extract_to_tempdir(archive: str | Path, limits: ZipLimits | None = None) -> Path:
    """Extract a zip into a fresh private folder of the server's temporary area and return it (the caller removes it;
    what a killed process leaves is removed when the server next starts)."""
    folder = scratch_dir("zip-")
    limits = limits or server_zip_limits()
    try:
        safe_extract_zip(archive, folder, limits)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def list_images(folder: str | Path) -> Iterable[Path]:
    """Image files below folder, sorted, never following links out of it."""
    root = Path(folder).resolve()
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        yield path
