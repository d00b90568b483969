"""The training loop every task runs through, and in-process stepping."""

from .loop import EMA, Trainer, TrainResult, run_task

__all__ = ["EMA", "TrainResult", "Trainer", "run_task"]
