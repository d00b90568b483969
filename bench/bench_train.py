"""Benchmark: training throughput of GAN Studio's loop against the textbook PyTorch DCGAN loop, same process.

Run by hand:  python bench/bench_train.py [--steps 60] [--width 64] [--batch-size 64] [--device auto]
(the same as `python -m ganengine bench train ...`). The textbook loop: DataLoader over a
TensorDataset, Sigmoid + nn.BCELoss, fp32, separate D and G steps, default memory format. Prints
steps/s, images/s, FLOPs per step, the share of the measured matmul peak, and the ratio.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ganengine.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "train", *sys.argv[1:]]))
