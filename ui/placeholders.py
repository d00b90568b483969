"""The plain notice of pages whose interactive part comes in a later release, with links to what works."""

from __future__ import annotations

import streamlit as st

from .i18n import t
from .layout import PAGES

WORKING = ("pages/1_Train.py", "pages/2_Generate.py", "pages/5_Evaluate.py", "pages/6_Ethics_Detection.py")


def coming_later(prefix: str) -> None:
    st.info(t(f"{prefix}.later"))
    st.markdown(t("later.meanwhile"))
    links = [(path, icon, key) for path, icon, key in PAGES if path in WORKING]
    for column, (path, icon, key) in zip(st.columns(len(links)), links, strict=True):
        column.page_link(path, label=t(key), icon=icon)
