"""Streamlit AppTest: every page renders on first open with defaults; the main buttons work."""

import json
import re
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


def data_box(at: AppTest, language: str = "en"):
    """The Train page's data set list (its widget key carries the language, so its labels follow a switch)."""
    return at.selectbox(key=f"train_data__{language}")


def field(at: AppTest, label: str):
    """A number input of the page by its label."""
    return next(n for n in at.number_input if n.label == label)


def runs_box(at: AppTest):
    return next(s for s in at.selectbox if s.label == "Your runs")


def stop_all(at: AppTest) -> None:
    """Stop this session's runs (the job manager is shared by the whole test session)."""
    import ui.engine

    manager = ui.engine.job_manager()
    owner = at.session_state["owner_token"]
    for job in manager.list(owner):
        if job.active:
            manager.cancel(job.id, owner)


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_train_page_starts_and_stops_a_job():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("toy2d-moons").run()
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
    data_box(at).set_value("toy2d-moons").run()
    at.number_input[0].set_value(20000)
    at.button[0].click().run()
    first = at.session_state["train_job"]
    field(at, "Random seed").set_value(1)  # another seed: another run (the same form pressed again at once is the same run)
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
    data_box(at).set_value("mnist").run()
    assert any("mnist is not on this server" in w.value for w in at.warning)
    at.button[0].click().run()
    assert at.error and at.error[0].value.startswith("Not started: mnist is not on this server")
    assert "train_job" not in at.session_state


def test_train_page_refuses_bad_settings_with_one_line():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("__upload__").run()
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Not started: upload a zip of images first"]


def test_a_double_click_on_start_queues_one_run():
    """A double click sends the form twice: the second submission finds the first run instead of queueing another."""
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("toy2d-moons").run()
    at.number_input[0].set_value(20000)
    at.button[0].click().run()
    first = at.session_state["train_job"]
    at.button[0].click().run()
    assert_clean(at)
    assert at.session_state["train_job"] == first
    assert [o.split(" · ")[0] for o in runs_box(at).options] == [first]
    stop_all(at)


def test_out_of_range_values_say_what_is_wrong_and_the_range():
    at = open_page("pages/1_Train.py")
    field(at, "Training steps").set_value(999999)
    field(at, "Time budget (s, 0 = none)").set_value(-5)
    field(at, "Learning rate G").set_value(5.0)
    at.button[0].click().run()
    assert_clean_but_errors = [e.value for e in at.error]
    assert len(assert_clean_but_errors) == 1 and assert_clean_but_errors[0].startswith("Not started: ")
    message = assert_clean_but_errors[0]
    assert "Training steps is 999,999: it must be between 10 and 200,000." in message
    assert "Time budget (s, 0 = none) is -5: it must be between 0 and 14,400." in message
    assert "Learning rate G is 5: it must be between 1e-06 and 1." in message
    assert "train_job" not in at.session_state


def test_server_caps_are_shown_in_the_form_and_refused(monkeypatch):
    monkeypatch.setenv("GANSTUDIO_MAX_STEPS", "5000")
    monkeypatch.setenv("GANSTUDIO_MAX_TIME_BUDGET", "600")
    at = open_page("pages/1_Train.py")
    assert any(c.value == "This server allows at most 5,000 steps and 10 min per run." for c in at.caption)
    field(at, "Training steps").set_value(6000)
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Not started: Training steps is 6,000: it must be between 10 and 5,000."]


def test_lesson_presets_fill_the_form():
    at = open_page("pages/1_Train.py")
    presets = at.selectbox(key="train_preset__en")
    assert "DCGAN on digits in 2 minutes" in presets.options and "Mode collapse on the ring" in presets.options
    presets.set_value("grid-wgan-gp").run()
    assert_clean(at)
    assert data_box(at).value == "toy2d-grid" and at.selectbox(key="train_model__en").value == "mlp"
    assert at.selectbox(key="train_loss__en").value == "wgan-gp"
    assert field(at, "D steps per step").value == 5 and field(at, "Learning rate G").value == 1e-3
    assert any("gradient penalty" in c.value for c in at.caption)  # the lesson, in a line
    field(at, "Training steps").set_value(1234)  # a change of one's own, then another preset: the preset's values
    at.selectbox(key="train_preset__en").set_value("digits-2min").run()
    assert data_box(at).value == "digits" and at.selectbox(key="train_model__en").value == "dcgan"
    assert field(at, "Time budget (s, 0 = none)").value == 120 and field(at, "Training steps").value == 200_000
    at.sidebar.radio[0].set_value("fr").run()
    assert at.selectbox(key="train_preset__fr").value == "digits-2min"
    assert "DCGAN sur les chiffres en 2 minutes" in at.selectbox(key="train_preset__fr").options


def test_train_lists_follow_a_language_switch_at_once():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("shapes").run()
    at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    assert data_box(at, "fr").value == "shapes" and any("chiffres manuscrits" in o for o in data_box(at, "fr").options)
    assert any("convolutionnel" in o for o in at.selectbox(key="train_model__fr").options)
    losses = at.selectbox(key="train_loss__fr").options
    assert "bce — BCE non saturante (le choix habituel)" in losses
    assert "hinge — perte à marge (SAGAN, BigGAN)" in losses  # never "hinge — hinge"
    assert any("64 Mo" in o or "Vos images" in o for o in data_box(at, "fr").options)


def test_upload_says_its_size_limit_in_our_words():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("__upload__").run()
    assert at.get("file_uploader")[0].label == "Zip of images, up to 64 MB (sub-folders become classes)"


def test_a_long_run_is_announced_before_it_starts():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("toy2d-moons").run()
    # A loss no other page test trains with: no run like it has measured a speed on this worker's server, so the
    # estimate is the time budget (with a measured speed, 200,000 moons steps can take under an hour).
    at.selectbox(key="train_loss__en").set_value("hinge").run()
    field(at, "Time budget (s, 0 = none)").set_value(7200)
    field(at, "Training steps").set_value(200_000)
    at.button[0].click().run()
    assert "train_job" not in at.session_state
    assert [w.value for w in at.warning] == ["This run would take 2 hr, its whole time budget. A shorter budget ends it "
                                             "sooner; or start it anyway."]
    next(b for b in at.button if b.label == "Start it anyway").click().run()
    assert_clean(at)
    assert at.session_state["train_job"] and not at.warning
    stop_all(at)


def test_a_reload_opens_the_running_run_and_a_queued_one_says_its_wait():
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("toy2d-moons").run()
    field(at, "Time budget (s, 0 = none)").set_value(300)
    at.button[0].click().run()
    running = at.session_state["train_job"]
    field(at, "Random seed").set_value(7)
    at.button[0].click().run()
    queued = at.session_state["train_job"]
    assert queued != running
    wait = next(i.value for i in at.info if "Waiting in the queue" in i.value)
    # Position 1 alone; other tests' runs may still be ahead in this process's shared queue.
    about = r"(\d+ hr )?(\d+ min( \d+ sec)?|\d+ sec)"
    assert re.fullmatch(rf"Waiting in the queue: position \d+\. It should start in about {about}\.", wait), wait
    next(b for b in at.button if b.label == "Stop").click().run()  # the newest run is now a stopped one
    del at.session_state["train_job"]  # what a reload forgets (a new session)
    at.run()
    assert runs_box(at).value == running
    stop_all(at)


@pytest.mark.parametrize("loss, words", [("wgan-gp", "D is a critic: it gives scores, not probabilities"),
                                         ("bce", "D(x) stays above D(G(z)) without reaching 1 vs 0")])
def test_the_charts_help_fits_the_loss(monkeypatch, tmp_path, tiny_image_config, loss, words):
    """A critic's D chart shows scores: its help must not speak of probabilities (and a BCE run's still does)."""
    import dataclasses

    import ui.engine
    from ganengine.events import JsonlSink
    from ganengine.train import run_task

    config = dataclasses.replace(tiny_image_config, loss=loss)
    run_task(config, tmp_path / "run", JsonlSink(tmp_path / "run" / "events.jsonl"))
    OneRun, _run = one_finished_run(config, tmp_path / "run")
    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_page("pages/1_Train.py")
    assert_clean(at)
    helps = [c.value for c in at.caption if "Healthy training" in c.value]
    assert len(helps) == 1 and words in helps[0], helps


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


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_evaluate_page_compares_generators_and_explains(monkeypatch):
    at = open_page("pages/5_Evaluate.py")
    assert_clean(at)
    chosen = [o for o in at.multiselect[0].options if o.endswith(("digits-dcgan", "digits-cdcgan"))]
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
    assert any(m.value.endswith(" / 10") for m in at.metric)  # digits covered (the strict judge reads 9 of dcgan's)
    score = next(m for m in at.metric if m.label == "Digit score vs real digits")  # the strict judge's score share
    assert score.value.endswith("%") and 0 < int(score.value.rstrip("%")) <= 120


@pytest.mark.slow
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
    key, points, samples, kind = at.session_state["fid_curve"]
    assert key == f"run/{run.id}" and [p[0] for p in points] == [3, 6] and samples == 250 and kind == "domain"
    assert any("Not comparable with published FIDs" in c.value for c in at.caption)  # where an FID is shown


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


def test_evaluate_charts_name_a_run_by_its_id():
    from ui.checkpoint_picker import run_choice_key
    from ui.eval_view import short_label

    assert short_label(run_choice_key("20260101-000000-abcdef")) == "20260101-000000-abcdef"  # not "dcgan on digits"
    assert short_label("shipped/digits-dcgan") == "digits-dcgan" and short_label("upload/mine.safetensors") == "mine.safetensors"


def test_home_chart_uses_french_number_marks():
    at = open_page()
    at.sidebar.radio[0].set_value("fr").run()
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert specs and all(s["layout"]["separators"] == ",\u202f" for s in specs)


def shown_cells(at: AppTest, i: int = 0) -> tuple[list[str], list[list[str]], set[tuple[int, int]]]:
    """A styled table as the reader sees it: its column keys, every cell's display text, and the (row, column) of
    each shaded cell."""
    import pyarrow as pa

    styler = at.dataframe[i].proto.arrow_data.styler
    shown = pa.ipc.open_stream(styler.display_values).read_all().to_pandas()
    shaded = {(int(r), int(c)) for rule in styler.styles.split("}") if "#c8f7c5" in rule
              for r, c in re.findall(r"_row(\d+)_col(\d+)", rule.split("{")[0])}
    return list(shown.columns), shown.astype(str).values.tolist(), shaded


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_evaluate_table_key_metrics_first_best_shaded_seed_ranges_and_report(monkeypatch):
    """Two generators at 2 seeds: key metrics lead the table, each metric's best cell is shaded, every score shows its
    mean and min–max range, the charts are dot plots that keep each name; the report holds every number shown; in
    French the same table uses French marks, and the engine's English names never reach the page."""
    import html as htmlmod

    import ganengine as ge

    at = open_page("pages/5_Evaluate.py")
    at.multiselect[0].set_value(["shipped/digits-dcgan", "shipped/digits-cdcgan"]).run()
    at.select_slider[0].set_value(100).run()
    at.number_input(key="eval_seeds").set_value(2).run()
    next(b for b in at.button if b.label == "Evaluate").click().run()
    run_until_idle(at)
    assert_clean(at)
    columns, cells, shaded = shown_cells(at)
    assert columns[:5] == ["model", "fid", "kid", "precision", "recall"]
    assert columns[5:] == ["kid_std", "step", "extractor", "samples", "seeds", "seconds"]
    values = at.dataframe[0].value
    for j, metric in enumerate(("fid", "kid", "precision", "recall"), start=1):
        best = int(values[metric].idxmin() if metric in ("fid", "kid") else values[metric].idxmax())
        assert (best, j) in shaded and (1 - best, j) not in shaded, (metric, shaded)
        assert all(re.fullmatch(r"-?[\d.]+ \(-?[\d.]+ ?[–-] ?-?[\d.]+\)", row[j]) for row in cells), [r[j] for r in cells]
    assert any("Mean of 2 seeds" in c.value for c in at.caption)
    assert any("Not comparable with published FIDs" in c.value and "GANSTUDIO_INCEPTION_WEIGHTS" in c.value for c in at.caption)
    dots = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if "dots_" in c.proto.id]
    assert len(dots) == 4 and all(d["data"][0]["y"] == ["digits-dcgan", "digits-cdcgan"] for d in dots)
    assert all(d["data"][0]["error_x"]["visible"] for d in dots)  # the seed ranges
    page = ge.report.evaluation_report(*at.session_state["eval_report"])
    for row in cells:
        for cell in row:
            assert htmlmod.escape(cell) in page, cell

    at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    _, cells_fr, _ = shown_cells(at)
    assert cells_fr[0][1] == cells[0][1].replace(".", ",") and "," in cells_fr[0][1]
    captions = " ".join(c.value for c in at.caption)
    assert "le classifieur digits de GAN Studio" in captions and "GAN Studio's" not in captions
    assert "Pas comparable aux FID publiées" in captions and "SVC de scikit-learn" in captions
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert specs and all(s["layout"]["separators"] == ",\u202f" for s in specs)  # 0,05 on every axis
    page = ge.report.evaluation_report(*at.session_state["eval_report"])
    assert '<html lang="fr">' in page and "Fiches des modèles" in page
    for row in cells_fr:
        for cell in row:
            assert htmlmod.escape(cell) in page, cell


# --- Ethics & Detection ---------------------------------------------------------------------------------------------

ETHICS = "pages/6_Ethics_Detection.py"


def ethics_page() -> AppTest:
    """The Ethics page with a small bias sample (the sample count is the page's own slider)."""
    at = open_page(ETHICS)
    at.select_slider(key="ethics_bias_n").set_value(100).run()
    return at


def generated_digit_png(root: Path, seed: int, provenance: bool = True) -> bytes:
    """A digit sampled from the shipped DCGAN by the engine, as a PNG (with GAN Studio's provenance chunks, or none)."""
    import ganengine as ge

    pipeline = ge.SamplePipeline.load(root / "checkpoints" / "digits-dcgan.safetensors")
    image = ge.sampling.to_uint8(pipeline(1, seed=seed))[0].squeeze(-1)
    return ge.png_bytes(image, {"model": "digits-dcgan.safetensors", "seed": str(seed)}) if provenance else png(image)


def shown(markdown: str) -> str:
    """Markdown text as the reader sees it: the page escapes text from files and users (ui.plaintext)."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_ethics_page_reads_back_provenance():
    at = open_page(ETHICS)
    assert_clean(at)
    assert any("generated by GAN Studio" in i.value for i in at.info)
    assert any(w.value.startswith("Metadata is easy to strip") for w in at.warning)


def test_ethics_page_opens_with_every_section():
    at = ethics_page()
    assert_clean(at)
    assert [tab.label for tab in at.tabs] == ["Check an image", "Real vs generated spectra", "Robustness",
                                              "Quiz: real or fake?", "Bias and representation", "Train a detector", "Ethics"]
    # Check: the shipped detector's verdict on a digit the shipped DCGAN just made, its spectrum and radial profile.
    assert at.selectbox(key="ethics_detector__en").value == "shipped/digits-detector"
    assert any(shown(w.value).startswith("Verdict of digits-detector.safetensors: **generated** (probability ")
               for w in at.warning)
    captions = [c.value for c in at.caption]
    assert any(shown(c).startswith("What this detector knows: real images of the digits set at 32x32 against samples of "
                                   "digits-dcgan.") for c in captions), captions
    # Spectra: the DCGAN's samples carry more high-frequency power than real digits (up-sampling traces).
    gap = next(c for c in captions if c.startswith("Above half the Nyquist frequency"))
    assert "by +" in gap
    # Robustness: the card's figures at once, the unseen generator stated; the curves wait for the button.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Real called real"] == "98.9%" and metrics["Unseen generator's fakes caught"] == "100.0%"
    assert any(shown(m.value).startswith("On digits-cdcgan, a generator it never saw in training, it catches 100% of the fakes")
               for m in at.markdown)
    assert any(b.label == "Measure the four curves" for b in at.button)
    # Quiz: eight unanswered images; Ethics: five topics and the class questions.
    assert [r.value for r in at.radio if r.key.startswith("ethics_quiz_0_")] == [None] * 8
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert headings == ["#### Deepfakes and misinformation", "#### Bias", "#### Intellectual property", "#### Consent",
                        "#### Creative work", "#### Questions for the class"]
    assert len(at.get("plotly_chart")) == 5  # spectrum, profile, mean spectra, mean profiles, class shares
    assert not any("later release" in i.value for i in at.info)


def test_ethics_page_judges_an_uploaded_generated_png(root):
    at = open_page(ETHICS)
    at.radio(key="ethics_source__en").set_value("upload").run()
    assert any(i.value.startswith("Upload an image to check it") for i in at.info)
    at.file_uploader(key="ethics_upload").set_value(("sample.png", generated_digit_png(root, 7), "image/png")).run()
    assert_clean(at)
    assert any(w.value.startswith("Verdict of digits") and "**generated**" in w.value for w in at.warning)
    assert float(next(m.value for m in at.metric if m.label == "Probability it is generated").rstrip("%")) > 42.8
    assert any(i.value == "This image says it was generated by GAN Studio." for i in at.info)
    provenance = next(d.value for d in at.dataframe if "Seed" in set(d.value["Field"]))
    assert dict(zip(provenance["Field"], provenance["Value"], strict=True))["Seed"] == "7"
    # Stripped of its chunks the picture is the same: the detector still calls it generated, the metadata is gone.
    at.file_uploader(key="ethics_upload").set_value(("stripped.png", generated_digit_png(root, 7, False), "image/png")).run()
    assert_clean(at)
    assert any("**generated**" in w.value for w in at.warning)
    assert any(i.value.startswith("No GAN Studio mark") for i in at.info)
    assert any(c.value == "The file carries no PNG text and no EXIF fields." for c in at.caption)
    # A real digit the detector never saw is called real.
    at.radio(key="ethics_source__en").set_value("real").run()
    assert_clean(at)
    assert any(s.value.startswith("Verdict of digits") and "**real**" in s.value for s in at.success)
    # A camera photo is judged too, with the note that it lies outside what the detector knows, and its EXIF is read.
    import io

    import numpy as np
    from PIL import Image

    at.radio(key="ethics_source__en").set_value("upload").run()
    photo, exif = io.BytesIO(), Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "EOS 400D"  # Make, Model
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (300, 400, 3), dtype=np.uint8)).save(photo, "JPEG", exif=exif)
    at.file_uploader(key="ethics_upload").set_value(("photo.jpg", photo.getvalue(), "image/jpeg")).run()
    assert_clean(at)
    assert any(i.value.startswith("This image is 400x300, unlike the 32x32 images") for i in at.info)
    fields = next(d.value for d in at.dataframe if "Make" in set(d.value["Field"]))
    assert dict(zip(fields["Field"], fields["Value"], strict=True)) == {"Make": "Canon", "Model": "EOS 400D"}


def test_ethics_page_refuses_bad_files_in_one_line_and_writes_nothing(root):
    import io

    import numpy as np
    from PIL import Image

    import ui.engine

    at = open_page(ETHICS)
    folder = ui.engine.uploads_dir(at.session_state["owner_token"])
    before = files_under(folder)
    at.radio(key="ethics_source__en").set_value("upload").run()
    upload = at.file_uploader(key="ethics_upload")
    upload.set_value(("digit.png", b"not an image at all", "image/png")).run()
    assert [shown(e.value) for e in at.error] == ["Refused: uploaded image: not a PNG, JPEG, WebP, BMP or GIF image"]
    assert not at.exception and len(at.get("plotly_chart")) == 3  # no spectrum of it; the spectra and bias tabs still draw

    frames = [Image.fromarray(np.full((32, 32), v, np.uint8)) for v in (0, 255)]
    buf = io.BytesIO()
    frames[0].save(buf, format="PNG", save_all=True, append_images=frames[1:])  # an animated PNG
    at.file_uploader(key="ethics_upload").set_value(("moving.png", buf.getvalue(), "image/png")).run()
    assert [shown(e.value) for e in at.error] == ["Refused: uploaded image: an animated image (several frames); give one "
                                                  "still image"]

    big = io.BytesIO()
    Image.new("L", (5000, 4000)).save(big, format="PNG")  # 20 million pixels, a few kB
    at.file_uploader(key="ethics_upload").set_value(("huge.png", big.getvalue(), "image/png")).run()
    assert [shown(e.value) for e in at.error] == ["Refused: uploaded image: 5000x4000 pixels is over the limit of 16,000,000"]

    generator = (root / "checkpoints" / "digits-dcgan.safetensors").read_bytes()  # a GAN, not a detector
    at.file_uploader(key="ethics_detector_upload").set_value(("gan.safetensors", generator, "application/octet-stream")).run()
    errors = [shown(e.value) for e in at.error]
    assert "Refused: gan.safetensors: a gan checkpoint, not a detector checkpoint" in errors
    assert at.selectbox(key="ethics_detector__en").options == ["shipped · digits-detector", "shipped · faces-detector"]
    assert files_under(folder) == before  # nothing of any refused file was kept


def test_ethics_quiz_round_answered_and_checked_shows_both_scores():
    at = ethics_page()
    radios = [r for r in at.radio if r.key.startswith("ethics_quiz_0_")]
    assert len(radios) == 8 and radios[0].options == ["real", "fake"]
    for r in radios:
        r.set_value("real")  # half the images are real: "all real" scores exactly 4 of 8
    next(b for b in at.button if b.label == "Check").click().run()  # the form's submit button
    assert_clean(at)
    scores = {m.label: m.value for m in at.metric}
    assert scores["Your score"] == "4 / 8"
    detector = int(scores["The detector's score"].split(" / ")[0])
    assert detector >= 6  # 98.9% of real and 98.8% of seen fakes right on its held-out figures
    assert any(s.value == f"You got 4 of 8 right; the detector got {detector} of 8." for s in at.success)
    truths = [c.value for c in at.caption if c.value.startswith("Truth: ")]
    assert sorted(truths).count("Truth: real") == 4 and len(truths) == 8
    assert sum(c.value.startswith("Detector: ") for c in at.caption) == 8
    assert sum(c.value.startswith("You: real ") for c in at.caption) == 8
    assert not any(r.key.startswith("ethics_quiz_0_") for r in at.radio)  # answered: no second try at this round
    at.sidebar.radio[0].set_value("fr").run()  # the checked round survives a language switch
    assert_clean(at)
    assert {m.label: m.value for m in at.metric}["Votre score"] == "4 / 8"
    assert sum(c.value.startswith("Vous : vrai ") for c in at.caption) == 8

    next(b for b in at.button if b.label == "Nouvelle manche").click().run()
    assert_clean(at)
    assert "Votre score" not in {m.label for m in at.metric}
    assert [r.value for r in at.radio if r.key.startswith("ethics_quiz_1_")] == [None] * 8
    assert any(m.value == "**Manche 2**" for m in at.markdown)


def test_ethics_bias_table_has_every_digit_and_faces_attributes():
    at = ethics_page()
    table = next(d.value for d in at.dataframe if "Class or attribute" in d.value.columns)
    assert list(table["Class or attribute"]) == [str(i) for i in range(10)] and set(table["Group"]) == {"digit"}
    assert abs(table["Generated"].sum() - 100) < 1e-6 and abs(table["Training data"].sum() - 100) < 0.1
    assert table["Training data"].between(9, 11).all()  # scikit-learn's digits are balanced
    assert any(c.value.startswith("100 samples from seed 0, read by GAN Studio's own digits classifier") for c in at.caption)
    at.selectbox(key="ethics_bias_generator__en").set_value("shipped/faces-dcgan").run()
    assert_clean(at)
    table = next(d.value for d in at.dataframe if "Class or attribute" in d.value.columns)
    assert list(table["Class or attribute"]) == ["black", "brown", "blond", "red", "smile", "glasses", "eyes open"]
    assert len(at.get("plotly_chart")) == 6  # class shares and attribute rates side by side
    at.sidebar.radio[0].set_value("fr").run()
    i = next(i for i, d in enumerate(at.dataframe) if "Classe ou attribut" in d.value.columns)
    columns, cells, _ = shown_cells(at, i)
    shares = [row[columns.index("Générés")] for row in cells]
    assert all(re.fullmatch(r"\d+,\d\u202f%", v) for v in shares), shares  # 12,5 %, not 12.5 %


@pytest.mark.slow
def test_ethics_robustness_curves_are_measured_in_the_work_queue():
    """The sweep (436 held-out images x 34 distortion strengths) takes 10-40 s on two busy cores: the fast lane skips it."""
    at = open_page(ETHICS)
    next(b for b in at.button if b.label == "Measure the four curves").click().run()
    assert_clean(at)
    assert at.session_state["ethics_items"]["robustness"]  # queued in the work queue, not run in the script thread
    assert next(b for b in at.button if b.label == "Measure the four curves").disabled
    end = time.monotonic() + 240
    while at.session_state["ethics_items"] and time.monotonic() < end:
        time.sleep(0.5)
        at.run()  # fragments do not tick by themselves in AppTest
    assert_clean(at)
    assert any(c.value.startswith("Measured on the held-out images of the card: 180 real and 256 generated") for c in at.caption)
    import json

    figures = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    figure = next(f for f in figures if "Balanced accuracy as each distortion grows" in str(f["layout"].get("title")))
    balanced = [tr for tr in figure["data"] if tr.get("legendgroup") == "accuracy"]
    assert len(balanced) == 4 and all(0 <= y <= 1 for tr in balanced for y in tr["y"])
    blur = balanced[2]
    assert blur["y"][0] > 0.95 and blur["y"][-1] < 0.75  # the card: blur sigma 2 brings it near a coin toss


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
    assert any("chiffres manuscrits" in o for o in data_box(at, "fr").options)


# --- Translate ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def translators(tmp_path_factory) -> Path:
    """Tiny translation checkpoints (two steps, width 4, 32 px) standing in for the shipped ones, in their names."""
    import shutil

    from ganengine.tasks import CycleGanConfig, Pix2PixConfig
    from ganengine.train import run_task

    folder = tmp_path_factory.mktemp("translators")
    tiny = {"steps": 2, "width": 4, "image_size": 32, "max_items": 40, "checkpoint_every": 2, "num_threads": 1}
    configs = {"scenes-pix2pix": Pix2PixConfig(data="scenes-labels", batch_size=4, **tiny),
               "edges-pix2pix": Pix2PixConfig(data="edges-objects", batch_size=4, **tiny),
               "seasons-cyclegan": CycleGanConfig(data="scenes-seasons", batch_size=2, blocks=1, **tiny)}
    for name, config in configs.items():
        result = run_task(config, tmp_path_factory.mktemp(name))
        shutil.copy(result.checkpoint, folder / f"{name}.safetensors")
    return folder


def open_translate(monkeypatch, shipped: Path) -> AppTest:
    import ui.engine

    monkeypatch.setattr(ui.engine, "SHIPPED", shipped)  # the page lists what this folder holds as shipped models
    return open_page("pages/3_Translate.py")


def one_finished_run(config, run_dir: Path):
    """A job manager that knows one finished run (trained in `run_dir`): the pages list and draw a user's runs through
    the manager, so a test can hand them a real run without a worker process."""
    import ganengine as ge

    end = ge.RunDir(run_dir).last_ended() or {}
    run = ge.JobInfo("20260101-000000-abcdef", end.get("status", "finished"), config, run_dir, 0.0, 0.0, 1.0,
                     end.get("reason", ""), 0, end.get("code", ""), end.get("params", {}))

    class OneRun:
        def list(self, owner):
            return [run]

        def get(self, job_id, owner):
            return run

        def events(self, job_id, owner, offset=0):
            return ge.read_events(run_dir / "events.jsonl", offset)

    return OneRun, run


def image_captioned(at: AppTest, caption: str):
    return next(i for i in at.get("image") if caption in i.captions)


def png(array) -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(array).save(buf, format="PNG")
    return buf.getvalue()


def zipped(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def test_translate_page_says_plainly_when_no_translation_model_exists(monkeypatch, tmp_path):
    at = open_translate(monkeypatch, tmp_path)  # an empty folder: nothing shipped, no runs, no uploads
    assert_clean(at)
    assert any(i.value.startswith("No translation model is available yet") for i in at.info)
    assert any(b.label == "Start training" for b in at.button)  # training one is offered on the spot
    assert "Conditional GANs" in [e.label for e in at.expander]  # and the page still ends with its Learn section


def test_translate_page_translates_examples_both_ways(monkeypatch, translators):
    at = open_translate(monkeypatch, translators)
    assert_clean(at)
    assert at.session_state["translate_model"] == "shipped/scenes-pix2pix"  # the label-map model comes first
    assert any(c.value.startswith("Examples the model never saw in training") for c in at.caption)
    assert any(c.value.startswith("Engine's note: translated at 32x32") for c in at.caption)
    before = image_captioned(at, "Target from the data set").value
    at.radio(key="translate_example").set_value(3).run()
    assert_clean(at)
    assert image_captioned(at, "Target from the data set").value != before  # another example, another target

    at.selectbox(key="translate_model__en").set_value("shipped/seasons-cyclegan").run()
    assert_clean(at)
    assert image_captioned(at, "Back again (summer)")  # the cycle A -> B -> A
    assert any("Drawing works with Pix2Pix models" in i.value for i in at.info)
    at.selectbox(key="translate_direction").set_value("BtoA").run()
    assert_clean(at)
    assert image_captioned(at, "Translation (summer)") and image_captioned(at, "Back again (winter)")
    at.sidebar.radio[0].set_value("fr").run()  # the labels follow the language, the choices stay
    assert_clean(at)
    assert at.title[0].value == "Traduire" and at.selectbox(key="translate_model__fr").value == "shipped/seasons-cyclegan"
    assert image_captioned(at, "Retour (winter)")
    assert at.radio(key="translate_train_task__fr").options == ["Pix2Pix : à partir de paires", "CycleGAN : sans paires"]


def test_translate_page_translates_a_drawing(monkeypatch, translators):
    """AppTest cannot draw: the page reads the canvas's drawing from a session key, which the test sets (the browser
    test draws with the mouse)."""
    import numpy as np

    at = open_translate(monkeypatch, translators)
    at.selectbox(key="translate_start_map__en").set_value("blank").run()
    assert any("a single region so far" in i.value for i in at.info)  # a blank canvas: a friendly word, no output
    strokes = np.zeros((320, 320, 4), np.uint8)  # the canvas's RGBA: transparent where nothing was painted
    strokes[120:260, 100:220] = (215, 60, 60, 255)  # a building
    strokes[118:120, 100:220] = (215, 60, 60, 120)  # its anti-aliased edge
    at.session_state["translate_drawing"] = {"tag": at.session_state["translate_canvas_tag"], "rgba": strokes}
    at.run()
    assert_clean(at)
    assert not any("a single region so far" in i.value for i in at.info)
    first = image_captioned(at, "Its translation").value
    strokes[20:60, 20:300] = (25, 70, 190, 255)  # some water in the sky
    at.session_state["translate_drawing"] = {"tag": at.session_state["translate_canvas_tag"], "rgba": strokes}
    at.run()
    assert image_captioned(at, "Its translation").value != first  # the rendering follows the drawing

    at.selectbox(key="translate_model__en").set_value("shipped/edges-pix2pix").run()  # black lines on white
    at.selectbox(key="translate_start_lines__en").set_value("blank").run()
    assert any("The page is still empty" in i.value for i in at.info)
    lines = np.zeros((320, 320, 4), np.uint8)
    lines[80:240, 80:88, 3] = lines[80:88, 80:240, 3] = 255  # two black strokes
    at.session_state["translate_drawing"] = {"tag": at.session_state["translate_canvas_tag"], "rgba": lines}
    at.run()
    assert_clean(at)
    assert image_captioned(at, "Its translation") and not any("still empty" in i.value for i in at.info)


def test_translate_page_refuses_bad_files_in_one_line(monkeypatch, translators, root):
    import numpy as np

    at = open_translate(monkeypatch, translators)
    at.file_uploader(key="translate_image").set_value(("photo.png", b"not an image", "image/png")).run()
    assert [e.value for e in at.error] == ["Refused: uploaded image: not a PNG, JPEG, WebP, BMP or GIF image"]
    at.file_uploader(key="translate_image").set_value(("map.png", png(np.full((100, 80, 3), 200, np.uint8)), "image/png")).run()
    assert_clean(at)
    assert image_captioned(at, "Your image") and image_captioned(at, "Translation (scene)")

    generator = (root / "checkpoints" / "digits-dcgan.safetensors").read_bytes()  # a GAN, not a translation model
    at.file_uploader(key="translate_model_upload").set_value(("digits.safetensors", generator, "application/octet-stream")).run()
    assert len(at.error) == 1 and at.error[0].value.startswith("Refused: digits.safetensors")
    assert "upload/digits.safetensors" not in at.selectbox(key="translate_model__en").options
    at.file_uploader(key="translate_model_upload").clear().run()

    at.selectbox(key="translate_train_data_pix2pix__en").set_value("__upload__").run()
    next(b for b in at.button if b.label == "Start training").click().run()
    assert [e.value for e in at.error] == ["Not started: upload a zip first"]
    zip_uploader = at.file_uploader(key="translate_zip_pix2pix")
    zip_uploader.set_value(("pairs.zip", b"this is not a zip archive", "application/zip")).run()
    assert len(at.error) == 1 and at.error[0].value.startswith("Refused: pairs.zip")
    side = png(np.zeros((32, 32, 3), np.uint8))
    unpaired = zipped({f"{d}/{i}.png": side for d in ("trainA", "trainB") for i in range(4)})
    at.file_uploader(key="translate_zip_pix2pix").set_value(("horse2zebra.zip", unpaired, "application/zip")).run()
    assert [e.value for e in at.error] == ["Refused: horse2zebra.zip holds trainA/ and trainB/ (CycleGAN's layout): "
                                           "choose CycleGAN for it."]
    pairs = zipped({f"facades/train/{i}.png": png(np.zeros((32, 64, 3), np.uint8)) for i in range(4)})
    at.file_uploader(key="translate_zip_pix2pix").set_value(("facades.zip", pairs, "application/zip")).run()
    assert_clean(at)
    assert at.success[0].value == "facades.zip: train/ 4 images; domains A and B. Ready to train."


@pytest.mark.slow
def test_translate_page_starts_and_stops_a_training_job(monkeypatch, translators):
    import ui.engine

    at = open_translate(monkeypatch, translators)
    next(b for b in at.button if b.label == "Start training").click().run()
    assert_clean(at)
    job_id = at.session_state["translate_job"]
    job = ui.engine.job_manager().get(job_id, at.session_state["owner_token"])
    assert job.config.task == "pix2pix" and job.config.data == "scenes-labels"
    assert job.config.command.startswith("python -m ganengine train --task pix2pix")
    assert job.config.command.endswith("--out runs/scenes-labels-pix2pix-seed0")
    end = time.monotonic() + 90
    while time.monotonic() < end and not any("Step" in str(getattr(p, "text", "")) for p in at.get("progress")):
        time.sleep(1)
        at.run()  # fragments do not tick by themselves in AppTest
    assert at.get("progress"), "the running job shows a progress bar"
    next(b for b in at.button if b.label == "Stop").click().run()
    end = time.monotonic() + 30
    while time.monotonic() < end and not at.warning:
        time.sleep(1)
        at.run()
    assert any(w.value.startswith("Stopped") for w in at.warning)
    assert_clean(at)


def test_translate_page_offers_a_finished_run_as_a_model(monkeypatch, translators, tmp_path):
    """A finished Pix2Pix run draws its live view (charts, samples, download) and becomes the page's model."""
    import ui.own_runs
    import ui.translate_view
    from ganengine.tasks import Pix2PixConfig
    from ganengine.train import run_task

    config = Pix2PixConfig(data="scenes-labels", steps=4, width=4, image_size=32, batch_size=4, max_items=40, log_every=2,
                           sample_every=2, checkpoint_every=2, num_threads=1)
    run_task(config, tmp_path / "run")
    OneRun, run = one_finished_run(config, tmp_path / "run")

    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_translate(monkeypatch, translators)
    assert_clean(at)
    assert any(s.value.startswith("Finished at step") for s in at.success)
    assert at.get("download_button"), "a finished run offers its checkpoint"
    next(b for b in at.button if b.label == "Translate with this model").click().run()
    assert_clean(at)
    assert at.session_state["translate_model"] == f"run/{run.id}"
    assert at.selectbox(key="translate_model__en").value == f"run/{run.id}"


# --- Super-Resolution -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def upscalers(tmp_path_factory) -> Path:
    """A tiny pixel-loss x4 model and a tiny GAN fine-tune of it, under the shipped models' names."""
    from ganengine.tasks import SuperResConfig
    from ganengine.train import run_task

    folder = tmp_path_factory.mktemp("upscalers")
    tiny = {"width": 4, "blocks": 1, "patch_size": 32, "batch_size": 2, "sample_every": 100, "num_threads": 1}
    psnr = run_task(SuperResConfig(steps=4, checkpoint_every=4, lr=1e-3, **tiny), tmp_path_factory.mktemp("psnr"))
    (folder / "photos-srresnet-x4.safetensors").write_bytes(psnr.checkpoint.read_bytes())
    gan = run_task(SuperResConfig(stage="gan", init=str(folder / "photos-srresnet-x4.safetensors"), d_width=4, steps=2,
                                  checkpoint_every=2, **tiny), tmp_path_factory.mktemp("gan"))
    (folder / "photos-esrgan-x4.safetensors").write_bytes(gan.checkpoint.read_bytes())
    return folder


SR_LEARN = "Super-resolution: pixel, perceptual and adversarial losses"


def open_sr(monkeypatch, shipped: Path) -> AppTest:
    import ui.engine

    monkeypatch.setattr(ui.engine, "SHIPPED", shipped)
    return open_page("pages/4_Super_Resolution.py")


def test_sr_page_enlarges_an_example_and_scores_it_against_the_original(monkeypatch, upscalers):
    at = open_sr(monkeypatch, upscalers)
    assert_clean(at)
    assert at.session_state["sr_model_x4"] == "shipped/photos-esrgan-x4"  # the GAN model comes first
    assert any(c.value.startswith("A crop of *chelsea*") for c in at.caption)
    # The before/after view is the project's own component: both images inline as PNG, labels as data, nothing fetched.
    import json

    (view,) = [c for c in at.get("bidi_component") if c.proto.component_name == "ganstudio_before_after"]
    data = json.loads(view.proto.json)
    assert data["left"].startswith("data:image/png;base64,") and data["right"].startswith("data:image/png;base64,")
    assert (data["left_label"], data["right_label"]) == ("bicubic", "photos-esrgan-x4")
    assert "http" not in view.proto.js_content and "innerHTML" not in view.proto.js_content
    scores = at.dataframe[0].value
    assert list(scores["method"]) == ["bicubic", "photos-srresnet-x4", "photos-esrgan-x4"]
    assert scores["PSNR-Y (dB)"].between(15, 60).all() and scores["SSIM-Y"].between(0, 1).all()
    assert len(at.dataframe[1].value) == 2  # the two cards' held-out figures
    assert at.get("plotly_chart")  # the perception-distortion chart
    crops = [i for i in at.get("image") if i.captions]
    assert [c.captions[0] for c in crops][:2] == ["input (small)", "bicubic"] and len(crops) == 5
    assert at.get("download_button")
    # Another example, another scale of comparison: the original on the left of the slider.
    at.selectbox(key="sr_example").set_value("coins").run()
    at.selectbox(key="sr_compare__en").set_value("original").run()
    assert_clean(at)
    assert any(c.value.startswith("A crop of *coins*") for c in at.caption)
    assert any("x4 with srresnet, the whole image in one pass" in c.value for c in at.caption)
    at.sidebar.radio[0].set_value("fr").run()  # the choices survive a language switch
    assert_clean(at)
    assert any(c.value.startswith("Un recadrage de *coins*") for c in at.caption)
    assert at.session_state["sr_compare"] == "original" and at.selectbox(key="sr_compare__fr").value == "original"
    # French numbers and words: 31,42, not 31.42; how it was made, not the engine's English note
    assert any("x4 avec srresnet, l'image entière en une passe" in c.value for c in at.caption)
    columns, cells, _ = shown_cells(at, 0)
    psnr = [row[columns.index("PSNR-Y (dB)")] for row in cells]
    assert all(re.fullmatch(r"\d+,\d\d", p) for p in psnr), psnr
    assert at.dataframe[0].value["PSNR-Y (dB)"].dtype.kind == "f"  # numbers underneath: the column sorts as numbers
    columns, cells, _ = shown_cells(at, 1)
    assert all(re.fullmatch(r"[+-]\d+,\d\d", row[-1]) for row in cells), cells  # the cards' gain over bicubic


def test_sr_page_enlarges_an_upload_and_refuses_a_bad_one(monkeypatch, upscalers):
    import numpy as np

    at = open_sr(monkeypatch, upscalers)
    at.radio(key="sr_source__en").set_value("upload").run()
    assert_clean(at)
    assert any("Upload an image" in i.value for i in at.info)
    assert SR_LEARN in [e.label for e in at.expander]  # the page stopped early for the upload, its Learn section did not
    rgba = np.random.default_rng(0).integers(0, 256, (40, 52, 4), dtype=np.uint8)
    at.file_uploader(key="sr_upload").set_value(("mine.png", png(rgba), "image/png")).run()  # alpha: composited on white
    assert_clean(at)
    assert any("208x160 pixels" in c.value for c in at.caption)  # 52x40 enlarged x4
    assert any("No original is known" in c.value for c in at.caption)
    at.checkbox(key="sr_shrink").check().run()
    assert_clean(at)
    assert any("your image is the reference" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 3
    at.file_uploader(key="sr_upload").set_value(("tiny.png", png(rgba[:12, :12]), "image/png")).run()
    assert [e.value for e in at.error] == ["Refused: to shrink it x4 and score the result, the image needs at least 32 "
                                           "pixels on each side"]
    at.file_uploader(key="sr_upload").set_value(("fake.png", b"not an image at all", "image/png")).run()
    assert [e.value for e in at.error] == ["Refused: uploaded image: not a PNG, JPEG, WebP, BMP or GIF image"]
    assert SR_LEARN in [e.label for e in at.expander]


def test_sr_page_without_any_model_says_so_and_still_teaches(monkeypatch, tmp_path):
    at = open_sr(monkeypatch, tmp_path)  # an empty folder: nothing shipped, no runs
    assert_clean(at)
    assert any(i.value.startswith("No super-resolution model is available yet") for i in at.info)
    assert SR_LEARN in [e.label for e in at.expander]


def test_generate_page_exports_a_checked_onnx_file():
    at = open_page("pages/2_Generate.py")
    at.radio(key="generate_export_format").set_value("onnx").run()
    at.button(key="generate_export_button").click().run()
    assert_clean(at)
    assert any(s.value.startswith("Checked: the export's outputs differ from the original's by at most") for s in at.success)
    assert any("BatchNorm2d" in c.value for c in at.caption)
    assert at.get("download_button")[0].label == "Download digits-dcgan.onnx"


def test_translate_page_exports_the_network_of_the_chosen_direction(monkeypatch, translators):
    at = open_translate(monkeypatch, translators)
    at.selectbox(key="translate_model__en").set_value("shipped/seasons-cyclegan").run()
    at.button(key="translate_export_button").click().run()
    assert_clean(at)
    assert any(s.value.startswith("Checked:") for s in at.success)
    assert any(d.label == "Download seasons-cyclegan-G_AB.onnx" for d in at.get("download_button"))


@pytest.mark.slow
def test_sr_page_trains_a_model_and_offers_the_finished_run(monkeypatch, upscalers, tmp_path):
    """The Train tab queues the quick PSNR preset with its command; a finished run becomes the page's model."""
    import ui.engine
    import ui.own_runs
    from ganengine.tasks import SuperResConfig
    from ganengine.train import run_task

    at = open_sr(monkeypatch, upscalers)
    at.radio(key="sr_train_scale").set_value(2).run()
    next(b for b in at.button if b.label == "Start training").click().run()
    assert_clean(at)
    owner = at.session_state["owner_token"]
    job = ui.engine.job_manager().get(at.session_state["sr_job"], owner)
    assert job.config.task == "superres" and job.config.scale == 2 and job.config.stage == "psnr"
    assert job.config.command.startswith("python -m ganengine train --task superres")
    ui.engine.job_manager().cancel(job.id, owner)

    config = SuperResConfig(scale=2, steps=2, width=4, blocks=1, patch_size=32, batch_size=2, checkpoint_every=2,
                            sample_every=2, log_every=1, num_threads=1)
    run_task(config, tmp_path / "run")
    OneRun, run = one_finished_run(config, tmp_path / "run")

    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_sr(monkeypatch, upscalers)
    assert_clean(at)
    assert any(s.value.startswith("Finished at step") for s in at.success)
    next(b for b in at.button if b.label == "Enlarge with this model").click().run()
    assert_clean(at)
    assert at.session_state["sr_scale"] == 2 and at.session_state["sr_model_x2"] == f"run/{run.id}"
    assert any("208x160" not in c.value and "x2 with srresnet" in c.value for c in at.caption)


# --- issue 13: hostile checkpoints on the pages ------------------------------------------------------------------------

MARKDOWN_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")


def rendered_markdown(at: AppTest) -> list[str]:
    """The source of every element the browser renders as Markdown."""
    return [e.value for kind in MARKDOWN_ELEMENTS for e in getattr(at, kind)]


def assert_no_live_markdown_from(at: AppTest, text: str) -> None:
    """`text` (a card's field) may appear only escaped: never as an image, a link or HTML the browser would act on."""
    import re

    for body in rendered_markdown(at):
        assert text not in body and not re.search(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(|(?<!\\)<img", body), body


def unescaped(markdown: str) -> str:
    """What the reader sees of Markdown source whose special characters were backslash-escaped."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown)


def owner_uploads(at: AppTest) -> Path:
    import ui.engine

    return ui.engine.uploads_dir(at.session_state["owner_token"])


@pytest.mark.parametrize("page", ["pages/2_Generate.py", "pages/5_Evaluate.py"])
def test_hostile_checkpoint_uploads_are_refused_in_one_line_and_leave_nothing(tmp_path, page):
    """Malformed headers used to raise TypeError/AttributeError in the page and stay in uploads/<owner>/.checking/."""
    import hostile

    at = open_page(page)
    folder = owner_uploads(at)
    before = sorted(p for p in folder.rglob("*") if p.is_file())
    files = {name: hostile.raw_header(tmp_path / f"{name}.safetensors", header) for name, header in hostile.MALFORMED.items()}
    files["big"] = hostile.lying_card(tmp_path / "big.safetensors", image_size=512)
    files["grey2"] = hostile.channels(tmp_path / "grey2.safetensors", 2)
    files["huge"] = hostile.enormous_weights(tmp_path / "huge.safetensors")
    files["tracker"] = hostile.lying_card(tmp_path / "tracker.safetensors", task=hostile.TRACKER)
    for name, path in files.items():
        at.file_uploader[0].set_value((path.name, path.read_bytes(), "application/octet-stream")).run()
        assert not at.exception, (name, [e.value for e in at.exception])
        errors = [unescaped(e.value) for e in at.error]
        assert len(errors) == 1 and errors[0].startswith(f"Refused: {name}.safetensors: "), (name, errors)
        assert_no_live_markdown_from(at, hostile.TRACKER)
    assert sorted(p for p in folder.rglob("*") if p.is_file()) == before  # nothing kept
    from ganengine import storage

    assert list(storage.process_temp_dir().iterdir()) == []  # nothing left where it was checked
    offered = at.selectbox[0].options if page.endswith("Generate.py") else at.multiselect[0].options
    assert not any(name in o for o in offered for name in files)  # none of them reaches a picker


def test_uploads_past_the_owners_quota_are_refused_and_deleting_one_makes_room(tmp_path, monkeypatch):
    """Uploads used to be kept forever with no per-owner limit."""
    monkeypatch.setenv("GANSTUDIO_QUOTA_FILES", "1")
    at = open_page("pages/2_Generate.py")
    folder = owner_uploads(at)
    for path in list(folder.rglob("*")):
        if path.is_file():
            path.unlink()
    shipped = (ROOT / "checkpoints" / "digits-dcgan.safetensors").read_bytes()
    at.file_uploader[0].set_value(("first.safetensors", shipped, "application/octet-stream")).run()
    assert not at.error and (folder / "first.safetensors").exists()
    second = bytearray(shipped)
    second[-1] ^= 1  # other content, so not the session's remembered verdict
    at.file_uploader[0].set_value(("second.safetensors", bytes(second), "application/octet-stream")).run()
    assert len(at.error) == 1 and "you already keep 1 uploads" in unescaped(at.error[0].value)
    assert not (folder / "second.safetensors").exists()
    assert "1 of 1 files" in at.sidebar.expander[0].label
    delete = next(b for b in at.sidebar.button if b.key.startswith("upload_delete_"))
    delete.click().run()
    assert not (folder / "first.safetensors").exists() and "0 of 1 files" in at.sidebar.expander[0].label


def test_card_text_is_shown_as_text_never_as_markdown(tmp_path):
    """A card whose fields carry `![t](http://host/track.png)` made Generate's reader fetch that address."""
    import hostile
    from safetensors.torch import save_file

    from ganengine.checkpoints import generator_tensors
    from ganengine.models import ModelSpec, build_generator

    spec = ModelSpec("mlp", nz=4, width=4, out_dim=2)  # a points model: Generate says its data set is not on the server
    card = hostile.card_dict(spec, data=hostile.TRACKER, channels=0, class_names=[],
                             io={"input": hostile.TRACKER, "output": "<img src=http://host/x.png>"})
    path = tmp_path / "tracker.safetensors"
    save_file({k: v.contiguous() for k, v in generator_tensors(build_generator(spec)).items()}, str(path),
              metadata={"ganengine": json.dumps(card)})
    at = open_page("pages/2_Generate.py")
    at.file_uploader[0].set_value((path.name, path.read_bytes(), "application/octet-stream")).run()
    assert at.success and at.success[0].value.startswith("Accepted: tracker")
    at.selectbox(key="generate_checkpoint__en").set_value("upload/tracker.safetensors").run()
    assert_clean(at)
    assert any("track" in c.value for c in at.caption)  # its data set is named, escaped
    assert_no_live_markdown_from(at, hostile.TRACKER)
    table = at.dataframe[0].value  # the card itself, as plain table cells: exactly what the file says
    assert hostile.TRACKER in set(table.iloc[:, 1]) and "<img src=http://host/x.png>" in set(table.iloc[:, 1])


@pytest.mark.slow
def test_ethics_page_trains_a_detector_and_lists_the_run():
    import ui.engine

    at = open_page("pages/6_Ethics_Detection.py")
    at.multiselect(key="ethics_train_generators_digits").set_value(["digits-cdcgan"]).run()
    next(b for b in at.button if b.label == "Start training").click().run()
    assert_clean(at)
    owner = at.session_state["owner_token"]
    job = ui.engine.job_manager().get(at.session_state["ethics_job"], owner)
    assert job.config.task == "detector" and job.config.generators == "digits-cdcgan"
    assert job.config.unseen == "digits-dcgan,digits-scdcgan"  # the ones left out are measured as unseen
    assert job.config.command.startswith("python -m ganengine train --task detector")
    ui.engine.job_manager().cancel(job.id, owner)
    at.multiselect(key="ethics_train_generators_digits").set_value([]).run()
    next(b for b in at.button if b.label == "Start training").click().run()
    assert [e.value for e in at.error] == ["Not started: tick at least one generator"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_why_a_run_ended_is_said_in_the_readers_language(monkeypatch, tmp_path, tiny_points_config, lang):
    """End-of-run reasons were the engine's English sentences on French pages ("time budget of 50 s reached")."""
    import dataclasses

    import ui.engine
    from ganengine.events import JsonlSink
    from ganengine.train import run_task

    config = dataclasses.replace(tiny_points_config, steps=200_000, time_budget=1)
    run_task(config, tmp_path / "run", JsonlSink(tmp_path / "run" / "events.jsonl"))
    OneRun, run = one_finished_run(config, tmp_path / "run")
    assert run.code == "time_budget" and run.params["seconds"] == 1
    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_page("pages/1_Train.py")
    if lang == "fr":
        at.sidebar.radio[0].set_value("fr").run()
    assert_clean(at)
    said = " ".join(s.value for s in at.success)
    assert ("son budget de temps de 1 s est atteint" if lang == "fr" else "its time budget of 1 s was reached") in said
    assert ("time budget" in said) == (lang == "en")


def test_the_quality_probe_is_drawn_the_collapse_alarm_worded_and_the_best_checkpoint_offered(
        monkeypatch, tmp_path, tiny_points_config):
    """Issue 15: the probe plotted live, the alarm in words with what helps, the best checkpoint on Generate."""
    import dataclasses

    from safetensors import safe_open
    from safetensors.torch import save_file

    import ganengine as ge
    import ui.engine
    from ganengine.events import JsonlSink
    from ganengine.train import run_task
    from ganengine.train.probe import QualityWatch

    run_dir = tmp_path / "run"
    config = dataclasses.replace(tiny_points_config, steps=200, checkpoint_every=100, sample_every=100, log_every=50)
    sink = JsonlSink(run_dir / "events.jsonl")
    run_task(config, run_dir, sink)
    # A planted bad step: the last checkpoint with its generator's first layer zeroed (one point for all noise).
    with safe_open(run_dir / "checkpoints" / "step_0000200.safetensors", "pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118
        meta = f.metadata()
    first = next(k for k in sorted(tensors) if k.startswith("generator.") and tensors[k].dim() == 2)
    tensors[first].zero_()
    bad = run_dir / "checkpoints" / "step_0000300.safetensors"
    save_file(tensors, str(bad), metadata=meta)
    for e in QualityWatch(run_dir).after_checkpoint(bad, 300):
        sink(e)
    OneRun, _ = one_finished_run(config, run_dir)
    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_page("pages/1_Train.py")
    assert not at.exception
    assert any("Quality probe" in tab.label for tab in at.tabs)
    alarm = " ".join(w.value for w in at.warning)
    assert "Mode collapse at step 300" in alarm and "only 1 of the 8 kinds" in alarm and "lower learning rate" in alarm
    best_step = ge.RunDir(run_dir).best()["step"]
    assert best_step in (100, 200) and f"The best checkpoint so far (step {best_step})" in alarm
    at = open_page("pages/2_Generate.py")
    labels = at.selectbox(key="generate_checkpoint__en").options
    best_label = next(o for o in labels if "best checkpoint by the quality probe" in o)
    assert f"step {best_step}" in best_label and "of 8 modes covered" in best_label


# --- issue 14: run names and tags; the teacher's view --------------------------------------------------------------

TEACHER = "teacher-token-0123456789"
ALICE, BOB = "alice-token-0123456789abcdef", "bob-token-0123456789abcdef"


def sidebar_links(at: AppTest) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def test_a_run_is_named_and_tagged_at_start_listed_by_its_name_and_renamed_later():
    import ganengine as ge
    import ui.engine

    name = "Moons **bold** ![t](http://host/x.png)"
    at = open_page("pages/1_Train.py")
    data_box(at).set_value("toy2d-moons").run()
    at.number_input[0].set_value(20000)
    at.text_input(key="train_run_name").set_value(name)
    at.text_input(key="train_run_tags").set_value("week 3, moons,, Moons")
    at.button[0].click().run()
    assert_clean(at)
    owner, job_id = at.session_state["owner_token"], at.session_state["train_job"]
    manager = ui.engine.job_manager()
    info = manager.get(job_id, owner)
    assert info.label == ge.RunLabel(name, ("week 3", "moons")) and ge.RunDir(info.run_dir).label() == info.label
    assert any(unescaped(m) == f"**{name}** · #week 3 · #moons" for m in rendered_markdown(at))  # shown as typed
    assert_no_live_markdown_from(at, "![t](http://host/x.png)")
    # Renamed in the run's view: the run directory and every list follow.
    at.text_input(key=f"relabel_name_{job_id}").set_value("Moons, second try")
    at.text_input(key=f"relabel_tags_{job_id}").set_value("week 4")
    next(b for b in at.button if b.label == "Save name and tags").click().run()
    assert_clean(at)
    renamed = ge.RunLabel("Moons, second try", ("week 4",))
    assert manager.get(job_id, owner).label == renamed and ge.RunDir(info.run_dir).label() == renamed
    next(b for b in at.button if b.label == "Stop").click().run()
    at.switch_page("streamlit_app.py").run()
    table = at.dataframe[0].value  # Home's table of the user's jobs
    row = table[table["Run"] == job_id].iloc[0]
    assert row["Name"] == "Moons, second try" and row["Tags"] == "week 4"


def test_runs_are_listed_by_name_in_the_pickers_and_an_upload_by_the_users_file_name(monkeypatch, tmp_path,
                                                                                         tiny_image_config):
    """Generate's picker and Translate's run list name a run by its label; a run on an uploaded zip shows the user's
    file name, not the stored name with its content hash."""
    import dataclasses

    import numpy as np

    import ganengine as ge
    import ui.engine
    from ganengine.train import run_task

    at = open_page("pages/1_Train.py")
    data_box(at).set_value("__upload__").run()
    images = {f"cat_{i}.png": png(np.full((20, 20, 3), 10 * i, np.uint8)) for i in range(16)}
    at.file_uploader[0].set_value(("My cats (2024).zip", zipped(images), "application/zip")).run()
    assert at.success and "My cats (2024).zip" in unescaped(at.success[0].value)
    stored = next(owner_uploads(at).glob("*.zip"))
    assert stored.name != "My cats (2024).zip" and ui.engine.shown_data(str(stored)) == "My cats (2024).zip"

    config = dataclasses.replace(tiny_image_config, data=str(stored), steps=3, checkpoint_every=3)
    run_task(config, tmp_path / "run")
    OneRun, run = one_finished_run(config, tmp_path / "run")
    named = dataclasses.replace(run, label=ge.RunLabel("Cats, small", ("week 3",)))
    OneRun.list = lambda self, owner: [named]
    OneRun.get = lambda self, job_id, owner: named
    monkeypatch.setattr(ui.engine, "job_manager", OneRun)
    at = open_page("pages/2_Generate.py")
    mine = at.selectbox[0].options
    assert any(o.startswith(f"my run · Cats, small [week 3] · {run.id} ·") and "on My cats (2024).zip" in o
               for o in mine), mine
    at.selectbox[0].set_value(f"run/{run.id}").run()
    assert_clean(at)
    card = dict(at.dataframe[0].value.itertuples(index=False))  # the checkpoint's card names its data the same way
    assert card["training data"] == "My cats (2024).zip", card


def test_teacher_page_does_not_exist_without_a_teacher_token(monkeypatch):
    monkeypatch.delenv("GANSTUDIO_TEACHER_TOKEN", raising=False)
    at = open_page()
    assert "Teacher" not in sidebar_links(at)
    at.switch_page("pages/8_Teacher.py").run()
    assert_clean(at)
    assert [m.value for m in at.markdown] == ["There is no page here."]
    assert not at.title and not at.text_input and not at.button and not at.dataframe


@pytest.fixture
def class_queue(monkeypatch, tmp_path, tiny_points_config):
    """A real job manager of its own (one run at a time) with four long runs of two students: one runs, three wait."""
    import dataclasses

    import ganengine as ge
    import ui.engine

    manager = ge.JobManager(tmp_path / "runs", max_running=1, threads_per_job=1)
    monkeypatch.setattr(ui.engine, "job_manager", lambda: manager)
    long = dataclasses.replace(tiny_points_config, steps=200_000)
    again = dataclasses.replace(long, seed=1)  # other settings: not a double click
    jobs = [manager.submit(long, ALICE, label=ge.RunLabel.clean("Alice ring", "week 3")), manager.submit(again, ALICE),
            manager.submit(long, BOB, label=ge.RunLabel.clean("Bob *first*", "week 3, wgan")), manager.submit(again, BOB)]
    yield manager, jobs
    manager.shutdown()


def test_teacher_page_refuses_a_wrong_token_then_lists_every_students_runs_cancels_and_reorders(monkeypatch, class_queue):
    import ganengine as ge

    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", TEACHER)
    manager, (running, a2, b1, b2) = class_queue
    at = open_page()
    assert sidebar_links(at)[-1] == "Teacher"
    at.switch_page("pages/8_Teacher.py").run()
    assert_clean(at)
    assert at.title[0].value == "Teacher" and not at.subheader and not at.text  # nothing before the token
    sign_in = next(b for b in at.button if b.label == "Open the teacher's view")
    at.text_input(key="teacher_given").set_value("not-the-teacher-token-0123")
    sign_in.click().run()
    assert [e.value for e in at.error] == ["That is not the teacher token."] and not at.subheader and not at.text
    at.text_input(key="teacher_given").set_value(TEACHER)
    next(b for b in at.button if b.label == "Open the teacher's view").click().run()
    assert_clean(at)
    assert [s.value for s in at.subheader] == ["Running and waiting", "The class's runs side by side"]
    texts = [x.value for x in at.text]
    for title in (f"Alice ring [week 3] · {running.id}", a2.id, f"Bob *first* [week 3, wgan] · {b1.id}", b2.id):
        assert title in texts, (title, texts)
    captions = " ".join(unescaped(c.value) for c in at.caption)
    assert f"student {ge.owner_key(ALICE)[:6]}" in captions and f"student {ge.owner_key(BOB)[:6]}" in captions
    assert len(at.dataframe[0].value) == 4  # every run, as a table
    # Reorder: Bob's last run goes up one place, then Bob's first goes down one.
    at.button(key=f"teacher_up_{b2.id}").click().run()
    assert_clean(at)
    assert [manager.get(j.id, o).queue_position for j, o in ((a2, ALICE), (b2, BOB), (b1, BOB))] == [1, 2, 3]
    at.button(key=f"teacher_down_{a2.id}").click().run()
    assert [manager.get(j.id, o).queue_position for j, o in ((b2, BOB), (a2, ALICE), (b1, BOB))] == [1, 2, 3]
    # Cancel: Alice's waiting run stops; she sees it stopped, and the queue closes up.
    at.button(key=f"teacher_stop_{a2.id}").click().run()
    assert_clean(at)
    assert manager.get(a2.id, ALICE).state == "cancelled"
    assert [manager.get(j.id, BOB).queue_position for j in (b2, b1)] == [1, 2]
    assert at.button(key=f"teacher_up_{b2.id}").disabled  # first in line
    # The class's runs side by side can be narrowed by tag.
    at.multiselect(key="teacher_tags").set_value(["wgan"]).run()
    assert_clean(at)
    assert f"Bob *first* [week 3, wgan] · {b1.id}" in [x.value for x in at.text]
    # Closing the view asks for the token again.
    at.sidebar.button(key="teacher_sign_out").click().run()
    assert not at.subheader and any(b.label == "Open the teacher's view" for b in at.button)


def test_generate_draws_a_64_sample_grid_to_the_space_pixel_sharp(monkeypatch):
    """Issue 14, defect 10: 64 samples were a 274 px JPEG in a 1400 px window; now whole-pixel blocks, about 800 px."""
    import numpy as np

    import ui.layout

    real_fit, drawn = ui.layout.fit, []

    def recording_fit(image, *args, **kwargs):  # the real enlargement, its input and output noted on the way
        out = real_fit(image, *args, **kwargs)
        drawn.append((image, np.asarray(out)))
        return out

    monkeypatch.setattr(ui.layout, "fit", recording_fit)
    at = open_page("pages/2_Generate.py")
    drawn.clear()
    at.select_slider(key="gen_count").set_value(64).run()
    assert_clean(at)
    grid = next(i for i in at.get("image") if "64 samples" in i.proto.imgs[0].caption)
    assert grid.proto.imgs[0].url.endswith(".png")  # never JPEG: its edges would blur
    source, shown = drawn[0]  # the page's first picture: the grid
    assert source.shape[:2] == (274, 274) and shown.shape[:2] == (822, 822)
    assert np.array_equal(shown[::3, ::3], source) and np.array_equal(shown[2::3, 2::3], source)  # 3x3 blocks


def test_generate_points_view_has_equal_axes_and_a_csv_download(tmp_path, tiny_points_config):
    import dataclasses

    from ganengine.train import run_task

    config = dataclasses.replace(tiny_points_config, steps=3, checkpoint_every=3)
    checkpoint = run_task(config, tmp_path / "run").checkpoint
    at = open_page("pages/2_Generate.py")
    at.file_uploader[0].set_value(("ring.safetensors", checkpoint.read_bytes(), "application/octet-stream")).run()
    at.selectbox(key="generate_checkpoint__en").set_value("upload/ring.safetensors").run()
    assert_clean(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    x, y = spec["layout"]["xaxis"], spec["layout"]["yaxis"]
    assert x["range"] == y["range"] and y["scaleanchor"] == "x" and y["scaleratio"] == 1
    assert x["constrain"] == "domain"  # the plot shrinks to a square instead of stretching x beyond its range
    import base64

    import numpy as np

    generated = [np.frombuffer(base64.b64decode(spec["data"][1][k]["bdata"]), spec["data"][1][k]["dtype"]) for k in "xy"]
    assert max(np.abs(v).max() for v in generated) <= x["range"][1]  # every generated point inside the view
    assert [b.proto.label for b in at.get("download_button")] == ["Download the points (CSV)"]


def _blocks(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _blocks(child)


def test_home_keeps_versions_in_an_about_box_and_its_cards_share_their_rows_height():
    """Issue 14, defect 11: "torch 2.14.1+cu130" stood in Home's status line; the map's cards had uneven heights."""
    import ganengine as ge
    from ui.pages import PAGES as registry

    at = open_page()
    assert_clean(at)
    torch_version = ge.describe_device()["torch"]
    about = next(e for e in at.expander if e.label == "About this server")
    assert [m.value for m in about.markdown if torch_version in m.value]
    assert sum(torch_version in body for body in rendered_markdown(at)) == 1  # nowhere but the About box
    cards = [b for b in _blocks(at._tree) if "home_card_" in getattr(getattr(b, "proto", None), "id", "")]
    assert len(cards) == len([p for p in registry if p.map_key])
    assert all(c.proto.height_config.use_stretch and c.proto.flex_container.border for c in cards)  # a row's height
