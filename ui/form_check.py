"""Out-of-range values in a form, said next to its button: Streamlit's own number inputs only turn a typed value
red (and keep sending the old one), so the pages take values unclamped and check them here against the engine's
bounds (ganengine.limits, lowered by the server's caps)."""

from __future__ import annotations

from collections.abc import Iterable

from ganengine.limits import Bound

from .i18n import number, t


def _shown(x: float, whole: bool) -> str:
    """A bound or a typed value as the reader writes it: 1,800 (not 1,800.0) for whole numbers, 1e-06 for tiny ones."""
    return number(int(x), ",") if whole and float(x).is_integer() else number(x, ",.6g")


def out_of_range(fields: Iterable[tuple[str, float, Bound]]) -> list[str]:
    """One sentence per (label, value, bound) whose value lies outside the bound: what was typed and the range."""
    return [t("form.out_of_range", field=label, value=_shown(value, bound.whole), low=_shown(bound.low, bound.whole),
              high=_shown(bound.high, bound.whole))
            for label, value, bound in fields if not bound.low <= value <= bound.high]
