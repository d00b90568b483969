"""Benchmark: time to quality. Fresh digits GANs trained for a fixed wall-clock budget on this machine's CPU, from
the Train page's quick preset with one recipe change at a time, each judged by the strict digits judge and by FID.

Run by hand:  python bench/bench_quality.py [--budget 60] [--seeds 1] [--threads 0] [--only default]
The last variant is today's default (ganengine.tasks.gan.IMAGE_RECIPE): the Train page's first run and
`python -m ganengine train --data digits --time-budget 60` both start from it.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ganengine.judge import judge_checkpoint  # noqa: E402
from ganengine.metrics import evaluate_generator  # noqa: E402
from ganengine.pipelines import SamplePipeline  # noqa: E402
from ganengine.tasks import GanConfig  # noqa: E402
from ganengine.tasks.gan import IMAGE_RECIPE  # noqa: E402
from ganengine.train import run_task  # noqa: E402

BEFORE = {"model": "dcgan", "width": 32, "lr_g": 2e-4, "lr_d": 2e-4, "ema_decay": 0.0}  # the quick preset until issue 16
VARIANTS = {
    "before: DCGAN w32, lr 2e-4, no EMA": BEFORE,
    "+ EMA 0.999": {**BEFORE, "ema_decay": 0.999},
    "+ EMA 0.999, lr 5e-4": {**BEFORE, "ema_decay": 0.999, "lr_g": 5e-4, "lr_d": 5e-4},
    "+ EMA, lr 5e-4, width 24": {**BEFORE, "ema_decay": 0.999, "lr_g": 5e-4, "lr_d": 5e-4, "width": 24},
    "default now: self-conditioned, EMA, lr 5e-4": IMAGE_RECIPE,
}


def measure(settings: dict, budget: float, seed: int, threads: int) -> dict:
    cfg = dataclasses.replace(GanConfig.preset("digits", quick=True), steps=None, time_budget=budget, seed=seed,
                              num_threads=threads, quality_probe=False, sample_every=100_000, checkpoint_every=100_000,
                              **settings).validate()
    with tempfile.TemporaryDirectory() as tmp:
        result = run_task(cfg, tmp)
        judge = judge_checkpoint(result.checkpoint, n=1000)
        fid = evaluate_generator(SamplePipeline.load(result.checkpoint), n=1000, metrics=("fid",)).metrics["fid"]
    return {"steps": result.step, "confidence": judge["mean_confidence"], "classes": judge["classes_covered"],
            "score_share": judge.get("digit_score_share", float("nan")), "fid": fid}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--seeds", type=int, default=1, help="seeds 0..N-1 per variant; medians are printed")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0 = all cores, as the app's jobs)")
    parser.add_argument("--only", default="", help="run only the variants whose name contains this (e.g. 'default')")
    a = parser.parse_args()
    print(f"# digits, {a.budget:g} s wall-clock budget each, CPU, seeds 0-{a.seeds - 1}; strict digits judge on 1,000 "
          f"samples (score = Inception-style score as a share of real digits'); FID: 1,000 samples vs 1,000 real, "
          f"domain extractor. Medians over seeds.")
    print(f"{'variant':46} {'steps':>6} {'confidence':>10} {'classes':>7} {'score':>6} {'FID':>7}")
    for name, settings in VARIANTS.items():
        if a.only not in name:
            continue
        runs = [measure(settings, a.budget, seed, a.threads) for seed in range(a.seeds)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"{name:46} {med['steps']:6.0f} {med['confidence']:10.3f} {med['classes']:5.0f}/10 "
              f"{med['score_share']:6.0%} {med['fid']:7.2f}", flush=True)


if __name__ == "__main__":
    main()
