"""Shared fixtures: tiny configs, a private runs directory for the app, the repo root."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The app's job manager is a process-wide cached resource: give the whole session private runs, uploads and temporary
# folders; each pytest-xdist worker its own (workers inherit the controller's environment, and two job managers on one
# runs root would each run the other's queued jobs).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")
for _var, _prefix in (("GANSTUDIO_RUNS", "runs"), ("GANSTUDIO_UPLOADS", "uploads"), ("GANSTUDIO_TMP", "tmp")):
    if _WORKER or _var not in os.environ:
        os.environ[_var] = tempfile.mkdtemp(prefix=f"ganstudio-test-{_prefix}-{_WORKER or 'main'}-")
os.environ.setdefault("GANSTUDIO_MAX_JOBS", "1")
os.environ.setdefault("GANSTUDIO_WARM_WORKERS", "0")  # the pages' job manager; the warm pool has its own tests
if _WORKER and int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) >= (os.cpu_count() or 1):
    import torch

    torch.set_num_threads(1)  # one worker per core: torch's own threads would only fight over the cores

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


@pytest.fixture
def private_metrics_cache(tmp_path, monkeypatch):
    """A private feature cache and torch home (no Inception weights there: metrics take their offline fallback)."""
    monkeypatch.setenv("GANSTUDIO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch-home"))
