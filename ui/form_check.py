"""Out-of-range values in a form, said next to its button: Streamlit's own number inputs only turn a typed value
red (and keep sending the old one), so the pages take values unclamped and check them here against the engine's
bounds (ganengine.limits, lowered by the server's caps)."""

from __future__ import annotations

from collections.abc import Iterable

from ganengine.limits import Bound

from .i18n import number, t


def out_of_range(fields: Iterable[tuple[str, float, Bound]]) -> list[str]:
    """One sentence per (label, value, bound) whose value lies outside the bound: what was typed and the range."""
    problems = []
    for label, value, bound in fields:
        if not bound.low <= value <= bound.high:
            spec = "," if bound.whole else ",.6g"
            problems.append(t("form.out_of_range", field=label, value=number(value, spec), low=number(bound.low, spec),
                              high=number(bound.high, spec)))
    return problems
