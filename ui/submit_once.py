"""One start per form submission: a double click reruns the page twice with the form submitted, and the second
run must find the first run's job instead of starting another (the job manager refuses twins too, across tabs)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

T = TypeVar("T")
WINDOW_S = 3.0  # a second press of the same form with the same values within this time is the same submission


def start_once(slot: str, fingerprint: object, start: Callable[[], T], window_s: float = WINDOW_S) -> T:
    """`start()`'s result, or the result this session got from it for the same `fingerprint` (the submitted values)
    less than `window_s` seconds ago. `slot` names the form (one per button)."""
    key = f"start_once__{slot}"
    last = st.session_state.get(key)
    now = time.monotonic()
    if last is not None and last[0] == fingerprint and now - last[1] < window_s:
        return last[2]
    result = start()
    st.session_state[key] = (fingerprint, now, result)
    return result
