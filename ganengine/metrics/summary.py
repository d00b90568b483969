"""Several seeds of one generator folded into one row (mean and min-max range per metric), and the comparison table the
Evaluate page, its HTML report and the CLI share: key metrics first, then the details, with each metric's best row.

Every figure still comes from torch-fidelity through `evaluate_generator`; this module only runs it per seed and lays
the numbers out, so the page, the report and the CLI can never disagree on a column's place or on which row is best.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..pipelines import SamplePipeline
from .fidelity import EvalResult, EvaluationError, evaluate_generator

KEY_METRICS = ("fid", "kid", "precision", "recall")  # what a reader compares first
SCORES = (*KEY_METRICS, "isc")
LOWER_IS_BETTER = frozenset({"fid", "kid"})
DETAILS = ("kid_std", "isc_std", "step", "extractor", "samples", "seeds", "seconds")
MAX_SEEDS = 5  # each seed is a whole evaluation: a few are enough to see the spread
#: How each column's numbers are written (a format spec for the reader's `number` function).
FORMATS = {"fid": ".4g", "kid": ".3g", "precision": ".3f", "recall": ".3f", "isc": ".4g", "kid_std": ".2g",
           "isc_std": ".2g", "step": ",", "samples": ",", "seeds": "d", "seconds": ".1f"}
#: Shorter formats for a mean with its range (three numbers must fit one narrow cell).
SPREAD_FORMATS = {"fid": ".3g", "kid": ".2g", "precision": ".2f", "recall": ".2f", "isc": ".3g"}


def evaluate_seeds(pipeline: SamplePipeline, data: str | None = None, n: int = 1000,
                   metrics: tuple[str, ...] = ("fid", "kid", "prc"), extractor: str = "auto", seeds: int = 1,
                   first_seed: int = 0, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """`evaluate_generator` at `seeds` consecutive seeds from `first_seed` (each seed draws other noise and another real
    subset), folded by `combine`; `progress(done)` is called after each seed."""
    if not 1 <= seeds <= MAX_SEEDS:
        raise EvaluationError(f"the number of seeds must be between 1 and {MAX_SEEDS} (got {seeds})")
    results = []
    for i in range(seeds):
        results.append(evaluate_generator(pipeline, data=data, n=n, metrics=metrics, extractor=extractor,
                                          seed=first_seed + i))
        if progress is not None:
            progress(i + 1)
    return combine(results)


def combine(results: Sequence[EvalResult]) -> dict[str, Any]:
    """One row for several seeds of one generator: each metric's mean, its [min, max] under "range", every seed's
    value under "per_seed", the seed count, and the seconds of all seeds together."""
    if not results:
        raise ValueError("nothing to combine")
    row = results[0].to_dict()
    row.update(seeds=len(results), seconds=round(sum(r.seconds for r in results), 2), range={}, per_seed={})
    for name in results[0].metrics:
        values = [r.metrics[name] for r in results]
        row[name] = statistics.fmean(values)
        row["range"][name] = [min(values), max(values)]
        row["per_seed"][name] = values
    return row


def ordered_columns(present: Iterable[str]) -> list[str]:
    """The table's columns that are present, key metrics first, then IS, then the details."""
    present = set(present)
    return [c for c in (*SCORES, *DETAILS) if c in present]


def best_row(values: Sequence[float], metric: str) -> int | None:
    """The index of the best value of a score (lowest FID/KID, highest precision/recall/IS); None for a detail
    column or fewer than two rows (a single row is best of nothing)."""
    if metric not in SCORES or len(values) < 2:
        return None
    pick = min if metric in LOWER_IS_BETTER else max
    return values.index(pick(values))


@dataclass(frozen=True)
class SummaryTable:
    """Rows of one feature extractor's figures (numbers from different extractors never share a table)."""

    labels: list[str]
    columns: list[str]  # metric and detail keys, in display order
    values: list[list[Any]]  # one row per label: means for the scores, the details as measured
    ranges: dict[tuple[int, str], tuple[float, float]] = field(default_factory=dict)  # only where seeds > 1
    best: dict[str, int] = field(default_factory=dict)  # column -> index of its best row

    def cells(self, number: Callable[[Any, str], str] = format) -> list[list[str]]:
        """Every cell as the reader sees it: scores as 'mean (min–max)' when several seeds were measured."""
        out = []
        for i, row in enumerate(self.values):
            texts = []
            for col, value in zip(self.columns, row, strict=True):
                if not isinstance(value, int | float) or isinstance(value, bool):
                    texts.append(str(value))
                    continue
                if (i, col) in self.ranges:
                    spec = SPREAD_FORMATS.get(col, ".3g")
                    lo, hi = self.ranges[(i, col)]
                    dash = " – " if lo < 0 else "–"  # spaced where a minus sign would touch it
                    texts.append(f"{number(value, spec)} ({number(lo, spec)}{dash}{number(hi, spec)})")
                else:
                    texts.append(number(value, FORMATS.get(col, ".4g")))
            out.append(texts)
        return out


def summary_table(rows: Sequence[tuple[str, dict[str, Any]]]) -> SummaryTable:
    """The table of (label, combined row) pairs measured with one extractor."""
    columns = ordered_columns(set().union(*(r.keys() for _, r in rows)) if rows else ())
    values = [[r.get(c) for c in columns] for _, r in rows]
    ranges = {(i, c): tuple(r["range"][c]) for i, (_, r) in enumerate(rows)
              if r.get("seeds", 1) > 1 for c in r.get("range", {}) if c in columns}
    best = {}
    for j, c in enumerate(columns):
        column = [v[j] for v in values]
        if all(isinstance(v, int | float) for v in column):
            index = best_row(column, c)
            if index is not None:
                best[c] = index
    return SummaryTable([label for label, _ in rows], columns, values, ranges, best)
