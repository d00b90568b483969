"""The Evaluate page's comparison table in the reader's language: key metrics first, each metric's best shaded, seed
ranges beside the means, what the numbers were measured with, and the report's words (ganengine.report lays it out)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

import ganengine as ge
from ganengine.metrics.extractors import ENV_INCEPTION, INCEPTION_FILE, INCEPTION_SHA256_PREFIX

from .charts import separators
from .i18n import lang, t
from .plaintext import defused
from .strings import STRINGS

BEST_STYLE = "background-color: #c8f7c5; font-weight: 600"
MODEL = "model"  # the label column's key (its header is translated)


def short_label(choice_key: str) -> str:
    """A generator's name in charts: the shipped file's stem, the uploaded file's name, or the run's id (so two runs
    never look alike)."""
    return choice_key.split("/", 1)[-1]


def styled(table: ge.metrics.SummaryTable, write: Callable[[Any, str], str]) -> Styler:
    """The table as a Styler: numbers underneath (a column sorts as numbers), the reader's text on top (mean and
    min–max range, the language's marks), and each metric's best row shaded."""
    frame = pd.DataFrame(table.values, columns=table.columns)
    frame.insert(0, MODEL, table.labels)
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for column, row in table.best.items():
        css.loc[row, column] = BEST_STYLE
    styler = frame.style.apply(lambda _: css, axis=None)
    for i, cells in enumerate(table.cells(write)):
        for column, text in zip(table.columns, cells, strict=True):
            styler = styler.format(lambda _value, text=text: text, subset=([i], [column]))
    return styler


def column_config(table: ge.metrics.SummaryTable) -> dict[str, Any]:
    """Translated headers; widths that keep the generator and the key metrics on screen at 1280 px."""
    spread = bool(table.ranges)
    config: dict[str, Any] = {MODEL: st.column_config.Column(t("evaluate.col_model"), width=180)}
    for c in table.columns:
        width = (155 if spread else 95) if c in ge.metrics.KEY_METRICS else None
        label = t(f"col.{c}") if f"col.{c}" in STRINGS else c
        config[c] = st.column_config.Column(label, width=width) if width else st.column_config.Column(label)
    return config


def extractor_name(row: dict[str, Any]) -> str:
    """The feature extractor in the reader's language (the engine's description is English)."""
    info = row.get("extractor_info") or {}
    if info.get("kind") == "inception":
        return t("extractor.inception_desc", file=defused(info.get("file", "")))
    if info.get("kind") == "domain":
        acc = info.get("accuracy")
        accuracy = t("extractor.accuracy", pct=100 * acc) if isinstance(acc, float) else t("extractor.no_accuracy")
        return t("extractor.domain_desc", data=defused(info.get("data", "")), file=defused(info.get("file", "")),
                 accuracy=accuracy)
    return defused(row.get("extractor_description", row.get("extractor", "")))


def measured_caption(row: dict[str, Any]) -> str:
    """What one extractor's rows were measured on (sample counts, data, seeds, extractor)."""
    text = t("evaluate.measured", n=row["samples"], real=row["real_samples"], data=defused(row["data"]),
             extractor=extractor_name(row))
    seeds = int(row.get("seeds", 1))
    return text + (" " + t("evaluate.seeds_caption", k=seeds) if seeds > 1 else "")


def fid_notes(row: dict[str, Any], columns: list[str]) -> list[str]:
    """Where an FID is shown: a domain extractor's FID is not comparable with published (Inception) FIDs, and how an
    operator turns Inception on."""
    if "fid" not in columns or (row.get("extractor_info") or {}).get("kind") != "domain":
        return []
    return [fid_domain_note()]


def fid_domain_note() -> str:
    return t("evaluate.fid_domain_note", file=INCEPTION_FILE, env=ENV_INCEPTION, prefix=INCEPTION_SHA256_PREFIX)


def csv_of(table: ge.metrics.SummaryTable) -> str:
    """The table as CSV for a spreadsheet: plain numbers, and min/max columns where seeds were measured."""
    rows = []
    for i, label in enumerate(table.labels):
        row: dict[str, Any] = {"generator": label}
        for c, value in zip(table.columns, table.values[i], strict=True):
            row[c] = value
            if (i, c) in table.ranges:
                row[f"{c}_min"], row[f"{c}_max"] = table.ranges[(i, c)]
        rows.append(row)
    return pd.DataFrame(rows).to_csv(index=False)


def report_text() -> ge.report.ReportText:
    """The report's words in the reader's language."""
    columns = {c: t(f"col.{c}") for c in (*ge.metrics.summary.SCORES, *ge.metrics.summary.DETAILS) if f"col.{c}" in STRINGS}
    metrics = {m: t(f"metric.{m}") for m in ("fid", "kid", "precision", "recall", "isc")}
    return ge.report.ReportText(
        lang=lang(), title=t("report.title"), written=t("report.written"), scores=t("report.scores"),
        best_note=t("report.best_note"), charts=t("report.charts"), samples=t("report.samples"), cards=t("report.cards"),
        cards_note=t("report.cards_note"), model=t("evaluate.col_model"), axis=STRINGS["evaluate.axis"][lang()],
        log_axis=STRINGS["evaluate.axis_log"][lang()], columns=columns, metrics=metrics, separators=separators())
