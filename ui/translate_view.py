"""The Translate page's parts: choosing a Pix2Pix or CycleGAN model, examples, your image, the drawing canvas, and
the small training form. Inference runs through the engine's TranslatePipeline; nothing here builds a model."""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Callable
from typing import Any

import numpy as np
import streamlit as st
from PIL import Image

import ganengine as ge
from ganengine import sampling
from ganengine.pipelines import TranslatePipeline, Translation

from . import engine
from .checkpoint_picker import GeneratorChoice, card_table, own_run_choices
from .engine import shown_data, with_recorded_command
from .i18n import lang, said, t, t_or
from .layout import upscale
from .own_runs import own_runs
from .plaintext import plain
from .run_label import label_fields
from .submit_once import start_once
from .uploads import show, store_pair_zip, store_translator, translators_dir

TASKS = ("pix2pix", "cyclegan")
N_EXAMPLES = 6
EXAMPLE_SEED = 2026  # examples are drawn fresh from the model's set with a seed its training did not use
SHOW = 256  # displayed side of an image, in screen pixels (square pixels, nearest neighbour)
CANVAS = 320  # the drawing canvas's side in pixels (5 canvas pixels per model pixel at 64)
UPLOAD_SIDE = 256  # an uploaded image is brought down to this before translating (the model works at 64 anyway)
UPLOAD = "__upload__"
DEFAULT_MODEL = "scenes-pix2pix"  # the shipped model the page opens on (draw a landscape)

MODEL_KEY = "translate_model"  # the chosen model's stable key (see checkpoint_picker.translated_selectbox)
EXAMPLE_KEY = "translate_example"
JOB_KEY = "translate_job"
# The canvas's latest drawing as {"tag": CANVAS_TAG's value, "rgba": (H, W, 4) uint8}: the page reads the drawing from
# here (the canvas writes it on every stroke; AppTest, which cannot draw, sets it).
DRAWING = "translate_drawing"
CANVAS_TAG = "translate_canvas_tag"  # which canvas is on screen (model, start): a drawing for another one is ignored

def follow_language(widget: Callable[..., Any], label: str, options: list[Any], format_func: Callable[[Any], str], key: str,
                    default: Any = None, **kwargs: Any) -> Any:
    """A selectbox or radio (`widget`, e.g. `column.selectbox`) whose option labels follow the language: the choice lives
    in the plain session key `key`, the widget's own key carries the language (as checkpoint_picker's pickers do)."""
    chosen = st.session_state.get(key)
    if chosen not in options:
        chosen = default if default in options else options[0]
    labels = {o: format_func(o) for o in options}  # in the run: a format_func may be called outside it (AppTest)
    value = widget(label, options, index=options.index(chosen), format_func=labels.get, key=f"{key}__{lang()}", **kwargs)
    st.session_state[key] = value
    return value


def region_name(name: str) -> str:
    """A region of a label map in the reader's language (the scene regions are in the catalogue; others as written)."""
    return t_or(f"translate.region_{name}", name)


# --------------------------------------------------------------------------------------------------------------------
# choosing a model


def translation_jobs(owner: str) -> list[ge.JobInfo]:
    return [j for j in engine.job_manager().list(owner) if j.config.task in TASKS]


def translator_choices(owner: str) -> dict[str, GeneratorChoice]:
    """Every translation model this user may run: shipped, their own Pix2Pix / CycleGAN runs, their uploads."""
    choices: dict[str, GeneratorChoice] = {}
    for entry in sorted(ge.catalog(engine.SHIPPED, TASKS), key=lambda e: (TASKS.index(e.card.task), e.path.stem != DEFAULT_MODEL,
                                                                          e.path.stem)):
        choices[f"shipped/{entry.path.stem}"] = GeneratorChoice(t("pick.shipped", name=entry.path.stem), entry.path)
    choices.update(own_run_choices(owner, TASKS))
    for path in sorted(p for p in translators_dir(owner).glob("*.safetensors") if not p.name.startswith(".")):
        choices[f"upload/{path.name}"] = GeneratorChoice(t("pick.uploaded", name=path.name), path)
    return choices


def upload_model_widget(owner: str) -> None:
    """Accept a .safetensors Pix2Pix or CycleGAN model; refuse anything else with one line, keeping nothing of it."""
    file = st.file_uploader(t("pick.upload"), type=["safetensors"], help=t("pick.upload_help"), key="translate_model_upload")
    if file is not None:
        show(store_translator(owner, file.name, file.getvalue()))


def export_role(card: ge.ModelCard, direction: str) -> str | None:
    """The network that translates in `direction` (CycleGAN holds one each way; Pix2Pix one)."""
    if card.task != "cyclegan":
        return None
    return "G_AB" if direction == "AtoB" else "G_BA"


def domain_names(card: ge.ModelCard) -> tuple[str, str]:
    """The names of the A and B domains as the model was trained (a user's set may have none: "A", "B")."""
    io = card.io
    return io.get("domain_a", "A"), io.get("domain_b", "B")


def show_card(card: ge.ModelCard) -> None:
    """The model card as a table, its command as code. A run on an uploaded zip names the file, never its server path."""
    shown = shown_data(card.data)
    metrics = {k: v.replace(card.data, shown) if isinstance(v, str) and card.data else v for k, v in card.metrics.items()}
    st.dataframe(card_table(dataclasses.replace(card, metrics=metrics)), hide_index=True, width="stretch")
    if card.command:
        st.caption(t("card.command"))
        st.code(card.command, language="bash", wrap_lines=True)


def direction_picker(card: ge.ModelCard) -> str:
    """AtoB or BtoA: a choice for a CycleGAN (it holds both generators); a Pix2Pix model goes one way."""
    a, b = domain_names(card) if card.task == "cyclegan" else (card.io.get("input", "A"), card.io.get("output", "B"))
    if card.task != "cyclegan":
        st.text(t("translate.one_way", a=a, b=b))
        return "AtoB"
    labels = {"AtoB": f"{a} → {b}", "BtoA": f"{b} → {a}"}  # selectbox options are plain text: no Markdown to escape
    return st.selectbox(t("translate.direction"), list(labels), format_func=labels.get, help=t("translate.direction_help"),
                        key="translate_direction")


# --------------------------------------------------------------------------------------------------------------------
# examples


@st.cache_data(show_spinner=False, max_entries=16)
def _example_arrays(data: str, size: int, seed: int, reverse: bool, n: int) -> tuple[np.ndarray, np.ndarray, str]:
    pairs = ge.load_data(data, ge.DataRequest(image_size=size, seed=seed, max_items=n))
    if reverse:
        pairs = pairs.reversed()

    def rgb(x: np.ndarray) -> np.ndarray:
        return np.repeat(x, 3, axis=-1) if x.shape[-1] == 1 else x

    return rgb(sampling.to_uint8(pairs.a)), rgb(sampling.to_uint8(pairs.b)), pairs.kind


@dataclasses.dataclass(frozen=True)
class Examples:
    inputs: np.ndarray  # (N, S, S, 3) uint8, in the chosen direction's input domain
    targets: np.ndarray | None  # the paired targets (Pix2Pix), else None
    data: str
    seed: int
    train_seed: int


def examples(card: ge.ModelCard, direction: str) -> Examples | None:
    """A few inputs the model never saw, drawn fresh from its registered data set (None for a user's own data: a
    card's `data` is never used as a path)."""
    entry = ge.registry().get(card.data)
    if entry is None or entry.kind not in ("paired", "unpaired"):
        return None
    train_seed = int(card.config.get("seed", 0))
    seed = EXAMPLE_SEED if train_seed != EXAMPLE_SEED else EXAMPLE_SEED + 1
    reverse = card.config.get("direction", "AtoB") == "BtoA"  # the run trained on the set reversed
    a, b, kind = _example_arrays(card.data, card.image_size, seed, reverse, N_EXAMPLES)
    if direction == "BtoA":
        return Examples(b, None, card.data, seed, train_seed)
    return Examples(a, b if kind == "paired" else None, card.data, seed, train_seed)


def strip(images: np.ndarray, pad: int = 2) -> np.ndarray:
    """Images side by side on white, with a gap."""
    n, h, w, _ = images.shape
    out = np.full((h, n * w + (n - 1) * pad, 3), 255, np.uint8)
    for i, img in enumerate(images):
        out[:, i * (w + pad) : i * (w + pad) + w] = img
    return out


def show_translation(pipeline: TranslatePipeline, result: Translation, target: np.ndarray | None = None,
                     original: np.ndarray | None = None) -> None:
    """What the network saw | its output | the target (paired) or the way back (CycleGAN), enlarged with square pixels."""
    source, goal = pipeline.domains
    panels = []
    if original is not None:
        panels.append((original, t("translate.col_yours")))
    panels.append((result.model_input, t("translate.col_input", domain=plain(source))))
    panels.append((result.output, t("translate.col_output", domain=plain(goal))))  # at the input's size
    if target is not None:
        panels.append((target, t("translate.col_target")))
    if result.cycle is not None:
        panels.append((result.cycle, t("translate.col_cycle", domain=plain(source))))
    for column, (image, caption) in zip(st.columns(len(panels)), panels, strict=True):
        column.image(upscale(image, SHOW), caption=caption)
    st.caption(t("translate.note", note=plain(result.note)))


def examples_section(pipeline: TranslatePipeline, found: Examples | None) -> None:
    if found is None:
        st.info(t("translate.no_examples"))
        return
    st.image(upscale(strip(found.inputs), 96))
    st.caption(t("translate.examples_caption", data=found.data, seed=found.seed, train_seed=found.train_seed))
    index = st.radio(t("translate.example"), range(len(found.inputs)), format_func=lambda i: str(i + 1), horizontal=True,
                     key=EXAMPLE_KEY)
    result = pipeline.translate(found.inputs[index])
    show_translation(pipeline, result, None if found.targets is None else found.targets[index])


def upload_section(pipeline: TranslatePipeline) -> None:
    file = st.file_uploader(t("translate.upload_image"), type=["png", "jpg", "jpeg"], help=t("translate.upload_image_help"),
                            key="translate_image")
    if file is None:
        st.caption(t("translate.upload_prompt"))
        return
    try:
        image = ge.open_image(file.getvalue())
    except (ge.ImageInputError, ValueError) as exc:
        st.error(t("translate.image_refused", reason=exc))
        return
    image.thumbnail((UPLOAD_SIDE, UPLOAD_SIDE), Image.Resampling.LANCZOS)
    rgb = np.asarray(image)
    show_translation(pipeline, pipeline.translate(rgb), original=rgb)


# --------------------------------------------------------------------------------------------------------------------
# drawing


def hex_colour(rgb: tuple[int, ...] | list[int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


def start_image(start: str, palette: list[tuple[int, int, int]], names: list[str], size: int,
                example: np.ndarray | None) -> np.ndarray:
    """What the canvas starts from, at the model's size: an example, sky over grass, or one flat region / white."""
    if start == "example" and example is not None:
        return example
    if not palette:
        return np.full((size, size, 3), 255, np.uint8)
    image = np.empty((size, size, 3), np.uint8)
    image[:] = palette[0]
    if start == "split":
        ground = palette[names.index("grass")] if "grass" in names else palette[min(2, len(palette) - 1)]
        image[int(size * 0.55):] = ground
    return image


def canvas_rgba(png: bytes | None) -> np.ndarray | None:
    """The canvas's PNG (sent by the browser, so checked like any upload: a PNG no larger than a few canvases) as RGBA
    uint8, or None when there is none or it is not what a canvas sends."""
    if not png or not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) < 24:
        return None
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # the IHDR chunk
    if not (0 < width <= 4 * CANVAS and 0 < height <= 4 * CANVAS):  # 4: a high-density screen's canvas
        return None
    try:
        with Image.open(io.BytesIO(png), formats=["PNG"]) as img:
            return np.asarray(img.convert("RGBA"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def compose(base: np.ndarray, strokes: np.ndarray | None) -> np.ndarray:
    """The canvas's strokes (RGBA, transparent where nothing was drawn) laid over the start image (RGB)."""
    if strokes is None or strokes.ndim != 3 or strokes.shape[-1] != 4:
        return base
    if strokes.shape[:2] != base.shape[:2]:
        strokes = np.asarray(Image.fromarray(strokes).resize((base.shape[1], base.shape[0]), Image.Resampling.LANCZOS))
    alpha = strokes[..., 3:4].astype(np.float32) / 255
    return (strokes[..., :3] * alpha + base * (1 - alpha)).round().astype(np.uint8)


def to_model_size(image: np.ndarray, size: int, label_map: bool) -> np.ndarray:
    """A canvas-sized drawing at the model's size: label maps by nearest neighbour (no new colours), lines smoothly
    (a thin stroke stays a grey line instead of vanishing between samples)."""
    resample = Image.Resampling.NEAREST if label_map else Image.Resampling.LANCZOS
    return np.asarray(Image.fromarray(image).resize((size, size), resample))


def _legend(palette: list[tuple[int, int, int]], names: list[str]) -> None:
    st.caption(t("translate.legend"))
    for column, rgb, name in zip(st.columns(len(palette)), palette, names, strict=True):
        column.image(np.full((20, 40, 3), rgb, np.uint8))
        column.text(region_name(name))


@st.fragment
def draw_section(pipeline: TranslatePipeline, model_key: str, found: Examples | None) -> None:
    """A canvas whose drawing is translated each time a stroke ends (only this part of the page reruns)."""
    # Imported here: the component registers itself with the running Streamlit server, so a plain import of this
    # module (tests, scripts) must not pull it in.
    from streamlit_drawable_canvas import st_canvas

    card = pipeline.card
    if card.task != "pix2pix":
        st.info(t("translate.draw_cyclegan"))
        return
    palette = [tuple(int(c) for c in rgb[:3]) for rgb in card.palette]
    names = list(card.class_names) if len(card.class_names) == len(palette) else [str(i) for i in range(len(palette))]
    label_map = bool(palette)
    st.markdown(t("translate.draw_regions" if label_map else "translate.draw_lines"))
    starts = (["example"] if found is not None else []) + (["split", "blank"] if label_map else ["blank"])
    c1, c2, c3 = st.columns(3)
    start = follow_language(c1.selectbox, t("translate.start"), starts, lambda s: t(f"translate.start_{s}"),
                            key=f"translate_start_{'map' if label_map else 'lines'}")
    if label_map:
        default = names.index("building") if "building" in names else min(1, len(names) - 1)
        region = follow_language(c2.selectbox, t("translate.region"), list(range(len(palette))),
                                 lambda i: region_name(names[i]), key="translate_region", default=default)
        colour = hex_colour(palette[region])
    else:
        colour = "#000000"
    brush = c3.slider(t("translate.brush"), 2, 60, 24 if label_map else 8, key=f"translate_brush_{'map' if label_map else 'lines'}")
    if label_map:
        _legend(palette, names)

    index = int(st.session_state.get(EXAMPLE_KEY) or 0)
    example = found.inputs[index] if found is not None and start == "example" else None
    base = start_image(start, palette, names, pipeline.size, example)
    tag = hashlib.sha256(f"{model_key}|{start}|{index if example is not None else ''}".encode()).hexdigest()[:12]
    st.session_state[CANVAS_TAG] = tag
    base_big = np.asarray(Image.fromarray(base).resize((CANVAS, CANVAS), Image.Resampling.NEAREST))

    st.space("medium")  # room for the canvas's toolbar, which sits just above it
    left, middle, right = st.columns([3, 2, 2])  # the canvas keeps its full width beside the two images
    with left:
        result = st_canvas(stroke_width=brush, stroke_color=colour, background_image=Image.fromarray(base_big),
                           update_streamlit=True, height=CANVAS, width=CANVAS, drawing_mode="freedraw",
                           return_image_data=True, key=f"translate_canvas_{tag}")
        st.caption(t("translate.canvas"))
    sent = canvas_rgba(result.image_bytes)
    if sent is not None:
        st.session_state[DRAWING] = {"tag": tag, "rgba": sent, "from_canvas": True}
    stored = st.session_state.get(DRAWING)
    if isinstance(stored, dict) and stored.get("from_canvas") and not (result.json_data or {}).get("objects"):
        stored = st.session_state[DRAWING] = None  # a canvas mounted afresh (the page was left) holds no strokes
    strokes = stored["rgba"] if isinstance(stored, dict) and stored.get("tag") == tag else None
    drawing = to_model_size(compose(base_big, strokes), pipeline.size, label_map)
    seen = pipeline.prepare(drawing)  # snapped to the region colours, as the model will see it
    middle.image(upscale(seen, CANVAS), caption=t("translate.seen", size=pipeline.size))
    blank = len(np.unique(seen.reshape(-1, 3), axis=0)) < 2 if label_map else not (seen < 200).any()
    if blank:
        right.info(t("translate.blank_regions" if label_map else "translate.blank_lines"))
        return
    translated = pipeline.translate(drawing)
    right.image(upscale(translated.output, CANVAS), caption=t("translate.drawn_output"))
    st.caption(t("translate.note", note=plain(translated.note)))


# --------------------------------------------------------------------------------------------------------------------
# training


def _data_label(name: str) -> str:
    return t("translate.data_upload") if name == UPLOAD else f"{name} — {t('data.' + name)}"


def train_section(owner: str) -> None:
    """A small form (task, data, steps, width) validated into the task's preset config and queued; then the live job."""
    manager = engine.job_manager()
    st.markdown(t("translate.train_intro"))
    c1, c2 = st.columns(2)
    task = follow_language(c1.radio, t("translate.train_task"), list(TASKS), lambda k: t(f"translate.task_{k}"),
                           key="translate_train_task")
    kind = "paired" if task == "pix2pix" else "unpaired"
    sets = sorted(n for n, e in ge.registry().items() if e.kind == kind)
    default = ge.config_type(task)().data  # the task's own default set (scenes-labels, scenes-seasons)
    data = follow_language(c2.selectbox, t("translate.train_data"), [*sets, UPLOAD], _data_label,
                           key=f"translate_train_data_{task}", default=default)
    data_path = data
    if data == UPLOAD:
        upload = c2.file_uploader(t(f"translate.zip_{task}"), type=["zip"], help=t("translate.zip_help"),
                                  key=f"translate_zip_{task}")
        data_path = ""
        if upload is not None:
            verdict = store_pair_zip(owner, upload.name, upload.getvalue(), task)
            data_path = verdict[0]
            show(verdict, c2)
    base = ge.preset(task, data_path or sets[0], quick=True)
    limits = ge.LIMITS
    with st.form("translate_train_form", enter_to_submit=False):  # Enter in a field must not start a run
        f1, f2 = st.columns(2)
        steps = f1.number_input(t("translate.steps"), 10, int(limits["steps"].high), base.steps, step=100,
                                help=t("translate.steps_help"))
        width = f2.select_slider(t("translate.width"), [8, 16, 32, 64], value=base.width, help=t("translate.width_help"))
        run_label = label_fields("translate")
        submitted = st.form_submit_button(t("translate.train_start"), type="primary")
    if submitted:
        try:
            if not data_path:
                raise ge.ConfigError(t("translate.need_upload"))
            config = dataclasses.replace(base, data=data_path, steps=int(steps), width=int(width)).validate()
            config = with_recorded_command(config, data == UPLOAD, task)
            info = start_once("translate_train", config, lambda: manager.submit(config, owner, label=run_label))
        except (ge.UserError, ValueError) as exc:
            st.error(t("translate.train_refused", reason=said(exc)))
        else:
            st.session_state[JOB_KEY] = info.id

    jobs = translation_jobs(owner)
    if not jobs:
        st.info(t("translate.no_jobs"))
        return
    own_runs(owner, jobs, JOB_KEY, MODEL_KEY, t("translate.your_runs"), t("translate.use_run"))


def how_it_works() -> None:
    with st.expander(t("translate.how_title")):
        for key in ("translate.how_paired", "translate.how_unet", "translate.how_patchgan", "translate.how_cycle",
                    "translate.how_looking"):
            st.markdown(t(key))

