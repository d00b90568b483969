"""Engine objects shared across sessions (st.cache_resource): the job manager, loaded models, catalogs."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import streamlit as st
import torch

import ganengine as ge

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints"


def runs_root() -> Path:
    return Path(os.environ.get("GANSTUDIO_RUNS", ROOT / "runs" / "app"))


@st.cache_resource(show_spinner=False)
def job_manager() -> ge.JobManager:
    """One job manager per server process; jobs outlive the tabs that started them."""
    max_running = int(os.environ.get("GANSTUDIO_MAX_JOBS", max(1, (os.cpu_count() or 2) // 2)))
    return ge.JobManager(runs_root(), max_running=max_running)


@st.cache_resource(show_spinner=False, max_entries=16)
def generator(path: str, mtime: float) -> tuple[torch.nn.Module, ge.ModelCard]:
    """A generator loaded once and shared read-only (eval mode, no_grad sampling) by every session."""
    return ge.load_generator(path)


def load_generator(path: Path) -> tuple[torch.nn.Module, ge.ModelCard]:
    return generator(str(path), path.stat().st_mtime)


@st.cache_data(show_spinner=False, ttl=60)
def shipped_catalog(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path, title) of the shipped checkpoints of these kinds."""
    return [(str(e.path), e.path.stem) for e in ge.catalog(SHIPPED, kinds)]


def uploads_dir(owner: str) -> Path:
    folder = runs_root().parent / "uploads" / ge.owner_key(owner)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@st.cache_resource(show_spinner=False, max_entries=8)
def _classifier(path: str, mtime: float) -> tuple[torch.nn.Module, ge.ModelCard]:
    return ge.load_classifier(path)


def attribute_classifier(data_name: str) -> tuple[torch.nn.Module, ge.ModelCard] | None:
    """The shipped domain classifier of a data set that has attribute labels, if there is one."""
    for entry in ge.catalog(SHIPPED, ("features",)):
        if entry.card.data == data_name and entry.card.attribute_names:
            return _classifier(str(entry.path), entry.path.stat().st_mtime)
    return None


@st.cache_data(show_spinner=False, max_entries=8)
def real_points(name: str, seed: int = 0) -> np.ndarray:
    """2000 points of a registered 2-D set (for overlaying generated points)."""
    return ge.load_data(name, ge.DataRequest(seed=seed, max_items=2000)).x.numpy()


def shown_data(name_or_path: str) -> str:
    """A run's data as users may see it: a set's name, or an upload's file name (never a server path)."""
    return name_or_path if name_or_path in ge.registry() else Path(name_or_path).name
