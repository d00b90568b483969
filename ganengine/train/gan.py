"""The GAN training loop: plain PyTorch, one function, two hooks (an event sink and should_stop).

The CLI, the job runner and the tests all call train_gan(). Every `log_every` steps it emits a
metrics event; every `sample_every` steps a sample of fixed noise; every `checkpoint_every`
steps a checkpoint. It stops on NaN/inf losses without stepping the optimisers, so the last
checkpoint written stays good.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from ..checkpoints import ModelCard, generator_tensors, save_checkpoint
from ..config import TrainConfig
from ..data import DataRequest, TensorData, load_data
from ..devices import autocast, autocast_dtype, configure_device, resolve_device, seed_everything, set_threads
from ..distributed import init_from_env
from ..events import EventSink
from ..imageio import save_png
from ..losses import get_loss, gradient_penalty
from ..models import ModelSpec, build_discriminator, build_generator, count_parameters
from ..runs import RunDir, step_of
from ..sampling import grid, latents

N_FIXED_IMAGES = 64
N_FIXED_POINTS = 1000


@dataclass(frozen=True)
class TrainResult:
    status: str  # finished | failed | cancelled
    step: int
    checkpoint: Path | None
    reason: str


def model_spec(cfg: TrainConfig, data: TensorData) -> ModelSpec:
    """The architecture for this config and data set (D's norm follows the loss and stabilisers)."""
    d_norm = "spectral" if cfg.spectral_norm else ("none" if cfg.loss == "wgan-gp" else "batch")
    if data.kind == "points":
        if cfg.model != "mlp":
            raise ValueError(f"{data.name} is a 2-D point set: use the mlp model")
        return ModelSpec("mlp", nz=cfg.nz, width=cfg.width, out_dim=int(data.x.shape[1]), d_norm=d_norm)
    if cfg.conditional and data.num_classes < 2:
        raise ValueError(f"{data.name} has no class labels: a conditional model needs them")
    return ModelSpec(cfg.model, nz=cfg.nz, width=cfg.width, image_size=data.image_size, channels=data.channels,
                     num_classes=data.num_classes if cfg.conditional else 0, d_norm=d_norm)


def make_card(cfg: TrainConfig, spec: ModelSpec, data: TensorData, step: int) -> ModelCard:
    return ModelCard(
        kind="cgan" if spec.num_classes else "gan", arch=spec.to_dict(), data=cfg.data,
        image_size=spec.image_size, channels=spec.channels if not spec.makes_points else 0,
        class_names=list(data.class_names), attribute_names=list(data.attribute_names),
        steps=step, command=cfg.command, config=cfg.to_dict(),
    )


def _grad_norm(model: nn.Module) -> float:
    grads = [p.grad.detach().flatten() for p in model.parameters() if p.grad is not None]
    return float(torch.cat(grads).norm()) if grads else 0.0


def train_gan(
    cfg: TrainConfig,
    run_dir: str | Path,
    sink: EventSink = lambda event: None,
    should_stop: Callable[[], bool] = lambda: False,
    data: TensorData | None = None,
    resume: bool = False,
) -> TrainResult:
    """Train a GAN as `cfg` says, writing everything into `run_dir`; never raises for training errors."""
    cfg.validate()
    run = RunDir(Path(run_dir))
    device = resolve_device(cfg.device)
    ctx = init_from_env(device.type)  # several ranks under torchrun, else a no-op context
    if ctx.active and device.type == "cuda":
        device = torch.device("cuda", ctx.local_rank)
    if ctx.is_main:
        run.prepare(cfg)
    else:
        sink = lambda event: None  # noqa: E731 (only rank 0 reports and writes)
    configure_device(device)
    set_threads(cfg.num_threads)
    seed_everything(cfg.seed)
    if data is None:
        data = load_data(cfg.data, DataRequest(cfg.image_size, cfg.channels, cfg.seed, cfg.max_items))
    spec = model_spec(cfg, data)
    # Convolutions run fastest on NHWC ("channels last") in oneDNN and cuDNN; tensors keep their NCHW shape.
    memory_format = torch.contiguous_format if spec.makes_points else torch.channels_last
    data.to(device)
    if not spec.makes_points:
        data.x = data.x.contiguous(memory_format=memory_format)
    G = build_generator(spec).to(device, memory_format=memory_format)
    D = build_discriminator(spec).to(device, memory_format=memory_format)
    # Under torchrun the trainable forwards go through DistributedDataParallel (gradients averaged across
    # ranks); no-grad and frozen forwards use the plain modules, so DDP only sees what it must sync.
    G_train, D_train = ctx.wrap(G, device), ctx.wrap(D, device)
    if ctx.active:
        torch.manual_seed(cfg.seed + 1000 * ctx.rank)  # same initial weights (DDP broadcasts rank 0's), other noise
    opt_g = torch.optim.Adam(G.parameters(), lr=cfg.lr_g, betas=(cfg.beta1, cfg.beta2))
    opt_d = torch.optim.Adam(D.parameters(), lr=cfg.lr_d, betas=(cfg.beta1, cfg.beta2))
    loss = get_loss(cfg.loss)
    amp = autocast_dtype(device, cfg.amp)
    scaler = torch.amp.GradScaler(device.type, enabled=amp == torch.float16)
    batch_gen = torch.Generator().manual_seed(cfg.seed + ctx.rank)
    n_fixed = N_FIXED_POINTS if spec.makes_points else N_FIXED_IMAGES
    fixed_z = latents(n_fixed, spec.nz, seed=cfg.seed + 1).to(device)
    fixed_y = (torch.arange(n_fixed) % spec.num_classes).to(device) if spec.num_classes else None
    real_target = 1.0 - cfg.label_smoothing

    step = 0
    if resume and run.resume_path.exists():
        state = torch.load(run.resume_path, map_location=device, weights_only=True)
        G.load_state_dict(state["G"])
        D.load_state_dict(state["D"])
        opt_g.load_state_dict(state["opt_g"])
        opt_d.load_state_dict(state["opt_d"])
        batch_gen.set_state(state["batch_rng"])
        torch.set_rng_state(state["rng"])
        step = int(state["step"])
        if ctx.active:  # the saved state is rank 0's: give every rank its own noise and batches again
            torch.manual_seed(cfg.seed + 1000 * ctx.rank + 7919 * step)
            batch_gen.manual_seed(cfg.seed + ctx.rank + 7919 * step)

    total_steps = cfg.steps if cfg.steps is not None else 10**9
    last_ckpt = run.latest_checkpoint() if resume else None
    sink({
        "type": "started", "step": step, "total_steps": cfg.steps, "time_budget": cfg.time_budget,
        "device": str(device), "amp": str(amp).replace("torch.", "") if amp else "off",
        "params_g": count_parameters(G), "params_d": count_parameters(D), "kind": data.kind,
        "d_output": "probability" if loss.probabilistic else "score", "data_items": len(data),
        "class_names": list(data.class_names), "config": cfg.to_dict(), "world_size": ctx.world_size,
    })

    def emit_sample() -> None:
        if not ctx.is_main:
            return
        G.eval()
        with torch.no_grad(), autocast(device, amp):
            out = G(fixed_z, fixed_y).float().cpu()
        G.train()
        if spec.makes_points:
            sink({"type": "sample", "step": step, "points": [[round(float(a), 4), round(float(b), 4)] for a, b in out]})
        else:
            path = run.samples_dir / f"step_{step:07d}.png"
            save_png(grid(out, nrow=8), path, {"model": spec.name, "step": str(step), "seed": str(cfg.seed + 1)})
            sink({"type": "sample", "step": step, "path": str(path.relative_to(run.root))})

    def write_checkpoint() -> Path | None:
        if not ctx.is_main:
            return None
        path = save_checkpoint(run.checkpoint_path(step), generator_tensors(G), make_card(cfg, spec, data, step))
        tmp = run.resume_path.with_suffix(".tmp")
        torch.save({"step": step, "G": G.state_dict(), "D": D.state_dict(), "opt_g": opt_g.state_dict(),
                    "opt_d": opt_d.state_dict(), "batch_rng": batch_gen.get_state(), "rng": torch.get_rng_state()}, tmp)
        os.replace(tmp, run.resume_path)
        sink({"type": "checkpoint", "step": step, "path": str(path.relative_to(run.root))})
        return path

    def d_out(logits: torch.Tensor) -> float:
        logits = logits.detach()
        return float(torch.sigmoid(logits).mean() if loss.probabilistic else logits.mean())

    status, reason, nan_stop, lockstep = "finished", "", False, True
    t0 = time.monotonic()
    window_t, window_steps = t0, 0
    try:
        while step < total_steps:
            elapsed = time.monotonic() - t0
            if ctx.from_main(should_stop()):
                status, reason = "cancelled", "stopped by the user"
                break
            if ctx.from_main(cfg.time_budget is not None and elapsed >= cfg.time_budget):
                reason = f"time budget of {cfg.time_budget:g} s reached"
                break
            progress = max(step / total_steps, elapsed / cfg.time_budget if cfg.time_budget else 0.0)
            noise = cfg.instance_noise * max(0.0, 1.0 - progress)
            measure = (step + 1) % cfg.log_every == 0 or step == 0

            # Discriminator phase: push D(x) up and D(G(z)) down.
            D.requires_grad_(True)
            for _ in range(cfg.d_steps):
                real, y_real = data.sample(cfg.batch_size, batch_gen)
                z = torch.randn(cfg.batch_size, spec.nz, device=device)
                y_fake = torch.randint(spec.num_classes, (cfg.batch_size,), device=device) if spec.num_classes else None
                with torch.no_grad(), autocast(device, amp):
                    fake = G(z, y_fake)
                fake = fake.float()
                if noise > 0:
                    real = real + noise * torch.randn_like(real)
                    fake = fake + noise * torch.randn_like(fake)
                with autocast(device, amp):
                    r_logits, f_logits = D_train(real, y_real).float(), D(fake, y_fake).float()
                    loss_d = loss.d_loss(r_logits, f_logits, real_target)
                if loss.gradient_penalty:
                    loss_d = loss_d + cfg.gp_weight * gradient_penalty(lambda x, y=y_real: D(x, y), real, fake)
                if ctx.any(not torch.isfinite(loss_d)):
                    raise FloatingPointError("discriminator")
                opt_d.zero_grad(set_to_none=True)
                scaler.scale(loss_d).backward()
                if measure:
                    scaler.unscale_(opt_d)  # measure true gradients, not fp16-scaled ones
                grad_d = _grad_norm(D) if measure else 0.0
                scaler.step(opt_d)
                scaler.update()

            # Generator phase: make D call the fakes real.
            D.requires_grad_(False)
            for _ in range(cfg.g_steps):
                z = torch.randn(cfg.batch_size, spec.nz, device=device)
                y_fake = torch.randint(spec.num_classes, (cfg.batch_size,), device=device) if spec.num_classes else None
                with autocast(device, amp):
                    fake = G_train(z, y_fake).float()
                    if noise > 0:
                        fake = fake + noise * torch.randn_like(fake)
                    g_logits = D(fake, y_fake).float()
                    loss_g = loss.g_loss(g_logits)
                if ctx.any(not torch.isfinite(loss_g)):
                    raise FloatingPointError("generator")
                opt_g.zero_grad(set_to_none=True)
                scaler.scale(loss_g).backward()
                if measure:
                    scaler.unscale_(opt_g)
                grad_g = _grad_norm(G) if measure else 0.0
                scaler.step(opt_g)
                scaler.update()

            step += 1
            window_steps += 1
            if measure:
                now = time.monotonic()
                sink({
                    "type": "metrics", "step": step, "elapsed": round(now - t0, 3),
                    "loss_d": float(loss_d.detach()), "loss_g": float(loss_g.detach()),
                    "d_real": d_out(r_logits), "d_fake": d_out(f_logits),
                    "grad_norm_d": grad_d, "grad_norm_g": grad_g,
                    "images_per_s": window_steps * cfg.batch_size * ctx.world_size / max(now - window_t, 1e-9),
                    "instance_noise": noise,
                })
                window_t, window_steps = now, 0
            if step % cfg.sample_every == 0:
                emit_sample()
            if step % cfg.checkpoint_every == 0:
                last_ckpt = write_checkpoint() or last_ckpt
    except FloatingPointError as exc:
        status, nan_stop = "failed", True
        kept = f"; kept the last good checkpoint (step {step_of(last_ckpt)})" if last_ckpt else "; no checkpoint had been written yet"
        reason = f"the {exc} loss became NaN or infinite at step {step + 1}, training was unstable (try a lower learning rate){kept}"
    except Exception as exc:  # a crash ends this run with a message, never the caller
        status, reason, lockstep = "failed", f"{type(exc).__name__}: {exc}", False

    weights_ok = all(torch.isfinite(p).all() for p in G.parameters())
    if not nan_stop and weights_ok and step > 0 and (last_ckpt is None or step_of(last_ckpt) != step):
        try:
            if step % cfg.sample_every:
                emit_sample()
            last_ckpt = write_checkpoint() or last_ckpt
        except Exception as exc:  # disk full and the like: report, keep what exists
            reason = f"{reason}; the final checkpoint could not be written ({exc})".lstrip("; ")
    elapsed = time.monotonic() - t0
    sink({"type": status, "step": step, "elapsed": round(elapsed, 3), "reason": reason,
          "checkpoint": str(last_ckpt.relative_to(run.root)) if last_ckpt else None})
    if lockstep:
        ctx.barrier()  # other ranks leave only once rank 0 has written its last checkpoint and event
    return TrainResult(status, step, last_ckpt, reason)

