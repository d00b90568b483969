"""Command line: python -m ganengine <command>. Errors a user can fix print one line and exit 2.

Commands: train (any task: --task gan|classifier|pix2pix|cyclegan|detector|...), submit (the same run through the job
queue, on this machine or a Ray cluster: --backend local|ray), generate, translate, detect, info, data, judge,
evaluate, bench, train-classifier, half. `python -m ganengine train --task TASK --help` lists that task's flags, made from
its config dataclass (the same fields as config.json and the pages' forms).
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .checkpoints import read_card
from .config import DEVICES, RunConfig, choices_of, field_types
from .data import registry
from .devices import resolve_device
from .distributed import init_from_env, shutdown
from .errors import ConfigError, UserError
from .events import Event, JsonlSink, ended, event, read_events
from .imageio import save_png
from .jobs import BACKENDS, Backend, JobManager, Resources, make_backend
from .pipelines import SamplePipeline
from .runs import RunDir
from .sampling import grid, to_uint8
from .settings import REPO, settings
from .tasks import TASKS, ClassifierConfig, config_type, preset
from .train import run_task

#: What a user can fix: refused input, a missing file they named. Anything else is a bug and keeps its traceback.
USER_ERRORS = (UserError, FileNotFoundError)
RESUMABLE = ("steps", "time_budget")


def _parse_value(kind: type, optional: bool):
    def parse(text: str) -> Any:
        if optional and text.lower() == "none":
            return None
        return kind(text)

    parse.__name__ = kind.__name__  # argparse names the type in its error messages
    return parse


def add_config_flags(parser: argparse.ArgumentParser, cls: type[RunConfig]) -> None:
    """One flag per config field (help and choices from the field's metadata); unset flags stay absent."""
    hints, defaults = field_types(cls), cls()
    for f in dataclasses.fields(cls):
        if f.name in cls.internal:
            continue
        flag = f.metadata.get("flag") or "--" + f.name.replace("_", "-")
        hint, default = hints[f.name], getattr(defaults, f.name)
        if hint is bool:
            parser.add_argument(flag, dest=f.name, action="store_const", const=not default, default=argparse.SUPPRESS,
                                help=f.metadata["help"])
            continue
        args = typing.get_args(hint) if isinstance(hint, types.UnionType) else ()
        optional = type(None) in args
        kind = next((a for a in args if a is not type(None)), hint)
        parser.add_argument(flag, dest=f.name, type=_parse_value(kind, optional), choices=choices_of(f),
                            default=argparse.SUPPRESS, help=f"{f.metadata['help']} (default {default})")


def _train_parser(sub: argparse._SubParsersAction, task: str) -> None:
    p = sub.add_parser("train", help="train any task into a run directory (--task; default gan)",
                       description=f"Train a {task} model. `--task NAME --help` shows another task's flags.")
    p.add_argument("--task", choices=TASKS.names(), default="gan", help="what to train (default gan)")
    add_config_flags(p, config_type(task))
    p.add_argument("--out", required=True, help="run directory (created)")
    p.add_argument("--resume", action="store_true", help="continue the run in --out (new --steps / --time-budget)")
    p.add_argument("--export", default=None, help="also copy the final checkpoint to this path")


def config_from_args(a: argparse.Namespace, argv: Sequence[str]) -> RunConfig:
    """The task's preset for the data set, then every flag given; steps give way to a lone --time-budget."""
    cls = config_type(a.task)
    given = {f.name: getattr(a, f.name) for f in dataclasses.fields(cls) if hasattr(a, f.name) and f.name not in cls.internal}
    if "time_budget" in given and "steps" not in given:
        given["steps"] = None
    base = preset(a.task, given.get("data", cls().data))
    return dataclasses.replace(base, **given, command="python -m ganengine " + shlex.join(argv)).validate()


def _print_event(e: Event) -> None:
    kind = e["type"]
    if kind == "metrics":
        values = "  ".join(f"{k} {v:.3g}" for k, v in list(e["values"].items())[:6])
        print(f"step {e['step']:>6}  {values}  {e['items_per_s']:.0f} items/s", flush=True)
    elif kind == "started":
        params = ", ".join(f"{role} {n:,} params" for role, n in e["params"].items())
        print(f"training {e['task']} on {e['device']} ({e.get('data_items', '?')} items; {params})", flush=True)
    elif kind == "checkpoint":
        print(f"checkpoint: {e['path']}", flush=True)


def resumed_config(run: RunDir, a: argparse.Namespace) -> RunConfig:
    """The config of the run being continued, with a new --steps / --time-budget; any other flag is refused."""
    if not run.config_path.exists():
        raise FileNotFoundError(f"{run.root} is not a run directory (no config.json) to resume")
    cfg = run.config()
    changed = {f.name: getattr(a, f.name) for f in dataclasses.fields(cfg)
               if hasattr(a, f.name) and f.name not in cfg.internal}
    refused = sorted(set(changed) - set(RESUMABLE))
    if refused:
        raise ConfigError(f"a resumed run keeps its settings; only --steps and --time-budget may change "
                          f"(got {', '.join('--' + n.replace('_', '-') for n in refused)})")
    return dataclasses.replace(cfg, **changed).validate()


def cmd_train(a: argparse.Namespace, argv: Sequence[str]) -> int:
    run = RunDir(Path(a.out))
    cfg = resumed_config(run, a) if a.resume else config_from_args(a, argv)
    log = JsonlSink(run.events_path)

    def sink(e: Event) -> None:
        log(e)
        _print_event(e)

    result = run_task(cfg, run.root, sink, resume=a.resume)
    ctx = init_from_env(resolve_device(cfg.device).type)
    shutdown(ctx)
    if not ctx.is_main:  # under torchrun only rank 0 reports and exports
        return 0 if result.status == "finished" else 1
    print(f"{result.status} at step {result.step}" + (f": {result.reason}" if result.reason else ""))
    if result.checkpoint:
        print(f"checkpoint: {result.checkpoint}")
        if a.export:
            Path(a.export).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.checkpoint, a.export)
            print(f"exported: {a.export}")
    return 0 if result.status == "finished" else 1


def _submit_parser(sub: argparse._SubParsersAction, task: str) -> None:
    p = sub.add_parser("submit", help="queue a training run on a job backend (this machine or a Ray cluster) and follow it",
                       description=f"Queue a {task} run with the job manager on a backend and print its events until it ends "
                                   f"(Ctrl-C stops it). `--task NAME --help` shows another task's flags.")
    p.add_argument("--task", choices=TASKS.names(), default="gan", help="what to train (default gan)")
    add_config_flags(p, config_type(task))
    p.add_argument("--backend", choices=BACKENDS.names(), default=None,
                   help="where the job runs: local (a process here) or ray (default: GANSTUDIO_BACKEND, else local)")
    p.add_argument("--ray-address", default=None, help="the Ray cluster to join: auto, HOST:6379 or ray://HOST:10001 "
                   "(default: GANSTUDIO_RAY_ADDRESS; none: a private Ray on this machine, 127.0.0.1 only)")
    p.add_argument("--runs", default=None, help="where run directories are made (default runs/submit)")
    p.add_argument("--resume", default=None, metavar="RUN_DIR",
                   help="continue this run on the backend from its resume state (new --steps / --time-budget)")


def _backend_for(a: argparse.Namespace) -> Backend:
    config = settings()
    name = a.backend or config.backend
    if name == "ray":
        from .jobs.backends.ray_backend import RayBackend

        return RayBackend(address=config.ray_address if a.ray_address is None else a.ray_address)
    return make_backend(name)


def _print_end(status: str, step: int, reason: str, checkpoint: str | None) -> int:
    print(f"{status} at step {step}" + (f": {reason}" if reason else ""), flush=True)
    if checkpoint:
        print(f"checkpoint: {checkpoint}", flush=True)
    return 0 if status == "finished" else 1


def cmd_submit(a: argparse.Namespace, argv: Sequence[str]) -> int:
    """Queue a run on the chosen backend and print its events until it ends; --resume continues a run directory."""
    backend = _backend_for(a)
    try:
        if a.resume:
            return _continue_on(backend, RunDir(Path(a.resume)), resumed_config(RunDir(Path(a.resume)), a))
        cfg = config_from_args(a, argv)
        manager = JobManager(Path(a.runs) if a.runs else REPO / "runs" / "submit", backend, max_running=1,
                             threads_per_job=cfg.num_threads or (os.cpu_count() or 1), poll_interval=0.1)
        owner = os.environ.get("GANSTUDIO_OWNER") or f"cli-{getpass.getuser()}-ganstudio"
        try:
            info = manager.submit(cfg, owner)
            print(f"submitted {info.id} to {backend.describe()}\nrun directory: {info.run_dir}", flush=True)
            offset, stopping = 0, False
            while True:
                try:
                    job = manager.get(info.id, owner)
                    events, offset = manager.events(info.id, owner, offset)
                    for e in events:
                        _print_event(e)
                    if not job.active:
                        break
                    time.sleep(0.3)
                except KeyboardInterrupt:
                    if stopping:
                        raise
                    stopping = True
                    print("stopping (Ctrl-C again to leave it)...", flush=True)
                    manager.cancel(info.id, owner)
            latest = RunDir(job.run_dir).latest_checkpoint()
            return _print_end(job.state, RunDir(job.run_dir).last_step(), job.reason, str(latest) if latest else None)
        finally:
            manager.shutdown()
    finally:
        backend.close()


def _continue_on(backend: Backend, run: RunDir, cfg: RunConfig) -> int:
    """Continue `run` from its resume state on `backend` (no queue: this command is the only user), printing its events."""
    if not run.resume_path.exists():
        raise ConfigError(f"{run.root} has no resume state (resume.pt) to continue from")
    run.config_path.write_text(json.dumps(cfg.to_dict(), indent=2, sort_keys=True))
    run.stop_path.unlink(missing_ok=True)
    offset = run.events_path.stat().st_size if run.events_path.exists() else 0
    JsonlSink(run.events_path)(event("queued", run.last_step()))
    handle = backend.start(f"resume-{run.root.name}", run, Resources(cfg.num_threads or 1, int(cfg.device == "cuda")))
    print(f"continuing {run.root} from step {run.last_step()} on {backend.describe()}", flush=True)
    code = None
    while code is None:
        try:
            code = backend.poll(handle)
            events, offset = read_events(run.events_path, offset)
            for e in events:
                _print_event(e)
            time.sleep(0.1 if code is None else 0)
        except KeyboardInterrupt:
            print("stopping...", flush=True)
            backend.cancel(handle)
    last = run.last_ended()
    if last is None:  # the worker went without a word
        latest = run.latest_checkpoint()
        last = ended("failed", run.last_step(), f"the training process ended unexpectedly (exit code {code})",
                     str(latest.relative_to(run.root)) if latest else None)
        JsonlSink(run.events_path)(last)
    checkpoint = run.root / last["checkpoint"] if last.get("checkpoint") else None
    return _print_end(last["status"], int(last["step"]), last.get("reason", ""), str(checkpoint) if checkpoint else None)


def cmd_generate(a: argparse.Namespace) -> int:
    pipeline = SamplePipeline.load(a.checkpoint)
    if pipeline.makes_points:
        raise ConfigError("this checkpoint makes 2-D points, not images")
    if not 1 <= a.n <= 10_000:
        raise ConfigError("--n must be between 1 and 10000")
    if a.class_index is not None and not 0 <= a.class_index < max(pipeline.num_classes, 1):
        raise ConfigError(f"--class must be between 0 and {pipeline.num_classes - 1}" if pipeline.num_classes
                          else "this generator is not conditional: it takes no --class")
    if a.truncation is not None and a.truncation <= 0:
        raise ConfigError("--truncation must be positive")
    images = pipeline(a.n, a.seed, a.class_index, a.truncation)
    meta = {"model": Path(a.checkpoint).name, "seed": str(a.seed), "truncation": str(a.truncation)}
    out = Path(a.out)
    if out.suffix.lower() == ".png":
        save_png(grid(images, a.nrow), out, meta)
        print(f"wrote a grid of {a.n} samples to {out}")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for i, img in enumerate(to_uint8(images)):
            save_png(img[..., 0] if img.shape[-1] == 1 else img, out / f"sample_{i:05d}.png", {**meta, "index": str(i)})
        print(f"wrote {a.n} PNGs to {out}")
    return 0


def cmd_translate(a: argparse.Namespace) -> int:
    """Translate one image with a Pix2Pix or CycleGAN checkpoint; the PNG carries its provenance."""
    import numpy as np

    from .imageio import open_image
    from .pipelines import TranslatePipeline

    pipeline = TranslatePipeline.load(a.checkpoint, direction=a.direction)
    image = np.asarray(open_image(a.image, mode="RGB"))
    result = pipeline.translate(image)
    meta = {"model": Path(a.checkpoint).name, "task": pipeline.card.task, "direction": a.direction,
            "source": Path(a.image).name, "note": result.note}
    save_png(result.output, a.out, meta)
    print(f"wrote {a.out} ({result.note})")
    if a.cycle:
        if result.cycle is None:
            raise ConfigError("only a CycleGAN has a way back: --cycle needs a cyclegan checkpoint")
        save_png(result.cycle, a.cycle, {**meta, "what": "the translation translated back"})
        print(f"wrote {a.cycle} (the way back)")
    return 0


def cmd_detect(a: argparse.Namespace) -> int:
    """Probability that each image is generated, with the provenance and EXIF it carries; a refused image writes nothing."""
    from .pipelines import DetectPipeline
    from .pipelines.detect import METADATA_NOTE

    if a.threshold is not None and not 0 < a.threshold < 1:
        raise ConfigError("--threshold must be between 0 and 1")
    pipeline = DetectPipeline.load(a.checkpoint)
    found = [pipeline.detect(image, threshold=a.threshold) for image in a.images]  # all read before anything is written
    for d in found:
        claims = ", ".join(f"{k}={v}" for k, v in d.provenance.items()) or "none"
        print(f"{d.name}: {100 * d.probability:.1f}% generated -> {d.verdict} (threshold {100 * d.threshold:g}%); "
              f"provenance: {claims}" + (f"; EXIF: {len(d.exif)} fields" if d.exif else ""))
    print(pipeline.domain_note())
    print(METADATA_NOTE)
    if a.json:
        out = Path(a.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps({"detector": pipeline.name, "threshold": found[0].threshold, "note": METADATA_NOTE,
                                   "caveat": pipeline.domain_note(), "images": [d.to_dict() for d in found]}, indent=2))
        tmp.replace(out)
        print(f"wrote {a.json}")
    return 0


def cmd_upscale(a: argparse.Namespace) -> int:
    """Enlarge one image x2 or x4 with a superres checkpoint (tiled); the PNG carries its provenance."""
    import numpy as np

    from .imageio import MAX_PIXELS, open_image
    from .pipelines import UpscalePipeline

    if a.scale is not None and a.scale not in (2, 4):
        raise ConfigError(f"--scale must be 2 or 4 (got {a.scale})")
    pipeline = UpscalePipeline.load(a.checkpoint, resolve_device(a.device))
    if a.scale is not None and a.scale != pipeline.scale:
        raise ConfigError(f"{Path(a.checkpoint).name} enlarges x{pipeline.scale}, not x{a.scale}: use a x{a.scale} model "
                          f"or leave out --scale")
    image = np.asarray(open_image(a.image, mode="RGB"))
    if a.max_pixels is not None and a.max_pixels < 1:
        raise ConfigError(f"--max-pixels must be positive (got {a.max_pixels})")
    result = pipeline.upscale(image, tile=a.tile, max_pixels=a.max_pixels or MAX_PIXELS)
    meta = {"model": Path(a.checkpoint).name, "task": "superres", "scale": str(pipeline.scale),
            "source": Path(a.image).name, "note": result.note}
    save_png(result.output, a.out, meta)
    h, w = result.output.shape[:2]
    print(f"wrote {a.out} ({w}x{h}; {result.note}; {result.seconds:.1f} s)")
    if a.bicubic:
        save_png(result.bicubic, a.bicubic, {**meta, "what": "bicubic enlargement of the same image (to compare)"})
        print(f"wrote {a.bicubic} (bicubic, to compare)")
    return 0


def cmd_half(a: argparse.Namespace) -> int:
    from .precision import to_half

    report = to_half(a.checkpoint, a.out, a.max_diff)
    print(json.dumps(report, indent=2))
    if not report["kept"]:
        raise ConfigError(f"half precision changes the outputs by up to {report['max_abs_diff']} (over {a.max_diff}): "
                          f"nothing written")
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    """Export one network to ONNX or a plain safetensors file, checked against the original (ONNX Runtime)."""
    from .export import export_checkpoint

    report = export_checkpoint(a.checkpoint, a.format, a.out, a.role)
    print(f"wrote {report.path} ({report.format}, {report.task} {report.role}): largest difference from the original "
          f"{report.max_abs_diff:.3g} on {report.checked_on}"
          + (f"; exported in eval mode ({', '.join(report.train_only_layers)})" if report.train_only_layers else ""))
    return 0


def cmd_info(a: argparse.Namespace) -> int:
    print(json.dumps(json.loads(read_card(a.checkpoint).to_json()), indent=2))
    return 0


def cmd_data(a: argparse.Namespace) -> int:
    for name, entry in sorted(registry().items()):
        print(f"{name:15} {entry.kind:7} {entry.description}")
    return 0


def cmd_judge(a: argparse.Namespace) -> int:
    from .judge import judge_checkpoint

    if read_card(a.checkpoint).task in ("pix2pix", "cyclegan"):
        from .metrics.translation import judge_translation

        print(json.dumps(judge_translation(a.checkpoint, a.classifier, a.write_card), indent=2))
        return 0
    report = judge_checkpoint(a.checkpoint, n=a.n, seed=a.seed, write_card=a.write_card, classifier=a.classifier)
    print(json.dumps(report, indent=2))
    return 0


def cmd_train_classifier(a: argparse.Namespace, argv: Sequence[str]) -> int:
    """The classifier task in a temporary run directory, its final checkpoint written to --out."""
    cfg = ClassifierConfig(data=a.data, image_size=a.image_size, steps=a.steps, width=a.width, seed=a.seed,
                           device=a.device, num_threads=a.threads, command="python -m ganengine " + shlex.join(argv))
    with tempfile.TemporaryDirectory() as tmp:
        result = run_task(cfg.validate(), tmp)
        if result.status != "finished" or result.checkpoint is None:
            raise ConfigError(f"the classifier did not finish: {result.reason}")
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(result.checkpoint, a.out)
    print(json.dumps(read_card(a.out).metrics, indent=2))
    return 0


def cmd_evaluate(a: argparse.Namespace) -> int:
    from .metrics import evaluate_seeds

    metrics = tuple(m.strip() for m in a.metrics.split(",") if m.strip())
    results, measured = [], []
    for ckpt in a.checkpoints:
        pipeline = SamplePipeline.load(ckpt, resolve_device(a.device))
        result = evaluate_seeds(pipeline, data=a.data, n=a.n, metrics=metrics, extractor=a.extractor, seeds=a.seeds,
                                first_seed=a.seed)
        results.append(result)
        measured.append((pipeline, result))
        figures = "  ".join(f"{k} {result[k]:.4g}" + (f" [{lo:.4g}, {hi:.4g}]" if a.seeds > 1 else "")
                            for k, (lo, hi) in result["range"].items())
        print(f"{result['checkpoint']}: {figures}  ({result['samples']} samples vs {result['real_samples']} real, "
              f"{a.seeds} seed(s), {result['extractor']}, {result['seconds']:.1f} s)", flush=True)
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps({"results": results}, indent=2))
        print(f"wrote {a.json}")
    if a.report:
        write_report(a.report, a.checkpoints, measured)
        print(f"wrote {a.report}")
    return 0


def write_report(path: str, checkpoints: list[str], measured: list[tuple[SamplePipeline, dict]]) -> None:
    """The English HTML report of `evaluate`: one table and its charts per feature extractor, samples, model cards."""
    from .metrics import summary_table
    from .report import FID_NOTE_EN, ReportGroup, ReportModel, card_text, english_caption, evaluation_report, sample_grid_png

    groups = []
    for extractor in sorted({r["extractor"] for _, r in measured}):
        rows = [(Path(c).name, r) for c, (_, r) in zip(checkpoints, measured, strict=True) if r["extractor"] == extractor]
        first = rows[0][1]
        notes = (FID_NOTE_EN,) if first["extractor_info"].get("kind") == "domain" and "fid" in first else ()
        groups.append(ReportGroup(summary_table(rows), [Path(label).stem for label, _ in rows], english_caption(first),
                                  notes, first["samples"]))
    models = [ReportModel(Path(c).name, card_text(p.card), sample_grid_png(p)) for c, (p, _) in zip(checkpoints, measured, strict=True)]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(evaluation_report(groups, models), encoding="utf-8")


def cmd_bench(a: argparse.Namespace) -> int:
    from .bench import bench_train

    r = bench_train(image_size=a.image_size, channels=a.channels, batch_size=a.batch_size, steps=a.steps,
                    warmup=a.warmup, width=a.width, device=a.device, rounds=a.rounds)
    print(f"{r['model']}, batch {r['batch_size']}, {r['device']}; {r['flops_per_step'] / 1e9:.2f} GFLOP of useful work per "
          f"training step (counted on the textbook step; shares below are useful FLOP/s over the matmul peak measured "
          f"in the same round). Allocator: {r['allocator']}. Medians of {r['rounds']} interleaved rounds, range in "
          f"brackets:")
    for name in ("textbook", "textbook_preloaded", "ganengine"):
        x = r[name]
        low, high = x["range"]
        print(f"{x['name']:28} {x['steps_per_s']:7.2f} steps/s [{low:.2f}-{high:.2f}] {x['images_per_s']:7.0f} images/s  "
              f"{x['precision']:8} {100 * x['peak_share']:5.1f}% of measured matmul peak")
    for key, peak in r["matmul_peak_flops"].items():
        low, high = r["matmul_peak_range"][key]
        print(f"matmul peak {key:8} {peak / 1e9:7.0f} GFLOP/s [{low / 1e9:.0f}-{high / 1e9:.0f}]")
    print(f"ratio (ganengine / textbook with DataLoader): {r['ratio']:.2f}x")
    print(f"ratio (ganengine / textbook with preloaded tensor): {r['ratio_preloaded']:.2f}x")
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps(r, indent=2))
        print(f"wrote {a.json}")
    return 0


def build_parser(task: str = "gan") -> argparse.ArgumentParser:
    """The whole CLI; the train command's flags are those of `task`'s config."""
    parser = argparse.ArgumentParser(prog="python -m ganengine", description="GAN Studio engine")
    sub = parser.add_subparsers(dest="cmd", required=True)
    _train_parser(sub, task)
    _submit_parser(sub, task)
    g = sub.add_parser("generate", help="sample images from a checkpoint")
    g.add_argument("checkpoint")
    g.add_argument("--n", type=int, default=64)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--class", dest="class_index", type=int, default=None, help="class index for conditional models")
    g.add_argument("--truncation", type=float, default=None)
    g.add_argument("--nrow", type=int, default=None)
    g.add_argument("--out", required=True, help="a .png path for a grid, or a folder for one PNG per sample")
    tr = sub.add_parser("translate", help="translate an image with a Pix2Pix or CycleGAN checkpoint")
    tr.add_argument("checkpoint")
    tr.add_argument("image", help="a PNG or JPEG")
    tr.add_argument("--out", required=True, help="the translated PNG")
    tr.add_argument("--direction", choices=("AtoB", "BtoA"), default="AtoB", help="CycleGAN: which way (Pix2Pix: AtoB)")
    tr.add_argument("--cycle", default=None, help="CycleGAN: also write the translation translated back here")
    up = sub.add_parser("upscale", help="enlarge an image x2 or x4 with a super-resolution checkpoint (tiled)")
    up.add_argument("checkpoint", help="a superres checkpoint (train --task superres)")
    up.add_argument("image", help="a PNG, JPEG, WebP, BMP or GIF")
    up.add_argument("--out", required=True, help="the enlarged PNG")
    up.add_argument("--scale", type=int, default=None, help="2 or 4: checked against the model's factor")
    up.add_argument("--tile", type=int, default=None, help="input tile side in pixels (default: from the free memory)")
    up.add_argument("--bicubic", default=None, help="also write bicubic's enlargement here (to compare)")
    up.add_argument("--max-pixels", type=int, default=None, help="largest output in pixels (default 16,000,000; the "
                    "output and bicubic's take about 6 bytes a pixel, the tiles stay small)")
    up.add_argument("--device", choices=DEVICES, default="auto")
    dt = sub.add_parser("detect", help="probability that images are generated (a detector checkpoint), and the provenance "
                                       "and EXIF they carry")
    dt.add_argument("checkpoint", help="a detector checkpoint (train --task detector)")
    dt.add_argument("images", nargs="+", help="PNG, JPEG, WebP, BMP or GIF files (one still frame each)")
    dt.add_argument("--json", default=None, help="also write the results here")
    dt.add_argument("--threshold", type=float, default=None, help="probability above which to say generated (default: "
                                                                  "the card's, 0.5)")
    h = sub.add_parser("half", help="store a checkpoint's weights in half precision if its outputs still match")
    h.add_argument("checkpoint")
    h.add_argument("--out", required=True)
    h.add_argument("--max-diff", type=float, default=0.05, help="largest output change allowed (outputs span [-1, 1])")
    ex = sub.add_parser("export", help="export a generator, translation or super-resolution model to ONNX or a plain "
                                       "safetensors file, checked against the original")
    ex.add_argument("checkpoint")
    ex.add_argument("--format", choices=("onnx", "safetensors"), default="onnx")
    ex.add_argument("--out", required=True, help="the exported file (.onnx or .safetensors)")
    ex.add_argument("--role", default=None, help="which network (default: the generator; CycleGAN: G_AB, or G_BA)")
    i = sub.add_parser("info", help="print a checkpoint's model card")
    i.add_argument("checkpoint")
    sub.add_parser("data", help="list the data sets that need no network")
    j = sub.add_parser("judge", help="score a model on what it never saw: generators (digits SVM or a domain classifier), "
                                     "translation models (held-out L1/PSNR, cycle error, a style classifier)")
    j.add_argument("checkpoint")
    j.add_argument("--n", type=int, default=1000)
    j.add_argument("--seed", type=int, default=0)
    j.add_argument("--write-card", action="store_true", help="store the figures in the checkpoint's card")
    j.add_argument("--classifier", default=None, help="a domain classifier checkpoint (kind features) for non-digits data")
    e = sub.add_parser("evaluate", help="FID, KID, IS, precision/recall of generators (torch-fidelity)")
    e.add_argument("checkpoints", nargs="+")
    e.add_argument("--data", default=None, help="real data to compare with (default: each model's training set)")
    e.add_argument("--n", type=int, default=1000, help="generated samples (and real images) per checkpoint")
    e.add_argument("--metrics", default="fid,kid,prc", help="comma-separated: fid,kid,isc,prc")
    e.add_argument("--extractor", choices=("auto", "inception", "domain"), default="auto",
                   help="auto = Inception when its weights are on disk, else the data set's own classifier")
    e.add_argument("--seed", type=int, default=0, help="the first seed")
    e.add_argument("--seeds", type=int, default=1, help="measure at SEEDS seeds from --seed on: mean and min-max (at most 5)")
    e.add_argument("--device", choices=DEVICES, default="auto")
    e.add_argument("--json", default=None, help="write the results here")
    e.add_argument("--report", default=None, help="write a self-contained HTML report here (tables, charts, samples, cards)")
    b = sub.add_parser("bench", help="benchmarks: `bench train` times training against the textbook loop")
    b.add_argument("what", choices=("train",))
    b.add_argument("--model", choices=("dcgan",), default="dcgan")
    b.add_argument("--image-size", type=int, default=32)
    b.add_argument("--channels", type=int, choices=(1, 3), default=1)
    b.add_argument("--batch-size", type=int, default=64)
    b.add_argument("--width", type=int, default=64)
    b.add_argument("--steps", type=int, default=60, help="timed steps (after --warmup)")
    b.add_argument("--warmup", type=int, default=10)
    b.add_argument("--rounds", type=int, default=3, help="interleaved rounds; figures are medians over rounds")
    b.add_argument("--device", choices=DEVICES, default="auto")
    b.add_argument("--json", default=None)
    c = sub.add_parser("train-classifier", help="train the small domain classifier of a labelled data set")
    c.add_argument("--data", required=True)
    c.add_argument("--out", required=True, help="the .safetensors checkpoint to write")
    c.add_argument("--image-size", type=int, default=32)
    c.add_argument("--steps", type=int, default=1500)
    c.add_argument("--width", type=int, default=16)
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--device", choices=DEVICES, default="auto")
    c.add_argument("--threads", type=int, default=0)
    return parser


def _task_in(argv: Sequence[str]) -> str:
    """The --task a train command names (flags depend on it), or gan."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--task", default="gan")
    task = pre.parse_known_args(argv)[0].task
    return task if task in TASKS else "gan"  # the full parser then says what the choices are


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(_task_in(argv[1:]) if argv[:1] in (["train"], ["submit"]) else "gan").parse_args(argv)
    try:
        if args.cmd == "train":
            return cmd_train(args, argv)
        if args.cmd == "submit":
            return cmd_submit(args, argv)
        if args.cmd == "train-classifier":
            return cmd_train_classifier(args, argv)
        commands = {"generate": cmd_generate, "translate": cmd_translate, "half": cmd_half, "info": cmd_info, "data": cmd_data,
                    "export": cmd_export, "judge": cmd_judge, "evaluate": cmd_evaluate, "detect": cmd_detect,
                    "upscale": cmd_upscale, "bench": cmd_bench}
        return commands[args.cmd](args)
    except USER_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
