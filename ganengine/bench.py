"""Training-speed benchmark: ganengine's loop against the textbook PyTorch GAN loop, in one process,
with the model's FLOPs per step and the share of the machine's measured matrix-multiply peak.

Used by `python -m ganengine bench train` and `bench/bench_train.py`; figures, never assertions.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.flop_counter import FlopCounterMode

from .data import DataRequest, load_data
from .devices import autocast_dtype, resolve_device
from .errors import ConfigError
from .models import ModelSpec, build_discriminator, build_generator
from .tasks import GanConfig
from .train import run_task


def matmul_peak(device: torch.device, dtype: torch.dtype, size: int | None = None, seconds: float = 1.0) -> float:
    """Measured FLOP/s of a square matrix multiply (the machine's practical peak for this dtype).

    GPUs need a large product (8192) to reach their peak; 2048 already saturates a CPU.
    """
    size = size or (8192 if device.type == "cuda" else 2048)
    a = torch.randn(size, size, device=device, dtype=dtype)
    b = torch.randn(size, size, device=device, dtype=dtype)
    a @ b  # warm-up (and cuBLAS/oneDNN kernel choice)
    _sync(device)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        a @ b
        n += 1
        if device.type == "cuda" and n % 16 == 0:
            _sync(device)  # keep the clock honest: the loop must not run far ahead of the GPU
    _sync(device)
    return 2 * size**3 * n / (time.perf_counter() - t0)


def _textbook_step(G: nn.Module, D: nn.Module, opt_g, opt_d, real: torch.Tensor, nz: int) -> None:
    bce = nn.BCELoss()
    ones, zeros = torch.ones(len(real), device=real.device), torch.zeros(len(real), device=real.device)
    fake = G(torch.randn(len(real), nz, device=real.device))
    opt_d.zero_grad()
    (bce(D(real), ones) + bce(D(fake.detach()), zeros)).backward()
    opt_d.step()
    opt_g.zero_grad()
    bce(D(fake), ones).backward()
    opt_g.step()


def textbook_loop(spec: ModelSpec, batch: int, steps: int, warmup: int, device: torch.device) -> tuple[float, int]:
    """Steps/s of the plain loop (DataLoader, Sigmoid + BCELoss, fp32, NCHW) and its FLOPs per step."""
    data = load_data("digits", DataRequest(image_size=spec.image_size, channels=spec.channels))
    loader = DataLoader(TensorDataset(data.x), batch_size=batch, shuffle=True, drop_last=True)
    G = build_generator(spec).to(device)
    D = nn.Sequential(build_discriminator(spec), nn.Sigmoid()).to(device)
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    counter = FlopCounterMode(display=False)
    with counter:
        _textbook_step(G, D, opt_g, opt_d, next(iter(loader))[0].to(device), spec.nz)
    done, t0 = 0, time.perf_counter()
    while done < steps + warmup:
        for (real,) in loader:
            if done == warmup:
                _sync(device)
                t0 = time.perf_counter()
            _textbook_step(G, D, opt_g, opt_d, real.to(device, non_blocking=True), spec.nz)
            done += 1
            if done >= steps + warmup:
                break
    _sync(device)
    return steps / (time.perf_counter() - t0), counter.get_total_flops()


def ganengine_loop(cfg: GanConfig, steps: int, warmup: int) -> float:
    """Steps/s of the engine's loop, read from its own metrics events between two logged steps."""
    events: list[dict[str, Any]] = []
    run = dataclasses.replace(cfg, steps=steps + warmup, time_budget=None, sample_every=100_000,
                              checkpoint_every=100_000, log_every=_gcd_log(steps, warmup)).validate()
    with tempfile.TemporaryDirectory() as tmp:
        run_task(run, tmp, events.append)
    elapsed = {e["step"]: e["elapsed"] for e in events if e["type"] == "metrics"}
    return steps / (elapsed[steps + warmup] - elapsed[warmup])


def _gcd_log(steps: int, warmup: int) -> int:
    """The largest logging interval (at most 10) that lands on both the warm-up end and the last step."""
    from math import gcd

    g = gcd(steps, warmup)
    return max(d for d in range(1, 11) if g % d == 0)


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def bench_train(model: str = "dcgan", image_size: int = 32, channels: int = 1, batch_size: int = 64, steps: int = 60,
                warmup: int = 10, width: int = 64, device: str = "auto") -> dict[str, Any]:
    """Throughput of both loops on the canonical DCGAN (nz 100) over `digits`, with FLOPs and peak share."""
    if model != "dcgan":
        raise ConfigError("the training benchmark measures the canonical dcgan")
    if steps < 1 or warmup < 1:
        raise ConfigError("--steps and --warmup must be at least 1")
    dev = resolve_device(device)
    spec = ModelSpec("dcgan", nz=100, width=width, image_size=image_size, channels=channels)
    cfg = GanConfig(model="dcgan", data="digits", batch_size=batch_size, image_size=image_size, channels=channels,
                      width=width, device=dev.type)
    torch.manual_seed(0)
    textbook, flops = textbook_loop(spec, batch_size, steps, warmup, dev)
    torch.manual_seed(0)
    fast = ganengine_loop(cfg, steps, warmup)
    amp = autocast_dtype(dev, True)
    peak = matmul_peak(dev, amp or torch.float32)
    peak32 = matmul_peak(dev, torch.float32) if amp else peak
    return {
        "device": torch.cuda.get_device_name(0) if dev.type == "cuda" else f"cpu ({torch.get_num_threads()} threads)",
        "model": f"dcgan {image_size}x{image_size}x{channels}, nz 100, width {width}", "batch_size": batch_size,
        "timed_steps": steps, "flops_per_step": flops,
        "textbook": {"steps_per_s": textbook, "images_per_s": textbook * batch_size, "precision": "fp32",
                     "peak_share": flops * textbook / peak32},
        "ganengine": {"steps_per_s": fast, "images_per_s": fast * batch_size,
                      "precision": str(amp).replace("torch.", "") if amp else "fp32", "peak_share": flops * fast / peak},
        "ratio": fast / textbook,
        "matmul_peak_flops": {"fp32": peak32, **({str(amp).replace("torch.", ""): peak} if amp else {})},
    }


__all__ = ["bench_train", "matmul_peak"]
