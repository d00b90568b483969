"""Benchmark: each convolution pass of the width-64 DCGAN in bf16 on the CPU, oneDNN's kernel against the matmul form
in `ganengine/models/cpu_conv.py`: the evidence for its rule (matmul when the pass's output has 128+ channels).

Run by hand:  python bench/bench_conv_passes.py [--batch 64] [--repeats 15]
The two forms alternate in blocks of 10 calls; figures are medians over `repeats` blocks, the speed-up the median of
the block-by-block ratios.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganengine.models.cpu_conv import conv_by_matmul, conv_transpose_by_matmul

#: (layer, transposed, in channels, out channels, input size): the 4-2-1 layers of a width-64 DCGAN at 32x32
LAYERS = [("D 64->128", False, 64, 128, 16), ("D 128->256", False, 128, 256, 8),
          ("G 256->128", True, 256, 128, 4), ("G 128->64", True, 128, 64, 8)]


def paired(onednn: Callable[[], torch.Tensor], matmul: Callable[[], torch.Tensor], repeats: int) -> tuple[float, ...]:
    """Median ms of each form and the median of their block-by-block ratio (the machine's speed swings 2x between
    seconds: a best-of would compare lucky blocks, a paired median compares the two under the same conditions)."""
    onednn(), matmul()
    times: dict[str, list[float]] = {"onednn": [], "matmul": []}
    for _ in range(repeats):
        for name, fn in (("onednn", onednn), ("matmul", matmul)):
            t0 = time.perf_counter()
            for _ in range(10):
                fn()
            times[name].append((time.perf_counter() - t0) / 10)
    ratio = median(o / m for o, m in zip(times["onednn"], times["matmul"], strict=True))
    return median(times["onednn"]) * 1e3, median(times["matmul"]) * 1e3, ratio


def _passes(transposed: bool, c_in: int, c_out: int, size: int, n: int) -> list[tuple]:
    """(pass, its output channels, oneDNN's form, the matmul form) for a layer's forward pass and input gradient."""
    bf, cl = torch.bfloat16, torch.channels_last
    x = torch.randn(n, c_in, size, size, dtype=bf).contiguous(memory_format=cl)
    w = torch.randn(*((c_in, c_out) if transposed else (c_out, c_in)), 4, 4, dtype=bf) * 0.05
    conv = F.conv_transpose2d if transposed else F.conv2d
    g = torch.randn_like(conv(x, w, None, 2, 1)).contiguous(memory_format=cl)

    def grad_in() -> torch.Tensor:
        return torch.ops.aten.convolution_backward(g, x, w, None, [2, 2], [1, 1], [1, 1], transposed, [0, 0], 1,
                                                   [True, False, False])[0]

    if transposed:
        forward_mm, grad_mm = (lambda: conv_transpose_by_matmul(x, w)), (lambda: conv_by_matmul(g, w, 2, 1))
    else:
        forward_mm, grad_mm = (lambda: conv_by_matmul(x, w, 2, 1)), (lambda: conv_transpose_by_matmul(g, w))
    return [("forward", c_out, lambda: conv(x, w, None, 2, 1), forward_mm), ("input grad", c_in, grad_in, grad_mm)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=30)
    a = parser.parse_args()
    n = a.batch
    print(f"# bf16, channels-last, batch {n}, {torch.get_num_threads()} threads; medians of {a.repeats} paired blocks of 10 calls")
    print(f"{'layer':12} {'pass':11} {'out ch':>6} {'oneDNN ms':>9} {'matmul ms':>9} {'speed-up':>8}  rule")
    for name, transposed, c_in, c_out, size in LAYERS:
        for label, out_channels, onednn, matmul in _passes(transposed, c_in, c_out, size, n):
            t_onednn, t_matmul, speed_up = paired(onednn, matmul, a.repeats)
            rule = "matmul" if out_channels >= 128 else "oneDNN"
            print(f"{name:12} {label:11} {out_channels:6} {t_onednn:9.2f} {t_matmul:9.2f} {speed_up:7.2f}x  {rule}")

if __name__ == "__main__":
    main()
