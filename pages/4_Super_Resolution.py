"""Super-Resolution: enlarge an example or your own photo x2 / x4 with a pixel-loss model or its GAN fine-tune, next to
bicubic, with a before/after slider, zoomed crops, scores against the original and the perception-distortion trade-off."""

import streamlit as st

import ganengine as ge
from ganengine.imageio import MAX_PIXELS
from ui import charts, learn
from ui import sr_view as view
from ui.checkpoint_picker import translated_selectbox
from ui.export_widget import export_section
from ui.i18n import t
from ui.layout import setup_page
from ui.plaintext import defused, plain
from ui.translate_view import follow_language

owner = setup_page(__file__)
st.title(t("sr.title"))
st.markdown(t("sr.intro"))

tab_try, tab_train = st.tabs([t("sr.tab_try"), t("sr.tab_train")])
with tab_train:  # drawn first: the other tab may stop the script early (no upload yet)
    view.train_section(owner)



def try_tab() -> None:
    """Enlarge an example or an upload; returns early (and the page's Learn section still follows) when there is no
    model, no upload yet, or a refused file."""
    models = view.model_choices(owner)
    if not models:
        st.info(t("sr.none"))
        return

    c1, c2 = st.columns([1, 2])
    scales = sorted({m.scale for m in models.values()}, reverse=True)
    scale = c1.radio(t("sr.scale"), scales, format_func=lambda s: f"x{s}", horizontal=True, key="sr_scale")
    at_scale = {k: m for k, m in models.items() if m.scale == scale}
    with c1:
        labels = {k: view.model_label(m) for k, m in at_scale.items()}  # made now, in this run's language
        choice = translated_selectbox(t("sr.model"), list(at_scale), labels.get, key=f"{view.MODEL_KEY}_x{scale}",
                                      help=t("sr.model_help"))
    model = at_scale[choice]

    sources = {s: t(f"sr.source_{s}") for s in ("example", "upload")}
    source = follow_language(c1.radio, t("sr.source"), list(sources), sources.get, key="sr_source", horizontal=True)
    try:
        if source == "example":
            photos = view.examples()
            names = [p.name for p in photos]
            picked = c1.selectbox(t("sr.example"), names, format_func=lambda n: t("sr.example_label", name=n,
                                  kind=next(p.kind for p in photos if p.name == n)), key="sr_example")
            item = view.example_input(next(p for p in photos if p.name == picked), scale)
        else:
            file = c1.file_uploader(t("sr.upload"), type=["png", "jpg", "jpeg", "webp", "bmp"], key="sr_upload",
                                    help=t("sr.upload_help", pixels=MAX_PIXELS, side=view.MAX_INPUT_SIDE))
            shrink_first = c1.checkbox(t("sr.shrink_first"), value=False, help=t("sr.shrink_first_help"), key="sr_shrink")
            if file is None:
                c2.info(t("sr.upload_prompt"))
                return
            item = view.upload_input(file.getvalue(), file.name, scale, shrink_first)
        with st.spinner(t("sr.working")):
            result = view.enlarge(model, item.low)
            output, bicubic = result.output, result.bicubic
            others = {m.short: view.enlarge(m, item.low).output for k, m in at_scale.items() if k != choice}
    except (ge.UserError, ValueError, OSError) as exc:
        st.error(t("sr.refused", reason=defused(exc)))
        return

    with c2:
        st.caption(item.note)
        compare = [view.BICUBIC, *others, *([view.ORIGINAL] if item.reference is not None else [])]
        names = {k: t(f"sr.{k}") if k in (view.BICUBIC, view.ORIGINAL) else k for k in compare}
        left = follow_language(st.selectbox, t("sr.compare_with"), compare, names.get, key="sr_compare")
        left_image = bicubic if left == view.BICUBIC else item.reference if left == view.ORIGINAL else others[left]
        left_label = t(f"sr.{left}") if left in (view.BICUBIC, view.ORIGINAL) else left
        view.before_after(left_image, output, left_label, model.short, t("sr.slider_hint"), key="sr_slider")
        st.caption(t("sr.made", note=view.made_note(result, model), seconds=result.seconds, w=output.shape[1],
                     h=output.shape[0]))
        st.download_button(t("sr.download"), ge.png_bytes(output, view.provenance(model, item.name, result.note)),
                           file_name=view.download_name(item.name, model), mime="image/png", icon="⬇️")
        with st.expander(t("export.title")):
            export_section(model.path, model.card, "sr_export")

    st.subheader(t("sr.crops_title"))
    st.markdown(t("sr.crops_text"))
    z1, z2 = st.columns(2)
    x_share = z1.slider(t("sr.crop_x"), 0, 100, 50, key="sr_crop_x") / 100
    y_share = z2.slider(t("sr.crop_y"), 0, 100, 40, key="sr_crop_y") / 100
    shown = {t("sr.bicubic"): bicubic, **others, model.short: output}
    if item.reference is not None:
        shown[t("sr.original")] = item.reference
    view.zoomed_crops(shown, item.low, scale, x_share, y_share)

    st.subheader(t("sr.tradeoff_title"))
    st.markdown(t("sr.tradeoff_text"))
    measured = None
    if item.reference is not None:
        outputs = {t("sr.bicubic"): bicubic, **others, model.short: output}
        measured = view.scores_table(outputs, item.reference, scale)
        st.markdown(t("sr.scores_here", name=plain(item.name)))
        st.dataframe(view.shown_scores(measured), hide_index=True)
    else:
        st.caption(t("sr.no_reference"))
    numbers = view.trade_off_text(list(at_scale.values()))
    if numbers:
        st.markdown(numbers)
    charts.show(view.perception_distortion_figure(list(at_scale.values()), measured), width="stretch")
    cards = view.card_rows(list(at_scale.values()))
    if len(cards):
        st.caption(t("sr.cards_caption"))
        st.dataframe(view.shown_scores(cards), hide_index=True,  # the long model names give way: every figure in view
                     column_config={t("sr.col_method"): st.column_config.TextColumn(width=260)})



with tab_try:
    try_tab()

st.divider()
learn.topics(("sr_losses", "perception_distortion", "evaluation"), here="pages/4_Super_Resolution.py")
