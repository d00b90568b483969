"""Data-parallel training with torch.distributed: one model, one process per rank, started by torchrun.

`torchrun --nproc_per_node N -m ganengine train ...` sets WORLD_SIZE/RANK/LOCAL_RANK; each rank
trains on its own batches, gradients are averaged by DistributedDataParallel (NCCL on GPUs, gloo on
CPUs), and only rank 0 writes events, samples and checkpoints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel


@dataclass(frozen=True)
class DistContext:
    rank: int = 0
    world_size: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def active(self) -> bool:
        return self.world_size > 1

    def any(self, flag: bool) -> bool:
        """True on every rank if it is true on any rank (keeps stop decisions in lock-step)."""
        if not self.active:
            return flag
        t = torch.tensor([1.0 if flag else 0.0])
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        return bool(t.item())

    def from_main(self, flag: bool) -> bool:
        """Rank 0's decision, everywhere (time budgets and cancels are decided once)."""
        if not self.active:
            return flag
        t = torch.tensor([1.0 if flag else 0.0])
        dist.broadcast(t, src=0)
        return bool(t.item())

    def barrier(self) -> None:
        if self.active:
            dist.barrier()

    def wrap(self, model: nn.Module, device: torch.device) -> nn.Module:
        """DistributedDataParallel around `model` when several ranks run, else the model itself."""
        if not self.active:
            return model
        ids = [device.index if device.index is not None else self.local_rank] if device.type == "cuda" else None
        return DistributedDataParallel(model, device_ids=ids)


def init_from_env(device_type: str) -> DistContext:
    """Join the process group that torchrun describes in the environment (once); single-process otherwise."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return DistContext()
    rank, local = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
    if not dist.is_initialized():
        # The small stop/NaN flags are CPU tensors: gloo carries them, NCCL the CUDA gradients.
        backend = "cpu:gloo,cuda:nccl" if device_type == "cuda" else "gloo"
        if device_type == "cuda":
            torch.cuda.set_device(local)
        dist.init_process_group(backend)
    return DistContext(rank, world, local)


def shutdown(ctx: DistContext) -> None:
    if ctx.active and dist.is_initialized():
        dist.destroy_process_group()
