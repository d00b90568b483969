"""Benchmark: what each part of the CPU training fast path is worth, by taking one part out at a time.

Run by hand:  python bench/bench_train_parts.py [--rounds 3] [--steps 40] [--width 64]
The engine's GAN step (canonical 32x32x1 DCGAN, batch 64, bf16 autocast, channels-last, in-process `Trainer`)
with all parts, without each part, and without any (the step as it was before issue 16). Variants run in
interleaved rounds (a shared machine's speed drifts); each figure is the median over rounds.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import statistics
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


def _glibc_initial_thresholds() -> bool:
    """glibc's initial mmap and trim thresholds (128 KB), fixed: its dynamic raising of them cannot be turned back on."""
    libc = ctypes.CDLL("libc.so.6")
    return bool(libc.mallopt(-3, 128 << 10) and libc.mallopt(-1, 128 << 10))


PARTS = {
    "kept freed memory": [(devices, "keep_freed_memory", _glibc_initial_thresholds)],
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


def rate(cfg: GanConfig, steps: int, warmup: int) -> float:
    devices.keep_freed_memory()  # as run_task does (the variant without it sets glibc's initial thresholds instead)
    trainer = Trainer(cfg)
    trainer.step_n(warmup)
    t0 = time.perf_counter()
    for i in range(steps):
        trainer.train_step(measure=(i + 1) % 10 == 0)  # the loop's default cadence: log every 10 steps
    return steps / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--width", type=int, default=64)
    a = parser.parse_args()
    cfg = GanConfig(model="dcgan", data="digits", batch_size=64, width=a.width, quality_probe=False).validate()
    variants = {"all parts": [], **{f"without {p}": [p] for p in PARTS}, "none (before issue 16)": list(PARTS)}
    rates: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(a.rounds):
        for name, parts in variants.items():
            with without(parts):
                torch.manual_seed(0)
                rates[name].append(rate(cfg, a.steps, a.warmup))
    full = rates["all parts"]
    print(f"# DCGAN 32x32x1 width {a.width}, batch 64, {torch.get_num_threads()} threads; medians of {a.rounds} rounds")
    print(f"{'variant':44} {'steps/s':>8}  {'all parts / this':>16}")
    for name, r in rates.items():
        gain = statistics.median(f / x for f, x in zip(full, r, strict=True))
        print(f"{name:44} {statistics.median(r):8.2f}  {gain:15.2f}x")


if __name__ == "__main__":
    main()
