"""Lesson presets: ready-made GAN runs a teacher starts a lesson with, each one typed and turned into a GanConfig.

A preset names what it teaches in a line (pages show their own translated title and lesson, keyed by `name`); its
config starts from the data set's quick classroom settings and changes only what the lesson is about.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .tasks import GanConfig


@dataclass(frozen=True)
class LessonPreset:
    """One lesson's run: data, model, loss, budget and the few settings the lesson turns."""

    name: str  # stable key: the CLI's --preset value and the pages' catalogue key
    lesson: str  # what the run shows, in one line
    data: str
    model: str
    loss: str
    steps: int | None
    time_budget: float | None = None
    settings: dict[str, Any] = field(default_factory=dict, hash=False)  # other GanConfig fields the lesson sets

    def config(self) -> GanConfig:
        """The run's config (validated): the data set's quick preset with this lesson's choices on top."""
        base = GanConfig.preset(self.data, quick=True)
        return dataclasses.replace(base, model=self.model, loss=self.loss, steps=self.steps,
                                   time_budget=self.time_budget, **self.settings).validate()


PRESETS: dict[str, LessonPreset] = {p.name: p for p in (
    LessonPreset("ring-collapse", "mode collapse: G takes 5 fast steps against each D step, chases the spot D likes "
                 "best and covers one of the ring's 8 modes at a time (measured: 1 of 8 at 3,000 steps)",
                 "toy2d-ring", "mlp", "bce", 3000, settings={"g_steps": 5, "lr_g": 3e-3}),
    LessonPreset("ring-stable", "the same ring with one G step per D step at the usual rate: every mode covered "
                 "(measured: 8 of 8)",
                 "toy2d-ring", "mlp", "bce", 3000),
    LessonPreset("digits-2min", "a DCGAN on handwritten digits in two minutes: blobs, then strokes, then digits",
                 "digits", "dcgan", "bce", None, 120.0),
    LessonPreset("grid-minimax", "WGAN-GP vs minimax (1/2): the original minimax loss on the 5x5 grid",
                 "toy2d-grid", "mlp", "minimax", 3000),
    LessonPreset("grid-wgan-gp", "WGAN-GP vs minimax (2/2): the same grid and seed with a critic, a gradient penalty "
                 "and 5 critic steps per G step (measured: 22 of 25 modes at 3,000 steps, minimax 12)",
                 "toy2d-grid", "mlp", "wgan-gp", 3000,
                 settings={"d_steps": 5, "lr_g": 1e-3, "lr_d": 1e-3, "beta1": 0.5, "beta2": 0.9,
                           "gp_weight": 1.0}),  # 1, not 10: these targets span 1.6 units (see playground.py)
    LessonPreset("digits-conditional", "a conditional DCGAN on digits in three minutes: ask for the digit you want",
                 "digits", "cdcgan", "bce", None, 180.0),
)}


def lesson_preset(name: str) -> LessonPreset:
    """The preset called `name` (a ConfigError lists the others)."""
    from .config import choice

    choice("preset", name, PRESETS)
    return PRESETS[name]
