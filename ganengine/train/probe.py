"""A cheap quality probe at each checkpoint of a GAN run: which of the data's kinds (classes, or modes of 2-D points)
the samples cover, how varied they are, and the domain extractor's FID where the data set has one shipped.

`QualityWatch` runs it for the loop: it keeps the best checkpoint by the probe (`best.safetensors` and `best.json` in
the run directory) and raises the collapse alarm (a warning event) when coverage or variety falls away.
Imports of the metrics stack happen at the first probe, never when a worker starts.
"""

from __future__ import annotations

import json
import math
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from ..atomic import write_atomic
from ..events import Event, event
from ..runs import RunDir

PROBE_SAMPLES = 256
#: Checkpoints before this step are not probed (a few seconds each: short classroom runs skip it).
MIN_PROBE_STEP = 100
#: Coverage: a kind counts when it gets at least this share of what an even split would give it.
FAIR_SHARE = 0.25
#: The alarm: coverage below this fraction of the best seen so far, or variety below VARIETY_FLOOR.
COVERAGE_DROP = 0.6
VARIETY_FLOOR = 0.3
SINGLE_OUTPUT = 0.05  # variety below this: the generator makes one picture (or point) whatever the noise
_POINT_MODES = ("toy2d-ring", "toy2d-grid")


@dataclass(frozen=True)
class Probe:
    """One probe of one checkpoint; `variety` is the samples' spread over real data's (1 = as varied)."""

    step: int
    covered: int
    kinds: int
    variety: float
    fid: float | None
    samples: int
    judge: str  # what read the samples, for the page to say

    @property
    def score(self) -> float:
        """Lower is better: the FID where there is one, else the kinds missed less the variety."""
        return self.fid if self.fid is not None else (self.kinds - self.covered) - min(self.variety, 1.0)

    def figure(self) -> str:
        """The probe in a few words (for a card or a log)."""
        fid = f", FID {self.fid:.2f}" if self.fid is not None else ""
        return f"{self.covered}/{self.kinds} covered, variety {self.variety:.2f}{fid} ({self.samples} samples)"


def has_probe(task: str, data: str) -> bool:
    """Whether runs of this task on this data get the probe (GANs on 2-D rings and grids, or on image sets with a
    shipped domain classifier)."""
    if task != "gan":
        return False
    return data in _POINT_MODES or _classifier(data) is not None


def _classifier(data: str) -> Path | None:
    from ..checkpoints import catalog
    from ..settings import REPO

    return next((e.path for e in catalog(REPO / "checkpoints", ("features",)) if e.card.data == data), None)


def _spread(features: np.ndarray) -> float:
    sq = (features**2).sum(1)
    d2 = np.maximum(sq[:, None] + sq[None, :] - 2 * features @ features.T, 0)
    return float(np.sqrt(d2).sum() / max(len(features) * (len(features) - 1), 1))


@torch.no_grad()
def probe_checkpoint(path: str | Path, step: int, n: int = PROBE_SAMPLES, seed: int = 0) -> Probe | None:
    """Probe a generator checkpoint on `n` samples (fixed seed, so probes compare across steps); None when its data
    has no probe."""
    from ..pipelines import SamplePipeline

    pipeline = SamplePipeline.load(path)
    data = pipeline.card.data
    samples = pipeline(n, seed)
    if data in _POINT_MODES:
        return _probe_points(samples.numpy().reshape(n, -1), data, step)
    if _classifier(data) is None:
        return None
    return _probe_images(pipeline, samples, step, seed)


def _probe_points(points: np.ndarray, data: str, step: int) -> Probe:
    from ..data import DataRequest, load_data
    from ..data.toy2d import mode_centres

    kind = data.split("-", 1)[1]
    centres = mode_centres(kind)
    nearest = np.linalg.norm(points[:, None, :] - centres[None], axis=-1).argmin(1)
    counts = np.bincount(nearest, minlength=len(centres))
    covered = int((counts >= FAIR_SHARE * len(points) / len(centres)).sum())
    real = load_data(data, DataRequest(max_items=len(points), seed=0)).x.numpy().reshape(len(points), -1)
    variety = _spread(points) / max(_spread(real), 1e-12) if np.isfinite(points).all() else 0.0
    return Probe(step, covered, len(centres), round(float(variety), 4), None, len(points), f"the {kind}'s modes")


def _probe_images(pipeline: Any, samples: torch.Tensor, step: int, seed: int) -> Probe:
    from ..data import DataRequest, load_data
    from ..metrics.analysis import domain_classifier
    from ..metrics.fidelity import EvaluationError, evaluate_generator

    card = pipeline.card
    clf = domain_classifier(card.data)
    k = len(clf.card.class_names)
    finite = torch.isfinite(samples).all()
    pred = clf.logits(samples)[0].argmax(1) if finite else torch.zeros(len(samples), dtype=torch.long)
    counts = torch.bincount(pred, minlength=k)
    covered = int((counts >= FAIR_SHARE * len(samples) / k).sum())
    real = load_data(card.data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed,
                                            max_items=len(samples)))
    fake_f = clf.features(samples).double().numpy() if finite else np.zeros((len(samples), 1))
    real_f = clf.features(real.x).double().numpy()
    variety = _spread(fake_f) / max(_spread(real_f), 1e-12) if finite else 0.0
    try:
        fid = evaluate_generator(pipeline, n=len(samples), metrics=("fid",), seed=seed).metrics["fid"] if finite else None
    except EvaluationError:  # samples too alike for a covariance: the coverage and variety say it
        fid = None
    return Probe(step, covered, k, round(float(variety), 4), None if fid is None else round(fid, 4), len(samples),
                 f"GAN Studio's {card.data} classifier")


def is_collapse(probe: Probe, earlier: list[Probe]) -> bool:
    """Mode collapse: coverage fell well below what the run reached, variety fell below the floor after being above
    it, or one output for (almost) all noise. A run still learning to spread out (low variety from the start) is not
    called collapsed."""
    best_covered = max((p.covered for p in earlier), default=0)
    was_varied = max((p.variety for p in earlier), default=0.0) >= VARIETY_FLOOR
    return (probe.covered < COVERAGE_DROP * best_covered or (probe.variety < VARIETY_FLOOR and was_varied)
            or probe.variety < SINGLE_OUTPUT)


class QualityWatch:
    """The loop's probe: after each checkpoint, probe it, keep the best one, and say when the run collapses."""

    def __init__(self, run_root: Path) -> None:
        self.root = run_root
        self.history: list[Probe] = []
        self.alarmed = self.failed = False
        best = self.best_record(run_root)  # a continued run goes on from its best so far
        self.best: Probe | None = Probe(**best["probe"]) if best else None

    def after_checkpoint(self, path: Path, step: int) -> list[Event]:
        """Probe the checkpoint at `path`; the events to write (the probe, and a warning when it collapsed)."""
        if step < MIN_PROBE_STEP or self.failed:
            return []
        try:
            probe = probe_checkpoint(path, step)
        except Exception as exc:  # the probe must never end the training it watches: say so once, then stop probing
            self.failed = True
            return [event("warning", step, code="probe_failed", params={"error": f"{type(exc).__name__}: {exc}"},
                          message=f"the quality probe failed and is off for this run ({type(exc).__name__}: {exc})")]
        if probe is None:
            return []
        events: list[Event] = []
        collapsed = is_collapse(probe, self.history + ([self.best] if self.best else []))
        if collapsed and not self.alarmed:
            events.append(event("warning", step, code="collapse", params={
                "covered": probe.covered, "kinds": probe.kinds, "variety": probe.variety, "judge": probe.judge,
                "best_step": self.best.step if self.best else None},
                message=f"mode collapse: the samples now cover {probe.covered} of {probe.kinds} kinds "
                        f"(variety {probe.variety:.2f})"))
        self.alarmed = collapsed
        self.history.append(probe)
        is_best = math.isfinite(probe.score) and (self.best is None or probe.score < self.best.score)
        events.insert(0, event("probe", step, **asdict(probe), score=probe.score, best=is_best))
        if is_best:
            self.best = probe
            target = self.root / "best.safetensors"
            write_atomic(target, lambda tmp: shutil.copyfile(path, tmp))
            record = {"step": step, "checkpoint": str(Path(path).relative_to(self.root)) if Path(path).is_relative_to(self.root)
                      else Path(path).name, "probe": asdict(probe)}
            write_atomic(self.root / "best.json", lambda tmp: tmp.write_text(json.dumps(record)))
        return events

    @staticmethod
    def best_record(run_root: Path) -> dict[str, Any] | None:
        """The run's best checkpoint so far by the probe: {step, checkpoint, probe}, or None."""
        return RunDir(run_root).best()
