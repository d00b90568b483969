"""The Pix2Pix task (Isola et al. 2017): paired image-to-image translation, A -> B.

A U-Net generator maps A to B; a PatchGAN discriminator judges (A, B) pairs patch by patch. The generator
minimises the adversarial loss plus lambda x L1 to the target (lambda 100): L1 gets the colours and layout
right, the adversary makes the texture sharp. Names of the values it reports: loss_d, loss_g_gan, loss_g_l1,
d_real, d_fake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from ..checkpoints import ModelCard
from ..config import RunConfig, choice, in_range, option
from ..data import PairedData
from ..errors import ConfigError
from ..limits import LIMITS
from ..losses import LOSSES
from ..models import ModelSpec, build
from ..models.spec import NORMS
from .base import Chart, Preview, Task, TrainEnv
from .translation import DIRECTIONS, IMAGE_SIZES, held_out_figures, load_split, triplet_grid


@dataclass(frozen=True)
class Pix2PixConfig(RunConfig):
    """A Pix2Pix run: U-Net + PatchGAN, adversarial + L1 (the reference's defaults, sized for a CPU)."""

    task: str = "pix2pix"
    data: str = option("scenes-labels", "a paired data set, or a folder / .zip in pix2pix's AB layout")
    direction: str = option("AtoB", "translate A into B, or B into A", DIRECTIONS)
    steps: int | None = option(3000, "training steps")
    batch_size: int = option(16, "pairs per step")
    image_size: int = option(64, "image side in pixels", IMAGE_SIZES)
    width: int = option(16, "feature maps of the first layer (64 in the paper)")
    norm: str = option("batch", "normalisation in both networks", NORMS)
    dropout: bool = option(True, "dropout in the U-Net's inner layers (the paper's noise)")
    loss: str = option("bce", "adversarial loss", ("bce", "lsgan"))
    l1_weight: float = option(100.0, "weight of the L1 term")
    lr: float = option(2e-4, "Adam learning rate of both networks")
    beta1: float = option(0.5, "Adam beta1")
    log_every: int = option(10, "steps between metrics events")
    sample_every: int = option(100, "steps between preview triplets")
    checkpoint_every: int = option(500, "steps between checkpoints")

    def check(self) -> None:
        choice("direction", self.direction, DIRECTIONS)
        choice("image size", self.image_size, IMAGE_SIZES)
        choice("norm", self.norm, NORMS)
        choice("adversarial loss", self.loss, ("bce", "lsgan"))
        LIMITS["width"].check(self.width)
        in_range("L1 weight", self.l1_weight, 0, 1000)
        in_range("learning rate", self.lr, 0, 1, open_low=True)
        if not (isinstance(self.beta1, (int, float)) and 0 <= self.beta1 < 1):
            raise ConfigError("Adam beta1 must be in [0, 1)")

    def title(self) -> str:
        return f"Pix2Pix {self.direction}"


class Pix2PixTask(Task):
    name = "pix2pix"
    config_type = Pix2PixConfig
    description = "A U-Net learns to turn one kind of image into another from aligned pairs."
    saved_roles = ("generator",)
    card_tasks = ("pix2pix",)

    def __init__(self, cfg: Pix2PixConfig, env: TrainEnv, data: PairedData | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: Pix2PixConfig = cfg
        self.data, self.held = load_split(cfg, env.device, "paired", data)
        c_in, c_out = self.data.channels
        self.spec = ModelSpec("unet", width=cfg.width, image_size=self.data.image_size, channels=c_out, in_channels=c_in,
                              norm=cfg.norm, dropout=cfg.dropout)
        self.d_spec = ModelSpec("patchgan", width=cfg.width, image_size=self.data.image_size, channels=c_out,
                                in_channels=c_in, norm=cfg.norm)
        self.G = build(self.spec, "generator").to(env.device)
        self.D = build(self.d_spec, "discriminator").to(env.device)
        self.G_train, self.D_train = env.wrap(self.G), env.wrap(self.D)
        self.opt_g = env.adam(self.G.parameters(), lr=cfg.lr, betas=(cfg.beta1, 0.999))
        self.opt_d = env.adam(self.D.parameters(), lr=cfg.lr, betas=(cfg.beta1, 0.999))
        self.loss = LOSSES[cfg.loss]
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)

    def networks(self) -> dict[str, nn.Module]:
        return {"generator": self.G, "discriminator": self.D}

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        return {"generator": self.opt_g, "discriminator": self.opt_d}

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        env, loss = self.env, self.loss
        a, b = self.data.sample(self.cfg.batch_size, self.batch_gen)
        with env.autocast():
            fake = self.G_train(a).float()
        # Discriminator: real pairs (a, b) against generated ones (a, G(a)); halved, as the paper slows D down.
        self.D.requires_grad_(True)
        with env.autocast():
            r_logits = self.D_train(b, a).float()
            f_logits = self.D(fake.detach(), a).float()  # one DDP forward per backward (see the GAN task)
            loss_d = 0.5 * loss.d_loss(r_logits, f_logits, 1.0)
        env.check_finite(loss_d, "discriminator")
        env.optimiser_step(self.opt_d, loss_d, self.D, measure=False)
        # Generator: fool D on the pair, and stay close to the target in L1.
        self.D.requires_grad_(False)
        with env.autocast():
            loss_gan = loss.g_loss(self.D(fake, a).float())
        loss_l1 = (fake - b).abs().mean()
        loss_g = loss_gan + self.cfg.l1_weight * loss_l1
        env.check_finite(loss_g, "generator")
        env.optimiser_step(self.opt_g, loss_g, self.G, measure=False)
        if not measure:
            return {}
        prob = (lambda t: torch.sigmoid(t).mean()) if loss.probabilistic else (lambda t: t.mean())
        return {"loss_d": loss_d.detach(), "loss_g_gan": loss_gan.detach(), "loss_g_l1": loss_l1.detach(),
                "d_real": prob(r_logits.detach()), "d_fake": prob(f_logits.detach())}

    def charts(self) -> tuple[Chart, ...]:
        probability = self.loss.probabilistic
        return (
            Chart("adversarial", "Adversarial losses", ("loss_d", "loss_g_gan"), axis="loss"),
            Chart("l1", "L1 to the target", ("loss_g_l1",), axis="loss"),
            Chart("d_pairs", "D on real and generated pairs", ("d_real", "d_fake"),
                  axis="probability" if probability else "score", reference=0.5 if probability else None,
                  y_range=(0.0, 1.0) if probability else None),
        )

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """Held-out triplets, one per row: input | output | target."""
        G = nets["generator"]
        G.eval()
        a, b = self.held.a[:6], self.held.b[:6]
        out = G(a).float()
        G.train()
        return Preview(image=triplet_grid([a, out, b]), meta={"rows": "input | output | target"})

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        spec, data = self.spec, self.data
        domain_a, domain_b = data.domains
        size = f"{spec.image_size}x{spec.image_size}"
        return ModelCard(
            task="pix2pix", roles={"generator": spec.to_dict()},
            io={"input": f"a {spec.in_channels}x{size} {domain_a}", "output": f"a {spec.channels}x{size} {domain_b}",
                "direction": self.cfg.direction, "domain_a": domain_a, "domain_b": domain_b},
            data=self.cfg.data, image_size=spec.image_size, channels=spec.channels,
            class_names=[name for name, _ in data.palette], palette=[list(rgb) for _, rgb in data.palette],
            steps=step, metrics=held_out_figures(nets["generator"], self.held, data), command=self.cfg.command,
            config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": "paired", "data_items": len(self.data), "held_out": len(self.held), "domains": list(self.data.domains),
                "d_output": "probability" if self.loss.probabilistic else "score"}
