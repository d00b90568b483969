"""GAN Studio — Home / Learn: what a GAN is, the map of the pages, the device and your jobs."""

import platform
from pathlib import Path

import streamlit as st

import ganengine as ge
from ganengine import sampling
from ui import charts, learn
from ui.engine import SHIPPED, job_manager, sample_pipeline
from ui.i18n import t
from ui.jobs_panel import jobs_table
from ui.layout import setup_page, upscale
from ui.pages import PAGES

owner = setup_page(__file__)
st.title(t("home.title"))
st.markdown(t("home.intro"))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("home.game_title"))
    st.markdown(t("home.game_text"))
    st.latex(r"\min_G \max_D \; \mathbb{E}_{x\sim p_{data}}[\log D(x)] + \mathbb{E}_{z\sim p_z}[\log(1 - D(G(z)))]")
    st.markdown(t("home.game_after"))
with right:
    st.plotly_chart(charts.minimax_figure())
    st.caption(t("home.chart_caption"))

st.subheader(t("home.real_fake_title"))
shipped = SHIPPED / "digits-dcgan.safetensors"
real = ge.load_data("digits", ge.DataRequest(max_items=16, seed=3)).x
c1, c2 = st.columns(2)
c1.image(upscale(sampling.grid(real, nrow=4), 280), caption=t("home.real_caption"), output_format="PNG")
if shipped.exists():
    pipeline = sample_pipeline(shipped)
    c2.image(upscale(sampling.grid(pipeline(16, seed=3), nrow=4), 280),
             caption=t("home.fake_caption", steps=pipeline.card.steps), output_format="PNG")  # JPEG blurs the pixels
else:
    c2.info(t("home.no_shipped"))

st.subheader(t("home.map_title"))
mapped = [p for p in PAGES if p.map_key]
for row in range(0, len(mapped), 3):  # one row of columns per three cards: a row's cards share its tallest's height
    for col, entry in zip(st.columns(3), mapped[row:row + 3], strict=False):
        with col.container(border=True, height="stretch", key=f"home_card_{Path(entry.path).stem}"):
            st.page_link(entry.path, label=t(entry.title_key), icon=entry.icon)
            st.caption(t(entry.map_key))

st.subheader(t("home.jobs_title"))
device = ge.describe_device()
st.caption(t("home.device", device=device.get("gpu") or t("sidebar.cpu", n=device["cpu_threads"]),
             running=job_manager().running_count(), queued=job_manager().queued_count()))
where = ge.describe_backend(job_manager().backend)
if where.kind != "ray":
    st.caption(t("home.where_local", cpus=where.cpus))
elif where.error:
    st.caption(t("home.where_ray_down", address=where.address))
else:
    st.caption(t("home.where_ray", address=where.address, cpus=where.cpus, gpus=where.gpus))
jobs = job_manager().list(owner)
if jobs:
    st.dataframe(jobs_table(jobs), hide_index=True, width="stretch")
else:
    st.caption(t("home.no_jobs"))
with st.expander(t("home.about"), icon="ℹ️"):  # versions matter to whoever runs or reports on the server, not to learners
    st.markdown(t("home.about_text", engine=ge.__version__, python=platform.python_version(), torch=device["torch"],
                  streamlit=st.__version__, cuda=t("home.yes") if device.get("cuda") else t("home.no")))

st.divider()
learn.topics(("families", "minimax"), here="streamlit_app.py")
