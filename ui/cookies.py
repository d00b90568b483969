"""Small per-browser settings kept in cookies: written by a tiny inline custom component, read back from st.context."""

from __future__ import annotations

import re
import zlib

import streamlit as st

_JS = """
export default function (component) {
  const { data } = component;
  if (data && /^[a-z_]{1,32}$/.test(data.name) && /^[A-Za-z0-9_-]{1,64}$/.test(data.value)) {
    const secure = window.location.protocol === "https:" ? "; Secure" : "";  // behind HTTPS: never sent in clear
    document.cookie = `${data.name}=${data.value}; path=/; max-age=31536000; SameSite=Strict${secure}`;
  }
}
"""

_writer = st.components.v2.component("ganstudio_cookie", js=_JS)


def read_cookie(name: str, pattern: re.Pattern[str]) -> str | None:
    """The cookie's value when it matches `pattern`; None when absent, malformed, or there is no browser (AppTest)."""
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no browser context (AppTest, bare mode)
        return None
    return value if isinstance(value, str) and pattern.fullmatch(value) else None


def write_cookie(name: str, value: str) -> None:
    """Ask the browser to store name=value for a year (takes effect in the page; read back on the next load)."""
    # One element per value: a new value mounts a new writer, so it runs even where the last one is still on the page.
    _writer(data={"name": name, "value": value}, key=f"cookie_writer_{name}_{zlib.crc32(value.encode()):08x}", height=0)
