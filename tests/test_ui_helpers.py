"""Page helpers that hold logic of their own (no Streamlit script run needed)."""

import pytest

from ganengine.tasks import GanConfig
from ui.jobs_panel import recent_rate, seconds_left, thin


def test_time_left_follows_the_current_speed_not_the_average():
    cfg = GanConfig(model="dcgan", data="digits", steps=1000, batch_size=64)
    # 100 steps took 50 s (a slow start), but the last window ran at 10 steps/s: 900 steps left take 90 s.
    assert seconds_left(cfg, {"step": 100, "elapsed": 50.0, "steps_per_s": 10.0}) == 90.0
    budget = GanConfig(model="dcgan", data="digits", steps=1000, batch_size=64, time_budget=60.0)
    assert seconds_left(budget, {"step": 100, "elapsed": 50.0, "steps_per_s": 10.0}) == 10.0  # the budget ends first
    assert seconds_left(cfg, {"step": 100, "elapsed": 50.0, "steps_per_s": 0.0}) == 0.0
    # a run logged before the schema had steps/s: its images/s over the batch size
    assert seconds_left(cfg, {"step": 100, "elapsed": 50.0, "items_per_s": 640.0}) == 90.0


def test_the_live_history_stays_bounded_and_keeps_recent_detail():
    rows = []
    for step in range(1, 5001):
        rows = thin([*rows, {"step": step}], limit=100)
    steps = [r["step"] for r in rows]
    assert len(rows) <= 100 and steps[-1] == 5000 and steps[0] <= 50  # the whole run, at a coarser grain
    assert steps[-10:] == list(range(4991, 5001))  # the newest rows whole


def test_time_left_uses_the_last_twenty_seconds_not_one_window():
    rows = [{"step": 10 * i, "elapsed": 2.0 * i} for i in range(30)]  # 5 steps/s throughout
    rows.append({"step": 300, "elapsed": 60.5})  # one slow window (a busy second) does not swing the estimate
    assert recent_rate(rows) == pytest.approx((300 - 210) / (60.5 - 42.0))  # rows since 40.5 s
    assert recent_rate(rows[:1]) is None


def test_durations_read_as_people_say_them_in_both_languages():
    from ui.durations import duration as spaced

    def duration(seconds, language):  # Babel keeps a number and its unit together with no-break spaces
        return spaced(seconds, language).replace("\xa0", " ").replace("\u202f", " ")

    assert duration(206124, "en") == "2 days 9 hr" and duration(206124, "fr") == "2 j 9 h"  # not "206124 s"
    assert duration(840, "en") == "14 min" and duration(840, "fr") == "14 min"
    assert duration(7260, "en") == "2 hr 1 min" and duration(45.4, "fr") == "45 s"
    assert duration(86_459, "en") == "1 day" and duration(0, "en") == "0 sec"


def test_a_judged_card_says_its_score_against_real_digits():
    from ui.checkpoint_picker import judge_summary

    report = {"mean_confidence": 0.639, "digit_score_share": 0.4307, "classes_covered": 10, "class_shares": [0.1] * 10,
              "diversity_ratio": 0.985, "samples": 1000}
    line = judge_summary(report)
    assert line.startswith("confidence 0.64 · score 43% of real digits' · 10/10 classes")
    assert "score" not in judge_summary({"mean_confidence": 0.9})  # a card judged before the score: as it was


def test_french_percentages_take_a_narrow_space_before_the_sign():
    from ui.i18n import number_writer

    assert number_writer("fr")(0.43, ".0%") == "43\u202f%" and number_writer("en")(0.43, ".0%") == "43%"
    assert number_writer("fr")(0.9172, ".1%") == "91,7\u202f%"
    import numpy as np

    assert number_writer("fr")(np.float32(0.25), ".2f") == "0,25" and number_writer("fr")(np.int64(1500), ",") == "1\u202f500"


def test_the_engines_refusals_are_said_in_the_readers_language():
    """The job manager's caps and queue limits carry a code; the pages word them, the engine keeps its English."""
    import ganengine as ge
    from ganengine.jobs.manager import within_caps
    from ui.i18n import said
    from ui.plaintext import defused

    with pytest.raises(ge.ConfigError) as refused:
        within_caps(GanConfig(steps=5000), 1000, None)
    assert said(refused.value, language="en") == str(refused.value) == \
        "this server allows at most 1,000 steps per run (got 5,000)"
    assert said(refused.value, language="fr") == "ce serveur permet au plus 1\u202f000 pas par entraînement (demandé : 5\u202f000)"
    with pytest.raises(ge.ConfigError) as refused:
        within_caps(GanConfig(time_budget=90.5), None, 60)
    assert said(refused.value, language="fr") == "ce serveur permet au plus 60 s par entraînement (demandé : 90,5 s)"
    uncoded = ge.UserError("a *file* said [x](http://h)")
    assert said(uncoded, language="fr") == defused(uncoded)  # no code: the English sentence, defused


def test_every_coded_refusal_in_the_engine_has_its_sentence_in_both_languages():
    import ast
    from pathlib import Path

    from ui.strings import STRINGS

    codes = {node.args[1].value for path in (Path(__file__).resolve().parent.parent / "ganengine").rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "coded"}
    assert {"cap_steps", "cap_time", "queue_owner", "tasks_owner", "queue_full", "more_steps"} <= codes
    assert not [c for c in codes if set(STRINGS.get(f"error.{c}", {})) != {"en", "fr"}]
