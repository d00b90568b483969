"""The Super-Resolution page's parts: model choices, inputs (examples with a known original, or an upload), the
enlargements, a before/after slider drawn offline, zoomed crops, scores and the perception-distortion chart."""

from __future__ import annotations

import base64
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from PIL import Image

import ganengine as ge
from ganengine.data.photos import ExamplePhoto, example_photos, shrink
from ganengine.metrics.sr import image_scores

from . import engine
from .checkpoint_picker import GeneratorChoice, own_run_choices, run_choice_key
from .i18n import number, reader_numbers, said, t
from .layout import upscale
from .own_runs import own_runs
from .run_label import label_fields
from .submit_once import start_once
from .translate_view import follow_language
from .uploads import show, store_data_zip

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

MIN_REFERENCE = 8  # LR pixels: an original under 8 x scale pixels is too small to shrink and score (SSIM's window)
MAX_INPUT_SIDE = 256  # the page enlarges inputs up to this long side (larger ones are shrunk first); the CLI takes any size
SLIDER_WIDTH = 576  # screen pixels of the before/after view
CROP_SHOW = 176  # screen side of each zoomed crop
BICUBIC = "bicubic"
ORIGINAL = "original"
MODEL_KEY = "sr_model"
JOB_KEY = "sr_job"
UPLOAD = "__upload__"


@dataclass(frozen=True)
class SrModel:
    """One super-resolution checkpoint the user may run, with what its card says."""

    key: str
    label: str
    short: str  # its name on pictures and charts: the shipped file's name, or "run <id>" (every run's files are step_*)
    path: Path
    scale: int
    stage: str  # psnr | gan
    card: ge.ModelCard


def _model(key: str, choice: GeneratorChoice, short: str) -> SrModel | None:
    try:
        card = ge.read_card(choice.path)
    except (ge.CheckpointError, OSError):
        return None
    if card.task != "superres":
        return None
    return SrModel(key, choice.label, short, choice.path, card.spec.scale, str(card.metrics.get("stage", "psnr")), card)


def model_choices(owner: str) -> dict[str, SrModel]:
    """Shipped super-resolution models (GAN fine-tunes first), then this user's own superres runs."""
    found: dict[str, SrModel] = {}
    shipped = sorted(ge.catalog(engine.SHIPPED, ("superres",)),
                     key=lambda e: (-e.card.spec.scale, e.card.metrics.get("stage") != "gan", e.path.stem))
    for entry in shipped:
        key = f"shipped/{entry.path.stem}"
        model = _model(key, GeneratorChoice(t("pick.shipped", name=entry.path.stem), entry.path), entry.path.stem)
        if model is not None:
            found[key] = model
    for key, choice in own_run_choices(owner, ("superres",)).items():
        model = _model(key, choice, t("sr.run_name", id=key.removeprefix(run_choice_key(""))))
        if model is not None:
            found[key] = model
    return found


def model_label(model: SrModel) -> str:
    return t("sr.model_label", name=model.label, scale=model.scale, kind=t(f"sr.stage_{model.stage}"))


@st.cache_resource(show_spinner=False, max_entries=8)
def _pipeline(path: str, mtime: float) -> ge.UpscalePipeline:
    """A super-resolution model loaded once and shared read-only (eval mode, no_grad) by every session."""
    return ge.UpscalePipeline.load(path)


def pipeline(model: SrModel) -> ge.UpscalePipeline:
    return _pipeline(str(model.path), model.path.stat().st_mtime)


@st.cache_data(show_spinner=False, max_entries=32)
def _enlarge(path: str, mtime: float, image: np.ndarray) -> ge.Upscaled:
    return _pipeline(path, mtime).upscale(image)


def enlarge(model: SrModel, image: np.ndarray) -> ge.Upscaled:
    """One model on one LR image (output, bicubic, how it was made, seconds); cached for every session."""
    return _enlarge(str(model.path), model.path.stat().st_mtime, image)


def made_note(result: ge.Upscaled, model: SrModel) -> str:
    """How the enlargement was made, in the reader's language (the engine's own note stays English, for provenance)."""
    fields = {"scale": model.scale, "arch": model.card.spec.name}
    note = (t("sr.note_whole", **fields) if result.tiles == 1 else
            t("sr.note_tiles", tiles=result.tiles, tile=result.tile, margin=result.margin, **fields))
    return note + (t("sr.note_retries", n=result.retries) if result.retries else "")


@st.cache_data(show_spinner=False)
def examples() -> list[ExamplePhoto]:
    return example_photos()


@dataclass(frozen=True)
class SrInput:
    """What the page enlarges: the LR image, and the original it was shrunk from when that is known."""

    low: np.ndarray
    reference: np.ndarray | None
    name: str
    note: str = ""


def example_input(photo: ExamplePhoto, scale: int) -> SrInput:
    low, ref = shrink(photo.image, scale)
    return SrInput(low, ref, photo.name, t("sr.example_note", name=photo.name, kind=photo.kind, scale=scale,
                                           w=low.shape[1], h=low.shape[0]))


def upload_input(data: bytes, name: str, scale: int, shrink_first: bool) -> SrInput:
    """An uploaded image (checked by ge.open_image), brought within MAX_INPUT_SIDE, optionally shrunk first so the
    upload itself is the reference."""
    image = ge.open_image(data, mode="RGB")
    notes = []
    limit = MAX_INPUT_SIDE * scale if shrink_first else MAX_INPUT_SIDE
    if max(image.size) > limit:
        w0, h0 = image.size
        image.thumbnail((limit, limit), Image.Resampling.LANCZOS)
        notes.append(t("sr.shrunk", w0=w0, h0=h0, w=image.width, h=image.height))
    arr = np.asarray(image)
    if shrink_first:
        if min(arr.shape[:2]) < MIN_REFERENCE * scale:
            raise ValueError(t("sr.too_small_to_shrink", side=MIN_REFERENCE * scale, scale=scale))
        low, ref = shrink(arr, scale)
        notes.append(t("sr.shrunk_first", scale=scale, w=low.shape[1], h=low.shape[0]))
        return SrInput(low, ref, name, " ".join(notes))
    return SrInput(np.ascontiguousarray(arr), None, name, " ".join(notes))


def _data_url(image: np.ndarray) -> str:
    return "data:image/png;base64," + base64.b64encode(ge.png_bytes(image)).decode("ascii")


_SLIDER_JS = """
export default function (component) {
  const { data, parentElement } = component;
  if (!data) return;
  parentElement.replaceChildren();
  const make = (tag, cls, style) => {
    const el = document.createElement(tag); el.className = cls; Object.assign(el.style, style); return el;
  };
  const w = data.width + "px", h = data.height + "px";
  const box = make("div", "ba-box", { position: "relative", width: w, height: h, cursor: "ew-resize",
                                       userSelect: "none", touchAction: "none", overflow: "hidden" });
  const picture = (src, alt, cls) => {
    const img = make("img", cls, { position: "absolute", left: "0", top: "0", width: w, height: h,
                                   imageRendering: data.rendering, maxWidth: "none" });
    img.src = src; img.alt = alt; img.draggable = false;
    return img;
  };
  const after = picture(data.right, data.right_label, "ba-after");
  const before = picture(data.left, data.left_label, "ba-before");
  const bar = make("div", "ba-bar", { position: "absolute", top: "0", bottom: "0", width: "2px", marginLeft: "-1px",
                                      background: "#fff", boxShadow: "0 0 3px #000" });
  const tag = (text, side) => {
    const el = make("span", "ba-tag", { position: "absolute", top: "6px", [side]: "6px", background: "rgba(0,0,0,.6)",
                                       color: "#fff", padding: "2px 6px", font: "13px sans-serif" });
    el.textContent = text;
    return el;
  };
  const pos = make("input", "ba-pos", { display: "block", width: w, margin: "6px 0 0 0" });
  pos.type = "range"; pos.min = 0; pos.max = 100; pos.value = 50;
  pos.title = data.hint; pos.setAttribute("aria-label", data.hint);
  const place = (v) => {
    v = Math.max(0, Math.min(100, v));
    before.style.clipPath = "inset(0 " + (100 - v) + "% 0 0)"; bar.style.left = v + "%"; pos.value = v;
  };
  pos.addEventListener("input", () => place(Number(pos.value)));
  const follow = (e) => { const r = box.getBoundingClientRect(); place(100 * (e.clientX - r.left) / r.width); };
  box.addEventListener("pointerdown", (e) => { box.setPointerCapture(e.pointerId); follow(e); });
  box.addEventListener("pointermove", (e) => { if (e.buttons) follow(e); });
  box.append(after, before, bar, tag(data.left_label, "left"), tag(data.right_label, "right"));
  parentElement.append(box, pos);
  place(50);
}
"""

_slider = st.components.v2.component("ganstudio_before_after", js=_SLIDER_JS)  # styles inline: they cannot leak


def before_after(left: np.ndarray, right: np.ndarray, left_label: str, right_label: str, hint: str, key: str) -> None:
    """Two images of the same size, one over the other, with a slider that moves the border between them.

    A custom component of the project's own (components v2: it renders in the page, its script is served by the app):
    the images go as PNG data URLs, nothing is fetched from anywhere, and labels are set as text, never as HTML. Small
    images are shown enlarged with square pixels (no smoothing invented by the browser)."""
    h, w = right.shape[:2]
    width = w * max(1, SLIDER_WIDTH // w) if w <= SLIDER_WIDTH else SLIDER_WIDTH  # whole screen pixels per pixel
    height = round(h * width / w)
    _slider(data={"left": _data_url(left), "right": _data_url(right), "left_label": left_label,
                  "right_label": right_label, "hint": hint, "width": width, "height": height,
                  "rendering": "pixelated" if width > w else "auto"}, key=key, height=height + 40)


def crop_box(shape: tuple[int, ...], x_share: float, y_share: float, scale: int) -> tuple[int, int, int]:
    """(top, left, side) of a square crop of an output of `shape`, centred at the shares given, a multiple of `scale`
    so the LR crop lines up exactly."""
    h, w = shape[:2]
    side = max(scale * 8, min(h, w) // 4 // scale * scale)
    side = min(side, h // scale * scale, w // scale * scale)
    top = round((h - side) * y_share) // scale * scale
    left = round((w - side) * x_share) // scale * scale
    return top, left, side


def zoomed_crops(images: dict[str, np.ndarray], low: np.ndarray, scale: int, x_share: float, y_share: float) -> None:
    """The same small region of every image, enlarged with square pixels: the LR input first."""
    first = next(iter(images.values()))
    top, left, side = crop_box(first.shape, x_share, y_share, scale)
    row = {t("sr.input"): low[top // scale : (top + side) // scale, left // scale : (left + side) // scale]}
    row.update({label: img[top : top + side, left : left + side] for label, img in images.items()})
    for column, (label, crop) in zip(st.columns(len(row)), row.items(), strict=True):
        column.image(upscale(np.ascontiguousarray(crop), CROP_SHOW), caption=label, width=CROP_SHOW)


def scores_table(outputs: dict[str, np.ndarray], reference: np.ndarray, scale: int) -> pd.DataFrame:
    rows = []
    for label, out in outputs.items():
        scores = image_scores(out, reference, scale)
        rows.append({t("sr.col_method"): label, "PSNR-Y (dB)": scores["psnr_y"], "SSIM-Y": scores["ssim_y"],
                     t("sr.col_detail"): scores["detail_ratio"]})
    return pd.DataFrame(rows)


def shown_scores(table: pd.DataFrame) -> Styler:
    """A scores or card table with its numbers in the reader's language."""
    return reader_numbers(table, {"PSNR-Y (dB)": ".2f", "SSIM-Y": ".4f", t("sr.col_detail"): ".2f",
                                  t("sr.col_bicubic_psnr"): ".2f", t("sr.col_gain"): "+.2f"})


def card_rows(models: list[SrModel]) -> pd.DataFrame:
    """Each model's card figures (held-out photos), with bicubic's measured on the same crops."""
    rows = []
    for m in models:
        f = m.card.metrics
        if "psnr_y" not in f:
            continue
        rows.append({t("sr.col_method"): model_label(m), "PSNR-Y (dB)": f["psnr_y"], "SSIM-Y": f.get("ssim_y"),
                     t("sr.col_detail"): f.get("detail_ratio"), t("sr.col_bicubic_psnr"): f.get("bicubic_psnr_y"),
                     t("sr.col_gain"): f.get("psnr_gain_db")})
    return pd.DataFrame(rows)


def perception_distortion_figure(models: list[SrModel], measured: pd.DataFrame | None = None) -> go.Figure:
    """PSNR (distortion: right is closer to the original) against detail ratio (perception: 1 is as textured as the
    photo) for bicubic and each model, from their cards; the current image's scores as hollow markers."""
    fig = go.Figure()
    xs, ys, names = [], [], []
    bicubic_done = False
    for m in models:
        f = m.card.metrics
        if "psnr_y" not in f or "detail_ratio" not in f:
            continue
        if not bicubic_done and "bicubic_detail_ratio" in f:
            xs.append(f["bicubic_psnr_y"])
            ys.append(f["bicubic_detail_ratio"])
            names.append(t("sr.bicubic"))
            bicubic_done = True
        xs.append(f["psnr_y"])
        ys.append(f["detail_ratio"])
        names.append(m.short)
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers+text", text=names, textposition="top center",
                             marker={"size": 13}, name=t("sr.cards_trace")))
    if measured is not None and len(measured):
        fig.add_trace(go.Scatter(x=measured["PSNR-Y (dB)"], y=measured[t("sr.col_detail")], mode="markers+text",
                                 text=measured[t("sr.col_method")], textposition="bottom center",
                                 marker={"size": 11, "symbol": "circle-open", "line": {"width": 2}},
                                 name=t("sr.this_trace")))
    fig.add_hline(y=1.0, line_dash="dot", annotation_text=t("sr.as_textured"))
    fig.update_layout(xaxis_title=t("sr.axis_psnr"), yaxis_title=t("sr.axis_detail"), height=380,
                      margin={"t": 30, "b": 40, "l": 50, "r": 20}, legend={"orientation": "h", "y": -0.25})
    return fig


def trade_off_text(models: list[SrModel]) -> str | None:
    """The two shipped kinds' card numbers in a sentence, when a pixel-loss model and a GAN model of one scale exist."""
    by_stage = {m.stage: m for m in models if "psnr_y" in m.card.metrics}
    if "psnr" not in by_stage or "gan" not in by_stage:
        return None
    p, g = by_stage["psnr"].card.metrics, by_stage["gan"].card.metrics
    return t("sr.tradeoff_numbers", p_psnr=number(p["psnr_y"], ".2f"), g_psnr=number(g["psnr_y"], ".2f"),
             b_psnr=number(p["bicubic_psnr_y"], ".2f"), p_detail=number(p["detail_ratio"], ".2f"),
             g_detail=number(g["detail_ratio"], ".2f"), b_detail=number(p["bicubic_detail_ratio"], ".2f"),
             where=p.get("measured_on", ""))


def download_name(source: str, model: SrModel) -> str:
    stem = "".join(c for c in Path(source).stem if c.isalnum() or c in "-_")[:40] or "image"
    return f"{stem}-x{model.scale}-{download_stem(model.short)}.png"


def download_stem(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:40]


def provenance(model: SrModel, source: str, note: str) -> dict[str, str]:
    return {"model": model.path.name, "task": "superres", "scale": str(model.scale), "source": Path(source).name,
            "note": note}


def train_section(owner: str) -> None:
    """A small form (scale, photos, steps, width) validated into the quick PSNR-stage preset and queued; then the
    user's super-resolution runs, live while they train."""
    st.markdown(t("sr.train_intro"))
    c1, c2 = st.columns(2)
    scale = c1.radio(t("sr.scale"), [4, 2], format_func=lambda s: f"x{s}", horizontal=True, key="sr_train_scale")
    names = {"photos": t("data.photos"), UPLOAD: t("sr.train_data_upload")}  # labels made now, in this run's language
    data = follow_language(c2.selectbox, t("sr.train_data"), list(names), names.get, key="sr_train_data")
    data_path = data
    if data == UPLOAD:
        upload = c2.file_uploader(t("sr.zip"), type=["zip"], help=t("sr.zip_help"), key="sr_train_zip")
        data_path = ""
        if upload is not None:
            verdict = store_data_zip(owner, upload.name, upload.getvalue())
            data_path = verdict[0]
            show(verdict, c2)
    base = ge.preset("superres", "photos", quick=True)
    with st.form("sr_train_form", enter_to_submit=False):  # Enter in a field must not start a run
        f1, f2 = st.columns(2)
        steps = f1.number_input(t("sr.steps"), 10, 20_000, base.steps, step=100, help=t("sr.steps_help"))
        width = f2.select_slider(t("sr.width"), [8, 16, 32, 64], value=base.width, help=t("sr.width_help"))
        run_label = label_fields("sr")
        submitted = st.form_submit_button(t("sr.train_start"), type="primary")
    if submitted:
        try:
            if not data_path:
                raise ge.ConfigError(t("sr.need_upload"))
            config = dataclasses.replace(base, data=data_path, scale=int(scale), steps=int(steps), width=int(width))
            config = engine.with_recorded_command(config.validate(), data == UPLOAD, f"superres-x{scale}")
            info = start_once("sr_train", config, lambda: engine.job_manager().submit(config, owner, label=run_label))
        except (ge.UserError, ValueError) as exc:
            st.error(t("sr.train_refused", reason=said(exc)))
        else:
            st.session_state[JOB_KEY] = info.id
    jobs = [j for j in engine.job_manager().list(owner) if j.config.task == "superres"]
    if not jobs:
        st.info(t("sr.no_jobs"))
        return
    chosen = next((j for j in jobs if j.id == st.session_state.get(JOB_KEY)), jobs[0])
    own_runs(owner, jobs, JOB_KEY, f"{MODEL_KEY}_x{chosen.config.scale}", t("sr.your_runs"), t("sr.use_run"),
             extra_state={"sr_scale": chosen.config.scale})
