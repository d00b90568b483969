"""Who owns a job: a random, unguessable token per browser, kept in a cookie.

A Streamlit session id changes on every reload, so jobs are keyed by this token instead.
"""

from __future__ import annotations

import re
import secrets

import streamlit as st

from .cookies import read_cookie, write_cookie

COOKIE = "ganstudio_owner"
_KEY = "owner_token"
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{32,64}")


def owner_token() -> str:
    """This browser's owner token: from the cookie if present, else a new one (then stored)."""
    from_cookie = read_cookie(COOKIE, _TOKEN_RE)
    if from_cookie:
        st.session_state[_KEY] = from_cookie
        return from_cookie
    token = st.session_state.get(_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        st.session_state[_KEY] = token
    write_cookie(COOKIE, token)
    return token
