"""Page set-up shared by every page: config, language switch, owner token, sidebar facts."""

from __future__ import annotations

import numpy as np
import streamlit as st
from PIL import Image

import ganengine as ge

from .i18n import language_selector, t
from .owner import owner_token

PAGES = (
    ("streamlit_app.py", "🎭", "home.title"),
    ("pages/1_Train.py", "🏋️", "train.title"),
    ("pages/2_Generate.py", "🎨", "generate.title"),
    ("pages/3_Translate.py", "🔁", "translate.title"),
    ("pages/4_Super_Resolution.py", "🔍", "sr.title"),
    ("pages/5_Evaluate.py", "📏", "evaluate.title"),
    ("pages/6_Ethics_Detection.py", "🛡️", "ethics.title"),
)


def setup_page(title_key: str, icon: str) -> str:
    """Configure the page, draw the sidebar (translated page links, language, device), return the owner token."""
    st.set_page_config(page_title=f"GAN Studio · {t(title_key)}", page_icon=icon, layout="wide")
    links = st.sidebar.container()
    st.sidebar.divider()
    language_selector()  # before any other text is drawn, so a switch shows at once
    with links:
        for path, page_icon, key in PAGES:
            st.page_link(path, label=t(key), icon=page_icon)
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
