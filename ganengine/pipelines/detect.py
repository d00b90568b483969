"""Is this image generated? A detector checkpoint (task detector) scores an image of any size, and the file's own
claims are read beside the score: PNG provenance chunks and a photo's EXIF fields.

Neither kind of evidence settles it alone: the score is a small model's guess within what it was trained on,
and metadata is trivially stripped or forged.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import torch
from PIL import ExifTags, Image

from ..data.base import fit_images
from ..imageio import ALLOWED_FORMATS, open_image, read_provenance
from .base import Pipeline

BATCH = 512
DEFAULT_THRESHOLD = 0.5
METADATA_NOTE = ("Provenance chunks and EXIF fields are easy to strip, edit or forge: finding them, or not finding "
                 "them, proves nothing alone.")
MAX_FIELDS = 32
MAX_VALUE = 200
#: EXIF fields worth showing (base IFD and the Exif sub-IFD); serial numbers and maker notes are left out.
EXIF_FIELDS = ("Make", "Model", "Software", "DateTime", "Artist", "Copyright", "ImageDescription", "HostComputer")
EXIF_SUB_FIELDS = ("DateTimeOriginal", "LensModel", "ExposureTime", "FNumber", "ISOSpeedRatings", "FocalLength",
                   "UserComment")
_TAG = {name: tag for tag, name in ExifTags.TAGS.items()}


def _text(value: Any) -> str:
    """A metadata value as short printable text (it comes from the file: never trust, never render)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = "".join(ch if ch.isprintable() else " " for ch in str(value)).strip()
    return text[:MAX_VALUE] + ("…" if len(text) > MAX_VALUE else "")


def _cap(fields: dict[str, str]) -> dict[str, str]:
    return {_text(k)[:60]: _text(v) for k, v in list(fields.items())[:MAX_FIELDS]}


def read_exif(data: bytes) -> dict[str, str]:
    """A readable subset of a photo's EXIF fields (camera, software, dates; whether GPS data is present, never where).

    Best effort: a file whose EXIF cannot be read gives {}. Call only on bytes open_image accepted.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            exif = img.getexif()
            out = {name: exif[_TAG[name]] for name in EXIF_FIELDS if _TAG[name] in exif}
            sub = exif.get_ifd(ExifTags.IFD.Exif)
            out.update({name: sub[_TAG[name]] for name in EXIF_SUB_FIELDS if _TAG[name] in sub})
            if exif.get_ifd(ExifTags.IFD.GPSInfo) or _TAG["GPSInfo"] in exif:
                out["GPSInfo"] = "present (the location is not shown here)"
    except Exception:  # EXIF is the file's word, and often broken: never fail a detection over it
        return {}
    return _cap(out)


@dataclass(frozen=True)
class Detection:
    """What the detector and the file's metadata say about one image."""

    name: str
    probability: float  # that the image is generated, by the detector
    verdict: str  # "generated" or "real", at the threshold
    threshold: float
    size: tuple[int, int]  # the image's (width, height) as given
    provenance: dict[str, str] = field(default_factory=dict)  # PNG text chunks
    exif: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "probability_generated": round(self.probability, 4), "verdict": self.verdict,
                "threshold": self.threshold, "width": self.size[0], "height": self.size[1],
                "provenance": dict(self.provenance), "exif": dict(self.exif), "notes": list(self.notes)}


@dataclass(frozen=True)
class DetectPipeline(Pipeline):
    """images (any size, grey or RGB) -> probability that each is generated."""

    tasks: ClassVar[tuple[str, ...]] = ("detector",)
    role: ClassVar[str] = "detector"

    @property
    def threshold(self) -> float:
        """The probability above which the verdict is "generated" (the card's, else 0.5)."""
        t = self.card.metrics.get("threshold", DEFAULT_THRESHOLD)
        return float(t) if isinstance(t, (int, float)) and not isinstance(t, bool) and 0 < t < 1 else DEFAULT_THRESHOLD

    @property
    def generators_seen(self) -> list[str]:
        seen = self.card.metrics.get("generators_seen", [])
        return [_text(s) for s in seen] if isinstance(seen, list) else []

    def fit(self, images: torch.Tensor) -> torch.Tensor:
        """(N,C,H,W) images in [-1, 1] resized and converted to the detector's input."""
        return fit_images(images.float(), self.card.image_size, self.card.channels)

    @torch.no_grad()
    def __call__(self, images: torch.Tensor) -> torch.Tensor:
        """Probability that each image (N,C,H,W in [-1, 1]) is generated, on the CPU."""
        x = self.fit(images)
        return torch.cat([self.model(x[i : i + BATCH].to(self.device)).float().sigmoid().cpu()
                          for i in range(0, len(x), BATCH)])

    def domain_note(self) -> str:
        """What the score can be trusted for, in one sentence."""
        gens = ", ".join(self.generators_seen) or "some generators"
        return (f"This detector learned {self.card.data[:60]} images at {self.card.image_size}x{self.card.image_size} "
                f"against {gens}; other kinds of images and other generators are outside what it knows.")

    def detect(self, source: bytes | str | Path, name: str | None = None, threshold: float | None = None) -> Detection:
        """Score one untrusted image file (path or bytes) and read its metadata; ImageInputError if it is refused.

        threshold: the probability above which the verdict is "generated" (default: the card's)."""
        mode = "L" if self.card.channels == 1 else "RGB"
        img = open_image(source, mode=mode, single_frame=True)
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        label = name or ("uploaded image" if isinstance(source, bytes) else Path(source).name)
        side = self.card.image_size
        notes = [self.domain_note()]
        if img.size != (side, side):
            notes.append(f"The image is {img.size[0]}x{img.size[1]}; it was resized to {side}x{side} first, which "
                         f"also wipes out much of the fine detail the detector looks at.")
            small = img.resize((side, side), Image.Resampling.BILINEAR)
        else:
            small = img
        arr = np.asarray(small, dtype=np.float32)
        x = torch.from_numpy(arr[..., None] if arr.ndim == 2 else arr).permute(2, 0, 1)[None] / 127.5 - 1
        p = float(self(x)[0])
        try:
            provenance = _cap(read_provenance(data))
        except Exception:  # a PNG whose text chunks are broken: no claims read
            provenance = {}
        exif = read_exif(data)
        if provenance.get("Software", "").startswith("GAN Studio"):
            notes.append("Its PNG chunks say GAN Studio wrote it: a claim anyone can write into a file.")
        notes.append(METADATA_NOTE)
        t = self.threshold if threshold is None else float(threshold)
        return Detection(label, p, "generated" if p > t else "real", t, img.size, provenance, exif, tuple(notes))

