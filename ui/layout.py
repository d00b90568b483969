"""Page set-up shared by every page: config, language switch, owner token, sidebar facts."""

from __future__ import annotations

import numpy as np
import streamlit as st
from PIL import Image

import ganengine as ge

from .i18n import language_selector, t
from .owner import owner_token


def setup_page(title_key: str, icon: str) -> str:
    """Configure the page, draw the sidebar, and return this browser's owner token."""
    st.set_page_config(page_title=f"GAN Studio · {t(title_key)}", page_icon=icon, layout="wide")
    language_selector()
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
