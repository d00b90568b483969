"""The live view of a training job (status, progress, charts, samples) and the list of a user's jobs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

import ganengine as ge

from . import charts
from .durations import duration
from .engine import real_points, shown_data
from .i18n import said, t, t_or
from .layout import upscale
from .owner import keep_alive
from .plaintext import defused
from .run_label import label_editor, label_markdown
from .strings import STRINGS
from .submit_once import start_once

_CACHE = "job_event_cache"
MAX_SAMPLES = 100  # sample events kept per job in a session (the run directory keeps them all)
MAX_METRICS = 600  # metrics rows kept per job in a session: older rows are thinned, the newest kept whole


def _cache(job_id: str) -> dict[str, Any]:
    caches = st.session_state.setdefault(_CACHE, {})
    return caches.setdefault(job_id, {"offset": 0, "metrics": [], "samples": [], "started": None, "ended": None})


def thin(rows: list[dict[str, Any]], limit: int = MAX_METRICS) -> list[dict[str, Any]]:
    """At most `limit` rows: every other row of the older half goes once the list is full, so a long run keeps
    its whole shape at a coarser grain and its recent history at full detail."""
    if len(rows) <= limit:
        return rows
    half = len(rows) // 2
    return rows[:half:2] + rows[half:]


def refresh(manager: ge.JobManager, owner: str, job_id: str) -> dict[str, Any]:
    """Fold the job's new events (since the last tick) into this session's bounded cache and return it."""
    return refresh_with(job_id, lambda offset: manager.events(job_id, owner, offset))


def refresh_with(job_id: str, read: Callable[[int], tuple[list[dict[str, Any]], int]]) -> dict[str, Any]:
    """Fold the events `read(offset)` returns (those written since byte `offset`) into the job's bounded cache."""
    cache = _cache(job_id)
    events, cache["offset"] = read(cache["offset"])
    for e in events:
        kind = e.get("type")
        if kind == "metrics":
            cache["metrics"].append({"step": e["step"], "elapsed": e.get("elapsed", 0.0), "progress": e.get("progress"),
                                     "steps_per_s": e.get("steps_per_s"), "items_per_s": e.get("items_per_s", 0.0),
                                     **e.get("values", {})})
            cache["metrics"] = thin(cache["metrics"])
        elif kind == "sample":
            cache["samples"].append(e)
            del cache["samples"][:-MAX_SAMPLES]
        elif kind == "started":
            cache["started"] = e
        elif kind == "ended":
            cache["ended"] = e
        elif kind == "probe":
            cache.setdefault("probes", []).append(e)
            del cache["probes"][:-MAX_SAMPLES]
        elif kind == "warning":
            cache.setdefault("warnings", []).append(e)
            del cache["warnings"][:-3]
    return cache


def progress(info: ge.JobInfo, cache: dict[str, Any]) -> tuple[float, str]:
    """Fraction done (as the loop measured it) and a sentence with the time left."""
    last = cache["metrics"][-1] if cache["metrics"] else None
    if last is None:
        return 0.0, t("job.starting")
    cfg = info.config
    done = last["progress"] if last.get("progress") is not None else min(1.0, last["step"] / (cfg.steps or 10**9))
    rate = recent_rate(cache["metrics"])
    return done, t("job.progress", step=last["step"], pct=round(100 * done), eta=duration(seconds_left(cfg, last, rate)),
                   ips=round(last.get("items_per_s") or 0))


def recent_rate(rows: list[dict[str, Any]], window_s: float = 20.0) -> float | None:
    """Steps per second over the last `window_s` seconds of the run (None with fewer than two rows): steadier than
    one logging window, and still blind to the run's slow start."""
    if len(rows) < 2:
        return None
    last = rows[-1]
    first = next((r for r in rows if r["elapsed"] >= last["elapsed"] - window_s and r is not last), rows[-2])
    dt = last["elapsed"] - first["elapsed"]
    return (last["step"] - first["step"]) / dt if dt > 0 else None


def seconds_left(cfg: ge.RunConfig, last: dict[str, Any], rate: float | None = None) -> float:
    """Time to the end from the current speed (the recent rate, else the last logging window), not the run's
    average: a run's first steps (start-up, kernel warm-up, a busy server) say little about its next ones."""
    left = []
    rate = rate or last.get("steps_per_s")
    if rate is None and last.get("items_per_s"):  # runs logged before the event schema had steps/s
        rate = last["items_per_s"] / cfg.batch_size
    if cfg.steps and rate:
        left.append((cfg.steps - last["step"]) / rate)
    if cfg.time_budget:
        left.append(cfg.time_budget - last["elapsed"])
    return max(0.0, min(left)) if left else 0.0


def model_name(cfg: ge.RunConfig) -> str:
    """What a run trains, in a word: its architecture, or its task."""
    return str(getattr(cfg, "model", cfg.task))


def continue_control(manager: ge.JobManager, owner: str, info: ge.JobInfo) -> None:
    """Go on with an ended run from its resume state: an interrupted one as it was, any other with a new budget (steps
    in all, or seconds for this session when the run had only a time budget)."""
    run = ge.RunDir(info.run_dir)
    if not run.resume_path.exists():
        return
    cfg, steps, budget, server = info.config, None, None, ge.settings()
    if run.interrupted():
        pressed = st.button(t("job.resume"), key=f"resume_{info.id}")
    else:
        c1, c2 = st.columns([1, 1], vertical_alignment="bottom")
        if cfg.steps is not None:
            done = run.last_step()
            high = max(done + 1, int(server.bound("steps").high))
            steps = int(c1.number_input(t("job.continue_steps", done=done), done + 1, high,
                                        min(high, done + max(cfg.steps, 100)), step=100,
                                        key=f"continue_steps_{info.id}"))
        else:
            budget = float(c1.number_input(t("job.continue_seconds"), 10, int(server.bound("time_budget").high),
                                           int(cfg.time_budget or 60), step=10, key=f"continue_seconds_{info.id}"))
        pressed = c2.button(t("job.continue"), key=f"continue_{info.id}", icon="⏩")
    if pressed:
        try:
            start_once("continue", (info.id, steps, budget),  # a double click continues once
                       lambda: manager.resume(info.id, owner, steps=steps, time_budget=budget))
        except ge.UserError as exc:
            st.error(t("job.resume_refused", reason=said(exc)))
        else:
            st.rerun()


def render_job(manager: ge.JobManager, owner: str, job_id: str) -> ge.JobInfo:
    """Draw everything about one job from a cheap snapshot of its events."""
    keep_alive(owner)  # a tab watching a run keeps its owner's jobs alive
    info = manager.get(job_id, owner)
    cache = refresh(manager, owner, job_id)
    cfg = info.config
    if info.label:
        st.markdown(label_markdown(info))
    if hasattr(cfg, "loss"):
        st.markdown(t("job.header", model=model_name(cfg).upper(), data=defused(shown_data(cfg.data)), loss=cfg.loss, id=info.id))
    else:
        st.markdown(t("job.header_task", model=t_or(f"task.{cfg.task}", cfg.task), data=defused(shown_data(cfg.data)), id=info.id))
    latest = None if info.active else ge.RunDir(info.run_dir).latest_checkpoint()
    if info.state == "queued":
        wait = manager.expected_wait(job_id, owner)
        st.info(t("job.queued", pos=info.queue_position) if wait is None else
                t("job.queued_wait", pos=info.queue_position, wait=duration(wait)))
    elif info.state == "running":
        done, text = progress(info, cache)
        st.progress(done, text=text)
    elif info.state == "finished":
        st.success(t("job.finished", step=(cache["ended"] or {}).get("step", "?"), reason=end_text(info)))
    elif info.state == "cancelled":
        st.warning(t("job.cancelled" if latest else "job.cancelled_empty", reason=end_text(info)))
    else:
        kept = info.params.get("kept")
        note = (t("end.kept", step=kept) if kept is not None else t("end.none_kept")) if info.code else ""
        st.error(f"{t('job.failed', reason=end_text(info))} {note}".strip())
    for warning in cache.get("warnings", []):
        show_warning(warning)

    if info.active:
        if st.button(t("job.stop"), key=f"stop_{job_id}", type="secondary"):
            manager.cancel(job_id, owner)
            st.toast(t("job.unqueued" if info.state == "queued" else "job.stop_sent"))
    elif latest is not None:  # a finished run's checkpoint no longer changes: offer it once, outside the live ticks
        continue_control(manager, owner, info)
        name = f"{Path(cfg.data).stem}-{model_name(cfg)}-{latest.stem}.safetensors"
        st.download_button(t("job.download"), data=latest.read_bytes(), file_name=name,
                           mime="application/octet-stream", key=f"dl_{job_id}_{latest.stem}")

    label_editor(manager, owner, info)

    metrics = pd.DataFrame(cache["metrics"])
    left, right = st.columns([3, 2])
    with left:
        if metrics.empty:
            st.caption(t("job.no_metrics" if info.active else "job.no_metrics_ended"))
        else:
            declared = (cache["started"] or {}).get("charts") or [charts.fallback_chart(metrics)]
            probes = cache.get("probes", [])
            tabs = st.tabs([t_or(f"chart.{c['key']}", c["title"]) for c in declared] + ([t("chart.probe")] if probes else []))
            for tab, chart in zip(tabs, declared, strict=False):
                tab.plotly_chart(charts.values_figure(chart, metrics), key=f"chart_{job_id}_{chart['key']}")
            if probes:
                tabs[-1].plotly_chart(charts.quality_probe_figure(probes), key=f"chart_{job_id}_probe")
                tabs[-1].caption(t("job.probe_help", n=probes[-1].get("samples", 0)))
            st.caption(charts_help(cfg))
    with right:
        _render_samples(info, cache)
    return info


def charts_help(cfg: ge.RunConfig) -> str:
    """How to read the run's charts: a GAN's depends on its loss (probabilities after a sigmoid, or a critic's
    scores), another task's is its own."""
    loss = getattr(cfg, "loss", None)
    if cfg.task == "gan" and loss in ge.LOSSES and not ge.LOSSES[loss].probabilistic:
        return t_or(f"job.charts_help_gan_{loss}", t("job.charts_help_gan_critic"))
    return t_or(f"job.charts_help_{cfg.task}", "")


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
            caption = t_or(f"job.sample_caption_{info.config.task}", t("job.sample_step", step=chosen), step=chosen)
            st.image(upscale(np.asarray(ge.open_image(path)), 360), caption=caption)


def jobs_table(jobs: list[ge.JobInfo]) -> pd.DataFrame:
    return pd.DataFrame([{
        t("jobs.col_name"): j.label.name, t("jobs.col_id"): j.id, t("jobs.col_tags"): ", ".join(j.label.tags),
        t("jobs.col_state"): t(f"state.{j.state}"),
        t("jobs.col_model"): model_name(j.config), t("jobs.col_data"): shown_data(j.config.data),
        t("jobs.col_submitted"): dt.datetime.fromtimestamp(j.submitted).strftime("%H:%M:%S"),
        t("jobs.col_reason"): plain_end_text(j),
    } for j in jobs])


def show_warning(warning: dict[str, Any]) -> None:
    """A warning event of the run, in the reader's language: the collapse alarm in words with what usually helps."""
    params = warning.get("params", {})
    if warning.get("code") == "collapse":
        best = params.get("best_step")
        st.warning(t("warning.collapse", covered=params.get("covered", 0), kinds=params.get("kinds", 0),
                     variety=params.get("variety", 0.0), step=warning.get("step", 0))
                   + " " + (t("warning.collapse_best", step=best) if best is not None else ""), icon="⚠️")
    else:
        st.info(t_or(f"warning.{warning.get('code')}", defused(warning.get("message", "")), **params))


def plain_end_text(info: ge.JobInfo) -> str:
    """Why a job ended, in the reader's language: from its code and params; the engine's English reason for runs
    from before codes (or a code this catalogue does not know)."""
    params = {k: v for k, v in info.params.items() if k not in ("kept", "final_write")}
    try:
        text = t(f"end.{info.code}", **params) if info.code and f"end.{info.code}" in STRINGS else info.reason
    except (KeyError, ValueError):  # params that do not fit this catalogue's sentence
        text = info.reason
    if info.params.get("final_write"):
        text = "; ".join(x for x in (text, t("end.final_write", why=info.params["final_write"])) if x)
    return text


def end_text(info: ge.JobInfo) -> str:
    """`plain_end_text` made safe for Markdown (an error's text may quote a file)."""
    return defused(plain_end_text(info))
