"""Frequency analysis of images: the centred log-magnitude FFT, its radial profile, and the mean spectra of sets.

Up-sampling layers (transposed convolutions, nearest-neighbour up-sampling) leave periodic traces that
show as peaks or a raised tail at high frequencies of the azimuthally averaged power spectrum (Durall et
al. 2020, "Watch your up-convolution"; Frank et al. 2020). Every function returns numpy arrays a page
can plot; the torch functions are what the spectrum-fed detector computes inside its forward pass.

Conventions: images are reduced to grey (ITU-R 601 luma) and their mean is removed (the DC term would
dwarf the rest); frequencies are normalised so that 1 is the Nyquist frequency along an axis (half
the sampling rate); the radial profile goes on to the corners (up to sqrt(2)), where the checkerboard of
a transposed convolution sits, and the zero frequency is left out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from PIL import Image

EPS = 1e-10
LUMA = (0.299, 0.587, 0.114)


# ---------------------------------------------------------------------------------------------- torch core


def grey_t(x: torch.Tensor) -> torch.Tensor:
    """(N,C,H,W) or (C,H,W) images -> (N,H,W) grey (C is 1 or 3)."""
    if x.dim() == 3:
        x = x[None]
    if x.dim() != 4 or x.shape[1] not in (1, 3):
        raise ValueError(f"expected (N,C,H,W) images with 1 or 3 channels, got shape {tuple(x.shape)}")
    x = x.float()
    if x.shape[1] == 1:
        return x[:, 0]
    return LUMA[0] * x[:, 0] + LUMA[1] * x[:, 1] + LUMA[2] * x[:, 2]


def log_spectrum_t(grey: torch.Tensor) -> torch.Tensor:
    """(N,H,W) grey -> (N,H,W) centred natural-log magnitude of the 2-D FFT (amplitude per pixel, mean removed)."""
    x = grey.float() - grey.float().mean((-2, -1), keepdim=True)
    f = torch.fft.fftshift(torch.fft.fft2(x, norm="ortho"), dim=(-2, -1))
    return torch.log(f.abs() + 1e-5)


@functools.lru_cache(maxsize=32)
def _radial_bins(h: int, w: int) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Bin of each (centred) frequency, the count of each bin, and the number of bins: radii from 1 step of the shorter
    side's frequency out to the far corner (the zero frequency, removed with the mean, goes to an overflow bin)."""
    half = min(h, w) // 2
    fy = (torch.arange(h) - h // 2) / (h / 2)
    fx = (torch.arange(w) - w // 2) / (w / 2)
    r = (torch.sqrt(fy[:, None] ** 2 + fx[None, :] ** 2) * half).round().long().flatten()
    n_bins = int(r.max())
    idx = torch.where(r >= 1, r - 1, torch.full_like(r, n_bins))
    counts = torch.bincount(idx, minlength=n_bins + 1)[:n_bins].clamp_min(1)
    return idx, counts, n_bins


def profile_bins(image_size: int) -> int:
    """How many values radial_profile_t returns for a square image of this side."""
    return _radial_bins(image_size, image_size)[2]


def radial_profile_t(grey: torch.Tensor) -> torch.Tensor:
    """(N,H,W) grey -> (N,K) azimuthally averaged power spectrum in decibels, from the lowest frequency to the corners."""
    x = grey.float() - grey.float().mean((-2, -1), keepdim=True)
    power = torch.fft.fftshift(torch.fft.fft2(x, norm="ortho"), dim=(-2, -1)).abs() ** 2
    n, h, w = power.shape
    idx, counts, n_bins = _radial_bins(h, w)
    idx, counts = idx.to(power.device), counts.to(power.device)
    sums = torch.zeros(n, n_bins + 1, device=power.device, dtype=power.dtype)
    sums.index_add_(1, idx, power.reshape(n, -1))
    return 10 * torch.log10(sums[:, :n_bins] / counts + EPS)


def frequencies(h: int, w: int | None = None) -> np.ndarray:
    """The normalised frequency of each radial-profile value: the first is one cycle per (shorter) image side, 1 is
    the Nyquist frequency along an axis, and the values beyond 1 (up to about 1.41) come from the diagonal corners."""
    return np.arange(1, _radial_bins(h, w or h)[2] + 1) / (min(h, w or h) // 2)


# ------------------------------------------------------------------------------------------- numpy face


def as_batch(images: Any) -> torch.Tensor:
    """Images as an (N,C,H,W) float tensor in [-1, 1].

    Accepts a torch tensor (N,C,H,W) or (C,H,W) in [-1, 1] (the engine's convention), a PIL image, a uint8
    numpy array (H,W) or (H,W,C) as pages hold pictures, or a list of the latter two of one size.
    """
    if isinstance(images, torch.Tensor):
        return images[None].float() if images.dim() == 3 else images.float()
    if isinstance(images, Image.Image):
        images = np.asarray(images.convert("RGB") if images.mode not in ("L", "RGB") else images)
    if isinstance(images, np.ndarray):
        images = [images]
    if not isinstance(images, (list, tuple)) or not images:
        raise ValueError("give images as a tensor, a PIL image, a uint8 array or a list of them")
    arrays = [np.asarray(i.convert("RGB") if isinstance(i, Image.Image) and i.mode not in ("L", "RGB") else i)
              for i in images]
    shapes = {a.shape[:2] for a in arrays}
    if len(shapes) != 1:
        raise ValueError("images of a set must share one size")
    out = []
    for a in arrays:
        if a.ndim == 2:
            a = a[..., None]
        if a.ndim != 3 or a.shape[-1] not in (1, 3, 4):
            raise ValueError(f"an image array must be HxW or HxWxC, got shape {a.shape}")
        a = a[..., :3]
        scale = 255.0 if a.dtype == np.uint8 else 1.0
        out.append(torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32) / scale).permute(2, 0, 1) * 2 - 1)
    if len({t.shape[0] for t in out}) != 1:
        out = [t.expand(3, -1, -1) if t.shape[0] == 1 else t for t in out]
    return torch.stack(out)


def log_spectrum(image: Any) -> np.ndarray:
    """The centred log-magnitude FFT of one image (grey) as an HxW float array (the centre is frequency 0)."""
    return log_spectrum_t(grey_t(as_batch(image)))[0].numpy()


def radial_profile(image: Any) -> tuple[np.ndarray, np.ndarray]:
    """(normalised frequencies, power in dB) of one image: its azimuthally averaged power spectrum."""
    x = as_batch(image)
    return frequencies(x.shape[-2], x.shape[-1]), radial_profile_t(grey_t(x))[0].numpy()


@dataclass(frozen=True)
class SetSpectrum:
    """The mean spectra of a set of images of one size."""

    freqs: np.ndarray  # (K,) normalised frequency, 1 = Nyquist
    profile: np.ndarray  # (K,) mean radial power in dB
    profile_std: np.ndarray  # (K,) its spread across the set
    log_spectrum: np.ndarray  # (H,W) mean centred log-magnitude
    count: int


def set_spectrum(images: Any, batch: int = 256) -> SetSpectrum:
    """Mean radial profile (dB) and mean 2-D log spectrum of a set of images (see as_batch for what is accepted)."""
    x = as_batch(images)
    profiles, spectra = [], torch.zeros(x.shape[-2:])
    for i in range(0, len(x), batch):
        g = grey_t(x[i : i + batch])
        profiles.append(radial_profile_t(g))
        spectra += log_spectrum_t(g).sum(0)
    p = torch.cat(profiles)
    return SetSpectrum(frequencies(x.shape[-2], x.shape[-1]), p.mean(0).numpy(), p.std(0, unbiased=False).numpy(),
                       (spectra / len(x)).numpy(), len(x))


@dataclass(frozen=True)
class SpectrumComparison:
    """Real against generated: mean radial profiles (dB) on one frequency axis, and mean 2-D log spectra."""

    real: SetSpectrum
    fake: SetSpectrum

    @property
    def freqs(self) -> np.ndarray:
        return self.real.freqs

    @property
    def difference(self) -> np.ndarray:
        """Generated minus real, in dB, per frequency (peaks at high frequency: up-sampling artefacts)."""
        return self.fake.profile - self.real.profile

    def high_frequency_gap(self, above: float = 0.5) -> float:
        """Mean dB difference (generated - real) over frequencies above `above` x Nyquist."""
        band = self.freqs > above
        return float(self.difference[band].mean()) if band.any() else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain lists for JSON or a Plotly figure."""
        return {"freqs": self.freqs.tolist(), "real": self.real.profile.tolist(), "fake": self.fake.profile.tolist(),
                "real_std": self.real.profile_std.tolist(), "fake_std": self.fake.profile_std.tolist(),
                "difference": self.difference.tolist(), "real_count": self.real.count, "fake_count": self.fake.count,
                "high_frequency_gap_db": round(self.high_frequency_gap(), 3)}


def compare_spectra(real: Any, fake: Any) -> SpectrumComparison:
    """Mean spectra of a set of real and a set of generated images (both the same size: resizing changes spectra)."""
    r, f = as_batch(real), as_batch(fake)
    if r.shape[-2:] != f.shape[-2:]:
        raise ValueError(f"real images are {r.shape[-1]}x{r.shape[-2]}, generated ones {f.shape[-1]}x{f.shape[-2]}: "
                         f"compare spectra of one size")
    return SpectrumComparison(set_spectrum(r), set_spectrum(f))


def generator_spectra(pipeline: Any, n: int = 256, seed: int = 0) -> SpectrumComparison:
    """A generator's samples (a SamplePipeline) against real images of the set it learned, at its own size."""
    from ..data import DATASETS, DataRequest, load_data  # data builds on models, which import this module
    from ..data.base import fit_images

    card = pipeline.card
    if card.spec.makes_points:
        raise ValueError("this generator makes 2-D points, not images")
    if card.data not in DATASETS:  # a card is the file's word: never read a server path it names
        raise ValueError(f"its real images ({card.data[:60]!r}) are not a data set of this server")
    real = load_data(card.data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed, max_items=n))
    fake = fit_images(pipeline(n, seed).float(), card.image_size, card.channels)
    return compare_spectra(real.x[:n], fake)
