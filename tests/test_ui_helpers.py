"""Page helpers that hold logic of their own (no Streamlit script run needed)."""

from ganengine.tasks import GanConfig
from ui.jobs_panel import seconds_left


def test_time_left_follows_the_current_speed_not_the_average():
    cfg = GanConfig(model="dcgan", data="digits", steps=1000, batch_size=64)
    # 100 steps took 50 s (a slow start), but the last window ran at 10 steps/s: 900 steps left take 90 s.
    assert seconds_left(cfg, {"step": 100, "elapsed": 50.0, "images_per_s": 640.0}) == 90.0
    budget = GanConfig(model="dcgan", data="digits", steps=1000, batch_size=64, time_budget=60.0)
    assert seconds_left(budget, {"step": 100, "elapsed": 50.0, "images_per_s": 640.0}) == 10.0  # the budget ends first
    assert seconds_left(cfg, {"step": 100, "elapsed": 50.0, "images_per_s": 0.0}) == 0.0
