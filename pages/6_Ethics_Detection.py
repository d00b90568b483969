"""Ethics & Detection: check an image with a real-vs-generated detector (verdict, spectrum, provenance), compare the
spectra of real and generated images, see how the detector fails, play the real-or-fake quiz, audit a generator's
bias, and read the ethics. The work lives in ui.detect_view and the engine; this file is the layout."""

import streamlit as st

import ganengine as ge
from ui import detect_view as view
from ui import learn
from ui.checkpoint_picker import translated_selectbox
from ui.engine import detect_pipeline
from ui.i18n import t
from ui.layout import setup_page

owner = setup_page(__file__)
st.title(t("ethics.title"))
st.markdown(t("ethics.intro"))
view.collect(owner)

with st.expander(t("ethics.upload_detector_title")):
    view.upload_detector_widget(owner)
choices = view.detector_choices(owner)
det = path = held = None
why = ""
if not choices:
    st.warning(t("ethics.none"))
else:
    choice = translated_selectbox(t("ethics.detector"), list(choices), lambda k: choices[k].label, key=view.DETECTOR_KEY,
                                  help=t("ethics.detector_help"))
    path = choices[choice].path
    try:
        det = detect_pipeline(path)
    except (ge.CheckpointError, OSError) as exc:
        st.error(t("pick.refused", reason=view.plain(exc)))
    else:
        with st.expander(t("ethics.card")):
            view.show_card(det.card)
        held, why = view.held_out(path)

tab_check, tab_spectra, tab_robust, tab_quiz, tab_bias, tab_train, tab_ethics = st.tabs(
    [t("ethics.tab_check"), t("ethics.tab_spectra"), t("ethics.tab_robust"), t("ethics.tab_quiz"), t("ethics.tab_bias"),
     t("ethics.tab_train"), t("ethics.tab_ethics")])
with tab_check:
    if det is not None:
        view.check_section(det, held)
with tab_spectra:
    view.spectra_section(owner)
with tab_robust:
    if det is not None:
        view.robustness_section(owner, det, path, held, why)
with tab_quiz:
    if det is not None:
        view.quiz_section(det, held, why)
with tab_bias:
    view.bias_section(owner)
with tab_train:
    view.train_section(owner)
with tab_ethics:
    view.ethics_section()

st.divider()
learn.topics(("ethics", "families"), here="pages/6_Ethics_Detection.py")
