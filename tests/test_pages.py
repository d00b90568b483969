"""Streamlit AppTest: every page renders on first open with defaults; the main buttons work."""

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from ui.pages import PAGES as REGISTRY

ROOT = Path(__file__).resolve().parent.parent
PAGES = [p.path for p in REGISTRY if p.path != "streamlit_app.py"]


def open_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if page:
        at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_home_explains_and_shows_pictures_and_a_chart():
    at = open_page()
    assert_clean(at)
    assert at.title[0].value == "GAN Studio"
    assert "generator" in at.markdown[0].value
    assert len(at.get("plotly_chart")) == 1
    assert len(at.get("image")) >= 1


@pytest.mark.parametrize("page", PAGES)
def test_each_page_renders_on_first_open(page):
    at = open_page(page)
    assert_clean(at)
    assert at.title and at.markdown


def test_french_switch_changes_the_page():
    at = open_page()
    at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    assert "Apprenez" in at.markdown[0].value


def test_language_comes_back_from_the_cookie_on_a_new_session(monkeypatch):
    """A reload is a new Streamlit session: the language chosen earlier is read back from its cookie."""
    import ui.i18n

    monkeypatch.setattr(ui.i18n, "read_cookie", lambda name, pattern: "fr" if name == ui.i18n.COOKIE else None)
    at = open_page("pages/1_Train.py")
    assert_clean(at)
    assert at.title[0].value == "Entraîner" and at.sidebar.radio[0].value == "fr"


def test_train_page_starts_and_stops_a_job():
    at = open_page("pages/1_Train.py")
    at.selectbox[0].set_value("toy2d-moons").run()
    at.number_input[0].set_value(20000)
    at.button[0].click().run()  # the form's submit button
    assert_clean(at)
    job_id = at.session_state["train_job"]
    assert job_id
    end = time.monotonic() + 60
    while time.monotonic() < end and not any("Step" in str(p.value) or "Step" in str(getattr(p, "text", "")) for p in at.get("progress")):
        time.sleep(1)
        at.run()  # fragments do not tick by themselves in AppTest
    assert at.get("progress"), "the running job shows a progress bar"
    stop = next(b for b in at.button if b.label == "Stop")
    stop.click().run()
    end = time.monotonic() + 30
    while time.monotonic() < end and not at.warning:
        time.sleep(1)
        at.run()
    assert any("Stopped" in w.value for w in at.warning)
    assert_clean(at)
    # The stopped run kept a checkpoint: the Generate page opens on it.
    next(b for b in at.button if b.label == "Sample from this model on the Generate page").click().run()
    assert_clean(at)
    assert at.title[0].value == "Generate" and at.selectbox[0].value == f"run/{job_id}"


def test_a_job_stopped_while_queued_says_no_checkpoint_exists():
    at = open_page("pages/1_Train.py")
    at.selectbox[0].set_value("toy2d-moons").run()
    at.number_input[0].set_value(20000)
    at.button[0].click().run()
    first = at.session_state["train_job"]
    at.button[0].click().run()  # a second run waits behind the first (one job at a time in tests)
    second = at.session_state["train_job"]
    assert second != first and any("Waiting in the queue" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Stop").click().run()
    at.run()
    assert any("No checkpoint had been written" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not any(b.label == "Sample from this model on the Generate page" for b in at.button)
    assert any("ended before its first" in c.value for c in at.caption)
    at.selectbox[-1].set_value(first).run()
    next(b for b in at.button if b.label == "Stop").click().run()
    assert_clean(at)


def test_a_data_set_missing_from_the_server_is_refused_before_queueing(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_DATA_DIR", str(tmp_path))  # an empty data folder: MNIST is not here
    at = open_page("pages/1_Train.py")
    at.selectbox[0].set_value("mnist").run()
    assert any("mnist is not on this server" in w.value for w in at.warning)
    at.button[0].click().run()
    assert at.error and at.error[0].value.startswith("Not started: mnist is not on this server")
    assert "train_job" not in at.session_state


def test_train_page_refuses_bad_settings_with_one_line():
    at = open_page("pages/1_Train.py")
    at.selectbox[0].set_value("__upload__").run()
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Not started: upload a zip of images first"]


def test_generate_page_samples_interpolates_and_does_arithmetic():
    at = open_page("pages/2_Generate.py")
    assert_clean(at)
    labels = at.selectbox[0].options
    assert any("digits-dcgan" in o for o in labels)
    assert len(at.get("image")) >= 2  # the grid and the interpolation strip (+ GIF)
    face = next((o for o in labels if "faces-dcgan" in o), None)
    if face:
        at.selectbox[0].set_value(face).run()
        assert_clean(at)
        assert any("classifier was trained" in c.value for c in at.caption)  # shown only when arithmetic worked


def run_until_idle(at: AppTest, timeout: float = 240) -> AppTest:
    """Rerun until the page's background work (the shared work queue) is done: fragments do not tick by themselves in
    AppTest, so each run() is one tick."""
    end = time.monotonic() + timeout
    while at.session_state["eval_items"] and time.monotonic() < end:
        time.sleep(0.5)
        at.run()
    assert not at.session_state["eval_items"], "the evaluation did not finish in time"
    return at


def test_evaluate_page_compares_generators_and_explains(monkeypatch):
    at = open_page("pages/5_Evaluate.py")
    assert_clean(at)
    chosen = [o for o in at.multiselect[0].options if "digits" in o]
    at.multiselect[0].set_value(chosen).run()
    at.select_slider[0].set_value(250).run()
    next(b for b in at.button if b.label == "Evaluate").click().run()
    assert_clean(at)
    item = at.session_state["eval_items"]["run"]["id"]  # queued in the work queue, not run in the script thread
    assert next(b for b in at.button if b.label == "Evaluate").disabled  # while it is queued or running
    # A double click: the second click left the browser before the button was drawn disabled.
    monkeypatch.setattr(Button, "_assert_can_interact", lambda self: None)
    next(b for b in at.button if b.label == "Evaluate").click().run()
    assert at.session_state["eval_items"].get("run", {}).get("id", item) == item  # submits nothing more
    run_until_idle(at)
    assert_clean(at)
    table = at.dataframe[0].value
    assert len(table) == 2 and {"fid", "kid", "precision", "recall", "extractor"} <= set(table.columns)
    assert any("Measured on 250 generated samples" in c.value for c in at.caption)
    assert len(at.get("plotly_chart")) >= 4  # metric bars, coverage, judge shares
    assert any(m.value == "10 / 10" for m in at.metric)


def test_evaluate_fid_over_training_runs_in_the_work_queue(monkeypatch, tmp_path, tiny_image_config):
    import ganengine as ge
    import ui.engine
    from ganengine.train import run_task

    run_task(tiny_image_config, tmp_path / "run")  # checkpoints at steps 3 and 6
    run = ge.JobInfo("20260101-000000-abcdef", "finished", tiny_image_config, tmp_path / "run", 0.0, 0.0, 1.0, "", 0)

    class OneRun:  # the page lists the user's runs through the job manager
        def list(self, owner):
            return [run]

    at = open_page("pages/5_Evaluate.py")
    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at.select_slider[0].set_value(250).run()
    next(b for b in at.button if b.label == "Compute the curve").click().run()
    assert_clean(at)
    assert at.session_state["eval_items"]["fid"]
    assert next(b for b in at.button if b.label == "Compute the curve").disabled
    run_until_idle(at)
    assert_clean(at)
    key, points, samples = at.session_state["fid_curve"]
    assert key == f"run/{run.id}" and [p[0] for p in points] == [3, 6] and samples == 250


def test_evaluate_keeps_the_chosen_generators_when_the_language_changes():
    at = open_page("pages/5_Evaluate.py")
    keys = [k for k in at.multiselect[0].value]
    chosen = ["shipped/digits-dcgan", "shipped/digits-cdcgan"]
    assert keys == chosen[:1]
    at.multiselect[0].set_value(chosen).run()
    at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    assert at.title[0].value == "Évaluer" and list(at.multiselect[0].value) == chosen
    assert not at.info or not any("au moins un" in i.value for i in at.info)


def test_ethics_page_reads_back_provenance():
    at = open_page("pages/6_Ethics_Detection.py")
    assert_clean(at)
    assert any("generated by GAN Studio" in w.value for w in at.warning)


def test_language_survives_page_changes_and_keeps_choices():
    at = open_page("pages/2_Generate.py")
    face = next(o for o in at.selectbox[0].options if "faces-dcgan" in o)
    at.selectbox[0].set_value(next(p for p in at.selectbox[0].options if p == face)).run()
    at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    assert at.title[0].value == "Générer"
    assert "faces-dcgan" in str(at.selectbox[0].value)
    at.switch_page("pages/1_Train.py").run()
    assert at.title[0].value == "Entraîner"
    assert any("chiffres manuscrits" in o for o in at.selectbox[0].options)
