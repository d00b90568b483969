"""Train: choose data, model and loss, start a background run, and watch it learn live."""

import dataclasses

import streamlit as st

import ganengine as ge
from ui import jobs_panel, learn
from ui.checkpoint_picker import run_choice_key
from ui.durations import duration
from ui.engine import job_manager, with_recorded_command
from ui.form_check import out_of_range
from ui.i18n import LANGUAGES, number, said, t
from ui.layout import setup_page
from ui.run_label import label_fields, run_title
from ui.submit_once import start_once
from ui.translate_view import follow_language
from ui.uploads import show, store_data_zip

owner = setup_page(__file__)
manager = job_manager()
st.title(t("train.title"))
st.markdown(t("train.intro"))

UPLOAD = "__upload__"
LONG_RUN_S = 3600  # a run expected to take longer than this is shown its duration and asks to be started anyway
names = sorted((n for n, e in ge.registry().items() if e.kind in ("images", "points")),  # what a GAN learns from
               key=lambda n: (ge.registry()[n].needs_files, n))
server = ge.settings()
STEPS = ge.Bound(10, server.bound("steps").high, "steps")
BUDGET = ge.Bound(0, server.bound("time_budget").high, "time budget")  # 0: none
BETA1, BETA2 = ge.Bound(0, 0.99, "beta1", whole=False), ge.Bound(0.9, 0.9999, "beta2", whole=False)

# Option labels in the reader's language, computed once per script run (AppTest calls format_func outside the run).
data_labels = {UPLOAD: t("train.data_upload"), **{
    name: f"{name} — {t('data.' + name)}" + ("" if ge.registry()[name].available() else f" {t('train.not_here')}")
    for name in names}}
model_labels = {m: f"{m} — {t('model.' + m)}" for m in ge.generator_architectures()}
loss_labels = {name: f"{name} — {t('loss.' + name)}" for name in ge.LOSSES.names()}
preset_labels = {"": t("train.preset_none"), **{name: t(f"preset.{name}") for name in ge.PRESETS}}
FORM_KEYS = ("train_data", "train_model", "train_loss")


def apply_preset(name: str) -> None:
    """Fill the form with a lesson preset: its data, model and loss choices, and a new form drawn from its config."""
    if not name:
        return
    config = ge.PRESETS[name].config()
    for key, value in zip(FORM_KEYS, (config.data, config.model, config.loss), strict=True):
        st.session_state[key] = value
        for language in LANGUAGES:  # a widget's own state would win over the new choice
            st.session_state.pop(f"{key}__{language}", None)
    st.session_state["train_form_version"] = st.session_state.get("train_form_version", 0) + 1


def submit(config: ge.RunConfig, uploaded: bool, label: ge.RunLabel) -> bool:
    """Queue the run once per submission (a double click or a second press at once finds the same run)."""
    config = with_recorded_command(config, uploaded, config.model)
    try:
        info = start_once("train", config, lambda: manager.submit(config, owner, label=label))
    except (ge.UserError, ValueError) as exc:
        st.error(t("train.refused", reason=said(exc)))
        return False
    st.session_state["train_job"] = info.id
    st.session_state.pop("train_pending", None)
    return True


jobs = manager.list(owner)
with st.expander(t("train.new_run"), expanded=not any(j.active for j in jobs)):
    chosen_preset = follow_language(st.selectbox, t("train.preset"), list(preset_labels), preset_labels.get,
                                    key="train_preset", help=t("train.preset_help"))
    if chosen_preset != st.session_state.get("train_preset_applied"):
        apply_preset(chosen_preset)
        st.session_state["train_preset_applied"] = chosen_preset
    preset = ge.PRESETS.get(chosen_preset)
    if preset is not None:
        st.caption(t(f"preset.{preset.name}_lesson"))
    c1, c2, c3 = st.columns(3)
    data = follow_language(c1.selectbox, t("train.data"), [*names, UPLOAD], data_labels.get, key="train_data",
                           default="digits", help=t("train.data_help"))
    data_path = data
    if data == UPLOAD:
        limit = int(st.get_option("server.maxUploadSize"))
        upload = c1.file_uploader(t("train.upload_zip", mb=limit), type=["zip"], help=t("train.upload_help"))
        st.html("<style>[data-testid='stFileUploaderDropzoneInstructions']{display:none}</style>")  # Streamlit's English
        data_path = ""
        if upload is not None:
            verdict = store_data_zip(owner, upload.name, upload.getvalue())
            data_path = verdict[0]
            show(verdict, c1)
    elif not ge.registry()[data].available():
        c1.warning(t("train.missing_data", name=data))
    points = data != UPLOAD and ge.data_kind(data) == "points"
    if preset is not None and data == preset.data:
        base = preset.config()
    else:
        base = ge.preset("gan", data_path if data_path else "digits", quick=True)  # the engine's classroom preset
    models = [m for m in ge.generator_architectures() if (m == "mlp") == points]
    model = follow_language(c2.selectbox, t("train.model"), models, model_labels.get, key="train_model",
                            default=base.model, help=t("train.model_help"))
    losses = list(ge.LOSSES.names())
    loss = follow_language(c3.selectbox, t("train.loss"), losses, loss_labels.get, key="train_loss", default=base.loss,
                           help=t("train.loss_help"))
    L = ge.LIMITS
    # The form's widgets are drawn anew (fresh keys) when a preset or the data set changes what they start from.
    v = f"{st.session_state.get('train_form_version', 0)}_{hash(base.to_json())}"

    with st.form("train_form", enter_to_submit=False):  # Enter in a field must not start a run
        f1, f2, f3 = st.columns(3)
        # No min/max on the number inputs: Streamlit would keep sending the last valid value of a field typed out of
        # range; the values are checked on Start instead, and the message says the range.
        steps = f1.number_input(t("train.steps"), value=min(base.steps or int(STEPS.high), int(STEPS.high)), step=100,
                                help=t("train.steps_help"), key=f"train_steps_{v}")
        budget = f2.number_input(t("train.time_budget"), value=int(base.time_budget or 0), step=30,
                                 help=t("train.time_budget_help"), key=f"train_budget_{v}")
        batch = f3.select_slider(t("train.batch"), [16, 32, 64, 128, 256], value=base.batch_size, help=t("train.batch_help"),
                                 key=f"train_batch_{v}")
        if server.max_steps is not None or server.max_time_budget is not None:
            st.caption(t("train.server_caps", steps=int(STEPS.high), time=duration(BUDGET.high)))
        run_label = label_fields("train")
        with st.expander(t("train.advanced")):
            a1, a2, a3, a4 = st.columns(4)
            lr_g = a1.number_input(t("train.lr_g"), value=base.lr_g, format="%.5f", help=t("train.lr_help"),
                                   key=f"train_lr_g_{v}")
            lr_d = a2.number_input(t("train.lr_d"), value=base.lr_d, format="%.5f", help=t("train.ttur_help"),
                                   key=f"train_lr_d_{v}")
            beta1 = a3.number_input("Adam β1", value=base.beta1, help=t("train.beta_help"), key=f"train_beta1_{v}")
            beta2 = a4.number_input("Adam β2", value=base.beta2, format="%.4f", key=f"train_beta2_{v}")
            b1, b2, b3, b4 = st.columns(4)
            d_steps = b1.number_input(t("train.d_steps"), value=base.d_steps, help=t("train.ratio_help"),
                                      key=f"train_d_steps_{v}")
            g_steps = b2.number_input(t("train.g_steps"), value=base.g_steps, key=f"train_g_steps_{v}")
            widths = sorted({8, 16, 32, 48, 64, base.width})
            width = b3.select_slider(t("train.width"), widths, value=base.width, help=t("train.width_help"),
                                     key=f"train_width_{v}")
            image_size = b4.selectbox(t("train.image_size"), [32, 64], index=int(base.image_size == 64), disabled=points,
                                      key=f"train_image_size_{v}")
            seed = st.number_input(t("train.seed"), value=base.seed, help=t("train.seed_help"), key=f"train_seed_{v}")
        with st.expander(t("train.stabilisers")):
            s1, s2, s3 = st.columns(3)
            spectral = s1.checkbox(t("train.spectral"), value=base.spectral_norm, help=t("train.spectral_help"),
                                   key=f"train_spectral_{v}")
            smoothing = s2.slider(t("train.smoothing"), 0.0, 0.3, float(base.label_smoothing), 0.05,
                                  help=t("train.smoothing_help"), key=f"train_smoothing_{v}")
            noise = s3.slider(t("train.noise"), 0.0, 0.5, float(base.instance_noise), 0.05, help=t("train.noise_help"),
                              key=f"train_noise_{v}")
        submitted = st.form_submit_button(t("train.start"), type="primary")

    if submitted:
        st.session_state.pop("train_pending", None)
        problems = out_of_range([
            (t("train.steps"), steps, STEPS), (t("train.time_budget"), budget, BUDGET),
            (t("train.lr_g"), lr_g, L["lr"]), (t("train.lr_d"), lr_d, L["lr"]), ("Adam β1", beta1, BETA1),
            ("Adam β2", beta2, BETA2), (t("train.d_steps"), d_steps, L["d_steps"]),
            (t("train.g_steps"), g_steps, L["g_steps"]), (t("train.seed"), seed, L["seed"]),
        ])
        try:
            if problems:
                raise ge.ConfigError(" ".join(problems))
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
        except (ge.UserError, ValueError) as exc:
            st.error(t("train.refused", reason=said(exc)))
        else:
            likely = manager.estimate(config)
            if likely is not None and likely[0] > LONG_RUN_S and st.session_state.get("train_confirmed") != config:
                st.session_state["train_pending"] = (config, data == UPLOAD, likely, run_label)  # asks before it starts
            else:
                submit(config, data == UPLOAD, run_label)
    pending = st.session_state.get("train_pending")
    if pending is not None:
        config, uploaded, (seconds, rate), pending_label = pending
        st.warning(t("train.long_run", time=duration(seconds), rate=number(rate, ",.3g")) if rate else
                   t("train.long_run_budget", time=duration(seconds)), icon="⏳")
        if st.button(t("train.start_anyway"), key="train_start_anyway"):
            st.session_state["train_confirmed"] = config
            if submit(config, uploaded, pending_label):
                st.rerun()  # without the warning drawn above
    jobs = manager.list(owner)

if not jobs:
    st.info(t("train.no_jobs"))
    st.stop()

ids = [j.id for j in jobs]
current = st.session_state.get("train_job")
if current not in ids:  # a reload (new session): the run that is going, else the newest
    current = next((j.id for j in jobs if j.active), ids[0])
run_labels = {j.id: f"{run_title(j)} · {t('state.' + j.state)}" for j in jobs}
selected = st.selectbox(t("train.your_runs"), ids, index=ids.index(current), format_func=run_labels.get)
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
