"""The one training loop every task runs through: plain PyTorch, one function, two hooks.

`run_task()` is what the CLI, the job worker and the tests call: device and data parallelism,
seeding, step and time budgets, resume (weights, optimisers, RNGs, step), the NaN/inf guard, the
logging / preview / checkpoint cadence, an EMA of the task's EMA role, an event sink and a
should_stop hook. `Trainer` holds one run's state and steps it in-process (`step_n`), so a page
can drive a tiny model without a job. The loop knows nothing of GANs: the task does the step.
"""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from ..atomic import disk_full, free_mb, write_atomic
from ..checkpoints import save_checkpoint
from ..config import RunConfig
from ..devices import autocast_dtype, configure_device, keep_freed_memory, resolve_device, seed_everything, set_threads
from ..distributed import init_from_env
from ..events import EventSink, ended, event
from ..imageio import save_png
from ..models import count_parameters
from ..runs import RunDir, step_of
from ..tasks import TASKS, NonFiniteLoss, Task, TrainEnv
from .probe import QualityWatch, has_probe

RESUME_FORMAT = 2
PROGRESS_EVERY_S = 1.5  # a metrics event at least this often (plus one step), whatever log_every says
SAMPLE_EVERY_S = 30.0  # a preview at least this often on a slow server, whatever sample_every says


@dataclass(frozen=True)
class TrainResult:
    status: str  # finished | failed | cancelled
    step: int
    checkpoint: Path | None
    reason: str


class EMA:
    """An exponential moving average of a network's weights (buffers copied), for smoother samples.

    The decay warms up as min(decay, (1 + step) / (10 + step)): with a fixed 0.999 a 1,500-step run's average would
    still hold 22 % of the random initial weights (0.999^1500); warmed up, it forgets them within the first steps.
    """

    def __init__(self, module: nn.Module, decay: float) -> None:
        self.module, self.decay = module, decay
        self.shadow = copy.deepcopy(module).eval().requires_grad_(False)

    def decay_at(self, step: int) -> float:
        """The decay of the update made after `step` steps (0 = the first)."""
        return min(self.decay, (1 + step) / (10 + step))

    @torch.no_grad()
    def update(self, step: int) -> None:
        params = [p for p in self.module.parameters()]
        shadow = [p for p in self.shadow.parameters()]
        torch._foreach_lerp_(shadow, params, 1.0 - self.decay_at(step))
        for b_shadow, b in zip(self.shadow.buffers(), self.module.buffers(), strict=True):
            b_shadow.copy_(b)


def _rng_state() -> dict[str, Any]:
    np_state = np.random.get_state()
    python = random.getstate()
    return {
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
        "numpy": [np_state[0], torch.from_numpy(np_state[1].astype(np.int64)), *np_state[2:]],
        "python": [python[0], list(python[1]), python[2]],
    }


def _set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    if state.get("cuda") and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
    if "numpy" in state:
        name, keys, *rest = state["numpy"]
        np.random.set_state((name, keys.numpy().astype(np.uint32), *rest))
    if "python" in state:
        version, internal, gauss = state["python"]
        random.setstate((version, tuple(internal), gauss))


def _upgrade_resume(state: dict[str, Any]) -> dict[str, Any]:
    """A resume.pt written before tasks existed (a GAN's G, D, opt_g, opt_d) in today's layout."""
    if state.get("format") == RESUME_FORMAT:
        return state
    return {"format": RESUME_FORMAT, "step": state["step"],
            "networks": {"generator": state["G"], "discriminator": state["D"]},
            "optimizers": {"generator": state["opt_g"], "discriminator": state["opt_d"]},
            "task": {"batch_rng": state["batch_rng"]}, "ema": {}, "rng": {"torch": state["rng"]}}


class Trainer:
    """A task built on its device with its networks and optimisers, at some step: one run's live state."""

    def __init__(self, cfg: RunConfig, data: Any = None) -> None:
        cfg.validate()
        self.cfg = cfg
        device = resolve_device(cfg.device)
        dist = init_from_env(device.type)  # several ranks under torchrun, else a no-op context
        if dist.active and device.type == "cuda":
            device = torch.device("cuda", dist.local_rank)
        configure_device(device)
        set_threads(cfg.num_threads)
        seed_everything(cfg.seed)
        task_type = TASKS.get(cfg.task)
        amp = autocast_dtype(device, cfg.amp and task_type.mixed_precision(cfg))
        self.env = TrainEnv(device, amp, dist, torch.amp.GradScaler(device.type, enabled=amp == torch.float16),
                            defer_checks=defers_finite_checks(device))
        self.task: Task = task_type(cfg, self.env, data)
        if dist.active:
            torch.manual_seed(cfg.seed + 1000 * dist.rank)  # same initial weights (DDP broadcasts rank 0's), other noise
        role = self.task.ema_role
        self.ema = EMA(self.task.networks()[role], cfg.ema_decay) if role and cfg.ema_decay > 0 else None
        self.step = 0
        self.t0 = time.monotonic()

    @property
    def total_steps(self) -> int:
        return self.cfg.steps if self.cfg.steps is not None else 10**9

    def progress(self, elapsed: float) -> float:
        budget = self.cfg.time_budget
        return min(1.0, max(self.step / self.total_steps, elapsed / budget if budget else 0.0))

    def nets(self) -> dict[str, nn.Module]:
        """The networks by role, the EMA copy standing in for its role where one is kept."""
        nets = dict(self.task.networks())
        if self.ema is not None and self.task.ema_role:
            nets[self.task.ema_role] = self.ema.shadow
        return nets

    def train_step(self, measure: bool) -> dict[str, float]:
        """One step of the task; floats when measuring. A NaN loss's update is never applied, and NonFiniteLoss is raised
        by a measured step or `settle`."""
        self.env.step = self.step
        values = self.task.train_step(self.step, self.progress(time.monotonic() - self.t0), measure)
        if measure:
            self.env.settle()
        if self.ema is not None:
            self.ema.update(self.step)
        self.step += 1
        return {k: float(v) for k, v in values.items()} if measure else {}

    def step_n(self, n: int) -> dict[str, float]:
        """Train n steps in this process (no job, no files) and return the last step's named values."""
        values: dict[str, float] = {}
        for i in range(n):
            values = self.train_step(measure=i == n - 1)
        return values

    def preview(self):
        return self.task.preview(self.nets())

    def state_dict(self) -> dict[str, Any]:
        return {
            "format": RESUME_FORMAT, "step": self.step,
            "networks": {r: m.state_dict() for r, m in self.task.networks().items()},
            "optimizers": {n: o.state_dict() for n, o in self.task.optimizers().items()},
            "ema": {self.task.ema_role: self.ema.shadow.state_dict()} if self.ema and self.task.ema_role else {},
            "task": self.task.state(), "rng": _rng_state(),
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        state = _upgrade_resume(state)
        for role, module in self.task.networks().items():
            module.load_state_dict(state["networks"][role])
        for name, opt in self.task.optimizers().items():
            opt.load_state_dict(state["optimizers"][name])
        if self.ema is not None:
            saved = state.get("ema", {}).get(self.task.ema_role)
            self.ema.shadow.load_state_dict(saved if saved is not None else self.ema.module.state_dict())
        self.task.load_state(state.get("task", {}))
        _set_rng_state(state["rng"])
        self.step = int(state["step"])
        dist = self.env.dist
        if dist.active:  # the saved state is rank 0's: give every rank its own noise and batches again
            torch.manual_seed(self.cfg.seed + 1000 * dist.rank + 7919 * self.step)
            self.task.reseed(self.cfg.seed + dist.rank + 7919 * self.step)

    def weights_finite(self) -> bool:
        return all(bool(torch.isfinite(p).all()) for m in self.nets().values() for p in m.parameters())


def out_of_memory(exc: BaseException) -> bool:
    """Whether `exc` is an allocation that failed (CPU or GPU)."""
    text = str(exc).lower()
    return isinstance(exc, torch.OutOfMemoryError | MemoryError) or "out of memory" in text or "can't allocate memory" in text


def defers_finite_checks(device: torch.device) -> bool:
    """A GPU reads a loss's finiteness check at the next measured step (see TrainEnv); a CPU reads it at once."""
    return device.type == "cuda"


def retries_out_of_memory(device: torch.device) -> bool:
    """A GPU that ran out of memory is tried once more at half the batch; a CPU's memory is the server's too."""
    return device.type == "cuda"


def kept_note(last_ckpt: Path | None) -> str:
    """What a run that stopped on an error still has, as the end of its reason."""
    return f"; kept the last good checkpoint (step {step_of(last_ckpt)})" if last_ckpt else "; no checkpoint had been written yet"


def run_task(
    cfg: RunConfig,
    run_dir: str | Path,
    sink: EventSink = lambda event: None,
    should_stop: Callable[[], bool] = lambda: False,
    data: Any = None,
    resume: bool = False,
    memory_retry: bool = True,
) -> TrainResult:
    """Train `cfg`'s task as it says, writing everything into `run_dir`; never raises for training errors.

    Errors before the first step (a bad config, missing data) raise, with a one-line message. The ended event carries
    a `code` and `params` besides its English `reason`, so a page can say it in the reader's language. A GPU that runs
    out of memory goes on once from its last checkpoint at half the batch (`memory_retry`).
    """
    cfg.validate()
    run = RunDir(Path(run_dir))
    trainer = Trainer(cfg, data)
    if trainer.env.device.type == "cpu":
        keep_freed_memory()  # this process trains: reuse last step's buffers instead of faulting in fresh pages
    task, dist = trainer.task, trainer.env.dist
    if dist.is_main:
        run.prepare(cfg)
    else:
        sink = lambda event: None  # noqa: E731 (only rank 0 reports and writes)
    if resume and run.resume_path.exists():
        # On the CPU: RNG states must stay there, and each network and optimiser moves its own tensors to its device.
        trainer.load_state_dict(torch.load(run.resume_path, map_location="cpu", weights_only=True))

    last_ckpt = run.latest_checkpoint() if resume else None
    watch = QualityWatch(run.root) if dist.is_main and getattr(cfg, "quality_probe", False) and \
        has_probe(cfg.task, cfg.data) else None
    amp = trainer.env.amp
    sink(event(
        "started", trainer.step, task=cfg.task, total_steps=cfg.steps, time_budget=cfg.time_budget,
        device=str(trainer.env.device), amp=str(amp).replace("torch.", "") if amp else "off",
        world_size=dist.world_size, config=cfg.to_dict(),
        params={role: count_parameters(m) for role, m in task.networks().items()},
        charts=[c.to_dict() for c in task.charts()], ema=cfg.ema_decay or None, **task.info(),
    ))

    def emit_sample() -> None:
        if not dist.is_main:
            return
        preview = trainer.preview()
        if preview.points is not None:
            sink(event("sample", trainer.step, points=preview.points))
        elif preview.image is not None:
            path = run.samples_dir / f"step_{trainer.step:07d}.png"
            save_png(preview.image, path, {**preview.meta, "step": str(trainer.step)})
            sink(event("sample", trainer.step, path=str(path.relative_to(run.root))))

    def write_checkpoint() -> Path | None:
        if not dist.is_main:
            return None
        nets = trainer.nets()
        path = run.checkpoint_path(trainer.step)
        existed = path.exists()
        save_checkpoint(path, task.weights(nets), task.card(trainer.step, nets))
        try:
            write_atomic(run.resume_path, lambda tmp: torch.save(trainer.state_dict(), tmp))
        except BaseException:  # weights without their resume state would resume from an older step: drop them
            if not existed:
                path.unlink(missing_ok=True)
            raise
        sink(event("checkpoint", trainer.step, path=str(path.relative_to(run.root))))
        if watch is not None:
            for e in watch.after_checkpoint(path, trainer.step):
                sink(e)
        return path

    status, reason, nan_stop, lockstep = "finished", "", False, True
    code, params, retry_batch = "finished", {}, 0
    t0 = trainer.t0 = time.monotonic()
    window_t, window_steps = t0, 0
    sampled_t, sampled_step = t0, None
    items_per_step = task.items_per_step() * dist.world_size
    try:
        while trainer.step < trainer.total_steps:
            elapsed = time.monotonic() - t0
            if dist.from_main(should_stop()):
                status, reason, code = "cancelled", "stopped by the user", "stopped"
                break
            if dist.from_main(cfg.time_budget is not None and elapsed >= cfg.time_budget):
                reason, code, params = f"time budget of {cfg.time_budget:g} s reached", "time_budget", {"seconds": cfg.time_budget}
                break
            step = trainer.step
            measure = (step + 1) % cfg.log_every == 0 or step == 0 or time.monotonic() - window_t >= PROGRESS_EVERY_S
            values = trainer.train_step(measure)
            window_steps += 1
            if measure:
                now = time.monotonic()
                rate = window_steps / max(now - window_t, 1e-9)
                sink(event("metrics", trainer.step, progress=round(trainer.progress(now - t0), 5),
                           elapsed=round(now - t0, 3), steps_per_s=rate, items_per_s=rate * items_per_step, values=values))
                window_t, window_steps = now, 0
            sample_now = cfg.sample_at(trainer.step) or time.monotonic() - sampled_t >= SAMPLE_EVERY_S
            checkpoint_now = trainer.step % cfg.checkpoint_every == 0
            if sample_now or checkpoint_now:
                trainer.env.settle()  # nothing is written after a NaN
            if sample_now:
                emit_sample()
                sampled_t, sampled_step = time.monotonic(), trainer.step
            if checkpoint_now:
                last_ckpt = write_checkpoint() or last_ckpt
        trainer.env.settle()
    except NonFiniteLoss as exc:
        nan = exc
    except Exception as exc:  # a crash ends this run with a message, never the caller
        lockstep = False
        nan = trainer.env.unread_nan()  # a NaN before the crash that nobody had read yet ended the run first
        if nan is None:
            full = disk_full(exc, run.root)
            status, nan_stop = "failed", full is not None  # as after NaN, a full disk gets no final write
            reason = f"{full}{kept_note(last_ckpt)}" if full else f"{type(exc).__name__}: {exc}"
            code, params = ("disk_full", {"mb": free_mb(run.root)}) if full else ("crash", {"error": f"{type(exc).__name__}: {exc}"})
        if nan is None and out_of_memory(exc):
            del exc  # its traceback holds the step's tensors
            if memory_retry and retries_out_of_memory(trainer.env.device) and cfg.batch_size >= 4 and dist.world_size == 1:
                retry_batch = cfg.batch_size // 2
            reason = (f"ran out of memory at step {trainer.step + 1} with a batch of {cfg.batch_size}: try a smaller "
                      f"batch size or a narrower model{kept_note(last_ckpt)}")
            code, params = "out_of_memory", {"step": trainer.step + 1, "batch": cfg.batch_size}
            if trainer.env.device.type == "cuda":
                torch.cuda.empty_cache()
    else:
        nan = None
    if nan is not None:  # no final write: what came after the NaN is not kept
        status, nan_stop = "failed", True
        reason = (f"the {nan} loss became NaN or infinite at step {nan.step + 1}, training was unstable "
                  f"(try a lower learning rate){kept_note(last_ckpt)}")
        code, params = "nan", {"loss": str(nan), "step": nan.step + 1}

    step = nan.step if nan is not None else trainer.step  # the good steps: none after a NaN counts
    if not nan_stop and trainer.weights_finite() and step > 0 and (last_ckpt is None or step_of(last_ckpt) != step):
        try:
            if sampled_step != step:
                emit_sample()
            last_ckpt = write_checkpoint() or last_ckpt
        except Exception as exc:  # disk full and the like: report, keep what exists
            why = disk_full(exc, run.root) or exc
            reason = f"{reason}; the final checkpoint could not be written: {why}{kept_note(last_ckpt)}".lstrip("; ")
            params = {**params, "final_write": str(why)}
            retry_batch = 0
    if retry_batch and last_ckpt is not None:
        sink(event("warning", step, code="memory_retry", params={"batch": retry_batch, "step": step_of(last_ckpt)},
                   message=f"out of memory with a batch of {cfg.batch_size}: going on from step {step_of(last_ckpt)} "
                           f"with a batch of {retry_batch}"))
        del trainer, task
        return run_task(replace(cfg, batch_size=retry_batch), run.root, sink, should_stop, data, resume=True,
                        memory_retry=False)
    params = {**params, "kept": step_of(last_ckpt) if last_ckpt else None}
    sink(ended(status, step, reason, str(last_ckpt.relative_to(run.root)) if last_ckpt else None,
               elapsed=round(time.monotonic() - t0, 3), code=code, params=params))
    if lockstep:
        dist.barrier()  # other ranks leave only once rank 0 has written its last checkpoint and event
    return TrainResult(status, step, last_ckpt, reason)
