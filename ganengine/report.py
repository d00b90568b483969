"""A shareable evaluation report: one self-contained HTML file (tables, Plotly charts with plotly.js inline, sample grids
as data-URL PNGs, extractor and sample counts, each model's card as escaped text) that opens offline.

The Evaluate page offers it for download and `python -m ganengine evaluate ... --report report.html` writes it; both
lay the numbers out with `metrics.summary`, so the report holds exactly the numbers the page's table shows. This module
never imports streamlit: a page passes its reader's language as a `ReportText` and a number formatter.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from .imageio import png_bytes
from .metrics.summary import LOWER_IS_BETTER, SCORES, SummaryTable
from .pipelines import SamplePipeline
from .sampling import grid

BEST = "#6C4CF1"
OTHER = "#9C9CB8"
EN_COLUMNS = {"fid": "FID ↓", "kid": "KID ↓", "precision": "precision ↑", "recall": "recall ↑", "isc": "IS ↑",
              "kid_std": "KID spread", "isc_std": "IS spread", "step": "steps trained", "extractor": "feature extractor",
              "samples": "samples", "seeds": "seeds", "seconds": "seconds"}
EN_METRICS = {"fid": "FID", "kid": "KID", "precision": "Precision", "recall": "Recall", "isc": "Inception Score"}
FID_NOTE_EN = ("FID here is measured with a domain classifier GAN Studio trained, not Inception-v3: compare it only with "
               "numbers measured the same way, never with published FIDs. To measure with Inception, the operator puts "
               "the file weights-inception-2015-12-05-6726825d.pth (torch-fidelity's v0.2.0 release) on the server and "
               "sets GANSTUDIO_INCEPTION_WEIGHTS to its path; its SHA-256 is checked (it must start with 6726825d).")


@dataclass(frozen=True)
class ReportText:
    """Every sentence and label of the report, English by default; a page passes its reader's language."""

    lang: str = "en"
    title: str = "GAN Studio · evaluation report"
    written: str = "Written {when}."
    scores: str = "Scores"
    best_note: str = "The best value of each metric is shaded."
    charts: str = "Charts"
    samples: str = "Samples (seed 0)"
    cards: str = "Model cards"
    cards_note: str = "Each model's card as its file states it (shown as text)."
    model: str = "generator"
    axis: str = "{n} samples per seed"
    log_axis: str = "{n} samples per seed, log scale"
    columns: dict[str, str] = field(default_factory=lambda: dict(EN_COLUMNS))
    metrics: dict[str, str] = field(default_factory=lambda: dict(EN_METRICS))
    separators: str = ".,"  # Plotly's decimal and thousands marks


@dataclass(frozen=True)
class ReportGroup:
    """The figures measured with one feature extractor, and the sentences that say what they were measured on."""

    table: SummaryTable
    short_labels: list[str]  # the names charts use (a run keeps its id)
    caption: str
    notes: tuple[str, ...] = ()
    samples: int = 0


@dataclass(frozen=True)
class ReportModel:
    """One generator: its label, its card as text, and a grid of its samples."""

    label: str
    card: str
    grid_png: bytes


def sample_grid_png(pipeline: SamplePipeline, n: int = 36, seed: int = 0) -> bytes:
    """A PNG grid of n samples (images in [-1, 1]) of a generator, for the report."""
    return png_bytes(grid(pipeline(n, seed), nrow=max(1, round(n**0.5))))


def card_text(card: Any) -> str:
    """A model card as indented JSON (its fields as the file states them; never rendered as Markdown or HTML)."""
    return json.dumps(json.loads(card.to_json()), indent=2, ensure_ascii=False)


def metric_figure(labels: Sequence[str], values: Sequence[float], ranges: Sequence[tuple[float, float] | None],
                  title: str, metric: str, axis: str, log_axis: str, separators: str = ".,",
                  number: Callable[[Any, str], str] = format) -> go.Figure:
    """One score across generators as a dot plot (models down the side, so long names and run ids stay whole): the best
    dot is coloured, a seed range shows as an error bar, and an axis spanning more than a decade is logarithmic, so
    FID 0.53 next to 346 is still seen."""
    lower = metric in LOWER_IS_BETTER
    best = (values.index(min(values) if lower else max(values))) if len(values) > 1 else -1
    lo = [v - (r[0] if r else v) for v, r in zip(values, ranges, strict=True)]
    hi = [(r[1] if r else v) - v for v, r in zip(values, ranges, strict=True)]
    low_ends = [v - d for v, d in zip(values, lo, strict=True)]
    log = min(low_ends) > 0 and max(values) / min(low_ends) > 10
    fig = go.Figure(go.Scatter(
        x=list(values), y=list(labels), mode="markers+text", text=[number(v, ".3g") for v in values],
        textposition="top center", marker={"size": 13, "color": [BEST if i == best else OTHER for i in range(len(values))]},
        error_x={"type": "data", "array": hi, "arrayminus": lo, "visible": any(r for r in ranges), "thickness": 2},
        hovertemplate="%{y}: %{x}<extra></extra>", cliponaxis=False))
    arrow = "↓" if lower else "↑"
    fig.update_layout(title={"text": f"{title} {arrow}", "x": 0, "xanchor": "left"}, template="plotly_white",
                      height=110 + 46 * len(values), margin={"l": 10, "r": 30, "t": 40, "b": 10}, showlegend=False,
                      separators=separators)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title=log_axis if log else axis, type="log" if log else "linear")
    if log:  # 1-2-5 ticks written in full (Plotly's own log ticks label 0.5 as a bare "5")
        ticks = log_ticks(min(low_ends), max(v + d for v, d in zip(values, hi, strict=True)))
        fig.update_xaxes(tickvals=ticks, ticktext=[number(v, "g") for v in ticks])
    if metric in ("precision", "recall"):
        fig.update_xaxes(range=[-0.02, 1.05])
    return fig


def log_ticks(low: float, high: float) -> list[float]:
    """1, 2 and 5 times each power of ten that falls in [low/1.5, high*1.5]."""
    first, last = math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1
    ticks = [float(f"{m}e{e}") for e in range(first, last + 1) for m in (1, 2, 5)]
    return [v for v in ticks if low / 1.5 <= v <= high * 1.5]


def group_figures(group: ReportGroup, text: ReportText, number: Callable[[Any, str], str] = format) -> list[go.Figure]:
    """One dot plot per score in the group's table."""
    t = group.table
    figures = []
    for metric in (c for c in SCORES if c in t.columns):
        j = t.columns.index(metric)
        values = [row[j] for row in t.values]
        ranges = [t.ranges.get((i, metric)) for i in range(len(values))]
        n = number(group.samples, ",")
        figures.append(metric_figure(group.short_labels, values, ranges, text.metrics.get(metric, metric), metric,
                                     text.axis.format(n=n), text.log_axis.format(n=n), text.separators, number))
    return figures


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.8rem} h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0} th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left} td.best{background:#c8f7c5;font-weight:600}
.note{color:#555;font-size:.92rem} .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1rem}
.charts>div{min-width:0}
.models{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1.5rem}
figure{margin:0} img{image-rendering:pixelated;width:100%;max-width:360px;border:1px solid #ddd}
pre{background:#f6f6f8;padding:.6rem;font-size:.8rem;max-height:320px;overflow:auto;white-space:pre-wrap}
"""


def _table_html(group: ReportGroup, text: ReportText, number: Callable[[Any, str], str]) -> str:
    t = group.table
    head = "".join(f"<th>{html.escape(text.columns.get(c, c))}</th>" for c in t.columns)
    rows = []
    for i, (label, cells) in enumerate(zip(t.labels, t.cells(number), strict=True)):
        tds = "".join(f'<td class="best">{html.escape(cell)}</td>' if t.best.get(c) == i else f"<td>{html.escape(cell)}</td>"
                      for c, cell in zip(t.columns, cells, strict=True))
        rows.append(f"<tr><td>{html.escape(label)}</td>{tds}</tr>")
    return f"<table><tr><th>{html.escape(text.model)}</th>{head}</tr>{''.join(rows)}</table>"


def evaluation_report(groups: Sequence[ReportGroup], models: Sequence[ReportModel], text: ReportText = ReportText(),
                      number: Callable[[Any, str], str] = format, when: str | None = None) -> str:
    """The whole report as one HTML document with nothing to fetch (plotly.js inlined once in the head, pictures as
    data URLs)."""
    when = when or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    figures = [group_figures(group, text, number) for group in groups]
    script = f"<script>{get_plotlyjs()}</script>" if any(figures) else ""  # inline, once: nothing to fetch
    parts = [f'<!DOCTYPE html><html lang="{html.escape(text.lang)}"><head><meta charset="utf-8">',
             f"<title>{html.escape(text.title)}</title><style>{CSS}</style>{script}</head><body>",
             f"<h1>{html.escape(text.title)}</h1><p class='note'>{html.escape(text.written.format(when=when))}</p>"]
    config = {"displaylogo": False, "responsive": True}
    for group, charts in zip(groups, figures, strict=True):
        parts.append(f"<h2>{html.escape(text.scores)}</h2>{_table_html(group, text, number)}")
        parts.append(f"<p class='note'>{html.escape(text.best_note)}</p>")
        parts += [f"<p class='note'>{html.escape(line)}</p>" for line in (group.caption, *group.notes) if line]
        if charts:
            parts.append(f"<h2>{html.escape(text.charts)}</h2><div class='charts'>")
            parts += [fig.to_html(full_html=False, include_plotlyjs=False, config=config) for fig in charts]
            parts.append("</div>")
    if models:
        parts.append(f"<h2>{html.escape(text.samples)}</h2><div class='models'>")
        for m in models:
            src = "data:image/png;base64," + base64.b64encode(m.grid_png).decode()
            parts.append(f"<figure><img alt='{html.escape(m.label, quote=True)}' src='{src}'>"
                         f"<figcaption>{html.escape(m.label)}</figcaption></figure>")
        parts.append(f"</div><h2>{html.escape(text.cards)}</h2><p class='note'>{html.escape(text.cards_note)}</p>")
        parts += [f"<h3>{html.escape(m.label)}</h3><pre>{html.escape(m.card)}</pre>" for m in models]
    parts.append("</body></html>")
    return "\n".join(parts)


def english_caption(row: dict[str, Any]) -> str:
    """What one extractor's rows were measured on, in English (the CLI's report)."""
    seeds = row.get("seeds", 1)
    spread = f" per seed, over {seeds} seeds (mean, and min–max in brackets)" if seeds > 1 else ""
    return (f"Measured on {row['samples']:,} generated samples against {row['real_samples']:,} real images of "
            f"{row['data']}{spread}, with: {row['extractor_description']}.")
