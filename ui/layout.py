"""Page set-up shared by every page: config, language switch, owner token, sidebar facts."""

from __future__ import annotations

import numpy as np
import streamlit as st
from PIL import Image

import ganengine as ge

from .i18n import language_selector, t
from .owner import owner_token
from .pages import page_of, visible_pages


def setup_page(file: str) -> str:
    """Configure the page (`file`: the page script's __file__), draw the sidebar (translated page links from the
    page registry, language, device), return the owner token."""
    this = page_of(file)
    st.set_page_config(page_title=f"GAN Studio · {t(this.title_key)}", page_icon=this.icon, layout="wide")
    links = st.sidebar.container()
    st.sidebar.divider()
    language_selector()  # before any other text is drawn, so a switch shows at once
    with links:
        for entry in visible_pages():
            st.page_link(entry.path, label=t(entry.title_key), icon=entry.icon)
    owner = owner_token()
    device = ge.describe_device()
    where = device.get("gpu") or t("sidebar.cpu", n=device["cpu_threads"])
    st.sidebar.caption(t("sidebar.device", device=where))
    return owner


def upscale(image: np.ndarray, min_side: int = 256) -> Image.Image:
    """Enlarge a small image with nearest-neighbour pixels so it is visible (no smoothing invented)."""
    img = Image.fromarray(image)
    factor = max(1, min_side // max(1, min(img.size)))
    return img.resize((img.width * factor, img.height * factor), Image.Resampling.NEAREST) if factor > 1 else img
