"""Benchmark: how close to the matmul peak can a DCGAN training step get on this machine, if nothing but its matrix
multiplies cost time?

Run by hand:  python bench/bench_step_ceiling.py [--rounds 3] [--width 64]
Every convolution pass and matmul of the textbook step (the FLOPs `bench train` counts as useful work) is an
equivalent GEMM: a convolution's forward pass (N*Ho*Wo x C*k*k) @ (C*k*k x O), its input and weight gradients the
adjoint products. Each GEMM is timed alone as a bare bf16 matrix multiply of that shape (inputs made once, best of
several runs): their sum is the time of a step with free im2col, free batch norm, activations and optimiser, and
GEMMs as fast as oneDNN runs them at these shapes. Printed beside the square-matmul peak and the engine's own step,
all measured in the same rounds.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import torch
from torch.utils._python_dispatch import TorchDispatchMode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_train_parts import rate  # this folder is on the path when run as a script

from ganengine.bench import _textbook_step, matmul_peak, textbook_dcgan
from ganengine.devices import keep_freed_memory
from ganengine.models import ModelSpec
from ganengine.tasks import GanConfig

aten = torch.ops.aten
Gemm = tuple[int, int, int]  # (M, K, N): an (M x K) @ (K x N) product


def _conv_gemms(x: torch.Size, w: torch.Size, out: torch.Size, transposed: bool, mask: tuple[bool, bool]) -> list[Gemm]:
    """The GEMMs of a convolution's passes: forward when `mask` is None-like (False, False), else its gradients."""
    n, k = x[0], w[2] * w[3]
    if transposed:  # x (N, Cin, H, W), w (Cin, Cout, k, k)
        rows, c_in, c_out = n * x[2] * x[3], w[0], w[1]
    else:  # w (O, C, k, k): the output's pixels are the rows
        rows, c_in, c_out = n * out[2] * out[3], w[1], w[0]
    if transposed:
        fwd, grad_in, grad_w = (rows, c_in, c_out * k), (rows, c_out * k, c_in), (c_in, rows, c_out * k)
    else:
        fwd, grad_in, grad_w = (rows, c_in * k, c_out), (rows, c_out, c_in * k), (c_out, rows, c_in * k)
    if mask == (False, False):
        return [fwd]
    return [g for g, wanted in zip((grad_in, grad_w), mask, strict=True) if wanted]


class _GemmLog(TorchDispatchMode):
    """Records the GEMM shape of every convolution pass and matrix multiply that runs under it."""

    def __init__(self) -> None:
        super().__init__()
        self.gemms: list[Gemm] = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if func is aten.convolution.default:
            x, w, transposed = args[0].shape, args[1].shape, args[6]
            self.gemms += _conv_gemms(x, w, out.shape, transposed, (False, False))
        elif func is aten.convolution_backward.default:
            grad_out, x, w, transposed, mask = args[0].shape, args[1].shape, args[2].shape, args[7], args[10]
            self.gemms += _conv_gemms(x, w, grad_out, transposed, (bool(mask[0]), bool(mask[1])))
        elif func in (aten.mm.default, aten.addmm.default):
            a, b = (args[0], args[1]) if func is aten.mm.default else (args[1], args[2])
            self.gemms.append((a.shape[0], a.shape[1], b.shape[1]))
        return out


def textbook_gemms(width: int, batch: int) -> Counter[Gemm]:
    spec = ModelSpec("dcgan", nz=100, width=width, image_size=32, channels=1)
    G, D = textbook_dcgan(spec)
    opt_g, opt_d = torch.optim.Adam(G.parameters()), torch.optim.Adam(D.parameters())
    log = _GemmLog()
    with log:
        _textbook_step(G, D, opt_g, opt_d, torch.randn(batch, 1, 32, 32), spec.nz)
    return Counter(log.gemms)


def gemm_seconds(shape: Gemm, dtype: torch.dtype, repeats: int = 7, inner: int = 5) -> float:
    m, k, n = shape
    a, b = torch.randn(m, k, dtype=dtype), torch.randn(k, n, dtype=dtype)
    a @ b
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(inner):
            a @ b
        best = min(best, (time.perf_counter() - t0) / inner)
    return best


def engine_steps_per_s(width: int, batch: int, steps: int = 30, warmup: int = 5) -> float:
    """The engine's in-process step, as `bench_train_parts.py` times it (freed memory kept, as `run_task` does)."""
    keep_freed_memory()
    cfg = GanConfig(model="dcgan", data="digits", batch_size=batch, width=width, quality_probe=False).validate()
    return rate(cfg, steps, warmup)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--batch", type=int, default=64)
    a = parser.parse_args()
    gemms = textbook_gemms(a.width, a.batch)
    flops = sum(2 * m * k * n * count for (m, k, n), count in gemms.items())
    peaks, gemm_times, engine = [], [], []
    per_shape: dict[Gemm, list[float]] = {g: [] for g in gemms}
    for _ in range(a.rounds):
        peaks.append(matmul_peak(torch.device("cpu"), torch.bfloat16))
        for g in gemms:
            per_shape[g].append(gemm_seconds(g, torch.bfloat16))
        gemm_times.append(sum(per_shape[g][-1] * count for g, count in gemms.items()))
        engine.append(engine_steps_per_s(a.width, a.batch))
    med = statistics.median
    print(f"# DCGAN 32x32x1 width {a.width}, batch {a.batch}, {torch.get_num_threads()} threads, bf16; "
          f"medians of {a.rounds} rounds")
    print(f"useful work per step: {flops / 1e9:.2f} GFLOP in {sum(gemms.values())} GEMMs "
          f"({len(gemms)} shapes), square 2048 bf16 matmul peak {med(peaks) / 1e9:.0f} GFLOP/s "
          f"[{min(peaks) / 1e9:.0f}-{max(peaks) / 1e9:.0f}]")
    print(f"{'GEMM (M x K x N)':24} {'count':>5} {'ms each':>8} {'GFLOP/s':>8} {'share of step':>13}")
    total = med(gemm_times)
    for g, count in sorted(gemms.items(), key=lambda item: -med(per_shape[item[0]]) * item[1]):
        t = med(per_shape[g])
        print(f"{' x '.join(map(str, g)):24} {count:5} {t * 1e3:8.3f} {2 * g[0] * g[1] * g[2] / t / 1e9:8.0f} "
              f"{100 * t * count / total:12.1f}%")
    ceiling = [flops / t / p for t, p in zip(gemm_times, peaks, strict=True)]
    ours = [flops * r / p for r, p in zip(engine, peaks, strict=True)]
    print(f"GEMMs alone: {total * 1e3:.1f} ms a step -> {med(ceiling) * 100:.1f}% of the peak "
          f"[{min(ceiling) * 100:.1f}-{max(ceiling) * 100:.1f}] (nothing else costing any time)")
    print(f"the engine's step: {1e3 / med(engine):.1f} ms ({med(engine):.2f} steps/s) -> {med(ours) * 100:.1f}% of the "
          f"peak [{min(ours) * 100:.1f}-{max(ours) * 100:.1f}]; its GEMMs are "
          f"{med(t * r for t, r in zip(gemm_times, engine, strict=True)) * 100:.0f}% of its time")


if __name__ == "__main__":
    main()
