"""The plain notice of pages whose interactive part comes in a later release, with links to what works."""

from __future__ import annotations

import streamlit as st

from .i18n import t


def coming_later(prefix: str) -> None:
    st.info(t(f"{prefix}.later"))
    st.markdown(t("later.meanwhile"))
    c1, c2, c3 = st.columns(3)
    c1.page_link("pages/1_Train.py", label=t("train.title"), icon="🏋️")
    c2.page_link("pages/2_Generate.py", label=t("generate.title"), icon="🎨")
    c3.page_link("streamlit_app.py", label=t("home.title"), icon="🎭")
