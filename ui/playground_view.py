"""The Playground page's parts: its controls, the drawing canvas, the session's playgrounds (kept in the server's pool),
the playback buttons, the live views (fragments that train a few steps and redraw several times a second) and their
pictures.

The engine (ganengine.playground) trains and measures; this module only turns widgets into settings and arrays into
pictures: the two planes (points, D's heat map, arrows, the latent grid) as PNGs, which a browser redraws at no cost
four times a second, and the coverage bars and curves as Plotly figures, redrawn once a second.
"""

from __future__ import annotations

import dataclasses
import io
import secrets
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from PIL import Image, ImageDraw, ImageFont

import ganengine as ge
from ganengine import playground as pg

from . import charts
from .i18n import number, t, t_or
from .translate_view import canvas_rgba, follow_language

TICK_S = 0.25  # the plane: a live update four times a second
DETAIL_TICK_S = 1.0  # coverage, latent map and curves
DEFAULT_STEPS_PER_TICK = 10
LR_CHOICES = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2]
BATCH_CHOICES = [16, 32, 64, 128, 256, 512]
NZ_CHOICES = [2, 4, 8, 16]
CANVAS = 320
KEY = "playground_key"
NO_COMPARE = "none"
PLAYING = "playground_playing"
DRAWN = "playground_drawn"  # the drawn target's points (plane coordinates); AppTest sets it, the canvas fills it
NOTE = "playground_note"
COLOURS = {"real": charts.COLOURS["real"], "fake": charts.COLOURS["fake"], "arrow": "#333333", "grid": "#6C4CF1",
           "covered": "#2E9E44", "missed": "#9A9A9A"}
# D's heat map: the fake side (orange) through white to the real side (teal), faint so the points stay readable.
SURFACE_SCALE = [[0.0, "#F6B9A6"], [0.5, "#FFFFFF"], [1.0, "#A8E3E2"]]


@dataclass(frozen=True)
class Layers:
    surface: bool = True
    arrows: bool = True
    modes: bool = True
    latent: bool = True


@st.cache_resource(show_spinner=False)
def playground_pool() -> pg.PlaygroundPool:
    """The server's playgrounds (bounded in number and in how many train at once), shared by every session."""
    return pg.PlaygroundPool.from_settings()


def target_label(name: str) -> str:
    return t(f"playground.target_{name.removeprefix('toy2d-')}")


def loss_label(name: str) -> str:
    return f"{name} — {t('loss.' + name)}"


def _suggest_d_steps(loss_key: str, d_steps_key: str) -> None:
    st.session_state[d_steps_key] = pg.SUGGESTED_D_STEPS.get(st.session_state.get(loss_key), 1)


def controls() -> tuple[pg.PlaygroundSettings, pg.PlaygroundSettings | None, int, Layers]:
    """The widgets: the target, the loss (and a second one to compare), the models and the optimiser; returns the
    settings of each side (None when not comparing), the steps per update and the layers shown."""
    c1, c2, c3 = st.columns(3)
    target = follow_language(c1.selectbox, t("playground.target"), list(pg.TARGETS), target_label, key="playground_target")
    losses = list(ge.LOSSES.names())
    loss = follow_language(c2.selectbox, t("playground.loss"), losses, loss_label, key="playground_loss", default="bce",
                           on_change=lambda: _suggest_d_steps(f"playground_loss__{_lang()}", "playground_d_steps"))
    loss_b = follow_language(c3.selectbox, t("playground.loss_b"), [NO_COMPARE, *losses],
                             lambda k: t("playground.compare_none") if k == NO_COMPARE else loss_label(k),
                             key="playground_loss_b", help=t("playground.compare_help"),
                             on_change=lambda: _suggest_d_steps(f"playground_loss_b__{_lang()}", "playground_d_steps_b"))
    compare = loss_b != NO_COMPARE

    b = pg.BOUNDS
    with st.expander(t("playground.models"), expanded=True):
        m1, m2, m3, m4, m5 = st.columns(5)
        width = m1.slider(t("playground.width"), int(b["width"].low), int(b["width"].high), 8, step=4,
                          key="playground_width", help=t("playground.width_help"))
        depth = m2.slider(t("playground.depth"), int(b["depth"].low), int(b["depth"].high), 2, key="playground_depth",
                          help=t("playground.depth_help"))
        nz = m3.select_slider(t("playground.nz"), NZ_CHOICES, 2, key="playground_nz", help=t("playground.nz_help"))
        batch = m4.select_slider(t("playground.batch"), BATCH_CHOICES, 128, key="playground_batch")
        seed = m5.number_input(t("playground.seed"), 0, 10_000, 0, key="playground_seed", help=t("playground.seed_help"))
        o1, o2, o3, o4, o5 = st.columns(5)
        fmt = lambda v: number(v, "g")  # noqa: E731
        lr_g = o1.select_slider(t("playground.lr_g"), LR_CHOICES, 1e-3, format_func=fmt, key="playground_lr_g",
                                help=t("playground.lr_help"))
        lr_d = o2.select_slider(t("playground.lr_d"), LR_CHOICES, 1e-3, format_func=fmt, key="playground_lr_d",
                                help=t("playground.lr_help"))
        st.session_state.setdefault("playground_d_steps", pg.SUGGESTED_D_STEPS.get(loss, 1))
        d_steps = o3.slider(t("playground.d_steps"), 1, int(b["d_steps"].high), key="playground_d_steps",
                            help=t("playground.d_steps_help"))
        g_steps = o4.slider(t("playground.g_steps"), 1, int(b["g_steps"].high), 1, key="playground_g_steps")
        speed = o5.slider(t("playground.speed"), 1, pg.MAX_STEPS_PER_CALL, DEFAULT_STEPS_PER_TICK, key="playground_speed",
                          help=t("playground.speed_help", tick=TICK_S))
        d_steps_b = d_steps
        if compare:
            st.session_state.setdefault("playground_d_steps_b", pg.SUGGESTED_D_STEPS.get(loss_b, 1))
            d_steps_b = o3.slider(t("playground.d_steps_b"), 1, int(b["d_steps"].high), key="playground_d_steps_b")
    settings = pg.PlaygroundSettings(target=target, loss=loss, width=int(width), depth=int(depth), nz=int(nz),
                                     batch_size=int(batch), lr_g=float(lr_g), lr_d=float(lr_d), d_steps=int(d_steps),
                                     g_steps=int(g_steps), seed=int(seed))
    other = dataclasses.replace(settings, loss=loss_b, d_steps=int(d_steps_b)) if compare else None

    l1, l2, l3, l4 = st.columns(4)
    layers = Layers(surface=l1.checkbox(t("playground.show_surface"), True, key="playground_show_surface"),
                    arrows=l2.checkbox(t("playground.show_arrows"), True, key="playground_show_arrows"),
                    modes=l3.checkbox(t("playground.show_modes"), True, key="playground_show_modes"),
                    latent=l4.checkbox(t("playground.show_latent"), True, key="playground_show_latent"))
    return settings, other, int(speed), layers


def _lang() -> str:
    from . import i18n

    return i18n.lang()  # looked up when called (the widget keys carry the language, as follow_language's do)


# --------------------------------------------------------------------------------------------------------------------
# drawing a target


def _canvas_background() -> Image.Image:
    """The plane as the canvas shows it: light grid lines every 0.4 units, the axes a little darker."""
    img = Image.new("RGB", (CANVAS, CANVAS), "white")
    draw = ImageDraw.Draw(img)
    for v in np.arange(-1.2, 1.21, 0.4):
        p = (v + pg.EXTENT) / (2 * pg.EXTENT) * (CANVAS - 1)
        shade = (200, 200, 200) if abs(v) < 1e-6 else (235, 235, 235)
        draw.line([(p, 0), (p, CANVAS)], fill=shade)
        draw.line([(0, p), (CANVAS, p)], fill=shade)
    return img


def draw_target() -> np.ndarray | None:
    """A canvas to draw a target on; returns its points (plane coordinates) or None while too few are drawn."""
    from streamlit_drawable_canvas import st_canvas  # registers itself with the running server (see translate_view)

    left, right = st.columns([2, 3])
    with left:
        result = st_canvas(stroke_width=10, stroke_color=COLOURS["real"], background_image=_canvas_background(),
                           update_streamlit=True, height=CANVAS, width=CANVAS, drawing_mode="freedraw",
                           return_image_data=True, key="playground_canvas")
    rgba = canvas_rgba(result.image_bytes)
    if rgba is not None:
        mask = rgba[..., 3] > 128
        if mask.any():
            st.session_state[DRAWN] = pg.points_from_mask(mask[:: max(1, mask.shape[0] // CANVAS), :: max(1, mask.shape[1] // CANVAS)])
    right.markdown(t("playground.draw_text"))
    points = st.session_state.get(DRAWN)
    if points is None or len(np.unique(np.round(points, 3), axis=0)) < pg.MIN_DRAWN:
        right.info(t("playground.draw_prompt"))
        return None
    right.caption(t("playground.drawn", n=len(points)))
    return np.asarray(points, dtype=np.float32)


# --------------------------------------------------------------------------------------------------------------------
# the session's playgrounds


def session_playgrounds(sides: list[pg.PlaygroundSettings], drawn: np.ndarray | None) -> list[pg.Playground]:
    """This session's playground for each side, from the server's pool: made afresh when its model settings change,
    on reset, or when the pool had to let it go; the learning rates are applied to a running one."""
    pool = playground_pool()
    session = st.session_state.setdefault(KEY, secrets.token_hex(8))
    found = []
    group = "&".join(pg.identity(s, drawn) for s in sides)  # compared sides start together: a change to one resets both
    for i, settings in enumerate(sides):
        key = f"{session}:{i}"
        current = pool.get(key)
        if current is None or current.identity != f"{pg.identity(settings, drawn)}|{group}":
            if current is None and st.session_state.get(f"playground_had_{i}"):
                st.session_state[NOTE] = "playground.evicted"
            current = pg.Playground(settings, drawn, tag=group, max_steps=pg.playground_limits().steps)
            pool.put(key, current)
            st.session_state[f"playground_had_{i}"] = True
        elif (current.settings.lr_g, current.settings.lr_d) != (settings.lr_g, settings.lr_d):
            current.set_learning_rates(settings.lr_g, settings.lr_d)
        found.append(current)
    for i in range(len(sides), 2):
        pool.drop(f"{session}:{i}")
        st.session_state.pop(f"playground_had_{i}", None)
    return found


def reset(count: int = 2) -> None:
    pool = playground_pool()
    session = st.session_state.get(KEY)
    for i in range(count):
        if session:
            pool.drop(f"{session}:{i}")
        st.session_state.pop(f"playground_had_{i}", None)
    st.session_state[PLAYING] = False


def step_once(playgrounds: list[pg.Playground]) -> None:
    with playground_pool().turn() as ok:
        if ok:
            for p in playgrounds:
                p.step(1)
    st.session_state[PLAYING] = False


def playback(playgrounds: list[pg.Playground]) -> None:
    """Play or pause, one step, reset; and where the run stands."""
    playing = st.session_state.get(PLAYING, False)
    b1, b2, b3, info = st.columns([1, 1, 1, 4])
    done = all(p.done for p in playgrounds)
    if playing:
        b1.button(t("playground.pause"), icon="⏸️", key="playground_pause", width="stretch",
                  on_click=lambda: st.session_state.__setitem__(PLAYING, False))
    else:
        b1.button(t("playground.play"), icon="▶️", key="playground_play", width="stretch", disabled=done, type="primary",
                  on_click=lambda: st.session_state.__setitem__(PLAYING, True))
    b2.button(t("playground.step"), icon="⏭️", key="playground_step", width="stretch", disabled=done,
              on_click=step_once, args=(playgrounds,))
    b3.button(t("playground.reset"), icon="🔄", key="playground_reset", width="stretch", on_click=reset)
    note = st.session_state.pop(NOTE, None)
    if note:
        info.info(t(note, n=playground_pool().max_playgrounds))


# --------------------------------------------------------------------------------------------------------------------
# the live views


def live(playgrounds: list[pg.Playground], steps_per_tick: int, layers: Layers, labels: list[str]) -> None:
    """The views, in fragments that redraw on their own while playing: the planes (every playground trained a few
    steps first, together, so two compared losses stay at the same step) every TICK_S seconds; coverage, latent map
    and curves every DETAIL_TICK_S (a browser redraws a Plotly chart whole: four charts four times a second kept a
    2-core laptop's page busy all the time, bench/RESULTS.md); each once when paused."""
    playing = st.session_state.get(PLAYING, False) and not all(p.done for p in playgrounds)
    fast, slow = (TICK_S, DETAIL_TICK_S) if playing else (None, None)
    single = len(playgrounds) == 1

    @st.fragment(run_every=fast)
    def planes() -> None:
        still_playing = st.session_state.get(PLAYING, False)
        with playground_pool().turn() as ok:
            for p in playgrounds:
                if ok and still_playing:
                    p.step(steps_per_tick)
                if ok or p.last_view is None:
                    p.view(surface=layers.surface, arrows=layers.arrows, latent=layers.latent and single)
        cols = [st.container()] if single else st.columns(2)
        for i, (p, col) in enumerate(zip(playgrounds, cols, strict=True)):
            with col:
                view = p.last_view
                status(p, view, still_playing, busy=not ok)
                if not single:
                    st.markdown(f"**{labels[i]}**")
                st.markdown(f"**{t('playground.plane_title', step=view.step)}**")
                st.image(plane_image(view, layers, side=520 if single else 440))
                st.caption(legend(view, layers))
        if still_playing and all(q.done for q in playgrounds):
            st.session_state[PLAYING] = False
            st.rerun()  # the whole page: the play button comes back and the fragments stop ticking

    @st.fragment(run_every=slow)
    def details() -> None:
        p = playgrounds[0]
        view = p.last_view
        coverage_block(view, "playground_cov_0")
        if view.latent is not None:
            st.markdown(f"**{t('playground.latent_title')}**")
            st.image(latent_image(view))
            st.caption(t("playground.latent_caption" if p.settings.nz == 2 else "playground.latent_caption_slice",
                         nz=p.settings.nz))

    @st.fragment(run_every=slow)
    def history() -> None:
        if single:
            p = playgrounds[0]
            curves(p, p.last_view, ("losses", "d_outputs"), 0)
            return
        for i, (p, col) in enumerate(zip(playgrounds, st.columns(2), strict=True)):
            with col:
                coverage_block(p.last_view, f"playground_cov_{i}", bars=False)
                curves(p, p.last_view, ("d_outputs",), i)

    if single:
        left, right = st.columns([3, 2])
        with left:
            planes()
        with right:
            details()
        history()
    else:
        planes()
        history()
        st.caption(t("playground.compare_caption"))


def curves(p: pg.Playground, view: pg.View, keys: tuple[str, ...], i: int) -> None:
    """The task's live charts named by `keys`, side by side, from the playground's history."""
    if not len(view.history["step"]):
        st.caption(t("playground.no_history"))
        return
    task_charts = {c.key: c.to_dict() for c in p.trainer.task.charts()}
    for key, col in zip(keys, st.columns(len(keys)), strict=True):
        charts.show(history_figure(view, task_charts[key]), col, key=f"playground_{key}_{i}")


def legend(view: pg.View, layers: Layers) -> str:
    """What the colours and marks of the plane's picture mean (the picture holds no words)."""
    parts = [t("playground.plane_legend")]
    if layers.modes:
        parts.append(t("playground.rings_legend", parts=t(f"playground.legend_{view.coverage.kind}")))
    if view.arrows is not None:
        parts.append(t("playground.arrows_caption", g=view.grad_norm))
    if view.surface is not None:
        parts.append(t("playground.surface_legend_probability" if view.surface.probability else "playground.surface_legend_score"))
    return " ".join(parts)


def status(p: pg.Playground, view: pg.View, playing: bool, busy: bool) -> None:
    rate = p.step_count / p.seconds if p.seconds > 0 else 0.0
    st.caption(t("playground.status_playing" if playing else "playground.status_paused", step=view.step, rate=rate,
                 cap=pg.MAX_STEPS))
    if p.failed:
        st.error(t("playground.failed", loss=p.settings.loss, step=p.step_count))
    elif p.step_count >= pg.MAX_STEPS:
        st.info(t("playground.cap", cap=pg.MAX_STEPS))
    if busy:
        st.caption(t("playground.busy"))


def coverage_block(view: pg.View, key: str, bars: bool = True) -> None:
    cov = view.coverage
    st.metric(t(f"playground.covered_{cov.kind}"), f"{cov.covered} / {cov.total}",
              help=t(f"playground.covered_{cov.kind}_help"))
    st.caption(t("playground.near", share=100 * cov.near))
    if bars:
        charts.show(coverage_figure(cov), key=key)


# --------------------------------------------------------------------------------------------------------------------
# figures
#
# Built as plain dicts and wrapped without validation: a go.Figure made trace by trace with a named template costs
# 15-60 ms, and a live page draws five of them several times a second (bench/bench_playground.py: 170 ms of figures
# per update before, a few ms after). Streamlit still checks the figure once before sending it.

_AXIS = {"showgrid": True, "gridcolor": "#EBF0F8", "zeroline": False, "linecolor": "#D0D7E2", "ticks": ""}
_LAYOUT = {"plot_bgcolor": "white", "paper_bgcolor": "white", "font": {"size": 12}, "hovermode": "closest",
           "margin": {"l": 10, "r": 10, "t": 40, "b": 10}}


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    return go.Figure({"data": traces, "layout": {**_LAYOUT, **layout}}, _validate=False)


def _xy(a: np.ndarray) -> list:
    """Coordinates rounded to 3 decimals, NaN as a gap (JSON has no NaN)."""
    return [None if v != v else v for v in np.round(np.asarray(a, dtype=np.float64), 3).tolist()]


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _surface_rgb(surface: pg.Surface) -> np.ndarray:
    """D's output as colours (orange = fake side, white, teal = real side), rows from the top of the plane down."""
    v = surface.values.astype(np.float64)
    if not surface.probability:  # a critic's score has no fixed scale: its own range this frame
        low, high = float(v.min()), float(v.max())
        v = (v - low) / (high - low) if high > low else np.full_like(v, 0.5)
    v = np.clip(v, 0, 1)[::-1]
    stops = np.array([_rgb(c) for _, c in SURFACE_SCALE], dtype=np.float64)
    lower = v[..., None] < 0.5
    a = np.where(lower, v[..., None] * 2, v[..., None] * 2 - 1)
    rgb = np.where(lower, stops[0] + (stops[1] - stops[0]) * a, stops[1] + (stops[2] - stops[1]) * a)
    return rgb.round().astype(np.uint8)


class _Plane:
    """A square picture of the plane [-EXTENT, EXTENT]^2 with a light frame and ticks."""

    def __init__(self, side: int) -> None:
        self.side, self.pad = side, 26
        self.image = Image.new("RGB", (side + 2 * self.pad, side + 2 * self.pad), "white")
        self.layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.layer)

    def xy(self, points: np.ndarray) -> np.ndarray:
        """Plane coordinates to pixels (y up)."""
        scale = self.side / (2 * pg.EXTENT)
        return np.stack([self.pad + (points[:, 0] + pg.EXTENT) * scale, self.pad + (pg.EXTENT - points[:, 1]) * scale], 1)

    def background(self, rgb: np.ndarray | None) -> None:
        if rgb is not None:
            heat = Image.fromarray(rgb).resize((self.side, self.side), Image.Resampling.BILINEAR)
            self.image.paste(heat, (self.pad, self.pad))
        draw, font = ImageDraw.Draw(self.image), ImageFont.load_default(size=11)  # digits only
        for v in (-1.0, -0.5, 0.0, 0.5, 1.0):
            ((px, py),) = self.xy(np.array([[v, v]]))
            if rgb is None:  # grid lines on a blank plane only: over the heat map they would read as D's contours
                draw.line([(px, self.pad), (px, self.pad + self.side)], fill=(236, 240, 246))
                draw.line([(self.pad, py), (self.pad + self.side, py)], fill=(236, 240, 246))
            label = number(v, "g")
            draw.text((px, self.pad + self.side + 4), label, fill=(110, 110, 110), font=font, anchor="mt")
            draw.text((self.pad - 4, py), label, fill=(110, 110, 110), font=font, anchor="rm")
        draw.rectangle([self.pad, self.pad, self.pad + self.side, self.pad + self.side], outline=(208, 215, 226))

    def dots(self, points: np.ndarray, colour: str, alpha: int, radius: float) -> None:
        fill = (*_rgb(colour), alpha)
        for x, y in self.xy(points[np.isfinite(points).all(1)]):
            self.draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)

    def polyline(self, xs: np.ndarray, ys: np.ndarray, colour: str, width: int = 1, alpha: int = 255) -> None:
        """A path with NaN gaps (as Plotly draws one)."""
        pix = self.xy(np.stack([xs, ys], 1))
        runs: list[list[tuple[float, float]]] = [[]]
        for (x, y), ok in zip(pix, np.isfinite(pix).all(1), strict=True):
            if ok:
                runs[-1].append((float(x), float(y)))
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len(run) > 1:
                self.draw.line(run, fill=(*_rgb(colour), alpha), width=width)

    def rings(self, centres: np.ndarray, colours: list[str], radius: float = 11) -> None:
        for (x, y), colour in zip(self.xy(centres), colours, strict=True):
            self.draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=(*_rgb(colour), 255), width=2)

    def png(self) -> bytes:
        """PNG bytes of the plane (what was drawn outside it clipped away), in 64 colours (D's heat map reads as
        contour bands): a live picture is sent several times a second. No words in it (a font with every language's letters cannot be
        counted on): its caption is the legend."""
        inside = Image.new("L", self.layer.size, 0)
        ImageDraw.Draw(inside).rectangle([self.pad, self.pad, self.pad + self.side, self.pad + self.side], fill=255)
        layer = np.array(self.layer)
        layer[..., 3] = np.minimum(layer[..., 3], np.asarray(inside))
        out = Image.alpha_composite(self.image.convert("RGBA"), Image.fromarray(layer, "RGBA")).convert("RGB")
        buf = io.BytesIO()  # 64 colours: a quarter of the bytes and faster to write (9 kB in 6 ms for 35 kB in 10 ms)
        out.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(buf, format="PNG", compress_level=6)
        return buf.getvalue()


def plane_image(view: pg.View, layers: Layers, side: int = 520) -> bytes:
    """The live picture: D's output over the plane, the target's points (teal), G's points (orange), the direction G's
    loss pulls a few of them (arrows) and the modes coverage counts (rings: green covered, grey missed). A PNG, not a
    Plotly chart: a browser redraws an image at no cost, a 500-point chart four times a second fills its main thread
    (bench/RESULTS.md)."""
    plane = _Plane(side)
    plane.background(_surface_rgb(view.surface) if layers.surface and view.surface is not None else None)
    plane.dots(view.real, COLOURS["real"], 150, 2.2)
    plane.dots(view.fake, COLOURS["fake"], 210, 2.2)
    if layers.arrows and view.arrows is not None and len(view.arrows):
        xs, ys = arrow_paths(view.arrows)
        plane.polyline(xs, ys, COLOURS["arrow"], width=1, alpha=220)
    if layers.modes:
        plane.rings(view.modes, [COLOURS["covered"] if c else COLOURS["missed"] for c in view.coverage.mask])
    return plane.png()


def latent_image(view: pg.View, side: int = 340) -> bytes:
    """Where G sends a grid of latent points: its rows (purple) and columns (teal) as lines over the target's points."""
    plane = _Plane(side)
    plane.background(None)
    plane.dots(view.real, COLOURS["real"], 60, 1.6)
    for part, colour in ((view.latent[0], COLOURS["grid"]), (view.latent[1], COLOURS["real"])):
        pad = np.full((part.shape[0], 1), np.nan)
        plane.polyline(np.concatenate([part[:, :, 0], pad], 1).ravel(), np.concatenate([part[:, :, 1], pad], 1).ravel(),
                       colour)
    return plane.png()


def arrow_paths(arrows: np.ndarray, head: float = 0.3) -> tuple[np.ndarray, np.ndarray]:
    """Arrows (x, y, dx, dy rows) as one polyline with gaps: shaft, then a two-stroke head (one SVG path for all, which a
    browser redraws far faster than a marker per arrow)."""
    x, y, dx, dy = arrows.T
    tip_x, tip_y = x + dx, y + dy
    back_x, back_y = -head * dx, -head * dy  # a head a third of the arrow long, its strokes 25 degrees off the shaft
    c, s = np.cos(np.radians(25)), np.sin(np.radians(25))
    left = (tip_x + c * back_x - s * back_y, tip_y + s * back_x + c * back_y)
    right = (tip_x + c * back_x + s * back_y, tip_y - s * back_x + c * back_y)
    gap = np.full(len(arrows), np.nan)
    xs = np.stack([x, tip_x, left[0], tip_x, right[0], gap], 1).ravel()
    ys = np.stack([y, tip_y, left[1], tip_y, right[1], gap], 1).ravel()
    return xs, ys


def history_figure(view: pg.View, chart: dict, height: int = 300) -> go.Figure:
    """One of the task's live charts (losses, D's outputs) from the playground's history (already bounded in rows)."""
    palette = [charts.COLOURS["d"], charts.COLOURS["g"]]
    steps = view.history["step"].tolist()
    traces = [{"type": "scatter", "x": steps, "y": _xy(view.history[name]), "mode": "lines", "name": charts.series_label(name),
               "line": {"color": palette[i % 2]}} for i, name in enumerate(chart["series"])]
    layout = {"title": {"text": t_or(f"chart.{chart['key']}", chart["title"])}, "height": height,
              "xaxis": {**_AXIS, "title": {"text": t("chart.step")}},
              "yaxis": {**_AXIS, "title": {"text": t_or(f"chart.{chart.get('axis', 'value')}", "")}},
              "legend": {"orientation": "h", "y": -0.25}}
    if chart.get("y_range"):
        layout["yaxis"]["range"] = list(chart["y_range"])
    if chart.get("reference") is not None:
        layout["shapes"] = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": chart["reference"],
                             "y1": chart["reference"], "line": {"dash": "dot", "color": "grey", "width": 1}}]
    return _figure(traces, layout)


def coverage_figure(cov: pg.Coverage, height: int = 240) -> go.Figure:
    """The share of G's points in each mode or region, next to the target's share."""
    names = [str(i + 1) for i in range(cov.total)]
    traces = [{"type": "bar", "x": names, "y": _xy(cov.expected), "name": t("chart.real"),
               "marker": {"color": COLOURS["real"]}},
              {"type": "bar", "x": names, "y": _xy(cov.shares), "name": t("chart.generated"),
               "marker": {"color": COLOURS["fake"]}}]
    return _figure(traces, {"title": {"text": t(f"playground.coverage_{cov.kind}")}, "barmode": "group", "height": height,
                            "xaxis": {**_AXIS, "type": "category"}, "yaxis": {**_AXIS, "title": {"text": t("chart.share")}},
                            "legend": {"orientation": "h", "y": -0.2}})
