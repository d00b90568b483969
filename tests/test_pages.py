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
    import ganengine as ge
    import ui.translate_view
    from ganengine.tasks import Pix2PixConfig
    from ganengine.train import run_task

    config = Pix2PixConfig(data="scenes-labels", steps=4, width=4, image_size=32, batch_size=4, max_items=40, log_every=2,
                           sample_every=2, checkpoint_every=2, num_threads=1)
    run_task(config, tmp_path / "run")
    run = ge.JobInfo("20260101-000000-abcdef", "finished", config, tmp_path / "run", 0.0, 0.0, 1.0, "", 0)

    class OneRun:  # the page lists and draws the user's runs through the job manager
        def list(self, owner):
            return [run]

        def get(self, job_id, owner):
            return run

        def events(self, job_id, owner, offset=0):
            return ge.read_events(tmp_path / "run" / "events.jsonl", offset)

    monkeypatch.setattr(ui.translate_view, "job_manager", OneRun)
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


def open_sr(monkeypatch, shipped: Path) -> AppTest:
    import ui.engine

    monkeypatch.setattr(ui.engine, "SHIPPED", shipped)
    return open_page("pages/4_Super_Resolution.py")


def test_sr_page_enlarges_an_example_and_scores_it_against_the_original(monkeypatch, upscalers):
    at = open_sr(monkeypatch, upscalers)
    assert_clean(at)
    assert at.session_state["sr_model_x4"] == "shipped/photos-esrgan-x4"  # the GAN model comes first
    assert any(c.value.startswith("A crop of *chelsea*") for c in at.caption)
    # The before/after view is one offline component: both images inline as PNG, nothing fetched.
    (view,) = [e for e in at.get("iframe")] or [e for e in at.get("html")]
    assert view.proto.srcdoc.count("data:image/png;base64,") == 2 and "http" not in view.proto.srcdoc
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
    at.selectbox(key="sr_compare").set_value("original").run()
    assert_clean(at)
    assert any(c.value.startswith("A crop of *coins*") for c in at.caption)


def test_sr_page_enlarges_an_upload_and_refuses_a_bad_one(monkeypatch, upscalers):
    import numpy as np

    at = open_sr(monkeypatch, upscalers)
    at.radio(key="sr_source").set_value("upload").run()
    assert_clean(at)
    assert any("Upload an image" in i.value for i in at.info)
    rgba = np.random.default_rng(0).integers(0, 256, (40, 52, 4), dtype=np.uint8)
    at.file_uploader(key="sr_upload").set_value(("mine.png", png(rgba), "image/png")).run()  # alpha: composited on white
    assert_clean(at)
    assert any("208x160 pixels" in c.value for c in at.caption)  # 52x40 enlarged x4
    assert any("No original is known" in c.value for c in at.caption)
    at.checkbox(key="sr_shrink").check().run()
    assert_clean(at)
    assert any("your image is the reference" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 3
    at.file_uploader(key="sr_upload").set_value(("fake.png", b"not an image at all", "image/png")).run()
    assert [e.value for e in at.error] == ["Refused: uploaded image: not a PNG, JPEG, WebP, BMP or GIF image"]
