"""Metrics: torch-fidelity scores with a named feature extractor, and coverage / memorisation analyses."""

from .analysis import Coverage, Memorisation, class_coverage, fid_over_steps, memorisation_check
from .extractors import ExtractorUnavailable, choose_extractor, inception_weights, register_domain_extractors
from .fidelity import METRICS, EvalResult, EvaluationError, evaluate_generator
from .representation import representation_table
from .summary import KEY_METRICS, MAX_SEEDS, SummaryTable, combine, evaluate_seeds, summary_table

__all__ = [
    "KEY_METRICS", "MAX_SEEDS", "METRICS", "Coverage", "EvalResult", "EvaluationError", "ExtractorUnavailable",
    "Memorisation", "SummaryTable", "choose_extractor", "class_coverage", "combine", "evaluate_generator",
    "evaluate_seeds", "fid_over_steps", "inception_weights", "memorisation_check", "register_domain_extractors",
    "representation_table", "summary_table",
]
