"""Run names and tags in the pages: the two fields of a training form, the editor in a run's view, and the one way a
run is named wherever it is listed. Names and tags are plain text a user typed: cleaned by the engine (RunLabel),
escaped wherever Markdown would otherwise read them."""

from __future__ import annotations

import streamlit as st

import ganengine as ge

from .i18n import t
from .plaintext import plain


def label_fields(key: str) -> ge.RunLabel:
    """A name and comma-separated tags for a new run: one call inside a training form (`key`: that form's prefix)."""
    c1, c2 = st.columns(2)
    name = c1.text_input(t("label.name"), max_chars=ge.RunLabel.NAME_MAX, placeholder=t("label.name_placeholder"),
                         help=t("label.name_help"), key=f"{key}_run_name")
    tags = c2.text_input(t("label.tags"), max_chars=200, placeholder=t("label.tags_placeholder"),
                         help=t("label.tags_help", n=ge.RunLabel.TAGS_MAX), key=f"{key}_run_tags")
    return ge.RunLabel.clean(name, tags)


def run_title(info: ge.JobInfo) -> str:
    """A run as one line of plain text for pickers and tables: its name and tags (when it has them), then its id."""
    label = info.label
    tags = f" [{', '.join(label.tags)}]" if label.tags else ""
    return f"{label.name}{tags} · {info.id}" if label.name else f"{info.id}{tags}"


def short_name(info: ge.JobInfo) -> str:
    """A run in a few words, for chart legends: its name, else its id."""
    return info.label.name or info.id


def label_markdown(info: ge.JobInfo) -> str:
    """The run's name and tags for a Markdown element, escaped (a name is shown as typed, never read as Markdown);
    empty when it has neither."""
    parts = [f"**{plain(info.label.name)}**"] if info.label.name else []
    parts += [plain(f"#{tag}") for tag in info.label.tags]
    return " · ".join(parts)


def label_editor(manager: ge.JobManager, owner: str, info: ge.JobInfo) -> None:
    """Rename or retag one of the owner's runs, at any time (its settings and checkpoints stay as they are)."""
    with st.expander(t("label.edit")), st.form(f"relabel_{info.id}", border=False, enter_to_submit=False):
        c1, c2 = st.columns(2)
        name = c1.text_input(t("label.name"), info.label.name, max_chars=ge.RunLabel.NAME_MAX,
                             key=f"relabel_name_{info.id}")
        tags = c2.text_input(t("label.tags"), ", ".join(info.label.tags), max_chars=200,
                             help=t("label.tags_help", n=ge.RunLabel.TAGS_MAX), key=f"relabel_tags_{info.id}")
        if st.form_submit_button(t("label.save")):
            manager.relabel(info.id, owner, ge.RunLabel.clean(name, tags))
            st.toast(t("label.saved"))
            st.rerun()
