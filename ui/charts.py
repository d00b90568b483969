"""Plotly figure builders for the pages (training curves, 2-D samples, teaching plots)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import ganengine as ge

from .i18n import lang, number, t, t_or

MAX_POINTS = 400
COLOURS = {"d": "#E4572E", "g": "#6C4CF1", "real": "#17BEBB", "fake": "#E4572E"}
SEPARATORS = {"en": ".,", "fr": ",\u202f"}  # Plotly's decimal then thousands marks, as ui.i18n.number writes numbers


def separators() -> str:
    """The reader's decimal and thousands marks for Plotly (0.05 in English, 0,05 in French)."""
    return SEPARATORS.get(lang(), ".,")


def localise(fig: go.Figure) -> go.Figure:
    """The one place a figure gets the reader's number marks: every builder here and `show` go through it."""
    fig.update_layout(separators=separators())
    return fig


def show(fig: go.Figure, where: Any = None, **kwargs: Any) -> Any:
    """`st.plotly_chart` (or a column's) of the figure with the reader's number marks: pages draw figures through it."""
    return (where or st).plotly_chart(localise(fig), **kwargs)


def downsample(df: pd.DataFrame, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Every k-th row (always keeping the last) so a long history stays cheap to redraw."""
    if len(df) <= max_points:
        return df
    step = int(np.ceil(len(df) / max_points))
    return pd.concat([df.iloc[::step], df.iloc[[-1]]]).drop_duplicates("step")


def _layout(fig: go.Figure, title: str, y_title: str, height: int = 300) -> go.Figure:
    fig.update_layout(title=title, height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      xaxis_title=t("chart.step"), yaxis_title=y_title, legend={"orientation": "h", "y": -0.25},
                      template="plotly_white")
    return localise(fig)


def series_label(name: str) -> str:
    """A value's name as the reader sees it (the task's own name where the catalogue has none)."""
    return t_or(f"series.{name}", name)


def values_figure(chart: dict[str, Any], df: pd.DataFrame) -> go.Figure:
    """One chart a task declared (title, the value names it draws, how to read its axis), from the metrics rows."""
    series = [s for s in chart["series"] if s in df.columns]
    df = downsample(df.dropna(subset=series, how="all")) if series else df
    if chart.get("log"):
        df = df[(df[series] > 0).all(axis=1)] if series else df  # a log axis cannot show zeros (unmeasured steps)
    palette = [COLOURS["d"], COLOURS["g"], COLOURS["real"], "#F2A541", "#3E92CC", "#7A7A7A"]
    fig = go.Figure([go.Scatter(x=df["step"], y=df[name], name=series_label(name), line={"color": palette[i % len(palette)]})
                     for i, name in enumerate(series)])
    if chart.get("reference") is not None:
        label = t_or(f"chart.{chart['key']}_reference", t("chart.reference", x=number(chart["reference"], ".2g")))
        fig.add_hline(y=chart["reference"], line_dash="dot", line_color="grey", annotation_text=label,
                      annotation_position="bottom left")
    if chart.get("y_range"):
        fig.update_yaxes(range=chart["y_range"])
    if chart.get("log"):
        fig.update_yaxes(type="log", dtick=1, exponentformat="power")  # one label per decade
    return _layout(fig, t_or(f"chart.{chart['key']}", chart["title"]), t_or(f"chart.{chart.get('axis', 'value')}", ""))


def quality_probe_figure(probes: list[dict[str, Any]]) -> go.Figure:
    """The quality probe over training: share of kinds covered and variety (left axis, 0..1+), FID (right axis, log);
    the best checkpoint's step marked."""
    from plotly.subplots import make_subplots

    steps = [p["step"] for p in probes]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Scatter(x=steps, y=[p["covered"] / max(p["kinds"], 1) for p in probes], mode="lines+markers",
                             name=t("chart.probe_covered"), line={"color": COLOURS["real"]},
                             customdata=[[p["covered"], p["kinds"]] for p in probes],
                             hovertemplate="%{customdata[0]}/%{customdata[1]}<extra></extra>"))
    fig.add_trace(go.Scatter(x=steps, y=[p["variety"] for p in probes], mode="lines+markers",
                             name=t("chart.probe_variety"), line={"color": COLOURS["g"]}))
    fids = [(p["step"], p["fid"]) for p in probes if p.get("fid") is not None]
    if fids:
        fig.add_trace(go.Scatter(x=[s for s, _ in fids], y=[f for _, f in fids], mode="lines+markers",
                                 name=t("chart.probe_fid"), line={"color": COLOURS["d"], "dash": "dot"}), secondary_y=True)
        fig.update_yaxes(type="log", title_text=t("chart.probe_fid_axis"), secondary_y=True)
    best = [p for p in probes if p.get("best")]
    if best:
        fig.add_vline(x=best[-1]["step"], line_dash="dot", line_color="grey",
                      annotation_text=t("chart.probe_best", step=best[-1]["step"]), annotation_position="top left")
    fig.update_yaxes(rangemode="tozero", title_text=t("chart.probe_share_axis"), secondary_y=False)
    return _layout(fig, t("chart.probe"), t("chart.probe_share_axis"))


def fallback_chart(df: pd.DataFrame) -> dict[str, Any]:
    """For runs whose started event declared no charts (written before the schema had them): every value, one chart."""
    loop_columns = {"step", "elapsed", "progress", "steps_per_s", "items_per_s", "time", "v", "type"}
    return {"key": "values", "title": "Values", "series": [c for c in df.columns if c not in loop_columns], "axis": "value"}


def runs_figure(curves: dict[str, pd.DataFrame], value: str, log: bool = False) -> go.Figure:
    """One value across several runs, a line per run named by its label (`curves`: label -> metrics rows)."""
    palette = [COLOURS["g"], COLOURS["d"], COLOURS["real"], "#F2A541", "#3E92CC", "#7A7A7A", "#9C6ADE", "#2E7D32"]
    lines = []
    for i, (label, df) in enumerate(curves.items()):
        rows = downsample(df.dropna(subset=[value])) if value in df.columns else df.iloc[:0]
        if log:
            rows = rows[rows[value] > 0] if value in rows.columns else rows
        if not rows.empty:
            lines.append(go.Scatter(x=rows["step"], y=rows[value], name=label, mode="lines",
                                    line={"color": palette[i % len(palette)]}))
    fig = _layout(go.Figure(lines), t("chart.by_run", value=series_label(value)), series_label(value), height=360)
    fig.update_layout(showlegend=True)
    if log:
        fig.update_yaxes(type="log", exponentformat="power")
    return fig


def points_figure(real: np.ndarray, fake: np.ndarray, step: int) -> go.Figure:
    """Real and generated 2-D points on equal axes (same range, same scale), so a circle looks like a circle."""
    fig = go.Figure([
        go.Scattergl(x=real[:, 0], y=real[:, 1], mode="markers", name=t("chart.real"),
                     marker={"size": 3, "color": COLOURS["real"], "opacity": 0.35}),
        go.Scattergl(x=fake[:, 0], y=fake[:, 1], mode="markers", name=t("chart.generated"),
                     marker={"size": 3, "color": COLOURS["fake"], "opacity": 0.7}),
    ])
    fig.update_layout(title=t("chart.points", step=step), height=420, template="plotly_white",
                      margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "y": -0.1, "itemsizing": "constant"})
    both = np.concatenate([real.reshape(-1, 2), fake.reshape(-1, 2)])
    finite = np.abs(both[np.isfinite(both).all(axis=1)])
    reach = max(1.2, 1.05 * float(finite.max())) if finite.size else 1.2
    # One range for both axes and one unit of length: the plot area shrinks to a square rather than stretch x.
    fig.update_xaxes(range=[-reach, reach], constrain="domain", zeroline=False)
    fig.update_yaxes(range=[-reach, reach], scaleanchor="x", scaleratio=1, constrain="domain", zeroline=False)
    return localise(fig)


def minimax_figure() -> go.Figure:
    """G's loss as a function of D(G(z)): the minimax form is flat where G is bad; the non-saturating one is steep."""
    p = np.linspace(0.001, 0.999, 300)
    fig = go.Figure([
        go.Scatter(x=p, y=np.log(1 - p), name=t("chart.minimax_curve"), line={"color": COLOURS["d"]}),
        go.Scatter(x=p, y=-np.log(p), name=t("chart.nonsat_curve"), line={"color": COLOURS["g"]}),
    ])
    fig.update_layout(title=t("chart.g_loss_title"), height=320, template="plotly_white",
                      xaxis_title="D(G(z))", yaxis_title=t("chart.g_loss_axis"),
                      margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h", "y": -0.3})
    return localise(fig)


def class_shares_figure(shares: list[float], names: list[str], title: str, classes: int | None = None) -> go.Figure:
    """Bars of class shares with the uniform share as a dotted line (`classes`: how many bars are classes, when
    others follow them)."""
    fig = go.Figure(go.Bar(x=names, y=shares, marker_color=COLOURS["g"]))
    fig.add_hline(y=1 / max(classes or len(names), 1), line_dash="dot", line_color="grey", annotation_text=t("chart.uniform"))
    fig.update_layout(title=title, height=300, template="plotly_white", yaxis_title=t("chart.share"),
                      margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return localise(fig)


def metric_dots(short_labels: list[str], values: list[float], ranges: list[tuple[float, float] | None], metric: str,
                n: int) -> go.Figure:
    """One score across generators as the report draws it (a dot plot: a log axis past a decade, seed ranges as error
    bars, the best dot coloured), in the reader's language."""
    return localise(ge.report.metric_figure(short_labels, values, ranges, t(f"metric.{metric}"), metric,
                                            t("evaluate.axis", n=number(n)), t("evaluate.axis_log", n=number(n)), separators(),
                                            number))


def coverage_figure(names: list[str], generated: list[float], real: list[float], title: str) -> go.Figure:
    fig = go.Figure([go.Bar(x=names, y=real, name=t("chart.real"), marker_color=COLOURS["real"]),
                     go.Bar(x=names, y=generated, name=t("chart.generated"), marker_color=COLOURS["g"])])
    fig.update_layout(title=title, barmode="group", height=320, template="plotly_white", yaxis_title=t("chart.share"),
                      margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h", "y": -0.2})
    return localise(fig)


def fid_curve(steps: list[int], fids: list[float], n: int) -> go.Figure:
    fig = go.Figure(go.Scatter(x=steps, y=fids, mode="lines+markers", line={"color": COLOURS["g"]}))
    return _layout(fig, t("chart.fid_curve", n=n), "FID")
