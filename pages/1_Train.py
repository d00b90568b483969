"""Train: choose data, model and loss, start a background run, and watch it learn live."""

import dataclasses

import streamlit as st

import ganengine as ge
from ui import jobs_panel, learn
from ui.checkpoint_picker import run_choice_key
from ui.engine import job_manager, with_recorded_command
from ui.i18n import t
from ui.layout import setup_page
from ui.plaintext import defused
from ui.run_label import label_fields
from ui.uploads import show, store_data_zip

owner = setup_page(__file__)
manager = job_manager()
st.title(t("train.title"))
st.markdown(t("train.intro"))

UPLOAD = "__upload__"
names = sorted((n for n, e in ge.registry().items() if e.kind in ("images", "points")),  # what a GAN learns from
               key=lambda n: (ge.registry()[n].needs_files, n))
default_data = names.index("digits")


def data_label(name: str) -> str:
    if name == UPLOAD:
        return t("train.data_upload")
    return f"{name} — {t('data.' + name)}" + ("" if ge.registry()[name].available() else f" {t('train.not_here')}")


jobs = manager.list(owner)
with st.expander(t("train.new_run"), expanded=not any(j.active for j in jobs)):
    c1, c2, c3 = st.columns(3)
    data = c1.selectbox(t("train.data"), [*names, UPLOAD], index=default_data, format_func=data_label, help=t("train.data_help"),
                        key="train_data")
    data_path = data
    if data == UPLOAD:
        upload = c1.file_uploader(t("train.upload_zip"), type=["zip"], help=t("train.upload_help"))
        data_path = ""
        if upload is not None:
            verdict = store_data_zip(owner, upload.name, upload.getvalue())
            data_path = verdict[0]
            show(verdict, c1)
    elif not ge.registry()[data].available():
        c1.warning(t("train.missing_data", name=data))
    points = data != UPLOAD and ge.data_kind(data) == "points"
    base = ge.preset("gan", data_path if data_path else "digits", quick=True)  # the engine's classroom preset
    models = [m for m in ge.generator_architectures() if (m == "mlp") == points]
    model = c2.selectbox(t("train.model"), models, index=models.index(base.model) if base.model in models else 0,
                         format_func=lambda m: f"{m} — {t('model.' + m)}", help=t("train.model_help"), key="train_model")
    losses = list(ge.LOSSES.names())
    loss = c3.selectbox(t("train.loss"), losses, index=losses.index(base.loss),
                        format_func=lambda name: f"{name} — {t('loss.' + name)}", help=t("train.loss_help"), key="train_loss")
    L = ge.LIMITS

    with st.form("train_form", enter_to_submit=False):  # Enter in a field must not start a run
        f1, f2, f3 = st.columns(3)
        steps = f1.number_input(t("train.steps"), 10, int(L["steps"].high), base.steps, step=100, help=t("train.steps_help"))
        budget = f2.number_input(t("train.time_budget"), 0, int(L["time_budget"].high), 0, step=30,
                                 help=t("train.time_budget_help"))
        batch = f3.select_slider(t("train.batch"), [16, 32, 64, 128, 256], value=base.batch_size, help=t("train.batch_help"))
        run_label = label_fields("train")
        with st.expander(t("train.advanced")):
            a1, a2, a3, a4 = st.columns(4)
            lr_g = a1.number_input(t("train.lr_g"), 1e-5, 1e-2, base.lr_g, format="%.5f", help=t("train.lr_help"))
            lr_d = a2.number_input(t("train.lr_d"), 1e-5, 1e-2, base.lr_d, format="%.5f", help=t("train.ttur_help"))
            beta1 = a3.number_input("Adam β1", 0.0, 0.99, base.beta1, help=t("train.beta_help"))
            beta2 = a4.number_input("Adam β2", 0.9, 0.9999, base.beta2, format="%.4f")
            b1, b2, b3, b4 = st.columns(4)
            d_steps = b1.number_input(t("train.d_steps"), int(L["d_steps"].low), int(L["d_steps"].high), base.d_steps,
                                      help=t("train.ratio_help"))
            g_steps = b2.number_input(t("train.g_steps"), int(L["g_steps"].low), int(L["g_steps"].high), base.g_steps)
            width = b3.select_slider(t("train.width"), [8, 16, 32, 48, 64], value=base.width, help=t("train.width_help"))
            image_size = b4.selectbox(t("train.image_size"), [32, 64], disabled=points)
            seed = st.number_input(t("train.seed"), 0, int(L["seed"].high), base.seed, help=t("train.seed_help"))
        with st.expander(t("train.stabilisers")):
            s1, s2, s3 = st.columns(3)
            spectral = s1.checkbox(t("train.spectral"), help=t("train.spectral_help"))
            smoothing = s2.slider(t("train.smoothing"), 0.0, 0.3, 0.0, 0.05, help=t("train.smoothing_help"))
            noise = s3.slider(t("train.noise"), 0.0, 0.5, 0.0, 0.05, help=t("train.noise_help"))
        submitted = st.form_submit_button(t("train.start"), type="primary")

    if submitted:
        try:
            if not data_path:
                raise ge.ConfigError(t("train.need_upload"))
            if data != UPLOAD and not ge.registry()[data].available():
                raise ge.ConfigError(t("train.missing_data", name=data))
            config = dataclasses.replace(
                base, model=model, data=data_path, loss=loss, steps=int(steps), time_budget=float(budget) or None,
                batch_size=int(batch), image_size=int(image_size), width=int(width), lr_g=float(lr_g), lr_d=float(lr_d),
                beta1=float(beta1), beta2=float(beta2), d_steps=int(d_steps), g_steps=int(g_steps), spectral_norm=spectral,
                label_smoothing=float(smoothing), instance_noise=float(noise), seed=int(seed),
            ).validate()
            info = manager.submit(with_recorded_command(config, data == UPLOAD, config.model), owner, label=run_label)
        except (ge.UserError, ValueError) as exc:
            st.error(t("train.refused", reason=defused(exc)))
        else:
            st.session_state["train_job"] = info.id
            jobs = manager.list(owner)

if not jobs:
    st.info(t("train.no_jobs"))
    st.stop()

ids = [j.id for j in jobs]
current = st.session_state.get("train_job")
selected = st.selectbox(t("train.your_runs"), ids, index=ids.index(current) if current in ids else 0,
                        format_func=lambda i: f"{i} · {t('state.' + next(j.state for j in jobs if j.id == i))}")
st.session_state["train_job"] = selected


@st.fragment(run_every=1.5)
def live_job(job_id: str) -> None:
    info = jobs_panel.render_job(manager, owner, job_id)
    if not info.active:
        st.rerun()


if next(j for j in jobs if j.id == selected).active:
    live_job(selected)
else:
    jobs_panel.render_job(manager, owner, selected)
    has_checkpoint = ge.RunDir(next(j for j in jobs if j.id == selected).run_dir).latest_checkpoint() is not None
    if has_checkpoint and next(j for j in jobs if j.id == selected).config.task == "gan" and \
            st.button(t("train.go_generate"), icon="🎨"):
        st.session_state["generate_checkpoint"] = run_choice_key(selected)  # Generate opens on this run
        st.switch_page("pages/2_Generate.py")

st.divider()
learn.topics(("dcgan", "tips"), here="pages/1_Train.py")
