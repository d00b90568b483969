"""An independent judge for digits generators: scikit-learn's SVM trained on the raw 8x8 digits.

It shares nothing with the GAN (not the model, not the resizing), so its confidence and class
spread say whether samples look like digits, and which digits, without grading our own homework.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.calibration import CalibratedClassifierCV
from sklearn.datasets import load_digits
from sklearn.svm import SVC

from .checkpoints import CheckpointError, load_checkpoint, load_generator, save_checkpoint
from .sampling import class_labels, generate, latents

JUDGE_NAME = "scikit-learn SVC(gamma=0.001), calibrated, trained on the 1,797 raw 8x8 digits"


@functools.lru_cache(maxsize=1)
def digits_judge() -> CalibratedClassifierCV:
    bunch = load_digits()
    return CalibratedClassifierCV(SVC(gamma=0.001), ensemble=False).fit(bunch.data, bunch.target)


def to_digits_features(images: torch.Tensor) -> np.ndarray:
    """(N,1,H,W) in [-1,1] -> (N,64) on the 0..16 scale of the 8x8 originals."""
    if images.shape[1] == 3:
        images = images.mean(1, keepdim=True)
    small = F.adaptive_avg_pool2d(images.float(), 8)
    return ((small + 1) / 2 * 16).clamp(0, 16).flatten(1).numpy()


def judge_digits(images: torch.Tensor, requested: torch.Tensor | None = None) -> dict[str, Any]:
    """Confidence, class shares and coverage (and accuracy for requested classes) of digit images."""
    proba = digits_judge().predict_proba(to_digits_features(images))
    pred = proba.argmax(1)
    shares = np.bincount(pred, minlength=10) / len(pred)
    report: dict[str, Any] = {
        "judge": JUDGE_NAME,
        "samples": len(pred),
        "mean_confidence": round(float(proba.max(1).mean()), 4),
        "confident_share": round(float((proba.max(1) > 0.8).mean()), 4),
        "class_shares": [round(float(s), 4) for s in shares],
        "classes_covered": int((shares >= 0.03).sum()),
    }
    if requested is not None:
        report["class_accuracy"] = round(float((pred == requested.numpy()).mean()), 4)
    return report


def judge_checkpoint(path: str | Path, n: int = 1000, seed: int = 0, write_card: bool = False) -> dict[str, Any]:
    """Judge a digits generator checkpoint; optionally store the figures in its card."""
    model, card = load_generator(path)
    if card.data != "digits":
        raise CheckpointError(f"the judge reads digits generators; this one was trained on {card.data}")
    labels = class_labels(n, model.num_classes, None)
    images = generate(model, latents(n, model.z_size, seed), labels)
    report = judge_digits(images, labels)
    report["seed"] = seed
    if write_card:
        tensors, card = load_checkpoint(path)
        card.metrics["digits_judge"] = report
        save_checkpoint(path, tensors, card)
    return report
