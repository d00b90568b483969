"""Evaluate: FID, KID, IS and precision/recall (torch-fidelity) for several generators, plus coverage,
a memorisation check, FID over training steps, and the independent digits judge.

Every measurement runs in the server's shared work queue (ui.engine.work_queue), never in this script's thread:
the page submits one item, keeps its id in the session, and a fragment shows its place in the queue and its
progress until it ends; the page then reruns and draws from what the session (or the server) keeps.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

import ganengine as ge
from ganengine.metrics.summary import SCORES
from ui import charts, learn
from ui.checkpoint_picker import generator_choices, run_choice_key, translated_selectbox, upload_widget
from ui.engine import active_item, finished_work, job_manager, shared_results, shown_data, work_queue
from ui.eval_view import column_config, csv_of, fid_domain_note, fid_notes, measured_caption, report_text, short_label, styled
from ui.i18n import number, number_writer, said, t
from ui.layout import setup_page, upscale
from ui.plaintext import defused

owner = setup_page(__file__)
st.title(t("evaluate.title"))
st.markdown(t("evaluate.intro"))
with st.expander(t("evaluate.explain_title")):
    st.markdown(t("evaluate.explain"))

with st.expander(t("pick.upload_title")):
    upload_widget(owner)
choices = {key: c for key, c in generator_choices(owner).items() if ge.read_card(c.path).channels}
if not choices:
    st.warning(t("evaluate.none"))
    st.stop()

# Runs and uploads come and go: keep only what still exists (the first choice on first open).
st.session_state["eval_models"] = [k for k in st.session_state.get("eval_models", list(choices)[:1]) if k in choices]
selected = st.multiselect(t("evaluate.checkpoints"), list(choices), help=t("evaluate.checkpoints_help"),
                          format_func=lambda k: choices[k].label, key="eval_models")
if not selected:
    st.info(t("evaluate.pick_one"))
    st.stop()
cards = {key: ge.read_card(choices[key].path) for key in selected}
image_sets = [n for n, e in ge.registry().items() if e.kind == "images"]
first = cards[selected[0]].data
metric_labels = {m: t(f"metric.{m}") for m in ge.metrics.METRICS}  # precomputed: format_func runs outside the script
extractor_labels = {e: t(f"extractor.{e}") for e in ("auto", "domain", "inception")}
c1, c2, c3, c4 = st.columns([1.1, 1.5, 0.8, 1.1])
data = c1.selectbox(t("evaluate.data"), image_sets, index=image_sets.index(first) if first in image_sets else 0,
                    help=t("evaluate.data_help"))
n = int(c2.select_slider(t("evaluate.samples"), [100, 250, 500, 1000, 1797, 2000], value=1000, help=t("evaluate.samples_help"),
                         key="eval_n"))
seeds = int(c3.number_input(t("evaluate.seeds"), 1, ge.metrics.MAX_SEEDS, 1, help=t("evaluate.seeds_help"), key="eval_seeds"))
extractor = c4.radio(t("evaluate.extractor"), list(extractor_labels), format_func=extractor_labels.get,
                     help=t("evaluate.extractor_help"))
metric_names = st.pills(t("evaluate.metrics"), list(metric_labels), selection_mode="multi", default=["fid", "kid", "prc"],
                        format_func=metric_labels.get, key="eval_metrics") or []
other = [choices[key].label for key in selected if cards[key].data != data]
if other:
    st.warning(t("evaluate.other_data", names=defused(", ".join(other)), data=data))
results: dict = st.session_state.setdefault("eval_results", {})  # (path, mtime, settings) -> one generator's figures
queue = work_queue()
shared = shared_results()  # coverage, memorisation, judge: they depend only on the checkpoint, so every session shares them
items: dict = st.session_state.setdefault("eval_items", {})  # slot -> this session's item in the work queue
failures: dict = st.session_state.setdefault("eval_failures", {})  # slot -> (key, one line) of work that ended in error
BAD_INPUT = (ge.UserError, RuntimeError, AssertionError, OSError)  # one generator's trouble: said next to its name


def collect() -> None:
    """Fold this session's finished work into what the page draws from (in the script thread, never in a worker)."""
    for slot, entry, result in finished_work(owner, items, failures):
        if slot == "run":
            results.update(result)
        elif slot == "fid":
            st.session_state["fid_curve"] = result
        else:
            shared.put(entry["key"], result)


def submit(slot: str, key: Any, label: str, work: Callable, total: int = 0, text: str = "evaluate.working") -> str | None:
    """Queue `work(progress)` unless this session's item for the slot is still queued or running (a double click);
    returns why the queue refused it, if it did."""
    if slot in items:
        return None
    try:
        items[slot] = {"id": queue.submit(owner, label, work), "key": key, "total": total, "text": text}
    except ge.QueueFull as exc:
        return said(exc, escape=str)  # its callers escape it where they show it
    failures.pop(slot, None)
    return None


@st.fragment(run_every=1.0)
def live(slot: str) -> None:
    """The item's place in the queue, then its progress; when it ends the whole page reruns and draws the result."""
    entry = items.get(slot)
    item = active_item(owner, entry)
    if item is None:
        st.rerun()
    if item.state == "queued":
        st.info(t("evaluate.queued", pos=item.queue_position))
    elif entry["total"]:
        st.progress(item.progress, text=t("evaluate.running", done=round(item.progress * entry["total"]), total=entry["total"]))
    else:
        st.progress(item.progress, text=t(entry["text"]))


def measured(slot: str, key: tuple, label: str, work: Callable) -> tuple[Any, str | None]:
    """A deeper look's result and error: computed once in the work queue, shared by every session; (None, None) while
    it waits or runs (its progress is shown)."""
    value = shared.get(key)
    if value is not None:
        return value, None
    failed_key, error = failures.get(slot, (None, None))
    if failed_key == key:
        return None, error
    refused = submit(slot, key, label, work)
    if refused:
        return None, refused
    live(slot)
    return None, None


collect()


def key_of(key: str) -> tuple:
    path = choices[key].path
    return (str(path), path.stat().st_mtime, data, n, tuple(metric_names), extractor, seeds)


def evaluate_all(todo: list[tuple[tuple, str, Path]], data: str, n: int, metrics: tuple[str, ...], extractor: str,
                 seeds: int) -> Callable:
    """The work item for Run: each generator in turn, at each seed (a worker thread runs it; it returns figures and a
    grid of samples for the report, and draws nothing)."""
    def work(progress: Callable[[float, str], None]) -> dict:
        out = {}
        for i, (result_key, label, path) in enumerate(todo):
            try:
                pipeline = ge.SamplePipeline.load(path)
                out[result_key] = ge.metrics.evaluate_seeds(
                    pipeline, data=data, n=n, metrics=metrics, extractor=extractor, seeds=seeds,
                    progress=lambda done, i=i, label=label: progress((i + done / seeds) / len(todo), label))
                out[result_key]["grid_png"] = ge.report.sample_grid_png(pipeline)
            except BAD_INPUT as exc:
                out[result_key] = {"error": str(exc) or type(exc).__name__}
            progress((i + 1) / len(todo), label)
        return out
    return work


running = "run" in items
if st.button(t("evaluate.run"), type="primary", disabled=running or not metric_names) and not running:
    todo = [(key_of(key), choices[key].label, choices[key].path) for key in selected if key_of(key) not in results]
    if todo:
        refused = submit("run", None, "evaluate " + ", ".join(label for _, label, _ in todo),
                         evaluate_all(todo, data, n, tuple(metric_names), extractor, seeds), total=len(todo))
        if refused:
            st.error(t("evaluate.busy", reason=defused(refused)))
        else:
            st.rerun()  # draw the button disabled at once: no second submit while this one waits or runs
if "run" in items:
    live("run")
elif "run" in failures:
    st.error(t("evaluate.failed", reason=defused(failures["run"][1])))

done = [(key, choices[key].label, results[key_of(key)]) for key in selected if key_of(key) in results]
for _, label, r in done:
    if "error" in r:
        st.error(t("evaluate.refused", name=defused(label), reason=defused(r["error"])))
good = [(key, label, r) for key, label, r in done if "error" not in r]
if not good:
    if "run" not in items:
        st.caption(t("evaluate.press_run") if metric_names else t("evaluate.pick_metric"))
else:
    write = number_writer()
    extractors = sorted({r["extractor"] for _, _, r in good})
    if len(extractors) > 1:
        st.warning(t("evaluate.mixed_extractors"))
    groups = []
    for ex in extractors:  # numbers from different feature extractors never share a column
        rows = [(key, label, r) for key, label, r in good if r["extractor"] == ex]
        table = ge.metrics.summary_table([(label, r) for _, label, r in rows])
        short = [short_label(key) for key, _, _ in rows]
        st.dataframe(styled(table, write), hide_index=True, width="stretch", column_config=column_config(table))
        first_row = rows[0][2]
        if "kid" in table.columns and any(r["kid"] < 0 for _, _, r in rows):
            st.caption(t("evaluate.negative_kid"))
        caption = measured_caption(first_row)
        st.caption(caption)
        notes = fid_notes(first_row, table.columns)
        for note in notes:
            st.caption(note)
        scores = [m for m in SCORES if m in table.columns]
        cols = st.columns(2)
        for i, m in enumerate(scores):
            j = table.columns.index(m)
            charts.show(charts.metric_dots(short, [v[j] for v in table.values],
                                           [table.ranges.get((r, m)) for r in range(len(rows))], m, n=first_row["samples"]),
                        cols[i % 2], key=f"dots_{ex}_{m}")
        st.download_button(t("evaluate.csv"), csv_of(table).encode(), f"evaluation-{ex}.csv", "text/csv", key=f"csv_{ex}")
        groups.append(ge.report.ReportGroup(table, short, caption, tuple(line.replace("**", "").replace("`", "") for line in notes),
                                            first_row["samples"]))
    models = [ge.report.ReportModel(label, ge.report.card_text(cards[key]), r["grid_png"]) for key, label, r in good]
    report_inputs = (groups, models, report_text(), write)
    st.session_state["eval_report"] = report_inputs  # what the download holds (the tests read the same)
    st.download_button(t("evaluate.report"), lambda inputs=report_inputs: ge.report.evaluation_report(*inputs).encode(),
                       "evaluation-report.html", "text/html", help=t("evaluate.report_help"), key="eval_report_html")

st.divider()
st.subheader(t("evaluate.deeper"))
focus = translated_selectbox(t("evaluate.focus"), list(choices), lambda k: choices[k].label, key="eval_focus",
                             default=selected[0])
path = choices[focus].path
mtime = path.stat().st_mtime
tab_cov, tab_mem, tab_steps, tab_judge = st.tabs([t("evaluate.tab_coverage"), t("evaluate.tab_memory"),
                                                   t("evaluate.tab_steps"), t("evaluate.tab_judge")])


with tab_cov:
    st.markdown(t("evaluate.coverage_intro"))
    cov, error = measured("coverage", ("coverage", str(path), mtime, n), f"coverage {path.name}",
                          lambda progress, path=path, n=n: ge.metrics.class_coverage(ge.SamplePipeline.load(path), n=n))
    if error:
        st.info(t("evaluate.unavailable", reason=defused(error)))
    elif cov is not None:
        charts.show(charts.coverage_figure(cov.class_names, cov.generated, cov.real,
                                           t("evaluate.coverage_title", n=cov.samples)), key="coverage")
        st.caption(t("evaluate.coverage_caption", clf=t("evaluate.classifier_name", data=defused(cov.classifier_data)),
                     n=cov.samples))

with tab_mem:
    st.markdown(t("evaluate.memory_intro"))
    mem, error = measured("memorisation", ("memorisation", str(path), mtime), f"memorisation {path.name}",
                          lambda progress, path=path: ge.metrics.memorisation_check(ge.SamplePipeline.load(path)))
    if error:
        st.info(t("evaluate.unavailable", reason=defused(error)))
    elif mem is not None:
        st.image(upscale(mem.strip(), 200), caption=t("evaluate.memory_caption"))
        st.caption(t("evaluate.memory_numbers", d=" · ".join(number(d, ".2f") for d in mem.distances), typical=round(mem.real_typical, 2)))

with tab_steps:
    st.markdown(t("evaluate.steps_intro"))
    runs = {run_choice_key(j.id): (t("evaluate.run_label", id=j.id, model=j.config.title(), data=shown_data(j.config.data)),
                                   j.run_dir)
            for j in job_manager().list(owner)
            if len(ge.RunDir(j.run_dir).checkpoints()) > 1 and ge.data_kind(j.config.data) == "images"}
    if not runs:
        st.info(t("evaluate.no_runs"))
    else:
        run_key = st.selectbox(t("evaluate.run_pick"), list(runs), index=list(runs).index(focus) if focus in runs else 0,
                               format_func=lambda k: runs[k][0])
        run_label, run_dir = runs[run_key]

        def curve(progress: Callable[[float, str], None], run_key: str = run_key, run_dir: Path = run_dir,
                  n: int = min(n, 500), extractor: str = extractor) -> tuple:
            points = ge.metrics.fid_over_steps(run_dir, n=n, extractor=extractor, progress=progress)
            kind = points[0].extractor_info.get("kind", "") if points else ""
            return run_key, [(r.step, r.metrics["fid"]) for r in points], points[0].samples if points else 0, kind

        measuring = "fid" in items
        if st.button(t("evaluate.steps_run"), disabled=measuring) and not measuring:
            refused = submit("fid", run_key, f"fid over steps {run_dir.name}", curve, text="evaluate.steps_running")
            if refused:
                st.error(t("evaluate.busy", reason=defused(refused)))
            else:
                st.rerun()
        if "fid" in items:
            live("fid")
        elif failures.get("fid", (None,))[0] == run_key:
            st.error(t("evaluate.refused", name=defused(run_label), reason=defused(failures["fid"][1])))
        if st.session_state.get("fid_curve", (None,))[0] == run_key:
            _, points, samples, kind = st.session_state["fid_curve"]
            charts.show(charts.fid_curve([p[0] for p in points], [p[1] for p in points], samples), key="fid_curve")
            if kind == "domain":
                st.caption(fid_domain_note())

with tab_judge:
    st.markdown(t("evaluate.judge_intro"))
    card = ge.read_card(path)
    if card.data != "digits" or card.channels != 1:
        st.info(t("evaluate.judge_digits_only"))
    else:
        samples = min(n, 1000)
        report, error = measured("judge", ("judge", str(path), mtime, samples), f"judge {path.name}",
                                 lambda progress, path=path, samples=samples: ge.judge_checkpoint(path, n=samples, seed=0))
        if error:
            st.info(t("evaluate.unavailable", reason=defused(error)))
        elif report is not None:
            j1, j2, j3, j4 = st.columns(4)  # four to a row: five cut the French labels short
            j1.metric(t("evaluate.confidence"), number(report["mean_confidence"], ".2f"), help=t("evaluate.confidence_help"))
            j2.metric(t("evaluate.covered"), f"{report['classes_covered']} / 10", help=t("evaluate.covered_help"))
            j3.metric(t("evaluate.diversity"), number(report["diversity_ratio"], ".2f"), help=t("evaluate.diversity_help"))
            j4.metric(t("evaluate.score"), number(report["digit_score_share"], ".0%"), help=t("evaluate.score_help"))
            if "class_accuracy" in report:
                st.columns(4)[0].metric(t("evaluate.accuracy"), number(report["class_accuracy"], ".0%"), help=t("evaluate.accuracy_help"))
            charts.show(charts.class_shares_figure([*report["class_shares"], report["unclear_share"]],
                                                   [*(str(i) for i in range(10)), t("evaluate.unclear")],
                                                   t("evaluate.shares_title", n=report["samples"]), classes=10),
                        key="judge_shares")
            st.caption(t("evaluate.unclear_note"))
            st.caption(t("evaluate.measured_on", judge=t("evaluate.judge_name"), n=report["samples"]))
            st.caption(t("evaluate.two_readers"))

st.divider()
learn.topics(("evaluation", "mode_collapse"), here="pages/5_Evaluate.py")
