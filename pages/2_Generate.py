"""Generate: sample from a trained generator, walk its latent space, and do latent arithmetic."""

import io
import zipfile

import numpy as np
import pandas as pd
import streamlit as st

import ganengine as ge
from ganengine import sampling
from ui import charts, learn
from ui.checkpoint_picker import card_table, generator_choices, translated_selectbox, upload_widget
from ui.engine import attribute_classifier, real_points, sample_pipeline
from ui.export_widget import export_section
from ui.i18n import t
from ui.layout import setup_page, sharp_image, upscale
from ui.plaintext import defused


def points_csv(points: np.ndarray) -> bytes:
    """Generated 2-D points as a CSV file (x, y), for a spreadsheet or a notebook."""
    return pd.DataFrame(points, columns=["x", "y"]).to_csv(index=False).encode()


owner = setup_page(__file__)
st.title(t("generate.title"))
st.markdown(t("generate.intro"))

with st.expander(t("pick.upload_title")):
    upload_widget(owner)
choices = generator_choices(owner)
if not choices:
    st.warning(t("generate.none"))
    st.page_link("pages/1_Train.py", label=t("generate.go_train"), icon="🏋️")
    st.stop()

choice = translated_selectbox(t("generate.checkpoint"), list(choices), lambda k: choices[k].label, key="generate_checkpoint",
                              help=t("generate.checkpoint_help"))
path = choices[choice].path
try:
    pipeline = sample_pipeline(path)
except (ge.CheckpointError, OSError) as exc:
    st.error(t("pick.refused", reason=defused(exc)))
    st.stop()
model, card = pipeline.model, pipeline.card
with st.expander(t("generate.card")):
    st.dataframe(card_table(card), hide_index=True, width="stretch")
    if card.command:
        st.caption(t("card.command"))
        st.code(card.command, language="bash", wrap_lines=True)
with st.expander(t("export.title")):
    export_section(path, card, "generate_export")

spec = card.spec
provenance = {"model": path.name, "checkpoint_data": card.data}

if spec.makes_points:
    n = st.slider(t("generate.count"), 100, 5000, 1000, 100)
    seed = st.number_input(t("generate.seed"), 0, 2**31 - 1, 0)
    pts = sampling.sample(model, n, int(seed)).numpy()
    if card.data in ge.registry() and ge.data_kind(card.data) == "points":  # never a path taken from a card
        real = real_points(card.data)
    else:
        real = pts[:0]
        st.caption(t("generate.no_real_points", data=defused(card.data)))
    left, right = st.columns([3, 2])
    left.plotly_chart(charts.points_figure(real, pts, card.steps))
    right.download_button(t("generate.download_points"), points_csv(pts), f"points-seed{int(seed)}.csv", "text/csv",
                          icon="📥")
    right.caption(t("generate.points_csv_help", n=n))
    st.stop()

tab_samples, tab_interp, tab_arith = st.tabs([t("generate.tab_samples"), t("generate.tab_interp"), t("generate.tab_arith")])

with tab_samples:
    c1, c2, c3, c4 = st.columns(4)
    seed = int(c1.number_input(t("generate.seed"), 0, 2**31 - 1, 0, help=t("generate.seed_help"), key="gen_seed"))
    n = int(c2.select_slider(t("generate.count"), [1, 4, 9, 16, 25, 36, 49, 64], value=36, key="gen_count"))
    class_index = None
    if spec.num_classes:
        options = [None, *range(spec.num_classes)]
        class_index = c3.selectbox(t("generate.class"), options,
                                   format_func=lambda k: t("generate.all_classes") if k is None else card.class_names[k])
    use_trunc = c4.toggle(t("generate.truncation"), help=t("generate.truncation_help"))
    truncation = c4.slider(t("generate.truncation_t"), 0.2, 2.0, 1.5, 0.1, disabled=not use_trunc) if use_trunc else None
    images = sampling.sample(model, n, seed, class_index, truncation)
    mosaic = sampling.grid(images)
    caption = t("generate.grid_caption", n=n, seed=seed)
    if truncation is not None:
        caption += " · " + t("generate.truncated", t=truncation)
    sharp_image(mosaic, caption, "generate_grid")
    meta = {**provenance, "seed": str(seed), "truncation": str(truncation), "class": str(class_index)}
    d1, d2 = st.columns(2)
    d1.download_button(t("generate.download_grid"), ge.png_bytes(mosaic, meta), f"samples-seed{seed}.png", "image/png")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i, img in enumerate(sampling.to_uint8(images)):
            zf.writestr(f"sample_{i:03d}.png", ge.png_bytes(img[..., 0] if img.shape[-1] == 1 else img, {**meta, "index": str(i)}))
    d2.download_button(t("generate.download_zip"), buf.getvalue(), f"samples-seed{seed}.zip", "application/zip")

with tab_interp:
    st.markdown(t("generate.interp_intro"))
    c1, c2, c3, c4 = st.columns(4)
    seed_a = int(c1.number_input(t("generate.seed_a"), 0, 2**31 - 1, 1))
    seed_b = int(c2.number_input(t("generate.seed_b"), 0, 2**31 - 1, 2))
    frames_n = int(c3.slider(t("generate.frames"), 3, 16, 8))
    mode = c4.radio(t("generate.mode"), ["slerp", "lerp"], horizontal=True, help=t("generate.mode_help"))
    interp_class = None
    if spec.num_classes:
        interp_class = st.selectbox(t("generate.class"), range(spec.num_classes), format_func=lambda k: card.class_names[k],
                                    key="interp_class")
    zs = sampling.interpolate(sampling.seed_latent(seed_a, spec.nz), sampling.seed_latent(seed_b, spec.nz), frames_n, mode)
    labels = sampling.class_labels(frames_n, spec.num_classes, interp_class)
    frames = sampling.generate(model, zs, labels)
    strip = sampling.grid(frames, nrow=frames_n)
    sharp_image(strip, t("generate.strip_caption", a=seed_a, b=seed_b, mode=mode), "generate_strip", max_width=1100,
               max_height=240)
    big = [np.asarray(upscale(f[..., 0] if f.shape[-1] == 1 else f, 192)) for f in sampling.to_uint8(frames)]
    gif = sampling.gif_bytes(big)
    g1, g2 = st.columns([1, 2])
    g1.image(gif, caption=t("generate.gif_caption"))
    g2.download_button(t("generate.download_gif"), gif, f"interpolation-{seed_a}-{seed_b}.gif", "image/gif")

with tab_arith:
    st.markdown(t("generate.arith_intro"))
    classifier = attribute_classifier(card.data)
    if classifier is None or not card.attribute_names:
        st.info(t("generate.arith_unavailable"))
    else:
        clf_model, clf_card = classifier.model, classifier.card
        c1, c2, c3 = st.columns(3)
        attr = c1.selectbox(t("generate.attribute"), clf_card.attribute_names)
        strength = c2.slider(t("generate.strength"), 0.0, 3.0, 1.5, 0.25)
        base_seed = int(c3.number_input(t("generate.base_seed"), 0, 2**31 - 1, 7))
        try:
            if clf_card.channels != spec.channels or clf_card.image_size != spec.image_size:
                raise ValueError(t("generate.arith_mismatch"))
            result = sampling.latent_arithmetic(model, clf_model, clf_card.attribute_names.index(attr), base_seed,
                                                strengths=(-strength, 0.0, strength))
        except ValueError as exc:  # e.g. every sample has the attribute: no direction to find
            st.info(t("generate.arith_failed", reason=defused(exc)))
        else:
            sharp_image(sampling.grid(result.images, nrow=len(result.images)), key="generate_arith", max_height=320,
                        caption=t("generate.arith_caption", attr=attr, pos=result.n_with, neg=result.n_without,
                               pool=result.pool, clf=clf_card.arch.get("name")))
            st.caption(t("generate.arith_how"))

st.divider()
learn.topics(("conditional", "families"), here="pages/2_Generate.py")
