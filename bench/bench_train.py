"""Benchmark: training throughput of GAN Studio's loop against the textbook PyTorch DCGAN loop, same process.

Run by hand:  python bench/bench_train.py [--steps 60] [--width 64] [--batch-size 64] [--threads 0]
The textbook loop: DataLoader over a TensorDataset, Sigmoid + nn.BCELoss, fp32, separate D and G
steps, default memory format. Both train the canonical 32x32 DCGAN (nz 100) on `digits`.
Prints steps/s, images/s and the ratio to the textbook loop, for ganengine in fp32 and with its default
mixed precision (bf16 autocast where the CPU has native bf16) and channels-last convolutions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ganengine.config import TrainConfig  # noqa: E402
from ganengine.data import DataRequest, load_data  # noqa: E402
from ganengine.devices import autocast_dtype  # noqa: E402
from ganengine.models import ModelSpec, build_discriminator, build_generator  # noqa: E402
from ganengine.train import train_gan  # noqa: E402


def textbook(steps: int, width: int, batch: int, warmup: int) -> float:
    """Steps per second of the plain loop (after warm-up steps)."""
    data = load_data("digits", DataRequest(image_size=32, channels=1))
    loader = DataLoader(TensorDataset(data.x), batch_size=batch, shuffle=True, drop_last=True)
    spec = ModelSpec("dcgan", nz=100, width=width, image_size=32, channels=1)
    G, D = build_generator(spec), nn.Sequential(build_discriminator(spec), nn.Sigmoid())
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = nn.BCELoss()
    done, t0 = 0, None
    while done < steps + warmup:
        for (real,) in loader:
            if done == warmup:
                t0 = time.perf_counter()
            ones, zeros = torch.ones(batch), torch.zeros(batch)
            fake = G(torch.randn(batch, 100))
            opt_d.zero_grad()
            loss_d = bce(D(real), ones) + bce(D(fake.detach()), zeros)
            loss_d.backward()
            opt_d.step()
            opt_g.zero_grad()
            loss_g = bce(D(fake), ones)
            loss_g.backward()
            opt_g.step()
            done += 1
            if done >= steps + warmup:
                break
    return steps / (time.perf_counter() - t0)


def ours(steps: int, width: int, batch: int, warmup: int, log_every: int, amp: bool) -> float:
    """Steps per second of train_gan, read from its own metrics events (after warm-up steps)."""
    events: list[dict] = []
    cfg = TrainConfig(model="dcgan", data="digits", steps=steps + warmup, width=width, batch_size=batch,
                      log_every=log_every, sample_every=100_000, checkpoint_every=100_000, device="cpu", amp=amp)
    with tempfile.TemporaryDirectory() as tmp:
        train_gan(cfg, tmp, events.append)
    m = {e["step"]: e["elapsed"] for e in events if e["type"] == "metrics"}
    return steps / (m[steps + warmup] - m[warmup])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=60, help="timed steps (a multiple of --log-every)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--log-every", type=int, default=10, help="ganengine's metrics interval (10 = the app's default)")
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=0)
    a = parser.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    print(f"# CPU, {torch.get_num_threads()} threads, torch {torch.__version__}; DCGAN 32x32x1, nz 100, width {a.width}, "
          f"batch {a.batch_size}, {a.steps} timed steps after {a.warmup} warm-up")
    torch.manual_seed(0)
    tb = textbook(a.steps, a.width, a.batch_size, a.warmup)
    torch.manual_seed(0)
    fp32 = ours(a.steps, a.width, a.batch_size, a.warmup, a.log_every, amp=False)
    torch.manual_seed(0)
    fast = ours(a.steps, a.width, a.batch_size, a.warmup, a.log_every, amp=True)
    print(f"textbook loop                     : {tb:6.2f} steps/s  {tb * a.batch_size:7.0f} images/s")
    print(f"ganengine, fp32 (--no-amp)        : {fp32:6.2f} steps/s  {fp32 * a.batch_size:7.0f} images/s  {fp32 / tb:.2f}x")
    print(f"ganengine, default (amp={autocast_dtype(torch.device('cpu'), True)}): {fast:6.2f} steps/s  "
          f"{fast * a.batch_size:7.0f} images/s  {fast / tb:.2f}x")


if __name__ == "__main__":
    main()
