"""UI strings in English and French: one catalogue (ui/strings.py), one lookup, a sidebar switch."""

from __future__ import annotations

import contextlib
import numbers
import re
import string
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from .cookies import read_cookie, write_cookie
from .plaintext import defused
from .strings import STRINGS

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

LANGUAGES = {"en": "English", "fr": "Français"}
COOKIE = "ganstudio_lang"
_KEY = "lang"
_WIDGET = "lang_widget"
_WRITING = "lang_cookie_writing"  # this session has changed the language cookie
_LANG_RE = re.compile("|".join(LANGUAGES))


def lang() -> str:
    return st.session_state.get(_KEY, "en")


class _Formatter(string.Formatter):
    """str.format with the language's number conventions: 1,500.5 and 43% in English, 1 500,5 and 43 % in French."""

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if self.language == "fr" and isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
            text = text.replace(",", "\u202f").replace(".", ",")
            if format_spec.endswith("%"):
                text = text[:-1] + "\u202f%"  # French sets a (narrow, unbreakable) space before %
        return text


def t(key: str, **values: object) -> str:
    """The string `key` in the current language, formatted with `values`."""
    return _say(key, lang(), values)


def _say(key: str, language: str, values: dict[str, object]) -> str:
    entry = STRINGS[key]
    text = entry.get(language) or entry["en"]
    return _Formatter(language).format(text, **values) if values else text


def t_or(key: str, fallback: str, **fields: object) -> str:
    """The string `key` (formatted with `fields`) when the catalogue has it, else `fallback` (for names that come
    from data, e.g. a card's metrics, or a task's own caption)."""
    return t(key, **fields) if key in STRINGS else fallback


def number(value: float, spec: str = ",") -> str:
    """A number written the current language's way (for text built outside the catalogue)."""
    return _Formatter(lang()).format_field(value, spec)


def number_writer(language: str | None = None) -> Callable[[object, str], str]:
    """`number` for one language, as a plain function that needs no session (for work done outside the script run,
    e.g. a download built when it is clicked)."""
    return _Formatter(language or lang()).format_field


def said(exc: BaseException, escape: Callable[[object], str] | None = None, language: str | None = None) -> str:
    """Why the engine refused, in the reader's language where the error carries a code the catalogue knows
    (ganengine.errors.coded); else its English sentence, escaped for Markdown (`escape`, default `defused`)."""
    code, escape = getattr(exc, "code", ""), escape or defused
    if code and f"error.{code}" in STRINGS:
        params = {k: escape(v) if isinstance(v, str) else v for k, v in getattr(exc, "params", {}).items()}
        with contextlib.suppress(KeyError, ValueError):  # values that do not fit the sentence: the English one
            return _say(f"error.{code}", language or lang(), params)
    return escape(exc)


def reader_numbers(frame: pd.DataFrame, specs: dict[str, str]) -> Styler:
    """`frame` with the named columns written the reader's way (a decimal comma in French); the numbers stay
    underneath, so a column still sorts as numbers. A spec is a format spec, then after a space any text that follows
    the number (".1f %"); a missing value shows blank."""

    def writer(spec: str) -> Callable[[object], str]:
        fmt, _, tail = spec.partition(" ")
        write = number_writer()
        return lambda v: "" if v is None or pd.isna(v) else write(v, fmt) + (f"\u202f{tail}" if tail else "")

    return frame.style.format({c: writer(spec) for c, spec in specs.items() if c in frame.columns})


def _browser_language() -> str:
    """The reader's first choice: a cookie from an earlier visit, else the browser's locale, else English."""
    chosen = read_cookie(COOKIE, _LANG_RE)
    if chosen:
        return chosen
    try:
        locale = st.context.locale
    except Exception:  # no browser context (AppTest, bare mode)
        locale = None
    return "fr" if isinstance(locale, str) and locale.lower().startswith("fr") else "en"


def _remember_language() -> None:
    st.session_state[_KEY] = st.session_state[_WIDGET]


def language_selector() -> None:
    """The sidebar switch. Widget state does not survive a page change, so the choice lives in a plain key
    (for this session) and in a cookie (for the next visit or a reload)."""
    if _KEY not in st.session_state:
        st.session_state[_KEY] = _browser_language()
    st.session_state[_WIDGET] = st.session_state[_KEY]
    st.sidebar.radio("Language / Langue", list(LANGUAGES), format_func=LANGUAGES.get, key=_WIDGET, horizontal=True,
                     on_change=_remember_language)
    # st.context.cookies holds the cookie as it was when this session began, so once the session has changed it, the
    # writer stays on the page with the current choice: a switch back to the visit's first language is written too.
    if st.session_state.get(_WRITING) or read_cookie(COOKIE, _LANG_RE) != st.session_state[_KEY]:
        st.session_state[_WRITING] = True
        write_cookie(COOKIE, st.session_state[_KEY])
