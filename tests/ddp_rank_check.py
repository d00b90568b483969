"""Run under torchrun by tests/test_distributed.py: every rank writes its own run folder, so the test
can check that DistributedDataParallel kept the ranks' weights identical."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ganengine.distributed as distributed

distributed.DistContext.is_main = property(lambda self: True)  # test only: every rank writes

from ganengine.tasks import GanConfig
from ganengine.train import run_task

out, loss = sys.argv[1], sys.argv[2]
cfg = GanConfig(model="cdcgan", data="digits", width=8, batch_size=16, steps=6, loss=loss, num_threads=1,
                  log_every=2, sample_every=100, checkpoint_every=6, max_items=200)
run_task(cfg, Path(out) / f"rank{os.environ['RANK']}")
