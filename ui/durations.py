"""Durations as people say them, in the reader's language ("2 days 9 hr", "14 min"; French "2 j 9 h"), by Babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_timedelta

from .i18n import lang

_UNITS = ((86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second"))


def duration(seconds: float, language: str | None = None) -> str:
    """`seconds` in its two largest units, rounded to the second ("1 hr 5 min", "45 sec"; never "206124 s")."""
    left = max(0, round(seconds))
    locale = language or lang()
    parts: list[str] = []
    for size, unit in _UNITS:
        count = left // size
        if count or (size == 1 and not parts):
            parts.append(format_timedelta(dt.timedelta(seconds=count * size), granularity=unit, threshold=1e9,
                                          format="short", locale=locale))
            left -= count * size
        elif parts:
            break  # "2 days 0 hr 5 min" would say more than anyone reads: stop at a gap
        if len(parts) == 2:
            break
    return " ".join(parts)
