"""The plain notice of pages whose interactive part comes in a later release, with links to what works."""

from __future__ import annotations

import streamlit as st

from .i18n import t
from .pages import PAGES


def coming_later(prefix: str) -> None:
    st.info(t(f"{prefix}.later"))
    st.markdown(t("later.meanwhile"))
    links = [p for p in PAGES if p.ready and p.map_key]
    for column, entry in zip(st.columns(len(links)), links, strict=True):
        column.page_link(entry.path, label=t(entry.title_key), icon=entry.icon)
