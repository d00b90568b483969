"""A user's runs of one kind under a training form: pick one, watch it live, hand a finished one to the page's picker."""

from __future__ import annotations

import streamlit as st

import ganengine as ge

from . import engine, jobs_panel
from .checkpoint_picker import run_choice_key
from .i18n import lang, t
from .run_label import run_title


@st.fragment(run_every=1.5)
def _live_job(job_id: str, owner: str) -> None:
    info = jobs_panel.render_job(engine.job_manager(), owner, job_id)
    if not info.active:
        st.rerun()


def own_runs(owner: str, jobs: list[ge.JobInfo], job_key: str, model_key: str, runs_label: str, use_label: str,
             extra_state: dict[str, object] | None = None) -> None:
    """The runs in `jobs` (newest first): the chosen one live while it trains, else its record and a button that makes
    its latest checkpoint the page's model (`model_key`, with `extra_state` set alongside, e.g. the scale)."""
    ids = [j.id for j in jobs]
    current = st.session_state.get(job_key)
    state = {j.id: j for j in jobs}
    labels = {j.id: f"{run_title(j)} · {t('task.' + j.config.task)} · {t('state.' + j.state)}" for j in jobs}
    selected = st.selectbox(runs_label, ids, index=ids.index(current) if current in ids else 0, format_func=labels.get,
                            key=f"{job_key}_pick")
    st.session_state[job_key] = selected
    if state[selected].active:
        _live_job(selected, owner)
        return
    jobs_panel.render_job(engine.job_manager(), owner, selected)
    if ge.RunDir(state[selected].run_dir).latest_checkpoint() is not None and st.button(use_label, icon="✅",
                                                                                          key=f"{job_key}_use"):
        st.session_state.update(extra_state or {})
        st.session_state[model_key] = run_choice_key(selected)
        st.session_state.pop(f"{model_key}__{lang()}", None)  # the picker's widget follows the plain key
        st.rerun()
