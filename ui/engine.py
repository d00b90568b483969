"""Engine objects shared across sessions (st.cache_resource): the job manager, the work queue, loaded models, catalogs."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

import ganengine as ge
from ganengine.pipelines import TranslatePipeline

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints"


def runs_root() -> Path:
    return ge.settings().runs_root


@st.cache_resource(show_spinner=False)
def job_manager() -> ge.JobManager:
    """One job manager per server process, on the configured backend; jobs outlive the tabs that started them."""
    config = ge.settings()
    ge.storage.clean_temp_area()  # what a killed server left half-written
    manager = ge.JobManager(config.runs_root, ge.make_backend(config.backend), max_running=config.max_jobs,
                            max_steps=config.max_steps, max_time_budget=config.max_time_budget)
    ge.storage.Housekeeper(manager).start()  # stops abandoned jobs, expires owners gone too long
    return manager


@st.cache_resource(show_spinner=False)
def work_queue() -> ge.WorkQueue:
    """One bounded pool per server for heavy work a page asks for (evaluations, analyses): as many threads as
    training jobs may run at once; the rest waits its turn, first come first served."""
    return ge.WorkQueue(max_workers=ge.settings().max_jobs, max_queued_per_owner=8)


class SharedResults:
    """Results that depend only on their key (a checkpoint's path and mtime, a sample count...), shared by every
    session as st.cache_data shares its values, but filled from the work queue; past max_items the oldest go."""

    def __init__(self, max_items: int = 64) -> None:
        self.max_items = max_items
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple, Any] = OrderedDict()

    def get(self, key: tuple) -> Any | None:
        with self._lock:
            return self._items.get(key)

    def put(self, key: tuple, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)


@st.cache_resource(show_spinner=False)
def shared_results() -> SharedResults:
    return SharedResults()


def active_item(owner: str, entry: dict | None) -> ge.WorkItem | None:
    """The session's work-queue item for `entry` while it is queued or running; None once it has ended or was dropped
    (the page then reruns and draws what `finished_work` kept)."""
    try:
        item = work_queue().get(entry["id"], owner) if entry else None
    except ge.JobNotFound:
        return None
    return item if item is not None and item.active else None


def finished_work(owner: str, items: dict, failures: dict) -> list[tuple[str, dict, Any]]:
    """This session's work-queue items that have ended, taken off `items` (slot -> {"id", "key"}): failures go into
    `failures` (slot -> (key, one line)); the finished ones come back as (slot, entry, result) for the page to keep.
    An item the queue dropped (it keeps a few finished ones per owner) is forgotten, so the page asks again."""
    queue, done = work_queue(), []
    for slot, entry in list(items.items()):
        try:
            item = queue.get(entry["id"], owner)
        except ge.JobNotFound:
            del items[slot]
            continue
        if item.active:
            continue
        del items[slot]
        queue.forget(item.id, owner)
        if item.state == "failed":
            failures[slot] = (entry["key"], item.error)
        else:
            done.append((slot, entry, item.result))
    return done


@st.cache_resource(show_spinner=False, max_entries=16)
def _sample_pipeline(path: str, mtime: float) -> ge.SamplePipeline:
    """A generator loaded once and shared read-only (eval mode, no_grad sampling) by every session."""
    return ge.SamplePipeline.load(path)


def sample_pipeline(path: Path) -> ge.SamplePipeline:
    return _sample_pipeline(str(path), path.stat().st_mtime)


@st.cache_resource(show_spinner=False, max_entries=16)
def _translate_pipeline(path: str, mtime: float, direction: str) -> TranslatePipeline:
    """A Pix2Pix or CycleGAN model loaded once per direction and shared read-only (eval mode, no_grad) by every session."""
    return TranslatePipeline.load(path, direction=direction)


def translate_pipeline(path: Path, direction: str = "AtoB") -> TranslatePipeline:
    return _translate_pipeline(str(path), path.stat().st_mtime, direction)


@st.cache_resource(show_spinner=False, max_entries=8)
def _detect_pipeline(path: str, mtime: float) -> ge.DetectPipeline:
    """A real-vs-generated detector loaded once and shared read-only (eval mode, no_grad) by every session."""
    return ge.DetectPipeline.load(path)


def detect_pipeline(path: Path) -> ge.DetectPipeline:
    return _detect_pipeline(str(path), path.stat().st_mtime)


def uploads_dir(owner: str) -> Path:
    folder = ge.storage_settings().uploads_root / ge.owner_key(owner)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@st.cache_resource(show_spinner=False, max_entries=8)
def _classifier(path: str, mtime: float) -> ge.ClassifyPipeline:
    return ge.ClassifyPipeline.load(path)


def attribute_classifier(data_name: str) -> ge.ClassifyPipeline | None:
    """The shipped domain classifier of a data set that has attribute labels, if there is one."""
    for entry in ge.catalog(SHIPPED, ("features",)):
        if entry.card.data == data_name and entry.card.attribute_names:
            return _classifier(str(entry.path), entry.path.stat().st_mtime)
    return None


@st.cache_data(show_spinner=False, max_entries=8)
def real_points(name: str, seed: int = 0) -> np.ndarray:
    """2000 points of a registered 2-D set (for overlaying generated points)."""
    return ge.load_data(name, ge.DataRequest(seed=seed, max_items=2000)).x.numpy()


#: How the app names a stored upload: [pairs-]<the user's name, reduced>-<8 hex digits of its content>.zip
_STORED_ZIP = re.compile(r"^(?:pairs-)?(.*)-[0-9a-f]{8}(\.zip)$")


def upload_name_file(stored: Path) -> Path:
    """Where the user's own file name of a stored upload is kept (the stored name carries a hash of the content); hidden,
    so it is not an upload of its own (quota, the uploads list)."""
    return stored.with_name(f".{stored.name}.name")


def shown_data(name_or_path: str) -> str:
    """A run's data as users may see it: a set's name, or an upload's file name as the user called it (never a server
    path, never the stored name with its hash)."""
    if name_or_path in ge.registry():
        return name_or_path
    path = Path(name_or_path)
    uploads = ge.storage_settings().uploads_root.resolve()
    if path.is_absolute() and path.resolve().is_relative_to(uploads):  # a card from elsewhere names no file here
        try:
            kept = upload_name_file(path).read_text(encoding="utf-8").strip()
        except OSError:
            kept = ""
        if kept:
            return kept
    match = _STORED_ZIP.match(path.name)
    return match.group(1) + match.group(2) if match else path.name


def with_recorded_command(config: ge.RunConfig, uploaded: bool, label: str) -> ge.RunConfig:
    """The config with the `python -m ganengine train ...` command that repeats it (writing to runs/<data>-<label>-
    seed<N>); an uploaded data set is named by its file name: its path stays on the server."""
    shown = dataclasses.replace(config, data=Path(config.data).name) if uploaded else config
    out = f"runs/{Path(shown.data).stem}-{label}-seed{shown.seed}"
    return dataclasses.replace(config, command=shown.cli_command(out=out))
