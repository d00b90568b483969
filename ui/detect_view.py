"""The Ethics & Detection page's parts: choosing a detector, checking one image (verdict, spectrum, metadata), the mean
spectra of real and generated images, the detector's robustness curves (measured in the server's work queue), the
real-or-fake quiz, the bias table and the ethics texts. Inference runs through the engine's pipelines and
`ganengine.detect`; nothing here builds or trains a model."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import torch
from PIL import Image
from plotly.subplots import make_subplots

import ganengine as ge
from ganengine import detect, sampling

from . import charts, engine
from .checkpoint_picker import GeneratorChoice, card_table, generator_choices, own_run_choices, translated_selectbox
from .engine import active_item, detect_pipeline, finished_work, sample_pipeline, shared_results, work_queue
from .i18n import number, reader_numbers, said, t, t_or
from .layout import upscale
from .own_runs import own_runs
from .plaintext import plain
from .run_label import label_fields
from .submit_once import start_once
from .translate_view import follow_language
from .uploads import detectors_dir, show, store_detector

DETECTOR_KEY = "ethics_detector"
JOB_KEY = "ethics_job"
TRAIN_SETS = ("digits", "faces")
DEMO_GENERATOR = "digits-dcgan"  # "take one from Generate": a sample of the shipped digits DCGAN
DEFAULT_GENERATOR = f"shipped/{DEMO_GENERATOR}"
SPECTRUM_SIDE = 256  # an uploaded image larger than this is shrunk before its spectrum is drawn
SHOW_SIDE = 640  # ... and before it is shown
QUIZ_N = 8  # images per quiz round: half real, half generated
QUIZ_ROUND = "ethics_quiz_round"
QUIZ_ANSWERS = "ethics_quiz_answers"  # (round, answers) once the round was checked
ITEMS = "ethics_items"  # slot -> this session's item in the work queue
FAILURES = "ethics_failures"  # slot -> (key, one line) of work that ended in error
TOPICS = ("deepfakes", "bias", "ip", "consent", "creative")
LAYOUT = {"template": "plotly_white", "margin": {"l": 10, "r": 10, "t": 50, "b": 10}}


# --------------------------------------------------------------------------------------------------------------------
# choosing a detector


def detector_choices(owner: str) -> dict[str, GeneratorChoice]:
    """Every detector this user may run: the shipped ones and their uploads (stable keys, labels in the language)."""
    choices = {f"shipped/{e.path.stem}": GeneratorChoice(t("pick.shipped", name=e.path.stem), e.path)
               for e in ge.catalog(engine.SHIPPED, ("detector",))}
    choices.update(own_run_choices(owner, ("detector",)))
    for path in sorted(p for p in detectors_dir(owner).glob("*.safetensors") if not p.name.startswith(".")):
        choices[f"upload/{path.name}"] = GeneratorChoice(t("pick.uploaded", name=path.name), path)
    return choices


def train_section(owner: str) -> None:
    """Train a detector against chosen shipped generators of a data set (the others are measured as unseen), as a
    background job; the user's detector runs below it, live while they train, usable once they have a checkpoint."""
    st.markdown(t("ethics.train_intro"))
    c1, c2 = st.columns(2)
    names = {d: t(f"data.{d}") for d in TRAIN_SETS}  # labels made now, in this run's language
    data = follow_language(c1.selectbox, t("ethics.train_data"), list(TRAIN_SETS), names.get, key="ethics_train_data")
    base = ge.preset("detector", data, quick=True)
    shipped = sorted(e.path.stem for e in ge.catalog(engine.SHIPPED, ("gan", "cgan")) if e.card.data == data)
    seen = c2.multiselect(t("ethics.train_generators"), shipped, key=f"ethics_train_generators_{data}",
                          default=[g for g in base.generators.split(",") if g in shipped])
    with st.form("ethics_train_form", enter_to_submit=False):  # Enter in a field must not start a run
        f1, f2 = st.columns(2)
        steps = f1.number_input(t("ethics.train_steps"), 50, 20_000, base.steps, step=100, help=t("ethics.train_steps_help"))
        spectrum = f2.checkbox(t("ethics.train_spectrum"), value=False, help=t("ethics.train_spectrum_help"))
        run_label = label_fields("ethics")
        submitted = st.form_submit_button(t("ethics.train_start"), type="primary")
    if submitted:
        try:
            if not seen:
                raise ge.ConfigError(t("ethics.train_need_generator"))
            unseen = ",".join(g for g in shipped if g not in seen) or "none"
            config = dataclasses.replace(base, generators=",".join(seen), unseen=unseen, steps=int(steps),
                                         spectrum=bool(spectrum)).validate()
            config = engine.with_recorded_command(config, False, "detector")
            info = start_once("ethics_train", config, lambda: engine.job_manager().submit(config, owner, label=run_label))
        except (ge.UserError, ValueError) as exc:
            st.error(t("ethics.train_refused", reason=said(exc, plain)))
        else:
            st.session_state[JOB_KEY] = info.id
    jobs = [j for j in engine.job_manager().list(owner) if j.config.task == "detector"]
    if not jobs:
        st.info(t("ethics.train_no_jobs"))
        return
    own_runs(owner, jobs, JOB_KEY, DETECTOR_KEY, t("ethics.train_your_runs"), t("ethics.train_use_run"))


def upload_detector_widget(owner: str) -> None:
    """Accept a .safetensors detector; anything else (another kind of checkpoint, a broken file) is refused in one line
    and nothing of it is kept."""
    file = st.file_uploader(t("pick.upload"), type=["safetensors"], help=t("pick.upload_help"), key="ethics_detector_upload")
    if file is not None:
        show(store_detector(owner, file.name, file.getvalue()))


def _flat(value: Any) -> Any:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def show_card(card: ge.ModelCard) -> None:
    """The detector's card as a table (its nested figures flattened to one line each), its command as code."""
    flat = dataclasses.replace(card, metrics={k: _flat(v) for k, v in card.metrics.items()})
    st.dataframe(card_table(flat), hide_index=True, width="stretch")
    if card.command:
        st.caption(t("card.command"))
        st.code(card.command, language="bash", wrap_lines=True)


def domain_note(det: ge.DetectPipeline) -> str:
    """DetectPipeline.domain_note in the reader's language (the card's words escaped: they come from a file)."""
    gens = ", ".join(det.generators_seen) or "?"
    return t("ethics.domain_note", data=plain(det.card.data[:60]), size=det.card.image_size, gens=plain(gens))


@st.cache_resource(show_spinner=False, max_entries=4)
def _held_out(path: str, mtime: float) -> tuple[detect.HeldOut | None, str]:
    """The images the detector's card was measured on (never trained on), rebuilt from the card and shared read-only;
    (None, why) when this server cannot rebuild them (a card naming another server's data or generators)."""
    try:
        return detect.held_out_set(detect_pipeline(Path(path)).card), ""
    except (ge.UserError, ValueError, OSError) as exc:
        return None, str(exc)


def held_out(path: Path) -> tuple[detect.HeldOut | None, str]:
    return _held_out(str(path), path.stat().st_mtime)


# --------------------------------------------------------------------------------------------------------------------
# figures


def _freq_axis(n: int) -> np.ndarray:
    return (np.arange(n) - n // 2) / (n / 2)


def spectrum_figure(spectrum: np.ndarray, title: str) -> go.Figure:
    """One centred log-magnitude spectrum as a heatmap (axes: frequency, 1 = Nyquist; the centre is frequency 0)."""
    h, w = spectrum.shape
    fig = go.Figure(go.Heatmap(z=spectrum, x=_freq_axis(w), y=_freq_axis(h), colorscale="Viridis",
                               colorbar={"title": {"text": "log |F|"}}))
    fig.update_layout(title=title, height=340, **LAYOUT)
    fig.update_xaxes(title=t("ethics.freq_axis"))
    fig.update_yaxes(scaleanchor="x", scaleratio=1, autorange="reversed")
    return fig


def spectra_pair_figure(real: np.ndarray, fake: np.ndarray, titles: tuple[str, str]) -> go.Figure:
    """Mean spectra of real and generated images side by side, on one colour scale."""
    h, w = real.shape
    fig = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.08)
    for col, z in ((1, real), (2, fake)):
        fig.add_trace(go.Heatmap(z=z, x=_freq_axis(w), y=_freq_axis(h), coloraxis="coloraxis"), row=1, col=col)
        fig.update_xaxes(title=t("ethics.freq_axis"), row=1, col=col)
    fig.update_yaxes(scaleanchor="x", scaleratio=1, autorange="reversed", row=1, col=1)
    fig.update_yaxes(scaleanchor="x2", scaleratio=1, autorange="reversed", row=1, col=2)
    low, high = float(min(real.min(), fake.min())), float(max(real.max(), fake.max()))
    fig.update_layout(height=380, coloraxis={"colorscale": "Viridis", "cmin": low, "cmax": high,
                                             "colorbar": {"title": {"text": "log |F|"}}}, **LAYOUT)
    return fig


def _profile_layout(fig: go.Figure, title: str, height: int = 340) -> go.Figure:
    fig.update_layout(title=title, height=height, xaxis_title=t("ethics.freq_axis"), yaxis_title=t("ethics.power_axis"),
                      legend={"orientation": "h", "y": -0.25}, **LAYOUT)
    fig.add_vline(x=1.0, line_dash="dot", line_color="grey", annotation_text="Nyquist", annotation_position="top left")
    return fig


def profile_figure(freqs: np.ndarray, power: np.ndarray) -> go.Figure:
    fig = go.Figure(go.Scatter(x=freqs, y=power, mode="lines", line={"color": charts.COLOURS["g"]}, showlegend=False))
    return _profile_layout(fig, t("ethics.profile_title"))


def profiles_figure(comparison: dict[str, Any]) -> go.Figure:
    """Mean radial profiles of the real and generated sets, the real images' spread as a band."""
    f = np.asarray(comparison["freqs"])
    real, spread, fake = (np.asarray(comparison[k]) for k in ("real", "real_std", "fake"))
    fig = go.Figure([
        go.Scatter(x=np.concatenate([f, f[::-1]]), y=np.concatenate([real + spread, (real - spread)[::-1]]), fill="toself",
                   fillcolor="rgba(23,190,187,0.18)", line={"width": 0}, hoverinfo="skip", showlegend=False),
        go.Scatter(x=f, y=real, mode="lines", name=t("chart.real"), line={"color": charts.COLOURS["real"]}),
        go.Scatter(x=f, y=fake, mode="lines", name=t("chart.generated"), line={"color": charts.COLOURS["fake"]}),
    ])
    return _profile_layout(fig, t("ethics.profile_sets_title"), height=360)


def robustness_figure(curves: dict[str, dict[str, Any]]) -> go.Figure:
    """One panel per distortion (strength growing to the right): balanced accuracy, and the real and generated halves."""
    names = [n for n in detect.DISTORTIONS if n in curves]
    fig = make_subplots(rows=1, cols=len(names), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[t(f"ethics.axis_{n}") for n in names])
    series = (("accuracy", "ethics.series_balanced", charts.COLOURS["g"], "solid"),
              ("real_accuracy", "ethics.series_real", charts.COLOURS["real"], "dot"),
              ("fake_accuracy", "ethics.series_fake", charts.COLOURS["fake"], "dot"))
    for col, name in enumerate(names, start=1):
        curve = curves[name]
        for key, label, colour, dash in series:
            fig.add_trace(go.Scatter(x=curve["strengths"], y=curve[key], mode="lines+markers", name=t(label),
                                     legendgroup=key, showlegend=col == 1, line={"color": colour, "dash": dash},
                                     marker={"size": 5}), row=1, col=col)
        if curve["strengths"][0] > curve["strengths"][-1]:  # JPEG quality and the size factor fall as they grow
            fig.update_xaxes(autorange="reversed", row=1, col=col)
    fig.update_annotations(font_size=12)  # the panels' titles (before the coin-toss line adds its own)
    fig.add_hline(y=0.5, line_dash="dash", line_color="grey", row="all", col="all")
    fig.add_hline(y=0.5, line_width=0, annotation_text=t("ethics.coin_toss"), annotation_position="bottom left",
                  annotation_font_color="grey", row=1, col=1)
    fig.update_yaxes(range=[0, 1.03], tickformat=".0%")
    fig.update_yaxes(title=t("ethics.series_balanced"), row=1, col=1)
    fig.update_layout(title=t("ethics.robust_title"), height=380, legend={"orientation": "h", "y": -0.2}, **LAYOUT)
    return fig


# --------------------------------------------------------------------------------------------------------------------
# check an image


def generated_png(seed: int) -> bytes | None:
    """A digit from the shipped DCGAN, as the Generate page would save it (a PNG with its provenance)."""
    path = engine.SHIPPED / f"{DEMO_GENERATOR}.safetensors"
    if not path.exists():
        return None
    pipeline = sample_pipeline(path)
    image = sampling.to_uint8(pipeline(1, seed=seed))[0].squeeze(-1)
    return ge.png_bytes(image, {"model": path.name, "checkpoint_data": pipeline.card.data, "seed": str(seed)})


def plain_png(image: np.ndarray) -> bytes:
    """A PNG with no text chunks at all (a real image carries no GAN Studio mark)."""
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="PNG")
    return buf.getvalue()


def metadata_table(fields: dict[str, str], translate: bool) -> pd.DataFrame:
    rows = [(t_or(f"prov.{k.lower()}", k) if translate else k, v) for k, v in fields.items() if v not in ("", "None")]
    return pd.DataFrame(rows, columns=[t("card.field"), t("card.value")])


def check_section(det: ge.DetectPipeline, held: detect.HeldOut | None) -> None:
    """Pick or upload an image; show the detector's verdict, the image's spectrum and what its metadata claims.
    A refused image is one red line; nothing is written anywhere."""
    st.markdown(t("ethics.check_intro"))
    demo = (engine.SHIPPED / f"{DEMO_GENERATOR}.safetensors").exists()
    sources = [s for s, ok in (("generated", demo), ("real", held is not None), ("upload", True)) if ok]
    c1, c2 = st.columns([3, 1])
    labels = {s: t(f"ethics.source_{s}") for s in sources}  # formatted now, in this run's language
    source = follow_language(c1.radio, t("ethics.source"), sources, labels.get, key="ethics_source", horizontal=True)
    caption = ""
    if source == "generated":
        seed = int(c2.number_input(t("ethics.seed"), 0, 2**31 - 1, 42, key="ethics_seed"))
        data, name, caption = generated_png(seed), f"{DEMO_GENERATOR}-seed{seed}.png", t("ethics.demo", seed=seed)
    elif source == "real":
        i = int(c2.number_input(t("ethics.real_index"), 0, len(held.real) - 1, 0, key="ethics_real_index"))
        data, name, caption = plain_png(sampling.to_uint8(held.real[i : i + 1])[0].squeeze(-1)), f"real-{i}.png", \
            t("ethics.real_caption", i=i)
    else:
        file = st.file_uploader(t("ethics.upload"), type=["png", "jpg", "jpeg", "webp"], key="ethics_upload")
        if file is None:
            st.info(t("ethics.upload_prompt"))
            return
        data, name = file.getvalue(), file.name
    try:
        found = det.detect(data, name=name)  # refuses non-images, huge and animated files (ImageInputError)
        image = ge.open_image(data, mode="RGB", single_frame=True)
    except ge.ImageInputError as exc:
        st.error(t("ethics.refused", reason=plain(exc)))
        return

    left, right = st.columns([1, 2])
    small = image.copy()
    small.thumbnail((SHOW_SIDE, SHOW_SIDE))  # a photo is drawn (and checked for colour) at screen size, not in full
    arr = np.asarray(small)
    colour = bool(np.ptp(arr.astype(np.int16), axis=-1).any())
    shown = upscale(arr if colour else arr[..., 0], 192)
    left.image(shown, caption=t("ethics.size", w=image.width, h=image.height), width=min(shown.width, 320))  # original size
    if caption:
        left.caption(caption)
    right.metric(t("ethics.probability"), number(found.probability, ".0%"))
    verdict = "ethics.verdict_generated" if found.verdict == "generated" else "ethics.verdict_real"
    (right.warning if found.verdict == "generated" else right.success)(
        t(verdict, name=plain(det.name), p=found.probability, t=found.threshold))
    side = det.card.image_size
    if found.size != (side, side):
        right.info(t("ethics.resized_note", w=found.size[0], h=found.size[1], size=side))
    right.caption(domain_note(det))

    grey = image.convert("L")
    if max(grey.size) > SPECTRUM_SIDE:
        grey.thumbnail((SPECTRUM_SIDE, SPECTRUM_SIDE), Image.Resampling.BILINEAR)
    g = np.asarray(grey)
    s1, s2 = st.columns(2)
    charts.show(spectrum_figure(detect.log_spectrum(g), t("ethics.spectrum_title")), s1, key="ethics_spectrum")
    freqs, power = detect.radial_profile(g)
    charts.show(profile_figure(freqs, power), s2, key="ethics_profile")
    if grey.size != image.size:
        st.caption(t("ethics.spectrum_shrunk", w=grey.width, h=grey.height))
    st.caption(t("ethics.spectrum_caption"))

    st.markdown(f"**{t('ethics.metadata_title')}**")
    st.warning(t("ethics.metadata_warning"), icon="⚠️")
    if found.provenance.get("Software", "").startswith("GAN Studio"):
        st.info(t("ethics.is_ours"))
    else:
        st.info(t("ethics.no_mark"))
    m1, m2 = st.columns(2)
    if found.provenance:
        m1.caption(t("ethics.provenance_rows"))
        m1.dataframe(metadata_table(found.provenance, translate=True), hide_index=True, width="stretch")
    if found.exif:
        m2.caption(t("ethics.exif_rows"))
        m2.dataframe(metadata_table(found.exif, translate=False), hide_index=True, width="stretch")
    if not found.provenance and not found.exif:
        st.caption(t("ethics.no_metadata"))


# --------------------------------------------------------------------------------------------------------------------
# real vs generated spectra


def image_generators(owner: str, need_classifier: bool = False) -> dict[str, GeneratorChoice]:
    """The user's generators of images of a data set this server holds (with its domain classifier, if asked)."""
    readers = {e.card.data for e in ge.catalog(engine.SHIPPED, ("features",))}
    out = {}
    for key, choice in generator_choices(owner).items():
        try:
            card = ge.read_card(choice.path)
        except (ge.CheckpointError, OSError):
            continue
        if card.channels and card.data in ge.DATASETS and (card.data in readers or not need_classifier):
            out[key] = choice
    return out


@st.cache_data(show_spinner=False, max_entries=16)
def _spectra(path: str, mtime: float, n: int) -> dict[str, Any]:
    comparison = detect.generator_spectra(sample_pipeline(Path(path)), n=n, seed=0)
    out = comparison.to_dict()
    out["real_map"], out["fake_map"] = comparison.real.log_spectrum, comparison.fake.log_spectrum
    return out


def spectra_section(owner: str) -> None:
    st.markdown(t("ethics.spectra_intro"))
    choices = image_generators(owner)
    if not choices:
        st.info(t("ethics.no_generator"))
        return
    c1, c2 = st.columns([2, 1])
    with c1:
        key = translated_selectbox(t("ethics.generator"), list(choices), lambda k: choices[k].label,
                                   key="ethics_spectra_generator", default=DEFAULT_GENERATOR)
    n = int(c2.select_slider(t("ethics.spectra_count"), [64, 256, 1024], value=256, key="ethics_spectra_n"))
    path = choices[key].path
    try:
        found = _spectra(str(path), path.stat().st_mtime, n)
    except (ge.UserError, ValueError, RuntimeError, OSError) as exc:
        st.info(t("ethics.unavailable", reason=plain(exc)))
        return
    titles = (t("ethics.spectra_real", n=found["real_count"]), t("ethics.spectra_fake", n=found["fake_count"]))
    charts.show(spectra_pair_figure(found["real_map"], found["fake_map"], titles), key="ethics_spectra_maps")
    charts.show(profiles_figure(found), key="ethics_spectra_profiles")
    st.caption(t("ethics.spectra_gap", gap=found["high_frequency_gap_db"]))


# --------------------------------------------------------------------------------------------------------------------
# robustness, measured in the server's work queue


def collect(owner: str) -> None:
    """Fold this session's finished work into the shared results (in the script thread, never in a worker)."""
    items, failures = st.session_state.setdefault(ITEMS, {}), st.session_state.setdefault(FAILURES, {})
    for _slot, entry, result in finished_work(owner, items, failures):
        shared_results().put(entry["key"], result)


@st.fragment(run_every=1.0)
def _live(owner: str, slot: str) -> None:
    """The item's place in the queue, then its progress; when it ends the whole page reruns and draws the result."""
    item = active_item(owner, st.session_state.get(ITEMS, {}).get(slot))
    if item is None:
        st.rerun()
    if item.state == "queued":
        st.info(t("ethics.queued", pos=item.queue_position))
    else:
        note = t("ethics.robust_running", name=t(f"ethics.axis_{item.note}")) if item.note in detect.DISTORTIONS \
            else t("ethics.robust_starting")
        st.progress(item.progress, text=note)


def _robustness_work(det: ge.DetectPipeline, held: detect.HeldOut) -> Callable[[Callable[[float, str], None]], dict]:
    """The work item: the card's held-out images under each distortion in turn (a worker thread runs it; it draws
    nothing and returns plain lists)."""
    def work(progress: Callable[[float, str], None]) -> dict:
        curves = {}
        names = list(detect.DISTORTIONS)
        for i, name in enumerate(names):
            progress(i / len(names), name)
            curves.update(detect.robustness_sweep(det, held.real, held.fake, (name,), det.threshold))
        return {"curves": {k: c.to_dict() for k, c in curves.items()}, "real": len(held.real), "fake": len(held.fake)}
    return work


def _share(value: Any) -> str | None:
    return number(value, ".1%") if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def card_figures(det: ge.DetectPipeline) -> None:
    """The figures the card stores, shown at once: held-out real and fake accuracy, after JPEG 50, the unseen generator."""
    m = det.card.metrics
    jpeg = m.get("jpeg50") if isinstance(m.get("jpeg50"), dict) else {}
    unseen = m.get("accuracy_unseen") if isinstance(m.get("accuracy_unseen"), dict) else {}
    jpeg_parts = [jpeg.get("accuracy_real"), jpeg.get("accuracy_fake")]
    jpeg_balanced = sum(jpeg_parts) / 2 if all(isinstance(v, (int, float)) for v in jpeg_parts) else None
    st.caption(t("ethics.card_figures"))
    cols = st.columns(4)
    shown = [(t("ethics.metric_real"), _share(m.get("accuracy_real")), None),
             (t("ethics.metric_fake"), _share(m.get("accuracy_fake")),
              t("ethics.metric_fake_help", gens=plain(", ".join(det.generators_seen) or "?"))),
             (t("ethics.metric_jpeg"), _share(jpeg_balanced), t("ethics.metric_jpeg_help"))]
    if unseen:
        name, acc = next(iter(unseen.items()))
        shown.append((t("ethics.metric_unseen"), _share(acc), plain(name)))
    for col, (label, value, help_text) in zip(cols, shown, strict=False):
        if value is not None:
            col.metric(label, value, help=help_text)
    if unseen:
        name, acc = next(iter(unseen.items()))
        jpeg_unseen = jpeg.get("accuracy_unseen", acc)
        if isinstance(acc, (int, float)) and isinstance(jpeg_unseen, (int, float)):
            st.markdown(t("ethics.unseen_line", name=plain(name), acc=acc, jpeg=jpeg_unseen))
            if name == "digits-cdcgan" and det.generators_seen == ["digits-dcgan"]:
                st.caption(t("ethics.unseen_family"))
    else:
        st.markdown(t("ethics.no_unseen"))


def robustness_section(owner: str, det: ge.DetectPipeline, path: Path, held: detect.HeldOut | None, why: str) -> None:
    st.markdown(t("ethics.robust_intro"))
    card_figures(det)
    key = ("robustness", str(path), path.stat().st_mtime)
    value = shared_results().get(key)
    items, failures = st.session_state.setdefault(ITEMS, {}), st.session_state.setdefault(FAILURES, {})
    if value is None:
        if held is None:
            st.info(t("ethics.no_held_out", reason=plain(why)))
            return
        running = "robustness" in items
        if st.button(t("ethics.robust_run"), type="primary", disabled=running, key="ethics_robust_run") and not running:
            try:
                items["robustness"] = {"id": work_queue().submit(owner, f"robustness {det.name}", _robustness_work(det, held)),
                                       "key": key}
            except ge.QueueFull as exc:
                st.error(t("ethics.busy", reason=said(exc, plain)))
            else:
                failures.pop("robustness", None)
                st.rerun()  # draw the button disabled at once: no second submit while this one waits or runs
        if "robustness" in items:
            _live(owner, "robustness")
        elif failures.get("robustness", (None,))[0] == key:
            st.error(t("ethics.failed", reason=plain(failures["robustness"][1])))
        else:
            st.caption(t("ethics.robust_press"))
        return
    charts.show(robustness_figure(value["curves"]), key="ethics_robustness")
    st.caption(t("ethics.robust_measured", real=value["real"], fake=value["fake"]))


# --------------------------------------------------------------------------------------------------------------------
# the quiz


def quiz_round(held: detect.HeldOut, round_: int) -> tuple[torch.Tensor, list[str]]:
    """The round's images ((N,C,H,W) in [-1, 1], half real, half generated, shuffled by the round's seed) and the truth of
    each: "real" or the name of the generator that made it."""
    rng = np.random.default_rng(round_)
    pool = [(name, x) for group in (held.fakes, held.unseen) for name, x in group.items()]
    fakes = [(name, i) for name, x in pool for i in range(len(x))]
    half = QUIZ_N // 2
    picks = [("real", int(i)) for i in rng.choice(len(held.real), half, replace=False)]
    picks += [fakes[int(j)] for j in rng.choice(len(fakes), QUIZ_N - half, replace=False)]
    order = rng.permutation(QUIZ_N)
    sets = {"real": held.real, **dict(pool)}
    images = [sets[picks[k][0]][picks[k][1]] for k in order]
    return torch.stack(images), [picks[k][0] for k in order]


def _answer_key(round_: int, i: int) -> str:
    return f"ethics_quiz_{round_}_{i}"


def _check(round_: int) -> None:
    """The form's submit: keep the round's answers in a plain key (the radios are not drawn again once checked, and an
    undrawn widget's state is dropped)."""
    st.session_state[QUIZ_ANSWERS] = (round_, [st.session_state.get(_answer_key(round_, i)) for i in range(QUIZ_N)])


def _new_round() -> None:
    st.session_state[QUIZ_ROUND] = st.session_state.get(QUIZ_ROUND, 0) + 1
    st.session_state.pop(QUIZ_ANSWERS, None)


def _answer_label(answer: str | None) -> str:
    return t(f"ethics.answer_{answer}") if answer else t("ethics.quiz_no_answer")


def _mark(right: bool) -> str:
    return t("ethics.right") if right else t("ethics.wrong")


def quiz_section(det: ge.DetectPipeline, held: detect.HeldOut | None, why: str) -> None:
    """A gallery of real and generated digits; the student answers each, presses Check, and sees the truth, the
    detector's answers and both scores."""
    st.markdown(t("ethics.quiz_intro"))
    if held is None:
        st.info(t("ethics.no_held_out", reason=plain(why)))
        return
    round_ = st.session_state.setdefault(QUIZ_ROUND, 0)
    checked_round, answers = st.session_state.get(QUIZ_ANSWERS, (None, []))
    batch, truth = quiz_round(held, round_)
    pictures = sampling.to_uint8(batch)
    pictures = pictures[..., 0] if pictures.shape[-1] == 1 else pictures
    st.markdown(f"**{t('ethics.quiz_round', r=round_ + 1)}**")
    if checked_round != round_:
        labels = {a: t(f"ethics.answer_{a}") for a in ("real", "generated")}
        with st.form("ethics_quiz"):
            cols = st.columns(4)
            for i in range(QUIZ_N):
                cols[i % 4].image(upscale(pictures[i], 160), width=160)
                cols[i % 4].radio(t("ethics.quiz_image", i=i + 1), ["real", "generated"], index=None, horizontal=True,
                                  format_func=labels.get, key=_answer_key(round_, i))
            st.form_submit_button(t("ethics.quiz_check"), type="primary", on_click=_check, args=(round_,))
    else:
        probs = det(batch).tolist()
        called = ["generated" if p > det.threshold else "real" for p in probs]
        is_real = [x == "real" for x in truth]
        you_right = [a is not None and (a == "real") == r for a, r in zip(answers, is_real, strict=True)]
        det_right = [(c == "real") == r for c, r in zip(called, is_real, strict=True)]
        with st.container(border=True):
            cols = st.columns(4)
            for i in range(QUIZ_N):
                col = cols[i % 4]
                col.image(upscale(pictures[i], 160), width=160)
                col.markdown(f"**{t('ethics.quiz_image', i=i + 1)}**")
                col.caption(t("ethics.quiz_truth_real") if is_real[i] else t("ethics.quiz_truth_fake", name=plain(truth[i])))
                col.caption(t("ethics.quiz_you", answer=_answer_label(answers[i]), mark=_mark(you_right[i])))
                col.caption(t("ethics.quiz_detector", answer=_answer_label(called[i]), p=probs[i], mark=_mark(det_right[i])))
        you, machine = sum(you_right), sum(det_right)
        s1, s2 = st.columns(2)
        s1.metric(t("ethics.quiz_score_you"), f"{you} / {QUIZ_N}")
        s2.metric(t("ethics.quiz_score_detector"), f"{machine} / {QUIZ_N}")
        st.success(t("ethics.quiz_summary", you=you, det=machine, n=QUIZ_N))
        unanswered = sum(a is None for a in answers)
        if unanswered:
            st.caption(t("ethics.quiz_unanswered", k=unanswered))
        st.caption(t("ethics.quiz_lesson"))
    st.button(t("ethics.quiz_new"), on_click=_new_round, key="ethics_quiz_new")


# --------------------------------------------------------------------------------------------------------------------
# bias and representation


@st.cache_data(show_spinner=False, max_entries=16)
def _representation(path: str, mtime: float, n: int, seed: int) -> dict[str, Any]:
    report = ge.metrics.representation_table(sample_pipeline(Path(path)), n=n, seed=seed)
    return {**report, "classifier": ge.metrics.analysis.domain_classifier(report["data"]).name}


def _group(name: str) -> str:
    return t_or(f"ethics.group_{name.replace(' ', '_')}", name)


def _name(name: str) -> str:
    return t_or(f"ethics.name_{name.replace(' ', '_')}", name)


def bias_table(report: dict[str, Any]) -> pd.DataFrame:
    """One row per class and attribute: its share (or rate) among the samples and in the training data, in percent."""
    return pd.DataFrame([{t("ethics.col_group"): _group(r["group"]), t("ethics.col_name"): _name(r["name"]),
                          t("ethics.col_generated"): 100 * r["generated"], t("ethics.col_real"): 100 * r["real"],
                          t("ethics.col_ratio"): r["ratio"]} for r in report["rows"]])


def bias_section(owner: str) -> None:
    st.markdown(t("ethics.bias_intro"))
    choices = image_generators(owner, need_classifier=True)
    if not choices:
        st.info(t("ethics.no_generator"))
        return
    c1, c2 = st.columns([2, 1])
    with c1:
        key = translated_selectbox(t("ethics.generator"), list(choices), lambda k: choices[k].label,
                                   key="ethics_bias_generator", default=DEFAULT_GENERATOR)
    n = int(c2.select_slider(t("ethics.bias_samples"), [100, 250, 500, 1000, 2000], value=1000, key="ethics_bias_n"))
    path = choices[key].path
    try:
        report = _representation(str(path), path.stat().st_mtime, n, 0)
    except (ge.UserError, ValueError, RuntimeError, OSError) as exc:
        st.info(t("ethics.unavailable", reason=plain(exc)))
        return
    table = reader_numbers(bias_table(report), {t("ethics.col_generated"): ".1f %", t("ethics.col_real"): ".1f %",
                                                t("ethics.col_ratio"): ".2f"})
    st.dataframe(table, hide_index=True, width="stretch")
    classes = [r for r in report["rows"] if r["group"] != "attribute"]
    attributes = [r for r in report["rows"] if r["group"] == "attribute"]
    figures = []
    if classes:
        figures.append(charts.coverage_figure([_name(r["name"]) for r in classes], [r["generated"] for r in classes],
                                              [r["real"] for r in classes],
                                              t("ethics.bias_classes_title", group=_group(classes[0]["group"]))))
    if attributes:
        figures.append(charts.coverage_figure([_name(r["name"]) for r in attributes], [r["generated"] for r in attributes],
                                              [r["real"] for r in attributes], t("ethics.bias_attributes_title")))
    for i, (col, fig) in enumerate(zip(st.columns(len(figures)), figures, strict=True)):
        fig.update_yaxes(tickformat=".0%")
        charts.show(fig, col, key=f"ethics_bias_chart_{i}")
    gap = report.get("largest_gap")
    if gap:
        st.markdown(t("ethics.bias_gap", name=plain(_name(gap["name"])), group=plain(_group(gap["group"])),
                      points=gap["points"]))
    if report["conditional"]:
        st.info(t("ethics.bias_conditional"))
    st.caption(t("ethics.bias_reader", n=report["samples"], seed=report["seed"], data=plain(report["data"]),
                 clf=plain(report["classifier"])))


# --------------------------------------------------------------------------------------------------------------------
# ethics


def ethics_section() -> None:
    st.markdown(t("ethics.ethics_intro"))
    for topic in TOPICS:
        st.markdown(f"#### {t(f'ethics.topic_{topic}_title')}")
        st.markdown(t(f"ethics.topic_{topic}"))
    st.markdown(f"#### {t('ethics.questions_title')}")
    st.markdown(t("ethics.questions"))
