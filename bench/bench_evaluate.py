"""Benchmark: seconds for FID + KID + precision/recall on the CPU, first run and with cached real features.

Run by hand:  python bench/bench_evaluate.py [--sizes 1000 10000] [--checkpoint checkpoints/faces-dcgan.safetensors]
Prints one line per (samples, cache state) and the speed-up the cache gives. Uses a fresh cache folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkpoint", default=str(ROOT / "checkpoints" / "faces-dcgan.safetensors"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    os.environ["GANSTUDIO_CACHE"] = tempfile.mkdtemp(prefix="bench-cache-")
    import torch

    from ganengine.metrics import evaluate_generator

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}")
    print(f"# generator: {Path(args.checkpoint).name}; metrics: fid, kid, prc; extractor: auto")
    for n in args.sizes:
        times = []
        for label in ("first run (real features computed)", "second run (real features cached)"):
            t0 = time.perf_counter()
            r = evaluate_generator(args.checkpoint, n=n, metrics=("fid", "kid", "prc"))
            times.append(time.perf_counter() - t0)
            print(f"n={n:>6}  {label:38} {times[-1]:7.2f} s   FID {r.metrics['fid']:.3f}  ({r.extractor})", flush=True)
        print(f"n={n:>6}  cache speed-up: {times[0] / times[1]:.2f}x")


if __name__ == "__main__":
    main()
