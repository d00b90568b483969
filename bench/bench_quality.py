"""Benchmark: time to quality. A fresh DCGAN on `digits` trained for a fixed wall-clock budget on the CPU,
in fp32 and with the default mixed precision, each judged by the independent digits judge and by FID.

Run by hand:  python bench/bench_quality.py [--budget 60]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ganengine.judge import judge_checkpoint  # noqa: E402
from ganengine.metrics import evaluate_generator  # noqa: E402
from ganengine.pipelines import SamplePipeline  # noqa: E402
from ganengine.tasks import GanConfig  # noqa: E402
from ganengine.train import run_task  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--width", type=int, default=32)
    a = parser.parse_args()
    print(f"# DCGAN width {a.width} on digits, {a.budget:g} s wall-clock budget, CPU, seed 0; judge: 1,000 samples; FID: "
          f"1,000 samples vs 1,000 real, domain extractor")
    for amp in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = GanConfig(model="dcgan", data="digits", steps=None, time_budget=a.budget, width=a.width, amp=amp,
                            sample_every=100_000, checkpoint_every=100_000)
            result = run_task(cfg, tmp)
            judge = judge_checkpoint(result.checkpoint, n=1000)
            fid = evaluate_generator(SamplePipeline.load(result.checkpoint), n=1000, metrics=("fid",)).metrics["fid"]
        print(f"amp={'on ' if amp else 'off'}  steps {result.step:5d}  judge confidence {judge['mean_confidence']:.3f}  "
              f"classes {judge['classes_covered']}/10  variety {judge['diversity_ratio']:.2f}  FID {fid:.2f}", flush=True)


if __name__ == "__main__":
    main()
