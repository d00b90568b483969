"""Benchmark: what each part of the CPU training fast path is worth, by taking one part out at a time.

Run by hand:  python bench/bench_train_parts.py [--rounds 3] [--steps 40] [--width 64] [--allocator]
The engine's GAN step (canonical 32x32x1 DCGAN, batch 64, bf16 autocast, channels-last, in-process `Trainer`)
with all parts, without each part, and without any (the step as it was before issue 16). Variants run in
interleaved rounds (a shared machine's speed drifts); each figure is the median over rounds. `--allocator` measures
instead what keeping freed memory (`ganengine.devices.keep_freed_memory`) is worth, in pairs of fresh processes.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganengine import devices
from ganengine.losses import gradient_penalty
from ganengine.models import cpu_conv
from ganengine.tasks import GanConfig
from ganengine.tasks.base import TrainEnv
from ganengine.tasks.gan import GanTask
from ganengine.train import Trainer


def _two_forward_step(self, step, progress, measure):
    """The GAN step before issue 16 (defaults: no instance noise): G runs without gradients for D's phase and again for
    its own."""
    cfg, env, loss, G, D = self.cfg, self.env, self.loss, self.G, self.D
    D.requires_grad_(True)
    for _ in range(cfg.d_steps):
        real, y_real = self.data.sample(cfg.batch_size, self.batch_gen)
        z = torch.randn(cfg.batch_size, self.spec.nz, device=env.device)
        y_fake = self._labels(z)
        with torch.no_grad(), env.autocast():
            fake = G(z, y_fake)
        fake = fake.float()
        with env.autocast():
            r_logits, f_logits = self.D_train(real, y_real).float(), D(fake, y_fake).float()
            loss_d = loss.d_loss(r_logits, f_logits, 1.0 - cfg.label_smoothing)
        if loss.gradient_penalty:
            loss_d = loss_d + cfg.gp_weight * gradient_penalty(lambda x, y=y_real: D(x, y), real, fake)
        env.check_finite(loss_d, "discriminator")
        env.optimiser_step(self.opt_d, loss_d, D, measure)
    D.requires_grad_(False)
    for _ in range(cfg.g_steps):
        z = torch.randn(cfg.batch_size, self.spec.nz, device=env.device)
        y_fake = self._labels(z)
        with env.autocast():
            loss_g = loss.g_loss(D(self.G_train(z, y_fake).float(), y_fake).float())
        env.check_finite(loss_g, "generator")
        env.optimiser_step(self.opt_g, loss_g, G, measure)
    return {"loss_d": loss_d.detach(), "loss_g": loss_g.detach()} if measure else {}


def _unfused_adam(self, params, lr, betas=(0.9, 0.999)):
    return torch.optim.Adam(params, lr=lr, betas=betas)


PARTS = {
    "matmul forward and input gradient": [(cpu_conv, "MIN_MATMUL_OUT_CHANNELS", 10**9)],
    "single G forward": [(GanTask, "train_step", _two_forward_step)],
    "fused Adam": [(TrainEnv, "adam", _unfused_adam)],
    "all matmul convolution passes": [(cpu_conv, "_bf16_on_cpu", lambda x: False)],
    "1x1 and head matmuls": [(cpu_conv.Conv2d, "forward", nn.Conv2d.forward),
                             (cpu_conv.ConvTranspose2d, "forward", nn.ConvTranspose2d.forward)],
}


@contextlib.contextmanager
def without(parts: list[str]) -> Iterator[None]:
    saved = [(owner, name, getattr(owner, name)) for part in parts for owner, name, _ in PARTS[part]]
    try:
        for part in parts:
            for owner, name, replacement in PARTS[part]:
                setattr(owner, name, replacement)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def rate(cfg: GanConfig, steps: int, warmup: int) -> tuple[float, float]:
    """Steps/s and page faults per step (on a GPU, timed to the end of its queued work)."""
    trainer = Trainer(cfg)
    trainer.step_n(warmup)
    sync = torch.cuda.synchronize if trainer.env.device.type == "cuda" else lambda: None
    sync()
    faults, t0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt, time.perf_counter()
    for i in range(steps):
        trainer.train_step(measure=(i + 1) % 10 == 0)  # the loop's default cadence: log every 10 steps
    sync()
    elapsed = time.perf_counter() - t0
    return steps / elapsed, (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults) / steps


def allocator_pairs(a: argparse.Namespace) -> None:
    """Kept freed memory against glibc's default, each run a fresh process (glibc's dynamic thresholds, once
    changed, cannot be restored in-process), in alternating pairs."""
    results: dict[str, list[tuple[float, float]]] = {"default": [], "kept": []}
    for _ in range(a.rounds):
        for mode in results:
            out = subprocess.run([sys.executable, __file__, "--one-run", mode, "--width", str(a.width), "--steps",
                                  str(a.steps), "--warmup", str(a.warmup)], capture_output=True, text=True, check=True)
            rate_, faults = map(float, out.stdout.split())
            results[mode].append((rate_, faults))
    print(f"# DCGAN 32x32x1 width {a.width}, batch 64; {a.rounds} alternating pairs of fresh processes, medians")
    for mode, runs in results.items():
        print(f"{mode:8} {statistics.median(r for r, _ in runs):7.2f} steps/s  "
              f"{statistics.median(f for _, f in runs):7.0f} page faults a step")
    gain = statistics.median(k / d for (k, _), (d, _) in zip(results["kept"], results["default"], strict=True))
    print(f"kept / default: {gain:.2f}x (median of paired ratios)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--allocator", action="store_true", help="kept freed memory against glibc's default instead")
    parser.add_argument("--one-run", choices=["default", "kept"], help=argparse.SUPPRESS)
    a = parser.parse_args()
    cfg = GanConfig(model="dcgan", data="digits", batch_size=64, width=a.width, quality_probe=False).validate()
    if a.allocator:
        return allocator_pairs(a)
    if a.one_run:
        if a.one_run == "kept":
            devices.keep_freed_memory()
        torch.manual_seed(0)
        print(*rate(cfg, a.steps, a.warmup))
        return None
    devices.keep_freed_memory()  # as run_task does, for every variant (`--allocator` measures what it is worth)
    variants = {"all parts": [], **{f"without {p}": [p] for p in PARTS}, "none (before issue 16)": list(PARTS)}
    rates: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(a.rounds):
        for name, parts in variants.items():
            with without(parts):
                torch.manual_seed(0)
                rates[name].append(rate(cfg, a.steps, a.warmup)[0])
    full = rates["all parts"]
    print(f"# DCGAN 32x32x1 width {a.width}, batch 64, {torch.get_num_threads()} threads; medians of {a.rounds} rounds")
    print(f"{'variant':44} {'steps/s':>8}  {'all parts / this':>16}")
    for name, r in rates.items():
        gain = statistics.median(f / x for f, x in zip(full, r, strict=True))
        print(f"{name:44} {statistics.median(r):8.2f}  {gain:15.2f}x")


if __name__ == "__main__":
    main()
