"""Who owns a job: a random, unguessable token per browser, kept in a cookie.

A Streamlit session id changes on every reload, so jobs are keyed by this token instead. A tiny
inline custom component (v2, no iframe) writes the cookie; st.context.cookies reads it back.
"""

from __future__ import annotations

import re
import secrets

import streamlit as st

COOKIE = "ganstudio_owner"
_KEY = "owner_token"
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")

_JS = """
export default function (component) {
  const { data } = component;
  if (data && data.token && /^[A-Za-z0-9_-]{32,64}$/.test(data.token)) {
    document.cookie = `${data.name}=${data.token}; path=/; max-age=31536000; SameSite=Strict`;
  }
}
"""

_cookie_writer = st.components.v2.component("ganstudio_owner_cookie", js=_JS)


def owner_token() -> str:
    """This browser's owner token: from the cookie if present, else a new one (then stored)."""
    from_cookie = _read_cookie()
    if from_cookie:
        st.session_state[_KEY] = from_cookie
        return from_cookie
    token = st.session_state.get(_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        st.session_state[_KEY] = token
    _cookie_writer(data={"name": COOKIE, "token": token}, key="owner_cookie_writer", height=0)
    return token


def _read_cookie() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser context (AppTest, bare mode)
        return None
    return value if isinstance(value, str) and _TOKEN_RE.match(value) else None
