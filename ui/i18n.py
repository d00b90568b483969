"""UI strings in English and French: one catalogue (ui/strings.py), one lookup, a sidebar switch."""

from __future__ import annotations

import streamlit as st

from .strings import STRINGS

LANGUAGES = {"en": "English", "fr": "Français"}
_KEY = "lang"


def lang() -> str:
    return st.session_state.get(_KEY, "en")


def t(key: str, **values: object) -> str:
    """The string `key` in the current language, formatted with `values`."""
    entry = STRINGS[key]
    text = entry.get(lang()) or entry["en"]
    return text.format(**values) if values else text


def language_selector() -> None:
    st.sidebar.radio("Language / Langue", list(LANGUAGES), format_func=LANGUAGES.get, key=_KEY, horizontal=True)
