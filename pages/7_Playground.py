"""Playground: watch a generator and a discriminator fight over points in a plane, live, step by step, or two losses
side by side; small models trained in-process (ganengine.playground), bounded per session and per server."""

import streamlit as st

import ganengine as ge
from ganengine import playground as pg
from ui import learn
from ui import playground_view as view
from ui.i18n import t
from ui.layout import setup_page

setup_page(__file__)
st.title(t("playground.title"))
st.markdown(t("playground.intro"))

settings, other, steps_per_tick, layers = view.controls()
drawn = None
if settings.target == pg.DRAWN:
    drawn = view.draw_target()
    if drawn is None:
        st.stop()
sides = [settings] if other is None else [settings, other]
try:
    playgrounds = view.session_playgrounds(sides, drawn)
except ge.UserError as exc:
    st.error(t("playground.refused", reason=exc))
    st.stop()

view.playback(playgrounds)
view.live(playgrounds, steps_per_tick, layers, [view.loss_label(s.loss) for s in sides])

st.divider()
st.subheader(t("playground.look_title"))
st.markdown(t("playground.look_text"))
with st.expander(t("playground.try_title")):
    st.markdown(t("playground.try_text"))
learn.topics(("gen_disc", "mode_collapse", "wgan", "minimax"), here="pages/7_Playground.py")
