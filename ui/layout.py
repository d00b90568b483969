"""Page set-up shared by every page: config, language switch, owner token, sidebar facts."""

from __future__ import annotations

import numpy as np
import streamlit as st
from PIL import Image

import ganengine as ge

from .i18n import language_selector, t
from .owner import keep_alive, owner_token
from .pages import page_of, visible_pages
from .uploads import uploads_manager


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
    keep_alive(owner)
    device = ge.describe_device()
    where = device.get("gpu") or t("sidebar.cpu", n=device["cpu_threads"])
    st.sidebar.caption(t("sidebar.device", device=where))
    uploads_manager(owner)
    return owner


def upscale(image: np.ndarray, min_side: int = 256) -> Image.Image:
    """Enlarge a small image with nearest-neighbour pixels so it is visible (no smoothing invented)."""
    img = Image.fromarray(image)
    factor = max(1, min_side // max(1, min(img.size)))
    return img.resize((img.width * factor, img.height * factor), Image.Resampling.NEAREST) if factor > 1 else img


#: The widest a picture is drawn on a wide page: fits the main column of a 1280-1400 px window beside the sidebar.
FIT_SIDE = 840
_PIXELATED = "<style>[class*='st-key-sharp_'] img { image-rendering: pixelated; }</style>"


def fit(image: np.ndarray, max_width: int = FIT_SIDE, max_height: int | None = None, max_factor: int = 24) -> Image.Image:
    """Enlarge a small picture by the largest whole factor (at most `max_factor`) that keeps it within max_width x
    max_height (default: square), nearest-neighbour: each pixel becomes an even k x k block, sharp, nothing invented."""
    img = Image.fromarray(image)
    factor = max(1, min(max_factor, max_width // img.width, (max_height or max_width) // img.height))
    return img.resize((img.width * factor, img.height * factor), Image.Resampling.NEAREST) if factor > 1 else img


def sharp_image(image: np.ndarray, caption: str, key: str, max_width: int = FIT_SIDE, max_height: int | None = None) -> None:
    """A picture enlarged to the space (`fit`) and kept pixel-sharp should a narrow window shrink it further."""
    with st.container(key=f"sharp_{key}"):
        st.html(_PIXELATED)
        st.image(fit(image, max_width, max_height), caption=caption, output_format="PNG")  # JPEG would blur the edges
