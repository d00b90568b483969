"""Telling generated images from real ones: spectra, distortions, the detector's held-out sets, robustness sweeps,
and an optional invisible watermark.

The spectrum and distortion modules need only numpy, torch and Pillow (the detector network computes its
spectrum with them, so the model registry imports this package); the rest, which builds on pipelines and
data sets, loads on first use.
"""

from __future__ import annotations

import importlib

from .distort import DISTORTIONS, Distortion, augment, blur, jpeg, noise, quantise, rescale
from .spectrum import (
    SetSpectrum,
    SpectrumComparison,
    compare_spectra,
    frequencies,
    generator_spectra,
    log_spectrum,
    radial_profile,
    set_spectrum,
)

_LAZY = {
    "HeldOut": "sets", "held_out_set": "sets", "resolve_generator": "sets", "load_generators": "sets",
    "Curve": "robustness", "RobustnessReport": "robustness", "robustness_sweep": "robustness",
    "detector_robustness": "robustness", "accuracy": "robustness",
    "Watermark": "watermark", "embed_watermark": "watermark", "detect_watermark": "watermark",
    "watermark_robustness": "watermark",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'ganengine.detect' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DISTORTIONS", "Distortion", "SetSpectrum", "SpectrumComparison", "augment", "blur", "compare_spectra", "frequencies",
    "generator_spectra", "jpeg", "log_spectrum", "noise", "quantise", "radial_profile", "rescale", "set_spectrum",
    *_LAZY,
]
