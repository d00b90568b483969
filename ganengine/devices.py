"""Device choice, autocast policy, thread limits and seeding."""

from __future__ import annotations

import contextlib
import ctypes
import os
import platform
import random

import numpy as np
import torch

from .errors import ConfigError


def resolve_device(name: str = "auto") -> torch.device:
    """'auto' picks CUDA when present, else the CPU; 'cuda' without a GPU is an error."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise ConfigError("device 'cuda' was asked for but no CUDA GPU is visible")
    return torch.device(name)


def configure_device(device: torch.device) -> None:
    """Turn on TF32 matmuls and cuDNN autotuning on CUDA (harmless elsewhere)."""
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True


def cpu_has_fast_bf16() -> bool:
    """True where oneDNN runs bf16 natively (AVX-512 BF16 or AMX); elsewhere bf16 on the CPU is emulated and slow."""
    try:
        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def autocast_dtype(device: torch.device, enabled: bool) -> torch.dtype | None:
    """Mixed precision: bf16 on GPUs that have it (fp16 otherwise) and on CPUs with native bf16; None = fp32."""
    if not enabled:
        return None
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "cpu" and cpu_has_fast_bf16():
        return torch.bfloat16
    return None


def autocast(device: torch.device, dtype: torch.dtype | None) -> contextlib.AbstractContextManager:
    if dtype is None:
        return contextlib.nullcontext()
    return torch.autocast(device_type=device.type, dtype=dtype)


def indices_to(idx: torch.Tensor, device: torch.device) -> torch.Tensor:
    """Host-drawn batch indices on `device`. A GPU gets them through pinned memory without a host sync: a plain copy
    from pageable memory waits for the GPU to drain its queue, and then the CPU cannot run ahead and keep it busy."""
    if device.type != "cuda":
        return idx.to(device)
    return idx.pin_memory().to(device, non_blocking=True)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


#: glibc's mallopt parameters, and what a training process sets them to: blocks up to 32 MB (glibc's ceiling) come
#: from the heap instead of a fresh mmap each, and up to 256 MB freed at the heap's top stays for the next step
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD, _TRIM_THRESHOLD = 32 << 20, 256 << 20


def keep_freed_memory() -> bool:
    """Make glibc reuse freed memory for the next step's tensors instead of returning it to the kernel; True if set.

    A training step frees and re-allocates the same multi-MB buffers every step. By default glibc maps each afresh,
    and the kernel zeroes its pages on first touch: a width-64 DCGAN step on the CPU took 3,500 page faults (7-11 ms
    of system time a step). Process-wide, so it is for processes that train (a job, the CLI, a
    benchmark), never the web server. No-op where the C library is not glibc.
    """
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and libc.mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def set_threads(n: int) -> None:
    """Limit intra-op threads (0 keeps torch's default)."""
    if n > 0:
        torch.set_num_threads(n)


def describe() -> dict[str, str | int | bool]:
    """What the Home page shows about the machine."""
    info: dict[str, str | int | bool] = {
        "torch": torch.__version__,
        "cuda": torch.cuda.is_available(),
        "cpu_threads": torch.get_num_threads(),
        "cpu_count": os.cpu_count() or 1,
    }
    if torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info
