"""The live view of a training job (status, progress, charts, samples) and the list of a user's jobs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

import ganengine as ge

from . import charts
from .engine import real_points, shown_data
from .i18n import t
from .layout import upscale

_CACHE = "job_event_cache"
MAX_SAMPLES = 100  # sample events kept per job in a session (the run directory keeps them all)


def _cache(job_id: str) -> dict[str, Any]:
    caches = st.session_state.setdefault(_CACHE, {})
    return caches.setdefault(job_id, {"offset": 0, "metrics": [], "samples": [], "started": None, "terminal": None})


def refresh(manager: ge.JobManager, owner: str, job_id: str) -> dict[str, Any]:
    """Fold the job's new events (since the last tick) into this session's cache and return it."""
    cache = _cache(job_id)
    events, cache["offset"] = manager.events(job_id, owner, cache["offset"])
    for e in events:
        kind = e.get("type")
        if kind == "metrics":
            cache["metrics"].append(e)
        elif kind == "sample":
            cache["samples"].append(e)
            del cache["samples"][:-MAX_SAMPLES]
        elif kind == "started":
            cache["started"] = e
        elif kind in ge.TERMINAL:
            cache["terminal"] = e
    return cache


def progress(info: ge.JobInfo, cache: dict[str, Any]) -> tuple[float, str]:
    """Fraction done and a sentence with the ETA."""
    last = cache["metrics"][-1] if cache["metrics"] else None
    if last is None:
        return 0.0, t("job.starting")
    cfg = info.config
    fractions = []
    if cfg.steps:
        fractions.append(last["step"] / cfg.steps)
    if cfg.time_budget:
        fractions.append(last["elapsed"] / cfg.time_budget)
    done = min(1.0, max(fractions) if fractions else 0.0)
    return done, t("job.progress", step=last["step"], pct=round(100 * done), eta=round(seconds_left(cfg, last)),
                   ips=round(last["images_per_s"]))


def seconds_left(cfg: ge.TrainConfig, last: dict[str, Any]) -> float:
    """Time to the end from the current speed (the last logging window), not the run's average: a run's first
    steps (start-up, kernel warm-up, a busy server) say little about its next ones."""
    left = []
    if cfg.steps and last["images_per_s"] > 0:
        left.append((cfg.steps - last["step"]) * cfg.batch_size / last["images_per_s"])
    if cfg.time_budget:
        left.append(cfg.time_budget - last["elapsed"])
    return max(0.0, min(left)) if left else 0.0


def render_job(manager: ge.JobManager, owner: str, job_id: str) -> ge.JobInfo:
    """Draw everything about one job from a cheap snapshot of its events."""
    info = manager.get(job_id, owner)
    cache = refresh(manager, owner, job_id)
    cfg = info.config
    st.markdown(t("job.header", model=cfg.model.upper(), data=shown_data(cfg.data), loss=cfg.loss, id=info.id))
    latest = None if info.active else ge.RunDir(info.run_dir).latest_checkpoint()
    if info.state == "queued":
        st.info(t("job.queued", pos=info.queue_position))
    elif info.state == "running":
        done, text = progress(info, cache)
        st.progress(done, text=text)
    elif info.state == "finished":
        st.success(t("job.finished", step=(cache["terminal"] or {}).get("step", "?"), reason=info.reason))
    elif info.state == "cancelled":
        st.warning(t("job.cancelled" if latest else "job.cancelled_empty", reason=info.reason))
    else:
        st.error(t("job.failed", reason=info.reason))

    if info.active:
        if st.button(t("job.stop"), key=f"stop_{job_id}", type="secondary"):
            manager.cancel(job_id, owner)
            st.toast(t("job.unqueued" if info.state == "queued" else "job.stop_sent"))
    elif latest is not None:  # a finished run's checkpoint no longer changes: offer it once, outside the live ticks
        name = f"{Path(cfg.data).stem}-{cfg.model}-{latest.stem}.safetensors"
        st.download_button(t("job.download"), data=latest.read_bytes(), file_name=name,
                           mime="application/octet-stream", key=f"dl_{job_id}_{latest.stem}")

    metrics = pd.DataFrame(cache["metrics"])
    left, right = st.columns([3, 2])
    with left:
        if metrics.empty:
            st.caption(t("job.no_metrics" if info.active else "job.no_metrics_ended"))
        else:
            probability = (cache["started"] or {}).get("d_output") == "probability"
            tabs = st.tabs([t("chart.losses"), t("chart.d_outputs"), t("chart.grad_norms")])
            tabs[0].plotly_chart(charts.losses_figure(metrics), key=f"loss_{job_id}")
            tabs[1].plotly_chart(charts.d_outputs_figure(metrics, probability), key=f"dout_{job_id}")
            tabs[2].plotly_chart(charts.grad_norms_figure(metrics), key=f"grad_{job_id}")
            st.caption(t("job.charts_help"))
    with right:
        _render_samples(info, cache)
    return info


def _render_samples(info: ge.JobInfo, cache: dict[str, Any]) -> None:
    samples = cache["samples"]
    if not samples:
        st.caption(t("job.no_samples" if info.active else "job.no_samples_ended"))
        return
    steps = [s["step"] for s in samples]
    chosen = steps[-1]
    if len(steps) > 1:
        chosen = st.select_slider(t("job.sample_history"), options=steps, value=steps[-1], key=f"hist_{info.id}_{len(steps)}")
    sample = samples[steps.index(chosen)]
    if "points" in sample:
        real = real_points(info.config.data, info.config.seed)
        st.plotly_chart(charts.points_figure(real, np.array(sample["points"]), chosen), key=f"pts_{info.id}")
    else:
        path = Path(info.run_dir) / sample["path"]
        if path.exists():
            st.image(upscale(np.asarray(ge.open_image(path)), 360), caption=t("job.sample_caption", step=chosen))


def jobs_table(jobs: list[ge.JobInfo]) -> pd.DataFrame:
    return pd.DataFrame([{
        t("jobs.col_id"): j.id, t("jobs.col_state"): t(f"state.{j.state}"),
        t("jobs.col_model"): j.config.model, t("jobs.col_data"): shown_data(j.config.data),
        t("jobs.col_submitted"): dt.datetime.fromtimestamp(j.submitted).strftime("%H:%M:%S"),
        t("jobs.col_reason"): j.reason,
    } for j in jobs])
