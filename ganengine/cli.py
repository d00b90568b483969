"""Command line: python -m ganengine train|generate|info|judge|data. Errors print one line and exit 2."""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .checkpoints import CheckpointError, load_generator, read_card
from .config import DEVICES, LOSSES, MODELS, ConfigError, TrainConfig
from .data import DataError, registry
from .devices import resolve_device
from .distributed import init_from_env, shutdown
from .imageio import ImageInputError, save_png
from .runs import RunDir
from .sampling import grid, sample, to_uint8
from .train import JsonlSink, train_gan

USER_ERRORS = (ConfigError, DataError, CheckpointError, ImageInputError, FileNotFoundError, ValueError, RuntimeError)


def _train_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train a GAN into a run directory")
    d = TrainConfig()
    p.add_argument("--model", choices=MODELS, default=d.model)
    p.add_argument("--data", default=d.data, help="a data set name (see `data`) or a folder / .zip of images")
    p.add_argument("--loss", choices=LOSSES, default=d.loss)
    p.add_argument("--steps", type=int, default=None, help=f"training steps (default {d.steps} unless --time-budget)")
    p.add_argument("--time-budget", type=float, default=None, metavar="SECONDS", help="stop after this wall-clock time")
    p.add_argument("--batch-size", type=int, default=d.batch_size)
    p.add_argument("--image-size", type=int, default=d.image_size)
    p.add_argument("--channels", type=int, default=None, choices=(1, 3))
    p.add_argument("--nz", type=int, default=d.nz, help="latent size")
    p.add_argument("--width", type=int, default=d.width, help="base number of feature maps (64 = canonical DCGAN)")
    p.add_argument("--lr-g", type=float, default=d.lr_g)
    p.add_argument("--lr-d", type=float, default=d.lr_d)
    p.add_argument("--beta1", type=float, default=d.beta1)
    p.add_argument("--beta2", type=float, default=d.beta2)
    p.add_argument("--d-steps", type=int, default=d.d_steps, help="discriminator steps per iteration")
    p.add_argument("--g-steps", type=int, default=d.g_steps, help="generator steps per iteration")
    p.add_argument("--spectral-norm", action="store_true", help="spectral normalisation in D")
    p.add_argument("--label-smoothing", type=float, default=d.label_smoothing, help="one-sided: real target 1 - s")
    p.add_argument("--instance-noise", type=float, default=d.instance_noise, help="initial std, annealed to 0")
    p.add_argument("--gp-weight", type=float, default=d.gp_weight)
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--device", choices=DEVICES, default=d.device)
    p.add_argument("--no-amp", action="store_true", help="full fp32 (no bf16/fp16 autocast on GPUs or bf16-capable CPUs)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (0 = all)")
    p.add_argument("--max-items", type=int, default=None, help="use a random subset of the data")
    p.add_argument("--log-every", type=int, default=d.log_every)
    p.add_argument("--sample-every", type=int, default=d.sample_every)
    p.add_argument("--checkpoint-every", type=int, default=d.checkpoint_every)
    p.add_argument("--out", required=True, help="run directory (created)")
    p.add_argument("--resume", action="store_true", help="continue the run in --out from its resume state")
    p.add_argument("--export", default=None, help="also copy the final checkpoint to this path")


def _config_from_args(a: argparse.Namespace, argv: Sequence[str]) -> TrainConfig:
    steps = a.steps if a.steps is not None else (None if a.time_budget else TrainConfig().steps)
    return TrainConfig(
        model=a.model, data=a.data, loss=a.loss, steps=steps, time_budget=a.time_budget, batch_size=a.batch_size,
        image_size=a.image_size, channels=a.channels, nz=a.nz, width=a.width, lr_g=a.lr_g, lr_d=a.lr_d,
        beta1=a.beta1, beta2=a.beta2, d_steps=a.d_steps, g_steps=a.g_steps, spectral_norm=a.spectral_norm,
        label_smoothing=a.label_smoothing, instance_noise=a.instance_noise, gp_weight=a.gp_weight, seed=a.seed,
        device=a.device, amp=not a.no_amp, num_threads=a.threads, max_items=a.max_items, log_every=a.log_every,
        sample_every=a.sample_every, checkpoint_every=a.checkpoint_every,
        command="python -m ganengine " + shlex.join(argv),
    ).validate()


def _print_event(event: dict) -> None:
    kind = event["type"]
    if kind == "metrics":
        print(f"step {event['step']:>6}  loss D {event['loss_d']:.3f}  G {event['loss_g']:.3f}  "
              f"D(x) {event['d_real']:.2f}  D(G(z)) {event['d_fake']:.2f}  {event['images_per_s']:.0f} img/s", flush=True)
    elif kind == "started":
        print(f"training on {event['device']} ({event['data_items']} items, G {event['params_g']:,} params, "
              f"D {event['params_d']:,} params)", flush=True)
    elif kind == "checkpoint":
        print(f"checkpoint: {event['path']}", flush=True)


def cmd_train(a: argparse.Namespace, argv: Sequence[str]) -> int:
    run = RunDir(Path(a.out))
    if a.resume:
        if not run.config_path.exists():
            raise FileNotFoundError(f"{a.out} is not a run directory (no config.json) to resume")
        cfg = run.config()
        if a.steps is not None:
            cfg = TrainConfig.from_dict({**cfg.to_dict(), "steps": a.steps}).validate()
    else:
        cfg = _config_from_args(a, argv)
    log = JsonlSink(run.events_path)

    def sink(event: dict) -> None:
        log(event)
        _print_event(event)

    result = train_gan(cfg, run.root, sink, resume=a.resume)
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


def cmd_generate(a: argparse.Namespace) -> int:
    model, card = load_generator(a.checkpoint)
    if card.spec.makes_points:
        raise ValueError("this checkpoint makes 2-D points, not images")
    if not 1 <= a.n <= 10_000:
        raise ValueError("--n must be between 1 and 10000")
    images = sample(model, a.n, a.seed, a.class_index, a.truncation)
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


def cmd_info(a: argparse.Namespace) -> int:
    print(json.dumps(json.loads(read_card(a.checkpoint).to_json()), indent=2))
    return 0


def cmd_data(a: argparse.Namespace) -> int:
    for name, entry in sorted(registry().items()):
        print(f"{name:15} {entry.kind:7} {entry.description}")
    return 0


def cmd_judge(a: argparse.Namespace) -> int:
    from .judge import judge_checkpoint

    report = judge_checkpoint(a.checkpoint, n=a.n, seed=a.seed, write_card=a.write_card, classifier=a.classifier)
    print(json.dumps(report, indent=2))
    return 0


def cmd_train_classifier(a: argparse.Namespace, argv: Sequence[str]) -> int:
    from .train.classifier import train_classifier

    card = train_classifier(a.data, a.out, image_size=a.image_size, steps=a.steps, width=a.width, seed=a.seed,
                            device=a.device, threads=a.threads, command="python -m ganengine " + shlex.join(argv))
    print(json.dumps(card.metrics, indent=2))
    return 0


def cmd_evaluate(a: argparse.Namespace) -> int:
    from .metrics import evaluate_generator

    metrics = tuple(m.strip() for m in a.metrics.split(",") if m.strip())
    results = []
    for ckpt in a.checkpoints:
        result = evaluate_generator(ckpt, data=a.data, n=a.n, metrics=metrics, extractor=a.extractor, seed=a.seed,
                                    device=str(resolve_device(a.device)))
        results.append(result.to_dict())
        figures = "  ".join(f"{k} {v:.4g}" for k, v in result.metrics.items())
        print(f"{result.checkpoint}: {figures}  ({result.samples} samples vs {result.real_samples} real, "
              f"{result.extractor}, {result.seconds:.1f} s)", flush=True)
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps({"results": results}, indent=2))
        print(f"wrote {a.json}")
    return 0


def cmd_bench(a: argparse.Namespace) -> int:
    from .bench import bench_train

    r = bench_train(image_size=a.image_size, channels=a.channels, batch_size=a.batch_size, steps=a.steps,
                    warmup=a.warmup, width=a.width, device=a.device)
    print(f"{r['model']}, batch {r['batch_size']}, {r['device']}; {r['flops_per_step'] / 1e9:.2f} GFLOP of useful work per "
          f"training step (counted on the textbook step; shares below are useful FLOP/s over measured matmul peak)")
    for name in ("textbook", "ganengine"):
        x = r[name]
        print(f"{name:10} {x['steps_per_s']:8.2f} steps/s {x['images_per_s']:9.0f} images/s  {x['precision']:8} "
              f"{100 * x['peak_share']:5.1f}% of measured matmul peak")
    print(f"ratio (ganengine / textbook): {r['ratio']:.2f}x")
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps(r, indent=2))
        print(f"wrote {a.json}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ganengine", description="GAN Studio engine")
    sub = parser.add_subparsers(dest="command", required=True)
    _train_parser(sub)
    g = sub.add_parser("generate", help="sample images from a checkpoint")
    g.add_argument("checkpoint")
    g.add_argument("--n", type=int, default=64)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--class", dest="class_index", type=int, default=None, help="class index for conditional models")
    g.add_argument("--truncation", type=float, default=None)
    g.add_argument("--nrow", type=int, default=None)
    g.add_argument("--out", required=True, help="a .png path for a grid, or a folder for one PNG per sample")
    i = sub.add_parser("info", help="print a checkpoint's model card")
    i.add_argument("checkpoint")
    sub.add_parser("data", help="list the data sets that need no network")
    j = sub.add_parser("judge", help="score a generator: digits by an independent SVM, others by a domain classifier")
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
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--device", choices=DEVICES, default="auto")
    e.add_argument("--json", default=None, help="write the results here")
    b = sub.add_parser("bench", help="benchmarks: `bench train` times training against the textbook loop")
    b.add_argument("what", choices=("train",))
    b.add_argument("--model", choices=("dcgan",), default="dcgan")
    b.add_argument("--image-size", type=int, default=32)
    b.add_argument("--channels", type=int, choices=(1, 3), default=1)
    b.add_argument("--batch-size", type=int, default=64)
    b.add_argument("--width", type=int, default=64)
    b.add_argument("--steps", type=int, default=60, help="timed steps (after --warmup)")
    b.add_argument("--warmup", type=int, default=10)
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    try:
        if args.command == "train":
            return cmd_train(args, argv)
        if args.command == "train-classifier":
            return cmd_train_classifier(args, argv)
        commands = {"generate": cmd_generate, "info": cmd_info, "data": cmd_data, "judge": cmd_judge, "evaluate": cmd_evaluate,
                    "bench": cmd_bench}
        return commands[args.command](args)
    except USER_ERRORS as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
