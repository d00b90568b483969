"""The GAN task: noise (and a class, for the conditional DCGAN) -> images or 2-D points.

The self-conditioned DCGAN trains as the conditional one does, on the clusters k-means finds in the images instead of
labels (`ganengine.data.clusters`), and draws its fakes' clusters from their noise.

One step is a discriminator phase (push D(x) up, D(G(z)) down; `d_steps` times) and a generator
phase (make D call the fakes real; `g_steps` times), with the chosen adversarial loss and
stabilisers. Names of the values it reports: loss_d, loss_g, d_real, d_fake, grad_norm_d,
grad_norm_g, instance_noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from ..checkpoints import ModelCard
from ..config import IMAGE_SIZES, RunConfig, choice, in_range, option
from ..data import DataRequest, TensorData, data_kind, load_data
from ..data.clusters import with_clusters
from ..errors import ConfigError
from ..limits import LIMITS
from ..losses import LOSSES, gradient_penalty
from ..models import ModelSpec, build_discriminator, build_generator, generator_architectures
from ..sampling import grid, latents
from .base import Chart, Preview, Task, TrainEnv

N_FIXED_IMAGES = 64
N_FIXED_POINTS = 1000


#: What a minute of CPU training on images starts from (the Train page and `train` without flags), chosen by
#: bench/bench_quality.py's strict digits judge: a self-conditioned DCGAN of width 32 with an EMA of G at lr 5e-4.
#: The dataclass's own defaults stay DCGAN practice (width 64, lr 2e-4, no EMA), the canonical benchmark model.
IMAGE_RECIPE: dict[str, Any] = {"model": "scdcgan", "width": 32, "lr_g": 5e-4, "lr_d": 5e-4, "ema_decay": 0.999}


@dataclass(frozen=True)
class GanConfig(RunConfig):
    """A GAN run: architecture, adversarial loss, optimiser and stabilisers (DCGAN practice by default)."""

    task: str = "gan"

    model: str = option("dcgan", "architecture", generator_architectures)
    loss: str = option("bce", "adversarial loss", LOSSES.names)
    image_size: int = option(32, "image side in pixels", IMAGE_SIZES)
    channels: int | None = option(None, "1 (grey) or 3 (colour); default: the data set's", (1, 3))
    nz: int = option(100, "latent size")
    width: int = option(64, "base number of feature maps (64 = canonical DCGAN)")
    depth: int = option(2, "hidden layers of the MLP generator and discriminator (mlp only)")
    lr_g: float = option(2e-4, "generator learning rate")
    lr_d: float = option(2e-4, "discriminator learning rate")
    beta1: float = option(0.5, "Adam beta1")
    beta2: float = option(0.999, "Adam beta2")
    d_steps: int = option(1, "discriminator steps per iteration")
    g_steps: int = option(1, "generator steps per iteration")
    spectral_norm: bool = option(False, "spectral normalisation in D")
    label_smoothing: float = option(0.0, "one-sided: real target 1 - s (minimax, BCE and LSGAN)")
    instance_noise: float = option(0.0, "initial std of noise on D's inputs, annealed to 0")
    gp_weight: float = option(10.0, "gradient-penalty weight (wgan-gp)")
    clusters: int = option(10, "k-means clusters of the data the self-conditioned DCGAN (scdcgan) draws from")
    quality_probe: bool = option(True, "no quality probe (coverage, variety, FID) at checkpoints: no collapse alarm "
                                       "or best checkpoint", flag="--no-probe")

    def check(self) -> None:
        choice("model", self.model, generator_architectures())
        choice("loss", self.loss, LOSSES.names())
        if self.model != "mlp" and self.image_size not in IMAGE_SIZES:
            raise ConfigError(f"image size must be one of {IMAGE_SIZES} for {self.model}")
        if self.model == "mlp" and not (isinstance(self.image_size, int) and 4 <= self.image_size <= 64):
            raise ConfigError("image size must be between 4 and 64 for the MLP GAN")
        if self.depth != 2 and self.model != "mlp":
            raise ConfigError(f"depth sets the MLP's hidden layers: {self.model} has a fixed depth (leave it at 2)")
        if self.channels is not None and self.channels not in (1, 3):
            raise ConfigError("channels must be 1 or 3")
        if self.clusters != 10 and self.model != "scdcgan":
            raise ConfigError(f"clusters sets the self-conditioned DCGAN's clusters: {self.model} has none (leave it at 10)")
        for name in ("nz", "width", "depth", "d_steps", "g_steps", "label_smoothing", "instance_noise", "gp_weight",
                     "clusters"):
            LIMITS[name].check(getattr(self, name))
        in_range("generator learning rate", self.lr_g, 0, 1, open_low=True)
        in_range("discriminator learning rate", self.lr_d, 0, 1, open_low=True)
        for name, beta in (("beta1", self.beta1), ("beta2", self.beta2)):
            if not (isinstance(beta, (int, float)) and 0 <= beta < 1):
                raise ConfigError(f"Adam {name} must be in [0, 1)")
        if self.label_smoothing and not LOSSES[self.loss].smoothing:
            raise ConfigError(f"label smoothing has no meaning for the {self.loss} loss (it has no real target): "
                              f"use minimax, bce or lsgan, or set it to 0")

    @classmethod
    def preset(cls, data: str, quick: bool = False) -> GanConfig:
        """Good defaults for a data set: the course's MLP settings for 2-D points, IMAGE_RECIPE for images.

        quick: a classroom run that shows something within a few minutes on a shared CPU.
        """
        if data_kind(data) == "points":
            return cls(data=data, model="mlp", nz=16, width=32, lr_g=1e-3, lr_d=1e-3, batch_size=256,
                       steps=3000, sample_every=50, checkpoint_every=250)
        if quick:
            return cls(data=data, steps=1500, sample_every=100, checkpoint_every=250, **IMAGE_RECIPE)
        return cls(data=data, **IMAGE_RECIPE)

    @property
    def conditional(self) -> bool:
        """Whether the user picks each sample's class (the self-conditioned DCGAN picks its clusters itself)."""
        return self.model == "cdcgan"

    @property
    def self_conditioned(self) -> bool:
        return self.model == "scdcgan"

    def title(self) -> str:
        return f"{self.model.upper()} · {self.loss}"


def model_spec(cfg: GanConfig, data: TensorData) -> ModelSpec:
    """The architecture for this config and data set (D's norm follows the loss and stabilisers)."""
    d_norm = "spectral" if cfg.spectral_norm else ("none" if cfg.loss == "wgan-gp" else "batch")
    if data.kind == "points":
        if cfg.model != "mlp":
            raise ConfigError(f"{data.name} is a 2-D point set: use the mlp model")
        return ModelSpec("mlp", nz=cfg.nz, width=cfg.width, out_dim=int(data.x.shape[1]), d_norm=d_norm, blocks=mlp_blocks(cfg))
    if cfg.conditional and data.num_classes < 2:
        raise ConfigError(f"{data.name} has no class labels: a conditional model needs them")
    classes = data.num_classes if cfg.conditional else cfg.clusters if cfg.self_conditioned else 0
    return ModelSpec(cfg.model, nz=cfg.nz, width=cfg.width, image_size=data.image_size, channels=data.channels,
                     num_classes=classes, d_norm=d_norm, blocks=mlp_blocks(cfg))


def mlp_blocks(cfg: GanConfig) -> int:
    """The MLP's hidden layers as its spec stores them: 0 for the course's two (so such cards read as before)."""
    return cfg.depth if cfg.model == "mlp" and cfg.depth != 2 else 0


class GanTask(Task):
    """Generator against discriminator, any registered architecture and loss."""

    name = "gan"
    config_type = GanConfig
    description = "A generator learns to turn noise into data by fooling a discriminator."
    saved_roles = ("generator",)
    card_tasks = ("gan", "cgan")
    ema_role = "generator"

    def __init__(self, cfg: GanConfig, env: TrainEnv, data: TensorData | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: GanConfig = cfg
        device = env.device
        if data is None:
            data = load_data(cfg.data, DataRequest(cfg.image_size, cfg.channels, cfg.seed, cfg.max_items))
        self.spec = spec = model_spec(cfg, data)
        self.data_classes = data.class_names  # what the card names: the data's classes, never the clusters
        if cfg.self_conditioned:
            data, shares = with_clusters(data, cfg.clusters, cfg.seed)
        # Convolutions run fastest on NHWC ("channels last") in oneDNN and cuDNN; tensors keep their NCHW shape.
        memory_format = torch.contiguous_format if spec.makes_points else torch.channels_last
        self.data = data.to(device, memory_format)  # a copy on the device: the caller's data is left as it was
        self.G = build_generator(spec).to(device, memory_format=memory_format)
        if cfg.self_conditioned:
            self.G.cluster_cdf.copy_(torch.cumsum(shares, 0))
        self.D = build_discriminator(spec).to(device, memory_format=memory_format)
        # Under torchrun the trainable forwards go through DistributedDataParallel (gradients averaged across
        # ranks); no-grad and frozen forwards use the plain modules, so DDP only sees what it must sync.
        self.G_train, self.D_train = env.wrap(self.G), env.wrap(self.D)
        self.opt_g = env.adam(self.G.parameters(), lr=cfg.lr_g, betas=(cfg.beta1, cfg.beta2))
        self.opt_d = env.adam(self.D.parameters(), lr=cfg.lr_d, betas=(cfg.beta1, cfg.beta2))
        self.loss = LOSSES[cfg.loss]
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)
        n_fixed = N_FIXED_POINTS if spec.makes_points else N_FIXED_IMAGES
        self.fixed_z = latents(n_fixed, spec.nz, seed=cfg.seed + 1).to(device)
        self.fixed_y = (torch.arange(n_fixed) % spec.num_classes).to(device) if cfg.conditional else None

    @classmethod
    def mixed_precision(cls, cfg: RunConfig) -> bool:
        """Not for 2-D points: tiny MLPs gain nothing from bf16, and its 8-bit mantissa cost the ring test half
        its modes (4 of 8 against 8 of 8 in fp32, seed 1, 800 steps)."""
        return data_kind(cfg.data) != "points"

    def networks(self) -> dict[str, nn.Module]:
        return {"generator": self.G, "discriminator": self.D}

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        return {"generator": self.opt_g, "discriminator": self.opt_d}

    def _labels(self, z: torch.Tensor) -> torch.Tensor | None:
        """The fakes' classes: drawn at random (conditional), the clusters their noise picks (self-conditioned)."""
        if self.cfg.self_conditioned:
            return self.G.cluster_of(z)
        n = self.spec.num_classes
        return torch.randint(n, (self.cfg.batch_size,), device=self.env.device) if n else None

    def _d_out(self, logits: torch.Tensor) -> float:
        logits = logits.detach()
        return float(torch.sigmoid(logits).mean() if self.loss.probabilistic else logits.mean())

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        cfg, env, loss, G, D = self.cfg, self.env, self.loss, self.G, self.D
        noise = cfg.instance_noise * max(0.0, 1.0 - progress)
        real_target = 1.0 - cfg.label_smoothing

        # Discriminator phase: push D(x) up and D(G(z)) down. The last one's fakes keep their graph, so the
        # generator phase reuses them instead of running G again (as the textbook loop does).
        D.requires_grad_(True)
        for i in range(cfg.d_steps):
            real, y_real = self.data.sample(cfg.batch_size, self.batch_gen)
            z = torch.randn(cfg.batch_size, self.spec.nz, device=env.device)
            y_fake = self._labels(z)
            last = i == cfg.d_steps - 1
            with torch.set_grad_enabled(last), env.autocast():
                made = (self.G_train if last else G)(z, y_fake)
            fake = made.detach().float()
            if noise > 0:
                real = real + noise * torch.randn_like(real)
                fake = fake + noise * torch.randn_like(fake)
            with env.autocast():
                r_logits, f_logits = self.D_train(real, y_real).float(), D(fake, y_fake).float()
                loss_d = loss.d_loss(r_logits, f_logits, real_target)
            if loss.gradient_penalty:
                loss_d = loss_d + cfg.gp_weight * gradient_penalty(lambda x, y=y_real: D(x, y), real, fake)
            env.check_finite(loss_d, "discriminator")
            grad_d = env.optimiser_step(self.opt_d, loss_d, D, measure)

        # Generator phase: make D call the fakes real.
        D.requires_grad_(False)
        for j in range(cfg.g_steps):
            if j > 0:
                z = torch.randn(cfg.batch_size, self.spec.nz, device=env.device)
                y_fake = self._labels(z)
                with env.autocast():
                    made = self.G_train(z, y_fake)
            with env.autocast():
                fake = made.float()
                if noise > 0:
                    fake = fake + noise * torch.randn_like(fake)
                loss_g = loss.g_loss(D(fake, y_fake).float())
            env.check_finite(loss_g, "generator")
            grad_g = env.optimiser_step(self.opt_g, loss_g, G, measure)

        if not measure:
            return {}
        return {"loss_d": loss_d.detach(), "loss_g": loss_g.detach(), "d_real": self._d_out(r_logits),
                "d_fake": self._d_out(f_logits), "grad_norm_d": grad_d, "grad_norm_g": grad_g, "instance_noise": noise}

    def charts(self) -> tuple[Chart, ...]:
        probability = self.loss.probabilistic
        return (
            Chart("losses", "Losses", ("loss_d", "loss_g"), axis="loss"),
            Chart("d_outputs", "D(x) and D(G(z))", ("d_real", "d_fake"), axis="probability" if probability else "score",
                  reference=0.5 if probability else None, y_range=(0.0, 1.0) if probability else None),
            Chart("grad_norms", "Gradient norms", ("grad_norm_d", "grad_norm_g"), axis="norm", log=True),
        )

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        G = nets["generator"]
        G.eval()
        with self.env.autocast():
            out = G(self.fixed_z, self.fixed_y).float().cpu()
        G.train()
        if self.spec.makes_points:
            return Preview(points=[[round(float(a), 4), round(float(b), 4)] for a, b in out])
        return Preview(image=grid(out, nrow=8), meta={"model": self.spec.name, "seed": str(self.cfg.seed + 1)})

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        spec, data = self.spec, self.data
        cond = " + a class (one of " + str(spec.num_classes) + ")" if self.cfg.conditional else ""
        output = "a 2-D point" if spec.makes_points else f"a {spec.channels}x{spec.image_size}x{spec.image_size} image"
        return ModelCard(
            task="cgan" if self.cfg.conditional else "gan", roles={"generator": spec.to_dict()},
            io={"input": f"noise ({spec.nz} values){cond}", "output": output}, data=self.cfg.data,
            image_size=spec.image_size, channels=spec.channels if not spec.makes_points else 0,
            class_names=list(self.data_classes), attribute_names=list(data.attribute_names), steps=step,
            command=self.cfg.command, config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": self.data.kind, "d_output": "probability" if self.loss.probabilistic else "score",
                "data_items": len(self.data), "class_names": list(self.data_classes)}
