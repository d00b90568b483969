"""Choosing a generator: shipped checkpoints, the user's own runs, or an uploaded .safetensors file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

import ganengine as ge

from . import engine
from .engine import shown_data, uploads_dir
from .i18n import lang, number, t, t_or
from .run_label import run_title
from .uploads import show, store_generator


@dataclass(frozen=True)
class GeneratorChoice:
    label: str  # in the reader's language
    path: Path  # for a run, its latest checkpoint (it moves on as the run trains)


def run_choice_key(job_id: str) -> str:
    """The picker's stable key for one of the user's runs (what the Train page hands to Generate)."""
    return f"run/{job_id}"


def own_run_choices(owner: str, tasks: tuple[str, ...],
                    model: Callable[[ge.JobInfo], str] | None = None) -> dict[str, GeneratorChoice]:
    """This user's runs of `tasks` that have written a checkpoint, newest first, each as its latest checkpoint under
    the run's stable key; `model` names the model in the label (default: the task's name)."""
    choices: dict[str, GeneratorChoice] = {}
    for job in engine.job_manager().list(owner):
        if job.config.task not in tasks:
            continue
        latest = ge.RunDir(job.run_dir).latest_checkpoint()
        if latest is not None:
            name = model(job) if model else t(f"task.{job.config.task}")
            label = t("pick.own", id=run_title(job), model=name, data=shown_data(job.config.data), state=t("state." + job.state))
            choices[run_choice_key(job.id)] = GeneratorChoice(label, latest)
            best = ge.RunDir(job.run_dir).best()
            if best is not None:
                choices[f"{run_choice_key(job.id)}/best"] = GeneratorChoice(
                    t("pick.own_best", id=job.id, model=name, step=best["step"], figure=probe_figure(best["probe"])),
                    ge.RunDir(job.run_dir).best_path)
    return choices


def probe_figure(probe: dict) -> str:
    """A quality probe's headline in the reader's language: its FID, else how many kinds it covers."""
    if probe.get("fid") is not None:
        return t("pick.best_fid", fid=probe["fid"], n=probe.get("samples", 0))
    return t("pick.best_covered", covered=probe.get("covered", 0), kinds=probe.get("kinds", 0))


def generator_choices(owner: str) -> dict[str, GeneratorChoice]:
    """Every generator this user may sample from, under keys that survive a language switch or a new checkpoint."""
    choices: dict[str, GeneratorChoice] = {}
    for entry in sorted(ge.catalog(engine.SHIPPED, ("gan", "cgan")), key=lambda e: (e.card.task != "gan", e.path.stem)):
        choices[f"shipped/{entry.path.stem}"] = GeneratorChoice(t("pick.shipped", name=entry.path.stem), entry.path)
    choices.update(own_run_choices(owner, ("gan",), lambda job: getattr(job.config, "model", job.config.task)))
    for entry in ge.catalog(uploads_dir(owner), ("gan", "cgan")):  # cards that still read (an older check kept more)
        choices[f"upload/{entry.path.name}"] = GeneratorChoice(t("pick.uploaded", name=entry.path.name), entry.path)
    return choices


def translated_selectbox(label: str, options: list[str], format_func: Callable[[str], str], key: str,
                         default: str | None = None, help: str | None = None) -> str:
    """A selectbox over stable keys whose labels follow the language.

    The choice lives in the plain session key `key` (other pages may set it, e.g. Train hands a run to Generate);
    the widget's own key carries the language, so a language switch redraws the labels without losing the choice.
    A choice that no longer exists (a removed upload) falls back to `default`, else the first option.
    """
    chosen = st.session_state.get(key)
    if chosen not in options:
        chosen = default if default in options else options[0]
    value = st.selectbox(label, options, index=options.index(chosen), format_func=format_func, help=help,
                         key=f"{key}__{lang()}")
    st.session_state[key] = value
    return value


def upload_widget(owner: str) -> None:
    """Accept a .safetensors generator; refuse anything else with one line, keeping nothing of it."""
    file = st.file_uploader(t("pick.upload"), type=["safetensors"], help=t("pick.upload_help"))
    if file is not None:
        show(store_generator(owner, file.name, file.getvalue()))


def card_table(card: ge.ModelCard) -> pd.DataFrame:
    """The model card as a two-column table (the command that made it is shown apart, as code)."""
    rows = [
        (t("card.kind"), card.task), (t("card.arch"), card.arch.get("name")), (t("card.data"), shown_data(card.data)),
        *((t_or(f"card.io_{k}", k), v) for k, v in card.io.items()),
        *(() if card.io else ((t("card.size"), f"{card.image_size}x{card.image_size}x{card.channels}"
                                if card.channels else t("card.points")),)),
        (t("card.classes"), ", ".join(card.class_names) or "-"), (t("card.steps"), number(card.steps)),
        (t("card.created"), card.created[:16].replace("T", " ")),
    ]
    for name, value in card.metrics.items():
        rows.append((t_or(f"card.metric_{name}", name), judge_summary(value) if isinstance(value, dict)
                     else number(value, ",.6g") if isinstance(value, float) else str(value)))
    return pd.DataFrame(rows, columns=[t("card.field"), t("card.value")])


def judge_summary(report: dict) -> str:
    """A judge's report in one readable line: confidence, score, classes, variety, accuracy, and on how many samples."""
    parts = []
    if "mean_confidence" in report:
        parts.append(t("card.judge_confidence", x=report["mean_confidence"]))
    if "digit_score_share" in report:
        parts.append(t("card.judge_score", x=100 * report["digit_score_share"]))
    if "classes_covered" in report and "class_shares" in report:
        parts.append(t("card.judge_classes", k=report["classes_covered"], n=len(report["class_shares"])))
    if "diversity_ratio" in report:
        parts.append(t("card.judge_variety", x=report["diversity_ratio"]))
    if "class_accuracy" in report:
        parts.append(t("card.judge_accuracy", x=100 * report["class_accuracy"]))
    if "samples" in report:
        parts.append(t("card.judge_samples", n=report["samples"]))
    return " · ".join(parts)
