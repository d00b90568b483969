"""Shared fixtures: tiny configs, a private runs directory for the app, the repo root."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The app's job manager is a process-wide cached resource: give the whole session a private runs root.
os.environ.setdefault("GANSTUDIO_RUNS", tempfile.mkdtemp(prefix="ganstudio-test-runs-"))
os.environ.setdefault("GANSTUDIO_MAX_JOBS", "1")
os.environ.setdefault("GANSTUDIO_UPLOADS", tempfile.mkdtemp(prefix="ganstudio-test-uploads-"))
os.environ.setdefault("GANSTUDIO_TMP", tempfile.mkdtemp(prefix="ganstudio-test-tmp-"))

from ganengine.tasks import GanConfig


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def tiny_image_config() -> GanConfig:
    """A DCGAN small enough to train a few steps in a second on one core."""
    return GanConfig(model="dcgan", data="digits", steps=6, batch_size=8, width=4, nz=8, max_items=64,
                       log_every=2, sample_every=3, checkpoint_every=3, num_threads=1)


@pytest.fixture
def tiny_points_config() -> GanConfig:
    return GanConfig(model="mlp", data="toy2d-ring", steps=6, batch_size=16, width=4, nz=4, max_items=256,
                       log_every=2, sample_every=3, checkpoint_every=3, num_threads=1)
