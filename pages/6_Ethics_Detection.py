"""Ethics & Detection: what GANs make possible and how to tell. Today: provenance of GAN Studio images."""

import numpy as np
import pandas as pd
import streamlit as st

import ganengine as ge
from ganengine import sampling
from ui.engine import SHIPPED, sample_pipeline
from ui.i18n import t, t_or
from ui.layout import setup_page, upscale

DEMO = SHIPPED / "digits-dcgan.safetensors"

setup_page(__file__)
st.title(t("ethics.title"))
st.markdown(t("ethics.intro"))
st.info(t("ethics.later"))

st.subheader(t("ethics.provenance_title"))
st.markdown(t("ethics.provenance_text"))
upload = st.file_uploader(t("ethics.upload"), type=["png"])
data = upload.getvalue() if upload is not None else None
if data is None and DEMO.exists():
    pipeline = sample_pipeline(DEMO)
    demo = sampling.to_uint8(pipeline(1, seed=42))[0].squeeze(-1)
    data = ge.png_bytes(demo, {"model": DEMO.name, "seed": "42"})
    st.caption(t("ethics.demo"))
if data is not None:
    try:
        image = ge.open_image(data)
        chunks = ge.read_provenance(data)
    except (ge.ImageInputError, OSError) as exc:
        st.error(t("ethics.refused", reason=exc))
    else:
        c1, c2 = st.columns([1, 2])
        c1.image(upscale(np.asarray(image), 160), caption=f"{image.width}x{image.height}")
        if chunks.get("Software", "").startswith("GAN Studio"):
            c2.warning(t("ethics.is_ours"))
        else:
            c2.info(t("ethics.no_mark"))
        if chunks:
            rows = [(t_or(f"prov.{k.lower()}", k), v) for k, v in chunks.items() if v not in ("", "None")]
            c2.dataframe(pd.DataFrame(rows, columns=[t("card.field"), t("card.value")]), hide_index=True)

st.subheader(t("ethics.questions_title"))
st.markdown(t("ethics.questions"))
