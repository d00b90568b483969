"""Who owns a job: a random, unguessable token per browser, kept in a cookie.

A Streamlit session id changes on every reload, so jobs are keyed by this token instead.
"""

from __future__ import annotations

import re
import secrets
import time

import streamlit as st

import ganengine as ge

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


_SEEN_KEY = "owner_seen_at"
SEEN_EVERY_S = 30.0


def keep_alive(owner: str) -> None:
    """Mark the owner as having a tab open (at most every SEEN_EVERY_S): the server stops the jobs of owners gone past
    its abandon time and removes the files of owners gone past its expiry time."""
    now = time.monotonic()
    if now - st.session_state.get(_SEEN_KEY, -SEEN_EVERY_S) >= SEEN_EVERY_S:
        ge.storage.mark_seen(ge.owner_key(owner))
        st.session_state[_SEEN_KEY] = now
