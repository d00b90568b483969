"""The teacher's view: sign in with the operator's teacher token, then every student's runs and the queue (stop any
run, move a waiting one up or down) and the class's runs side by side (last samples, loss curves)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import ganengine as ge

from . import charts, engine, jobs_panel
from .i18n import t
from .layout import upscale
from .plaintext import plain
from .run_label import run_title, short_name

_TOKEN = "teacher_token"  # this session's signed-in token (server side only; never a cookie)
MAX_CARDS = 12  # runs drawn side by side at once (the newest of those the filter keeps)


def student(info: ge.JobInfo) -> str:
    """A student as the teacher sees them: a short code of their browser's owner key (the app knows no names)."""
    return t("teacher.student", id=info.owner[:6])


def signed_in() -> ge.QueueAdmin | None:
    """The teacher's powers when this session holds the right token; else the sign-in form (and None). The token is
    checked again on every run, so changing it on the server closes open views."""
    manager = engine.job_manager()
    token = st.session_state.get(_TOKEN)
    if token:
        try:
            return manager.admin(token)
        except ge.AdminRefused:
            st.session_state.pop(_TOKEN, None)
    with st.form("teacher_sign_in", enter_to_submit=True):
        given = st.text_input(t("teacher.token"), type="password", help=t("teacher.token_help"), key="teacher_given")
        if st.form_submit_button(t("teacher.sign_in"), type="primary"):
            try:
                manager.admin(given)
            except ge.AdminRefused:
                st.error(t("teacher.wrong"))
            else:
                st.session_state[_TOKEN] = given
                st.session_state.pop("teacher_given", None)
                st.rerun()
    return None


def sign_out() -> None:
    if st.sidebar.button(t("teacher.sign_out"), key="teacher_sign_out"):
        st.session_state.pop(_TOKEN, None)
        st.rerun()


def _describe(info: ge.JobInfo) -> str:
    return f"{student(info)} · {jobs_panel.model_name(info.config)} · {engine.shown_data(info.config.data)}"


@st.fragment(run_every=3)
def queue_section(admin: ge.QueueAdmin) -> None:
    """What runs now and what waits, in the order it will start; each waiting run can move or be stopped."""
    st.subheader(t("teacher.queue_title"))
    queue = admin.queue()
    if not queue:
        st.caption(t("teacher.queue_empty"))
    for info in queue:
        where, name, when, up, down, stop = st.columns([1.4, 3.4, 0.8, 1.2, 1.4, 1.2],
                                                        vertical_alignment="center")
        where.text(t("state.running") if info.state == "running" else t("teacher.position", pos=info.queue_position))
        with name:
            st.text(run_title(info))
            st.caption(plain(_describe(info)))
        when.text(dt.datetime.fromtimestamp(info.submitted).strftime("%H:%M:%S"))
        waiting = info.state == "queued"
        if up.button(t("teacher.up"), key=f"teacher_up_{info.id}", icon="⬆️", disabled=not waiting or info.queue_position == 1):
            admin.move(info.id, -1)
            st.rerun()
        if down.button(t("teacher.down"), key=f"teacher_down_{info.id}", icon="⬇️", disabled=not waiting):
            admin.move(info.id, 1)
            st.rerun()
        if stop.button(t("teacher.stop"), key=f"teacher_stop_{info.id}", icon="⏹️"):
            admin.cancel(info.id)
            st.toast(t("teacher.stopped", name=run_title(info)))
            st.rerun()


def all_runs_table(admin: ge.QueueAdmin) -> None:
    jobs = admin.list()
    if not jobs:
        st.caption(t("teacher.none"))
        return
    table = jobs_panel.jobs_table(jobs)
    table.insert(0, t("teacher.col_student"), [student(j) for j in jobs])
    st.dataframe(table, hide_index=True, width="stretch")


def _history(admin: ge.QueueAdmin, info: ge.JobInfo) -> dict:
    return jobs_panel.refresh_with(info.id, lambda offset: admin.events(info.id, offset))


def _last_sample(info: ge.JobInfo, cache: dict) -> None:
    sample = cache["samples"][-1] if cache["samples"] else None
    if sample is None:
        st.caption(t("teacher.no_sample"))
    elif "points" in sample:
        real = engine.real_points(info.config.data, info.config.seed) if info.config.data in ge.registry() else np.zeros((0, 2))
        fig = charts.points_figure(real, np.array(sample["points"]), sample["step"])
        fig.update_layout(height=300, showlegend=False)
        charts.show(fig, key=f"teacher_pts_{info.id}")
    else:
        path = Path(info.run_dir) / sample["path"]
        if path.exists():
            st.image(upscale(np.asarray(ge.open_image(path)), 240), caption=t("job.sample_step", step=sample["step"]))


def _loss_chart(info: ge.JobInfo, cache: dict) -> None:
    metrics = pd.DataFrame(cache["metrics"])
    if metrics.empty:
        st.caption(t("teacher.no_metrics"))
        return
    chart = ((cache["started"] or {}).get("charts") or [charts.fallback_chart(metrics)])[0]  # a task's first: its losses
    fig = charts.values_figure(chart, metrics)
    fig.update_layout(height=260, title=None, xaxis_title=None, legend={"orientation": "h", "y": -0.15})
    charts.show(fig, key=f"teacher_chart_{info.id}")


@st.fragment(run_every=5)
def class_section(admin: ge.QueueAdmin) -> None:
    """The class's runs side by side (the newest MAX_CARDS of those with the chosen tags), and one value compared
    across them on one chart, each line named by its run."""
    st.subheader(t("teacher.class_title"))
    jobs = admin.list()
    tags = sorted({tag for j in jobs for tag in j.label.tags}, key=str.casefold)
    chosen = st.multiselect(t("teacher.tags_filter"), tags, key="teacher_tags",
                            placeholder=t("teacher.tags_all")) if tags else []
    shown = [j for j in jobs if not chosen or set(chosen) & set(j.label.tags)][:MAX_CARDS]
    if not shown:
        st.caption(t("teacher.none"))
        return
    if len(jobs) > len(shown):
        st.caption(t("teacher.newest", n=len(shown), total=len(jobs)))
    histories = {j.id: _history(admin, j) for j in shown}
    for row in range(0, len(shown), 3):  # a row of columns per three runs, so each row's cards line up
        for column, info in zip(st.columns(3), shown[row:row + 3], strict=False):
            _card(column, info, histories[info.id])
    _compare(shown, histories)


def _card(column: DeltaGenerator, info: ge.JobInfo, history: dict) -> None:
    with column.container(border=True, height="stretch"):
        st.text(run_title(info))
        st.caption(plain(f"{_describe(info)} · {t('state.' + info.state)}"))
        _last_sample(info, history)
        _loss_chart(info, history)


def _compare(shown: list[ge.JobInfo], histories: dict[str, dict]) -> None:
    """One value (G's loss by default) across the shown runs on one chart, each line named by its run."""
    values = sorted({k for h in histories.values() for row in h["metrics"][-1:] for k in row
                     if k not in ("step", "elapsed", "progress", "steps_per_s", "items_per_s") and row[k] is not None})
    if values:
        default = "loss_g" if "loss_g" in values else values[0]
        labels = {v: charts.series_label(v) for v in values}
        value = st.selectbox(t("teacher.compare"), values, index=values.index(default), format_func=labels.get,
                             key="teacher_compare")
        curves: dict[str, pd.DataFrame] = {}
        for job in (j for j in shown if histories[j.id]["metrics"]):
            name = f"{short_name(job)} · {student(job)}"
            curves[run_title(job) if name in curves else name] = pd.DataFrame(histories[job.id]["metrics"])
        st.plotly_chart(charts.runs_figure(curves, value, log=value.startswith("grad_norm")), key="teacher_compare_chart")
