"""UI strings in English and French: one catalogue (ui/strings.py), one lookup, a sidebar switch."""

from __future__ import annotations

import streamlit as st

from .strings import STRINGS

LANGUAGES = {"en": "English", "fr": "Français"}
_KEY = "lang"
_WIDGET = "lang_widget"


def lang() -> str:
    return st.session_state.get(_KEY, "en")


def t(key: str, **values: object) -> str:
    """The string `key` in the current language, formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang()) or entry["en"]
    return text.format(**values) if values else text


def _remember_language() -> None:
    st.session_state[_KEY] = st.session_state[_WIDGET]


def language_selector() -> None:
    """The sidebar switch. Widget state does not survive a page change, so the choice lives in a plain key."""
    st.session_state.setdefault(_KEY, "en")
    st.session_state[_WIDGET] = st.session_state[_KEY]
    st.sidebar.radio("Language / Langue", list(LANGUAGES), format_func=LANGUAGES.get, key=_WIDGET, horizontal=True,
                     on_change=_remember_language)
