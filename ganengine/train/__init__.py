"""Training loops and their events."""

from ..events import TERMINAL, Event, EventSink, JsonlSink, file_stop_flag, read_events
from .gan import TrainResult, model_spec, train_gan

__all__ = ["TERMINAL", "Event", "EventSink", "JsonlSink", "TrainResult", "file_stop_flag", "model_spec", "read_events", "train_gan"]
