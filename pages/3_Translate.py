"""Translate (image-to-image): Pix2Pix and CycleGAN — explained now, interactive in a later release."""

import streamlit as st

from ui.i18n import t
from ui.layout import setup_page
from ui.placeholders import coming_later

setup_page(__file__)
st.title(t("translate.title"))
st.markdown(t("translate.intro"))
coming_later("translate")
