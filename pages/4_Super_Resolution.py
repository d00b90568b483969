"""Super-Resolution: SRGAN-style upscaling — explained now, interactive in a later release."""

import streamlit as st

from ui.i18n import t
from ui.layout import setup_page
from ui.placeholders import coming_later

setup_page(__file__)
st.title(t("sr.title"))
st.markdown(t("sr.intro"))
coming_later("sr")
