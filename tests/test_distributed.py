"""Data-parallel training under torchrun with 2 CPU processes (gloo): one writer, ranks in lock-step."""

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def torchrun(*args: str) -> subprocess.CompletedProcess:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_addr", "127.0.0.1",
           "--master_port", str(port), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_two_gloo_processes_write_one_run(tmp_path):
    out = tmp_path / "run"
    proc = torchrun("-m", "ganengine", "train", "--model", "dcgan", "--data", "digits", "--width", "4", "--nz", "8",
                    "--batch-size", "8", "--steps", "6", "--max-items", "64", "--threads", "1", "--log-every", "2",
                    "--sample-every", "3", "--checkpoint-every", "3", "--out", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    kinds = [e["type"] for e in events]
    assert kinds.count("started") == 1 and kinds.count("ended") == 1 and kinds.count("checkpoint") == 2
    assert events[-1]["status"] == "finished"
    assert events[0]["world_size"] == 2
    assert sorted(p.name for p in (out / "checkpoints").iterdir()) == ["step_0000003.safetensors", "step_0000006.safetensors"]
    assert proc.stdout.count("finished at step 6") == 1  # only rank 0 reports


@pytest.mark.parametrize("loss", ["bce", "wgan-gp"])
def test_ranks_keep_identical_weights(tmp_path, loss):
    proc = torchrun(str(ROOT / "tests" / "ddp_rank_check.py"), str(tmp_path), loss)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for key in ("generator", "discriminator"):
        a = torch.load(tmp_path / "rank0" / "resume.pt", weights_only=True)["networks"][key]
        b = torch.load(tmp_path / "rank1" / "resume.pt", weights_only=True)["networks"][key]
        params = [k for k in a if "running" not in k and "num_batches" not in k]
        assert params and all(torch.equal(a[k], b[k]) for k in params), key
