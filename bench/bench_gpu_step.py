"""Benchmark: the engine's GAN step on a CUDA GPU, against the textbook loop, and what a host sync a step costs.

Run by hand (needs a CUDA GPU):  python bench/bench_gpu_step.py [--rounds 3] [--steps 100] [--batch-sizes 64 512]
The canonical 32x32x1 DCGAN (width 64) trained by the in-process `Trainer`, measured every 10 steps as the loop does:
- "engine": today's step: batch indices reach the GPU through pinned memory, and a loss's finiteness check waits on
  the GPU until the next measured step (a NaN's update is skipped inside the fused optimiser);
- "engine, a host sync a step": as before, a blocking copy of the batch indices and a finiteness check that waits for
  the GPU before each optimiser step;
- "engine, fp32": no autocast (TF32 matmuls), to show what bf16 is worth at this size;
- "textbook (preloaded tensor)": the PyTorch tutorial's loop over one tensor on the GPU (ganengine.bench).
Variants run in interleaved rounds; figures are medians. A profile of the engine's step follows: the host syncs it
makes, and the GPU's busy share (kernel time over wall time: near 100 % is compute-bound, low is launch-bound).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import torch
from torch.profiler import ProfilerActivity, profile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_train_parts import rate  # this folder is on the path when run as a script

from ganengine.bench import textbook_loop
from ganengine.data import base as data_base
from ganengine.models import ModelSpec
from ganengine.tasks import GanConfig
from ganengine.tasks.base import TrainEnv
from ganengine.train import Trainer

SYNCS = ("cudaStreamSynchronize", "cudaDeviceSynchronize", "cudaEventSynchronize")


@contextlib.contextmanager
def host_sync_each_step() -> Iterator[None]:
    """The step as it was: blocking index copies and a finiteness check that waits before each update."""
    saved = data_base.indices_to, TrainEnv._skips_on_device
    data_base.indices_to = lambda idx, device: idx.to(device)
    TrainEnv._skips_on_device = lambda self, optimiser: False
    try:
        yield
    finally:
        data_base.indices_to, TrainEnv._skips_on_device = saved


def profile_engine(cfg: GanConfig, steps: int = 20) -> None:
    trainer = Trainer(cfg)
    trainer.step_n(10)
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        t0 = time.perf_counter()
        for i in range(steps):
            trainer.train_step(measure=(i + 1) % 10 == 0)
        torch.cuda.synchronize()
        wall = time.perf_counter() - t0
    events = prof.key_averages()
    syncs = sum(e.count for e in events if e.key in SYNCS)
    kernel_us = sum(getattr(e, "self_device_time_total", 0) for e in events if getattr(e, "device_type", None) ==
                    torch.autograd.DeviceType.CUDA)
    launches = sum(e.count for e in events if e.key in ("cudaLaunchKernel", "cuLaunchKernel", "cudaLaunchKernelExC"))
    print(f"profile, batch {cfg.batch_size}, {steps} steps (2 measured): {syncs / steps:.1f} host syncs a step, "
          f"{launches / steps:.0f} kernel launches a step, GPU busy {kernel_us / 1e6 / wall:.0%} of the wall time "
          f"({kernel_us / 1e3 / steps:.2f} ms of kernels in {wall * 1e3 / steps:.2f} ms a step; the profiler slows "
          f"the host)")
    print(events.table(sort_by="self_cpu_time_total", row_limit=12))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[64, 512])
    parser.add_argument("--no-profile", action="store_true")
    a = parser.parse_args()
    if not torch.cuda.is_available():
        sys.exit("bench_gpu_step needs a CUDA GPU (none is visible)")
    dev = torch.device("cuda")
    print(f"# {torch.cuda.get_device_name(0)}, torch {torch.__version__}; DCGAN 32x32x1 width 64, nz 100; "
          f"medians of {a.rounds} interleaved rounds of {a.steps} steps")
    for batch in a.batch_sizes:
        cfg = GanConfig(model="dcgan", data="digits", batch_size=batch, width=64, device="cuda",
                        quality_probe=False).validate()
        spec = ModelSpec("dcgan", nz=100, width=64, image_size=32, channels=1)
        runs: dict[str, list[float]] = {"engine": [], "engine, a host sync a step": [], "engine, fp32": [],
                                        "textbook (preloaded tensor)": []}
        for _ in range(a.rounds):
            torch.manual_seed(0)
            runs["engine"].append(rate(cfg, a.steps, a.warmup)[0])
            with host_sync_each_step():
                torch.manual_seed(0)
                runs["engine, a host sync a step"].append(rate(cfg, a.steps, a.warmup)[0])
            torch.manual_seed(0)
            runs["engine, fp32"].append(rate(dataclasses.replace(cfg, amp=False), a.steps, a.warmup)[0])
            torch.manual_seed(0)
            runs["textbook (preloaded tensor)"].append(textbook_loop(spec, batch, a.steps, a.warmup, dev, True)[0])
        base = runs["textbook (preloaded tensor)"]
        print(f"\n## batch {batch}")
        print(f"{'variant':30} {'steps/s':>9} {'images/s':>10}  {'/ textbook':>10}")
        for name, r in runs.items():
            ratio = statistics.median(x / b for x, b in zip(r, base, strict=True))
            print(f"{name:30} {statistics.median(r):9.1f} {statistics.median(r) * batch:10.0f}  {ratio:9.2f}x")
        if not a.no_profile:
            profile_engine(cfg)


if __name__ == "__main__":
    main()
