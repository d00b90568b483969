"""Evaluate: judge a generator. Today: the independent digits judge; FID/KID/IS come in a later release."""

from pathlib import Path

import streamlit as st

import ganengine as ge
from ganengine.sampling import class_labels, generate, latents
from ui import charts
from ui.checkpoint_picker import generator_choices
from ui.engine import load_generator
from ui.i18n import t
from ui.layout import setup_page

owner = setup_page("evaluate.title", "📏")
st.title(t("evaluate.title"))
st.markdown(t("evaluate.intro"))
st.info(t("evaluate.later"))

choices = {k: v for k, v in generator_choices(owner).items() if ge.read_card(v).data == "digits" and ge.read_card(v).channels}
if not choices:
    st.warning(t("evaluate.no_digits"))
    st.stop()
label = st.selectbox(t("generate.checkpoint"), list(choices))
n = st.select_slider(t("evaluate.samples"), [100, 250, 500, 1000], value=500)


@st.cache_data(show_spinner=False, max_entries=32)
def judged(path: str, mtime: float, n: int) -> dict:
    model, _ = load_generator(Path(path))
    labels = class_labels(n, model.num_classes, None)
    return ge.judge_digits(generate(model, latents(n, model.z_size, 0), labels), labels)


path = choices[label]
report = judged(str(path), path.stat().st_mtime, n)
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("evaluate.confidence"), f"{report['mean_confidence']:.2f}", help=t("evaluate.confidence_help"))
c2.metric(t("evaluate.covered"), f"{report['classes_covered']} / 10", help=t("evaluate.covered_help"))
c3.metric(t("evaluate.diversity"), f"{report['diversity_ratio']:.2f}", help=t("evaluate.diversity_help"))
if "class_accuracy" in report:
    c4.metric(t("evaluate.accuracy"), f"{report['class_accuracy']:.0%}", help=t("evaluate.accuracy_help"))
st.plotly_chart(charts.class_shares_figure(report["class_shares"], [str(i) for i in range(10)],
                                          t("evaluate.shares_title", n=report["samples"])))
st.caption(t("evaluate.measured_on", judge=report["judge"], n=report["samples"]))
