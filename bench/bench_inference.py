"""Benchmark: what a user waits for at inference time — 64 samples from each shipped generator, and an evaluation.

Run by hand:  python bench/bench_inference.py [--only generate|evaluate] [--eval-sizes 1000] [--device auto]

generate: for every shipped generator, 64 samples turned into a PNG grid, as the Generate page does.
  "cold" loads the checkpoint each time (header and card checks, shape check, weights); "warm" reuses the
  loaded model as the app's shared model cache does. Medians over --repeats runs; the ratio is cold / warm.
evaluate: FID + KID + precision/recall of faces-dcgan against procedural faces (domain extractor), first
  run (real features computed) and second run (real features cached), in a fresh cache folder.
translate: every shipped translation model on an input of each size (64, 512, 2048 px square), as the Translate
  page does (resize to the model's size, snap label maps to the palette, translate, bring back to the input's
  size); warm (model cached), medians. Peak memory of the process is printed after each size.
upscale: every shipped super-resolution model on a 128x128 input (median, model cached, whole image in one pass),
  then a 2048x2048 input through tiles (the tile side the free memory gives, and 128), each in a fresh child process so
  its peak memory is its own; then tiled against whole-image output on a 512x512 input (largest difference in 8-bit
  levels). The 2048 px runs raise the output pixel limit, as `upscale --max-pixels` does.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_SAMPLES = 64


def median_seconds(fn: Callable[[], object], repeats: int, sync: Callable[[], None]) -> float:
    """Median wall time of fn over `repeats` runs, after one untimed warm-up run."""
    fn()
    times = []
    for _ in range(repeats):
        sync()
        t0 = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def png_request(model: object, n: int) -> bytes:
    """What the Generate page does for one click: n seeded samples, one PNG grid."""
    import ganengine as ge
    from ganengine.sampling import grid, sample

    return ge.png_bytes(grid(sample(model, n, seed=0)))


def cold_request(path: Path, device: object, n: int) -> bytes:
    """The same click without a model cache: the checkpoint is read and checked first."""
    import ganengine as ge

    return png_request(ge.load_generator(path, device)[0], n)


def bench_generate(device: str, repeats: int) -> None:
    import torch

    import ganengine as ge
    from ganengine.devices import resolve_device
    from ganengine.sampling import sample

    dev = resolve_device(device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    print(f"\n## generate {N_SAMPLES} samples -> PNG grid ({dev}); median of {repeats} runs")
    print(f"{'checkpoint':24} {'cold (load+sample+png)':>24} {'warm (sample+png)':>19} {'sample only':>12} "
          f"{'images/s':>9} {'cold/warm':>10}")
    for entry in ge.catalog(ROOT / "checkpoints", ("gan", "cgan")):
        model = ge.load_generator(entry.path, dev)[0]
        t_cold = median_seconds(partial(cold_request, entry.path, dev, N_SAMPLES), max(3, repeats // 4), sync)
        t_warm = median_seconds(partial(png_request, model, N_SAMPLES), repeats, sync)
        t_sample = median_seconds(partial(sample, model, N_SAMPLES, 0), repeats, sync)
        print(f"{entry.path.stem:24} {1000 * t_cold:21.1f} ms {1000 * t_warm:16.1f} ms {1000 * t_sample:9.1f} ms "
              f"{N_SAMPLES / t_sample:9.0f} {t_cold / t_warm:9.2f}x", flush=True)


def bench_evaluate(checkpoint: Path, sizes: list[int], device: str) -> None:
    from ganengine.devices import resolve_device
    from ganengine.metrics import evaluate_generator
    from ganengine.pipelines import SamplePipeline

    print(f"\n## evaluate {checkpoint.name}: FID + KID + precision/recall, extractor auto, fresh cache folder")
    for n in sizes:
        times = []
        for label in ("first run (real features computed)", "second run (real features cached)"):
            t0 = time.perf_counter()
            r = evaluate_generator(SamplePipeline.load(checkpoint, resolve_device(device)), n=n, metrics=("fid", "kid", "prc"))
            times.append(time.perf_counter() - t0)
            print(f"n={n:>6}  {label:38} {times[-1]:7.2f} s   FID {r.metrics['fid']:.3f}  ({r.extractor})", flush=True)
        print(f"n={n:>6}  cache speed-up: {times[0] / times[1]:.2f}x")


def bench_translate(device: str, repeats: int) -> None:
    import resource

    import numpy as np
    import torch

    import ganengine as ge
    from ganengine.devices import resolve_device

    dev = resolve_device(device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    print(f"\n## translate one image ({dev}); median of {repeats} runs, model cached")
    print(f"{'checkpoint':28} {'64 px':>9} {'512 px':>9} {'2048 px':>9}  peak RSS")
    rng = np.random.default_rng(0)
    for entry in ge.catalog(ROOT / "checkpoints", ("pix2pix", "cyclegan")):
        pipeline = ge.TranslatePipeline.load(entry.path, dev)
        times = []
        for size in (64, 512, 2048):
            image = rng.integers(0, 256, (size, size, 3), dtype=np.uint8)
            times.append(median_seconds(partial(pipeline.translate, image), repeats if size < 2048 else 3, sync))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{entry.path.stem:28} {1000 * times[0]:6.1f} ms {1000 * times[1]:6.1f} ms {1000 * times[2]:6.1f} ms  "
              f"{rss:.0f} MB", flush=True)


def _upscale_child(path: str, size: int, tile: int | None, device: str, threads: int, out: object) -> None:
    """In a fresh process: one enlargement of a size x size input; puts (seconds, tiles, tile, peak RSS in MB) on `out`."""
    import resource

    import numpy as np
    import torch

    import ganengine as ge
    from ganengine.devices import resolve_device

    if threads:
        torch.set_num_threads(threads)
    pipeline = ge.UpscalePipeline.load(path, resolve_device(device))
    image = np.random.default_rng(0).integers(0, 256, (size, size, 3), dtype=np.uint8)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = pipeline.upscale(image, tile=tile, max_pixels=(size * pipeline.scale) ** 2)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put((result.seconds, result.tiles, result.tile, peak, base))


def bench_upscale(device: str, repeats: int, threads: int, match: str = "", big: bool = True) -> None:
    import multiprocessing as mp

    import numpy as np
    import torch

    import ganengine as ge
    from ganengine.devices import resolve_device

    dev = resolve_device(device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    print(f"\n## upscale ({dev})")
    ctx = mp.get_context("spawn")
    for entry in ge.catalog(ROOT / "checkpoints", ("superres",)):
        if match not in entry.path.stem:
            continue
        pipeline = ge.UpscalePipeline.load(entry.path, dev)
        small = np.random.default_rng(0).integers(0, 256, (128, 128, 3), dtype=np.uint8)
        t = median_seconds(partial(pipeline.upscale, small, 512), repeats, sync)
        print(f"{entry.path.stem}: x{pipeline.scale} of 128x128 -> {128 * pipeline.scale}px: {1000 * t:.0f} ms "
              f"(median of {repeats}, model cached)", flush=True)
        for tile in (None, 128) if big else ():
            queue = ctx.Queue()
            child = ctx.Process(target=_upscale_child, args=(str(entry.path), 2048, tile, device, threads, queue))
            child.start()
            seconds, tiles, used, peak, base = queue.get()
            child.join()
            out_mb = (2048 * pipeline.scale) ** 2 * 3 * 2 / 2**20
            print(f"{entry.path.stem}: x{pipeline.scale} of 2048x2048 in {tiles} tiles of {used} px"
                  f"{' (from free memory)' if tile is None else ''}: {seconds:.1f} s, peak RSS {peak:.0f} MB "
                  f"(after loading: {base:.0f} MB; output + bicubic buffers: {out_mb:.0f} MB)", flush=True)
        image = np.random.default_rng(1).integers(0, 256, (512, 512, 3), dtype=np.uint8)
        whole = pipeline.upscale(image, tile=512).output.astype(int)
        for tile in (64, 128):
            diff = np.abs(pipeline.upscale(image, tile=tile).output.astype(int) - whole)
            print(f"{entry.path.stem}: 512x512 in tiles of {tile} vs one pass: max difference {diff.max()} levels, "
                  f"{(diff > 0).mean():.4%} of values differ", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("generate", "evaluate", "translate", "upscale"), default=None)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--eval-checkpoint", type=Path, default=ROOT / "checkpoints" / "faces-dcgan.safetensors")
    parser.add_argument("--eval-sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--match", default="", help="upscale: only the shipped models whose name holds this")
    parser.add_argument("--no-big", action="store_true", help="upscale: leave out the 2048 px runs (minutes each on a CPU)")
    args = parser.parse_args()
    os.environ["GANSTUDIO_CACHE"] = tempfile.mkdtemp(prefix="bench-cache-")
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}")
    if args.only in (None, "generate"):
        bench_generate(args.device, args.repeats)
    if args.only in (None, "evaluate"):
        bench_evaluate(args.eval_checkpoint, args.eval_sizes, args.device)
    if args.only in (None, "translate"):
        bench_translate(args.device, args.repeats)
    if args.only in (None, "upscale"):
        bench_upscale(args.device, min(args.repeats, 10), args.threads, args.match, not args.no_big)


if __name__ == "__main__":
    main()
