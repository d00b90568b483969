"""Learn: short explanations of the course's ideas, each next to the page that shows it live, with a quiz a teacher can
use in class (a few multiple-choice questions, each answer explained). The text is in the catalogue (`learn.*`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ganengine import playground as pg

from . import charts
from .i18n import t
from .pages import page

OPTIONS = ("a", "b", "c")


@dataclass(frozen=True)
class Place:
    """Where one idea of a topic is shown: a page (its path in the page registry) and, when it has tabs, the tab."""

    idea: str  # the idea's name: learn.{topic}_idea_{idea}
    page: str
    tab: str = ""  # the tab's label key, e.g. ethics.tab_robust


@dataclass(frozen=True)
class Topic:
    key: str
    answers: tuple[str, ...]  # the right option of each question, in order
    shown_on: tuple[str, ...]  # the pages that demonstrate it (paths in the page registry)
    places: tuple[Place, ...] = ()  # where each of its ideas is shown, for a topic whose ideas live in several places


ETHICS = "pages/6_Ethics_Detection.py"


TOPICS: dict[str, Topic] = {topic.key: topic for topic in (
    Topic("gen_disc", ("a", "b"), ("pages/7_Playground.py",)),
    Topic("families", ("b", "b", "a"), ("streamlit_app.py", "pages/2_Generate.py")),
    Topic("minimax", ("a", "b", "b"), ("streamlit_app.py", "pages/7_Playground.py")),
    Topic("mode_collapse", ("b", "b"), ("pages/7_Playground.py", "pages/5_Evaluate.py")),
    Topic("dcgan", ("b", "a"), ("pages/1_Train.py", "pages/2_Generate.py")),
    Topic("conditional", ("b", "b"), ("pages/2_Generate.py", "pages/3_Translate.py")),
    Topic("wgan", ("a", "b"), ("pages/7_Playground.py", "pages/1_Train.py")),
    Topic("evaluation", ("a", "a"), ("pages/5_Evaluate.py",)),
    Topic("tips", ("b", "b"), ("pages/1_Train.py", "pages/7_Playground.py")),
    Topic("translation", ("b", "a", "b"), ("pages/3_Translate.py",)),
    Topic("sr_losses", ("b", "b", "a"), ("pages/4_Super_Resolution.py",)),
    Topic("perception_distortion", ("c", "b", "b"), ("pages/4_Super_Resolution.py",)),
    Topic("ethics", ("b", "c", "b", "b"), (ETHICS, "pages/2_Generate.py", "pages/5_Evaluate.py"), places=(
        Place("deepfakes", ETHICS, "ethics.tab_ethics"), Place("deepfakes", "pages/2_Generate.py"),
        Place("provenance", ETHICS, "ethics.tab_check"), Place("detection", ETHICS, "ethics.tab_robust"),
        Place("detection", ETHICS, "ethics.tab_spectra"), Place("detection", ETHICS, "ethics.tab_quiz"),
        Place("bias", ETHICS, "ethics.tab_bias"), Place("bias", "pages/5_Evaluate.py"))),
)}
FAMILIES = ("gan", "vae", "diffusion", "autoregressive", "flow")


def topics(keys: tuple[str, ...], here: str) -> None:
    """A Learn section: one expander per topic (`here`: the page drawing it, which its links leave out)."""
    st.subheader(t("learn.title"))
    st.caption(t("learn.intro"))
    for key in keys:
        topic(TOPICS[key], here)


def topic(topic: Topic, here: str) -> None:
    with st.expander(t(f"learn.{topic.key}_title")):
        st.markdown(t(f"learn.{topic.key}_text"))
        if topic.key == "families":
            families_table()
        if topic.key == "gen_disc":
            two_views()
        if topic.places:
            places_table(topic)
        links = [p for p in topic.shown_on if p != here]
        if links:
            st.caption(t("learn.see_it"))
            cols = st.columns(len(links))
            for col, path in zip(cols, links, strict=True):
                entry = page(path)
                col.page_link(entry.path, label=t(entry.title_key), icon=entry.icon)
        quiz(topic)


def quiz(topic: Topic) -> None:
    """The topic's questions; an answer, once picked, is marked right or wrong and explained."""
    st.markdown(f"**{t('learn.quiz')}**")
    for i, right in enumerate(topic.answers, start=1):
        base = f"learn.{topic.key}_q{i}"
        labels = {o: t(f"{base}_{o}") for o in OPTIONS}  # computed in the run: a format_func may be called outside it
        picked = st.radio(t(base), OPTIONS, index=None, format_func=labels.get, key=f"learn_{topic.key}_q{i}")
        if picked is None:
            continue
        verdict = t("learn.right") if picked == right else t("learn.wrong", answer=t(f"{base}_{right}"))
        (st.success if picked == right else st.warning)(f"{verdict} {t(f'{base}_why')}")


def places_table(topic: Topic) -> None:
    """Each idea of the topic and where the app shows it (page and tab)."""
    ideas: dict[str, dict[str, list[str]]] = {}  # idea -> page -> its tabs, in the order given
    for place in topic.places:
        tabs = ideas.setdefault(place.idea, {}).setdefault(place.page, [])
        if place.tab:
            tabs.append(t(place.tab))
    where = [" · ".join(t(page(path).title_key) + (f" › {', '.join(tabs)}" if tabs else "") for path, tabs in pages.items())
             for pages in ideas.values()]
    table = pd.DataFrame({t("learn.col_idea"): [t(f"learn.{topic.key}_idea_{idea}") for idea in ideas],
                          t("learn.col_where"): where})
    st.table(table, hide_index=True, border="horizontal")


def families_table() -> None:
    rows = [{t("learn.col_family"): t(f"learn.family_{f}"), t("learn.col_strengths"): t(f"learn.family_{f}_good"),
             t("learn.col_limits"): t(f"learn.family_{f}_bad"), t("learn.col_uses"): t(f"learn.family_{f}_use")}
            for f in FAMILIES]
    st.table(pd.DataFrame(rows), hide_index=True, border="horizontal")  # wraps its text: every column stays in view


@st.cache_data(show_spinner=False, max_entries=16)
def _two_views(n: int, noise: float, seed: int) -> pg.TwoViews:
    return pg.generative_vs_discriminative(seed=seed, n=n, noise=noise)


def two_views() -> None:
    """The same two classes of points seen by a discriminative model (a boundary) and a generative one (densities),
    refitted at once when the reader changes the data."""
    c1, c2, c3 = st.columns(3)
    n = int(c1.slider(t("learn.gen_disc_points"), *pg.DEMO_POINTS, 600, step=100, key="learn_gd_points"))
    noise = float(c2.slider(t("learn.gen_disc_noise"), *pg.DEMO_NOISE, 0.03, step=0.01, key="learn_gd_noise"))
    seed = int(c3.number_input(t("learn.gen_disc_seed"), 0, 999, 0, key="learn_gd_seed"))
    views = _two_views(n, round(noise, 2), seed)
    axis = np.round(views.axis.astype(np.float64), 3).tolist()
    colours = ("#17BEBB", "#6C4CF1")
    square = {"range": [-pg.EXTENT, pg.EXTENT], "showgrid": False, "zeroline": False}
    layout = {"height": 380, "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "plot_bgcolor": "white", "showlegend": False,
              "xaxis": square, "yaxis": {**square, "scaleanchor": "x", "scaleratio": 1}}

    def points(xy: np.ndarray, labels: np.ndarray, size: int, symbol: str = "circle") -> list[dict]:
        return [{"type": "scatter", "x": np.round(xy[labels == c, 0], 3).tolist(), "y": np.round(xy[labels == c, 1], 3).tolist(),
                 "mode": "markers", "hoverinfo": "skip", "marker": {"size": size, "color": colours[c], "symbol": symbol,
                                                                     "line": {"width": 0.5, "color": "white"}}}
                for c in (0, 1)]

    boundary = [{"type": "contour", "x": axis, "y": axis, "z": np.round(views.p_class1.astype(np.float64), 3).tolist(),
                 "zmin": 0, "zmax": 1, "colorscale": [[0, "#DDF3F2"], [1, "#E6E0FB"]], "showscale": False,
                 "contours": {"start": 0.5, "end": 0.5, "size": 1, "coloring": "heatmap"},
                 "line": {"width": 2, "color": "#333333", "dash": "dash"}, "hoverinfo": "skip"},
                *points(views.points, views.labels, 4)]
    densities = [{"type": "contour", "x": axis, "y": axis, "z": np.round(views.densities[c].astype(np.float64), 3).tolist(),
                  "showscale": False, "contours": {"coloring": "lines", "start": 0.3, "end": 3.0, "size": 0.6},
                  "colorscale": [[0, colours[c]], [1, colours[c]]], "line": {"width": 1}, "hoverinfo": "skip"}
                 for c in (0, 1)]
    densities += points(views.samples, views.sample_labels, 7, "star")
    left, right = st.columns(2)
    charts.show(go.Figure({"data": boundary, "layout": {**layout, "title": {"text": t("learn.gen_disc_left")}}},
                          _validate=False), left, key="learn_two_views_left")
    charts.show(go.Figure({"data": densities, "layout": {**layout, "title": {"text": t("learn.gen_disc_right")}}},
                          _validate=False), right, key="learn_two_views_right")
    st.caption(t("learn.gen_disc_caption"))
