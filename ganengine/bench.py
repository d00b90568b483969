"""Training-speed benchmark: ganengine's loop against the textbook PyTorch GAN loop, in one process,
with the model's FLOPs per step and the share of the machine's measured matrix-multiply peak.

Used by `python -m ganengine bench train` and `bench/bench_train.py`; figures, never assertions.
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
import time
from statistics import median
from typing import Any

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.flop_counter import FlopCounterMode

from .data import DataRequest, load_data
from .devices import autocast_dtype, keep_freed_memory, resolve_device
from .errors import ConfigError
from .models import ModelSpec
from .models.layers import init_dcgan_weights
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


def textbook_dcgan(spec: ModelSpec) -> tuple[nn.Module, nn.Module]:
    """The PyTorch DCGAN tutorial's G and D (Sigmoid on D) at this size: plain layers, the same shapes as ours."""
    n, w, c = int(math.log2(spec.image_size)) - 2, spec.width, spec.channels
    g: list[nn.Module] = [nn.Unflatten(1, (spec.nz, 1, 1)), nn.ConvTranspose2d(spec.nz, w * 2 ** (n - 1), 4, 1, 0, bias=False),
                          nn.BatchNorm2d(w * 2 ** (n - 1)), nn.ReLU(True)]
    for i in range(n - 1, 0, -1):
        g += [nn.ConvTranspose2d(w * 2**i, w * 2 ** (i - 1), 4, 2, 1, bias=False), nn.BatchNorm2d(w * 2 ** (i - 1)), nn.ReLU(True)]
    g += [nn.ConvTranspose2d(w, c, 4, 2, 1, bias=False), nn.Tanh()]
    d: list[nn.Module] = [nn.Conv2d(c, w, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, True)]
    for i in range(n - 1):
        d += [nn.Conv2d(w * 2**i, w * 2 ** (i + 1), 4, 2, 1, bias=False), nn.BatchNorm2d(w * 2 ** (i + 1)), nn.LeakyReLU(0.2, True)]
    d += [nn.Conv2d(w * 2 ** (n - 1), 1, 4, 1, 0, bias=False), nn.Flatten(0), nn.Sigmoid()]
    G, D = nn.Sequential(*g), nn.Sequential(*d)
    init_dcgan_weights(G)
    init_dcgan_weights(D)
    return G, D


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


def _preloaded_batches(x: torch.Tensor, batch: int):
    """Shuffled batches cut from one tensor already on the device: no DataLoader, no per-batch copy from the host."""
    while True:
        order = torch.randperm(len(x), device=x.device)
        for i in range(0, len(x) - batch + 1, batch):
            yield x[order[i:i + batch]]


def _loader_batches(x: torch.Tensor, batch: int, device: torch.device):
    loader = DataLoader(TensorDataset(x), batch_size=batch, shuffle=True, drop_last=True)
    while True:
        for (real,) in loader:
            yield real.to(device, non_blocking=True)


def textbook_loop(spec: ModelSpec, batch: int, steps: int, warmup: int, device: torch.device,
                  preloaded: bool = False) -> tuple[float, int]:
    """Steps/s of the plain loop (Sigmoid + BCELoss, fp32, NCHW) and its FLOPs per step.

    Batches come from a DataLoader over a TensorDataset, or (`preloaded`, the stricter baseline) are cut from the
    whole data set kept as one tensor on the device.
    """
    x = load_data("digits", DataRequest(image_size=spec.image_size, channels=spec.channels)).x
    batches = _preloaded_batches(x.to(device), batch) if preloaded else _loader_batches(x, batch, device)
    G, D = (m.to(device) for m in textbook_dcgan(spec))
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    counter = FlopCounterMode(display=False)
    with counter:
        _textbook_step(G, D, opt_g, opt_d, next(batches), spec.nz)
    for _ in range(warmup):
        _textbook_step(G, D, opt_g, opt_d, next(batches), spec.nz)
    _sync(device)
    t0 = time.perf_counter()
    for _ in range(steps):
        _textbook_step(G, D, opt_g, opt_d, next(batches), spec.nz)
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


LOOPS = ("textbook", "textbook_preloaded", "ganengine")
LOOP_NAMES = {"textbook": "textbook (DataLoader)", "textbook_preloaded": "textbook (preloaded tensor)",
              "ganengine": "ganengine"}


def bench_train(model: str = "dcgan", image_size: int = 32, channels: int = 1, batch_size: int = 64, steps: int = 60,
                warmup: int = 10, width: int = 64, device: str = "auto", rounds: int = 3) -> dict[str, Any]:
    """Throughput of the textbook loops and the engine's on the canonical DCGAN (nz 100) over `digits`.

    The three loops and the matmul peak are measured in turn, `rounds` times, and each figure is the median over
    rounds (with its range): a shared machine's speed drifts by 2x within a minute, and interleaving puts each
    loop under the same drift. Ratios and peak shares are taken within a round, then their median.
    """
    if model != "dcgan":
        raise ConfigError("the training benchmark measures the canonical dcgan")
    if steps < 1 or warmup < 1 or rounds < 1:
        raise ConfigError("--steps, --warmup and --rounds must be at least 1")
    dev = resolve_device(device)
    spec = ModelSpec("dcgan", nz=100, width=width, image_size=image_size, channels=channels)
    cfg = GanConfig(model="dcgan", data="digits", batch_size=batch_size, image_size=image_size, channels=channels,
                    width=width, device=dev.type, quality_probe=False)
    amp = autocast_dtype(dev, True)
    # The engine's loop sets this for its process; set for all loops from the start, the textbook ones get it too.
    allocator = "glibc, freed memory kept for every loop" if dev.type == "cpu" and keep_freed_memory() else "default"
    rates: dict[str, list[float]] = {name: [] for name in LOOPS}
    peaks: dict[str, list[float]] = {"fp32": [], "amp": []}
    flops = 0
    for _ in range(rounds):
        torch.manual_seed(0)
        rates["textbook"].append(textbook_loop(spec, batch_size, steps, warmup, dev)[0])
        torch.manual_seed(0)
        rate, flops = textbook_loop(spec, batch_size, steps, warmup, dev, preloaded=True)
        rates["textbook_preloaded"].append(rate)
        torch.manual_seed(0)
        rates["ganengine"].append(ganengine_loop(cfg, steps, warmup))
        peaks["fp32"].append(matmul_peak(dev, torch.float32))
        peaks["amp"].append(matmul_peak(dev, amp) if amp else peaks["fp32"][-1])
    precision = str(amp).replace("torch.", "") if amp else "fp32"

    def loop_result(name: str) -> dict[str, Any]:
        r = rates[name]
        peak = peaks["amp" if name == "ganengine" else "fp32"]
        return {"name": LOOP_NAMES[name], "steps_per_s": median(r), "range": [min(r), max(r)],
                "images_per_s": median(r) * batch_size, "precision": precision if name == "ganengine" else "fp32",
                "peak_share": median(flops * a / b for a, b in zip(r, peak, strict=True))}

    ours = rates["ganengine"]
    return {
        "device": torch.cuda.get_device_name(0) if dev.type == "cuda" else f"cpu ({torch.get_num_threads()} threads)",
        "model": f"dcgan {image_size}x{image_size}x{channels}, nz 100, width {width}", "batch_size": batch_size,
        "timed_steps": steps, "rounds": rounds, "flops_per_step": flops, "allocator": allocator,
        **{name: loop_result(name) for name in LOOPS},
        "ratio": median(a / b for a, b in zip(ours, rates["textbook"], strict=True)),
        "ratio_preloaded": median(a / b for a, b in zip(ours, rates["textbook_preloaded"], strict=True)),
        "matmul_peak_flops": {"fp32": median(peaks["fp32"]), **({precision: median(peaks["amp"])} if amp else {})},
        "per_round": {**rates, **{f"matmul_peak_{k}": v for k, v in peaks.items()}},
        "matmul_peak_range": {"fp32": [min(peaks["fp32"]), max(peaks["fp32"])],
                              **({precision: [min(peaks["amp"]), max(peaks["amp"])]} if amp else {})},
    }


__all__ = ["bench_train", "matmul_peak"]
