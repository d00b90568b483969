"""Metrics: torch-fidelity scores with a named feature extractor, and coverage / memorisation analyses."""

from .analysis import Coverage, Memorisation, class_coverage, fid_over_steps, memorisation_check
from .extractors import ExtractorUnavailable, choose_extractor, inception_weights, register_domain_extractors
from .fidelity import METRICS, EvalResult, EvaluationError, evaluate_generator
from .representation import representation_table

__all__ = [
    "METRICS", "Coverage", "EvalResult", "EvaluationError", "ExtractorUnavailable", "Memorisation", "choose_extractor",
    "class_coverage", "evaluate_generator", "fid_over_steps", "inception_weights", "memorisation_check",
    "register_domain_extractors", "representation_table",
]
