"""Translate (image-to-image): run a Pix2Pix or CycleGAN model on examples, your image or your drawing; train your own."""

import streamlit as st

import ganengine as ge
from ui import learn
from ui import translate_view as view
from ui.checkpoint_picker import translated_selectbox
from ui.engine import translate_pipeline
from ui.export_widget import export_section
from ui.i18n import t
from ui.layout import setup_page
from ui.plaintext import defused

owner = setup_page(__file__)
st.title(t("translate.title"))
st.markdown(t("translate.intro"))
view.how_it_works()
with st.expander(t("translate.upload_model_title")):
    view.upload_model_widget(owner)


def learn_section() -> None:
    """The page's Learn topics: at its end, also when it stops early (no model yet, a refused one)."""
    st.divider()
    learn.topics(("translation", "conditional"), here="pages/3_Translate.py")


choices = view.translator_choices(owner)
if not choices:
    st.info(t("translate.none"))
    st.subheader(t("translate.tab_train"))
    view.train_section(owner)
    learn_section()
    st.stop()

choice = translated_selectbox(t("translate.model"), list(choices), lambda k: choices[k].label, key=view.MODEL_KEY,
                              help=t("translate.model_help"))
path = choices[choice].path
try:
    card = ge.read_card(path)
    with st.expander(t("translate.card")):
        view.show_card(card)
    direction = view.direction_picker(card)
    pipeline = translate_pipeline(path, direction)
    with st.expander(t("export.title")):
        export_section(path, card, "translate_export", role=view.export_role(card, direction))
except (ge.CheckpointError, OSError) as exc:
    st.error(t("pick.refused", reason=defused(exc)))
    st.subheader(t("translate.tab_train"))
    view.train_section(owner)
    learn_section()
    st.stop()

found = view.examples(pipeline.card, direction)
tab_examples, tab_upload, tab_draw, tab_train = st.tabs(
    [t("translate.tab_examples"), t("translate.tab_upload"), t("translate.tab_draw"), t("translate.tab_train")])
with tab_examples:
    view.examples_section(pipeline, found)
with tab_upload:
    view.upload_section(pipeline)
with tab_draw:
    view.draw_section(pipeline, f"{choice}|{direction}", found)
with tab_train:
    view.train_section(owner)

learn_section()
