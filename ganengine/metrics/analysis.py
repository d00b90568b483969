"""Beyond the usual scores: per-class coverage, a memorisation check, and FID over a run's checkpoints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from ..checkpoints import catalog
from ..data import DataRequest, load_data, registry
from ..pipelines import ClassifyPipeline, SamplePipeline
from ..runs import RunDir
from ..sampling import grid
from .extractors import SHIPPED, ExtractorUnavailable
from .fidelity import EvalResult, EvaluationError, evaluate_generator, finite_samples


def domain_classifier(data: str, folder: Path = SHIPPED) -> ClassifyPipeline:
    """The shipped domain classifier of a data set."""
    for entry in catalog(folder, ("features",)):
        if entry.card.data == data:
            return ClassifyPipeline.load(entry.path)
    raise ExtractorUnavailable(f"no shipped classifier for {data!r}")


@dataclass(frozen=True)
class Coverage:
    class_names: list[str]
    generated: list[float]
    real: list[float]
    samples: int
    classifier: str  # in English, for the CLI and scripts; pages name it from classifier_data in their language
    classifier_data: str = ""  # the data set whose shipped classifier read the classes


@torch.no_grad()
def class_coverage(pipeline: SamplePipeline, n: int = 1000, seed: int = 0) -> Coverage:
    """Share of generated samples per class (read by the domain classifier) against the real share.

    Missing bars show mode collapse; uneven ones show bias the generator learned or invented.
    """
    card = pipeline.card
    clf = domain_classifier(card.data)  # only shipped classifiers' (registered) data names get past this
    clf_card = clf.card
    pred = clf.logits(finite_samples(pipeline(n, seed)))[0].argmax(1)
    k = len(clf_card.class_names)
    real = load_data(card.data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed, max_items=n))
    real_shares = torch.bincount(real.labels, minlength=k).float() / len(real) if real.labels is not None else torch.zeros(k)
    return Coverage(list(clf_card.class_names), (torch.bincount(pred, minlength=k).float() / n).tolist(),
                    real_shares.tolist(), n, f"GAN Studio's {clf_card.data} classifier", clf_card.data)


@dataclass(frozen=True)
class Memorisation:
    generated: torch.Tensor  # the k generated samples closest to a training image
    nearest: torch.Tensor  # their nearest training images
    distances: list[float]
    real_typical: float  # median distance from a training image to its nearest other training image

    def strip(self) -> np.ndarray:
        """Generated samples on the top row, their nearest training images below."""
        return grid(torch.cat([self.generated, self.nearest]), nrow=len(self.distances))


@torch.no_grad()
def memorisation_check(pipeline: SamplePipeline, n: int = 512, k: int = 8, seed: int = 0) -> Memorisation:
    """The k generated samples nearest (in pixels) to a training image, with those images and distances.

    A distance far below the typical gap between two training images suggests a copied image.
    """
    card = pipeline.card
    if card.data not in registry() or registry()[card.data].kind != "images":  # a card's text is never used as a path
        raise EvaluationError(f"its training data {card.data!r} is not an image data set of this server")
    real = load_data(card.data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed, max_items=2000))
    fake = finite_samples(pipeline(n, seed))
    r, f = real.x.flatten(1), fake.flatten(1)
    d = torch.cdist(f, r)
    best, idx = d.min(1)
    order = best.argsort()[:k]
    rr = torch.cdist(r[:500], r)
    rr[torch.arange(min(500, len(r))), torch.arange(min(500, len(r)))] = float("inf")
    typical = float(rr.min(1).values.median())
    return Memorisation(fake[order], real.x[idx[order]], [round(float(v), 3) for v in best[order]], round(typical, 3))


def fid_over_steps(run_dir: str | Path, n: int = 500, extractor: str = "auto", seed: int = 0,
                   max_points: int = 12, progress: Callable[[float, str], None] | None = None) -> list[EvalResult]:
    """FID of a run's saved checkpoints (at most max_points, evenly spread), oldest first.

    `progress(fraction, note)`, when given, is called after each checkpoint (the note names its step).
    """
    ckpts = RunDir(Path(run_dir)).checkpoints()
    if len(ckpts) > max_points:
        step = (len(ckpts) - 1) / (max_points - 1)
        ckpts = [ckpts[round(i * step)] for i in range(max_points)]
    results = []
    for i, (step_done, p) in enumerate(ckpts):
        results.append(evaluate_generator(SamplePipeline.load(p), n=n, metrics=("fid",), extractor=extractor, seed=seed))
        if progress is not None:
            progress((i + 1) / len(ckpts), f"step {step_done}")
    return results
