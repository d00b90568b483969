"""How a detector holds up: its accuracy on a fixed held-out set (real + generated) as JPEG quality falls and
resizing, blur and noise grow, and on generators it never saw. Curves come back as plain lists for a chart.

Accuracy here is balanced: the mean of the share of real images called real and the share of generated images
called generated, so a detector that calls everything "real" scores 0.5, not the share of real images.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from .distort import DISTORTIONS
from .sets import HELD_OUT_FAKES, HeldOut, held_out_set

#: images (N,C,H,W in [-1, 1]) -> probability that each is generated (N,)
Predictor = Callable[[torch.Tensor], torch.Tensor]


def accuracy(predict: Predictor, images: torch.Tensor, label: int, threshold: float = 0.5) -> float:
    """Share of images called `label` (0 real, 1 generated) at the threshold."""
    if len(images) == 0:
        raise ValueError("no images to measure on")
    called = (predict(images).float().cpu() > threshold).long()
    return round(float((called == label).float().mean()), 4)


@dataclass(frozen=True)
class Curve:
    """Accuracy along one distortion, from none to strong."""

    distortion: str
    label: str  # the strength axis, in words
    strengths: list[float]
    accuracy: list[float]  # balanced
    real_accuracy: list[float]
    fake_accuracy: list[float]

    def points(self) -> list[tuple[float, float]]:
        """(strength, balanced accuracy) pairs."""
        return list(zip(self.strengths, self.accuracy, strict=True))

    def to_dict(self) -> dict[str, Any]:
        return {"distortion": self.distortion, "label": self.label, "strengths": self.strengths, "accuracy": self.accuracy,
                "real_accuracy": self.real_accuracy, "fake_accuracy": self.fake_accuracy}


def robustness_sweep(predict: Predictor, real: torch.Tensor, fake: torch.Tensor,
                     distortions: Sequence[str] = tuple(DISTORTIONS), threshold: float = 0.5,
                     strengths: dict[str, Sequence[float]] | None = None) -> dict[str, Curve]:
    """One curve per distortion: the same real and generated images distorted at each strength of its sweep (or of
    `strengths[name]`), scored by `predict`. Noise is drawn from a fixed seed, so a sweep repeats exactly."""
    curves: dict[str, Curve] = {}
    for name in distortions:
        d = DISTORTIONS[name]
        steps = [float(s) for s in (strengths or {}).get(name, d.sweep)]
        r_acc, f_acc = [], []
        for s in steps:
            r_acc.append(accuracy(predict, d.apply(real, s), 0, threshold))
            f_acc.append(accuracy(predict, d.apply(fake, s), 1, threshold))
        curves[name] = Curve(name, d.label, steps, [round((a + b) / 2, 4) for a, b in zip(r_acc, f_acc, strict=True)],
                             r_acc, f_acc)
    return curves


@dataclass(frozen=True)
class RobustnessReport:
    """A detector's robustness curves and its accuracy on generators it never saw, with what they were measured on."""

    curves: dict[str, Curve]
    unseen: dict[str, float]  # share of each unseen generator's samples called generated (no distortion)
    measured_on: str
    threshold: float
    clean: dict[str, float] = field(default_factory=dict)  # accuracy_real, accuracy_fake, accuracy without distortion

    def to_dict(self) -> dict[str, Any]:
        return {"measured_on": self.measured_on, "threshold": self.threshold, "clean": dict(self.clean),
                "unseen": dict(self.unseen), "curves": {k: c.to_dict() for k, c in self.curves.items()}}


def detector_robustness(detector: Any, n_fake: int = HELD_OUT_FAKES, distortions: Sequence[str] = tuple(DISTORTIONS),
                        held: HeldOut | None = None, allow_paths: bool = False) -> RobustnessReport:
    """Sweep a DetectPipeline over the held-out set its card was measured on (rebuilt from the card: the same real
    split and fake seed), or over `held`. See held_out_set for allow_paths."""
    held = held or held_out_set(detector.card, n_fake, allow_paths=allow_paths)
    t = detector.threshold
    fake = held.fake
    curves = robustness_sweep(detector, held.real, fake, distortions, t)
    clean = {"accuracy_real": accuracy(detector, held.real, 0, t), "accuracy_fake": accuracy(detector, fake, 1, t)}
    clean["accuracy"] = round((clean["accuracy_real"] + clean["accuracy_fake"]) / 2, 4)
    unseen = {name: accuracy(detector, x, 1, t) for name, x in held.unseen.items()}
    return RobustnessReport(curves, unseen, held.description, t, clean)
