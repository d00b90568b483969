"""Teacher: every student's runs and the queue (stop, reorder), the class's runs side by side; only where the operator
set a teacher token, and only after it is given."""

import streamlit as st

from ui import teacher_view
from ui.i18n import t
from ui.layout import setup_page
from ui.pages import teacher_enabled

if not teacher_enabled():  # no teacher token on this server: no such page
    setup_page("streamlit_app.py")
    st.markdown(t("teacher.absent"))
    st.page_link("streamlit_app.py", label=t("home.title"), icon="🎭")
    st.stop()

setup_page(__file__)
st.title(t("teacher.title"))
st.markdown(t("teacher.intro"))
admin = teacher_view.signed_in()
if admin is None:
    st.stop()
teacher_view.sign_out()
teacher_view.queue_section(admin)
with st.expander(t("teacher.all_title")):
    teacher_view.all_runs_table(admin)
teacher_view.class_section(admin)
