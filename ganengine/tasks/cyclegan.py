"""The CycleGAN task (Zhu et al. 2017): unpaired translation between two domains, A <-> B.

Two ResNet generators (G_AB, G_BA) and two PatchGAN discriminators (D_A, D_B) with the least-squares loss.
With no pairs to copy, cycle consistency ties the two together: A -> B -> A must give back A (lambda 10), and
the identity term (a B image through G_AB stays itself) keeps colours honest. Discriminators learn from a
history pool of generated images; learning rates decay linearly to 0 over the second half of the run.
Names of the values it reports: loss_g_gan, loss_cycle, loss_identity, loss_d_a, loss_d_b.
"""

from __future__ import annotations

import itertools
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
from .translation import DIRECTIONS, IMAGE_SIZES, MAX_MEASURED, ImagePool, load_split, triplet_grid


@dataclass(frozen=True)
class CycleGanConfig(RunConfig):
    """A CycleGAN run: the reference's losses and weights, sized for a CPU."""

    task: str = "cyclegan"
    data: str = option("scenes-seasons", "an unpaired data set, or a folder / .zip in CycleGAN's trainA/trainB layout")
    direction: str = option("AtoB", "which way is 'forward' (the checkpoint holds both ways)", DIRECTIONS)
    steps: int | None = option(4000, "training steps")
    batch_size: int = option(4, "images of each domain per step")
    image_size: int = option(64, "image side in pixels", IMAGE_SIZES)
    width: int = option(16, "feature maps of the first layer (64 in the paper)")
    blocks: int = option(6, "residual blocks in each generator")
    norm: str = option("instance", "normalisation in every network", NORMS)
    cycle_weight: float = option(10.0, "weight of the cycle-consistency term")
    identity_weight: float = option(0.5, "weight of the identity term, as a share of the cycle weight")
    pool_size: int = option(50, "generated images kept in each discriminator's history (0 = none)")
    decay_from: float = option(0.5, "share of the steps after which learning rates fall linearly to 0")
    lr: float = option(2e-4, "Adam learning rate of every network")
    beta1: float = option(0.5, "Adam beta1")
    log_every: int = option(10, "steps between metrics events")
    sample_every: int = option(100, "steps between preview rows")
    checkpoint_every: int = option(500, "steps between checkpoints")

    def check(self) -> None:
        if self.steps is None:
            raise ConfigError("a CycleGAN run needs a number of steps (its learning rates decay over them)")
        choice("direction", self.direction, DIRECTIONS)
        choice("image size", self.image_size, IMAGE_SIZES)
        choice("norm", self.norm, NORMS)
        LIMITS["width"].check(self.width)
        LIMITS["blocks"].check(self.blocks)
        in_range("cycle weight", self.cycle_weight, 0, 100)
        in_range("identity weight", self.identity_weight, 0, 10)
        in_range("decay start", self.decay_from, 0, 1)
        in_range("learning rate", self.lr, 0, 1, open_low=True)
        if not (isinstance(self.pool_size, int) and 0 <= self.pool_size <= 500):
            raise ConfigError("pool size must be a whole number between 0 and 500")
        if not (isinstance(self.beta1, (int, float)) and 0 <= self.beta1 < 1):
            raise ConfigError("Adam beta1 must be in [0, 1)")

    def title(self) -> str:
        return "CycleGAN"


def linear_decay(total: int, start: float) -> Any:
    """LR factor: 1 until `start` x total steps, then linearly down to 0 at the last step."""
    begin = int(total * start)
    return lambda step: 1.0 if step < begin else max(0.0, 1.0 - (step - begin) / max(1, total - begin))


class CycleGanTask(Task):
    name = "cyclegan"
    config_type = CycleGanConfig
    description = "Two generators learn to translate between two kinds of images with no aligned pairs."
    saved_roles = ("G_AB", "G_BA")
    card_tasks = ("cyclegan",)

    def __init__(self, cfg: CycleGanConfig, env: TrainEnv, data: PairedData | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: CycleGanConfig = cfg
        self.data, self.held = load_split(cfg, env.device, "unpaired", data)
        c_a, c_b = self.data.channels
        self.spec_ab = ModelSpec("resnet", width=cfg.width, image_size=self.data.image_size, channels=c_b, in_channels=c_a,
                                 blocks=cfg.blocks, norm=cfg.norm)
        self.spec_ba = ModelSpec("resnet", width=cfg.width, image_size=self.data.image_size, channels=c_a, in_channels=c_b,
                                 blocks=cfg.blocks, norm=cfg.norm)
        d = ModelSpec("patchgan", width=cfg.width, image_size=self.data.image_size, channels=c_a, norm=cfg.norm)
        self.G_AB, self.G_BA = build(self.spec_ab, "G_AB").to(env.device), build(self.spec_ba, "G_BA").to(env.device)
        self.D_A = build(d, "D_A").to(env.device)
        self.D_B = build(ModelSpec("patchgan", width=cfg.width, image_size=self.data.image_size, channels=c_b, norm=cfg.norm),
                         "D_B").to(env.device)
        # Each generator runs several forwards per backward (translation, cycle, identity), which
        # DistributedDataParallel does not allow: CycleGAN trains in one process.
        if env.dist.active:
            raise ConfigError("CycleGAN trains in a single process: run it without torchrun")
        self.train_nets = self.networks()
        betas = (cfg.beta1, 0.999)
        self.opt_g = env.adam(itertools.chain(self.G_AB.parameters(), self.G_BA.parameters()), lr=cfg.lr, betas=betas)
        self.opt_d = env.adam(itertools.chain(self.D_A.parameters(), self.D_B.parameters()), lr=cfg.lr, betas=betas)
        assert cfg.steps is not None  # checked by the config
        decay = linear_decay(cfg.steps, cfg.decay_from)
        self.sched_g = torch.optim.lr_scheduler.LambdaLR(self.opt_g, decay)
        self.sched_d = torch.optim.lr_scheduler.LambdaLR(self.opt_d, decay)
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)
        pool_gen = torch.Generator().manual_seed(cfg.seed + 17)
        self.pool_a, self.pool_b = ImagePool(cfg.pool_size, pool_gen), ImagePool(cfg.pool_size, pool_gen)
        self.gan_d = LOSSES["lsgan"].d_loss

    def networks(self) -> dict[str, nn.Module]:
        return {"G_AB": self.G_AB, "G_BA": self.G_BA, "D_A": self.D_A, "D_B": self.D_B}

    def optimizers(self) -> dict[str, Any]:
        return {"generators": self.opt_g, "discriminators": self.opt_d, "generators_lr": self.sched_g,
                "discriminators_lr": self.sched_d}

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        cfg, env, n = self.cfg, self.env, self.train_nets
        real_a, real_b = self.data.sample(cfg.batch_size, self.batch_gen)
        # Generators (discriminators frozen): fool both Ds, come back by the cycle, leave the other domain alone.
        self.D_A.requires_grad_(False)
        self.D_B.requires_grad_(False)
        with env.autocast():
            fake_b, fake_a = n["G_AB"](real_a).float(), n["G_BA"](real_b).float()
            rec_a, rec_b = n["G_BA"](fake_b).float(), n["G_AB"](fake_a).float()
            loss_gan = ((self.D_B(fake_b).float() - 1) ** 2).mean() + ((self.D_A(fake_a).float() - 1) ** 2).mean()
            loss_cycle = cfg.cycle_weight * ((rec_a - real_a).abs().mean() + (rec_b - real_b).abs().mean())
            loss_idt = torch.zeros((), device=env.device)
            if cfg.identity_weight > 0 and real_a.shape[1] == real_b.shape[1]:
                idt_b, idt_a = n["G_AB"](real_b).float(), n["G_BA"](real_a).float()
                loss_idt = cfg.cycle_weight * cfg.identity_weight * ((idt_b - real_b).abs().mean() + (idt_a - real_a).abs().mean())
        loss_g = loss_gan + loss_cycle + loss_idt
        env.check_finite(loss_g, "generator")
        env.optimiser_step(self.opt_g, loss_g, self.G_AB, measure=False)
        # Discriminators: real images against generated ones, some drawn from the history pool.
        self.D_A.requires_grad_(True)
        self.D_B.requires_grad_(True)
        old_b, old_a = self.pool_b.query(fake_b), self.pool_a.query(fake_a)
        with env.autocast():
            loss_d_b = self.gan_d(n["D_B"](real_b).float(), n["D_B"](old_b).float(), 1.0)
            loss_d_a = self.gan_d(n["D_A"](real_a).float(), n["D_A"](old_a).float(), 1.0)
        loss_d = loss_d_a + loss_d_b
        env.check_finite(loss_d, "discriminator")
        env.optimiser_step(self.opt_d, loss_d, self.D_A, measure=False)
        self.sched_g.step()
        self.sched_d.step()
        if not measure:
            return {}
        return {"loss_g_gan": loss_gan.detach(), "loss_cycle": loss_cycle.detach(), "loss_identity": loss_idt.detach(),
                "loss_d_a": loss_d_a.detach(), "loss_d_b": loss_d_b.detach(), "lr": self.sched_g.get_last_lr()[0]}

    def charts(self) -> tuple[Chart, ...]:
        return (
            Chart("generator_terms", "Generator's terms", ("loss_g_gan", "loss_cycle", "loss_identity"), axis="loss"),
            Chart("discriminators", "Discriminators", ("loss_d_a", "loss_d_b"), axis="loss"),
            Chart("lr", "Learning rate", ("lr",), axis="value"),
        )

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """Held-out rows A -> B -> A, then B -> A -> B."""
        g_ab, g_ba = nets["G_AB"], nets["G_BA"]
        g_ab.eval()
        g_ba.eval()
        a, b = self.held.a[:3], self.held.b[:3]
        fake_b, fake_a = g_ab(a).float(), g_ba(b).float()
        rows = [torch.cat([a, b]), torch.cat([fake_b, fake_a]), torch.cat([g_ba(fake_b).float(), g_ab(fake_a).float()])]
        g_ab.train()
        g_ba.train()
        return Preview(image=triplet_grid(rows), meta={"rows": "A -> B -> A, then B -> A -> B"})

    @torch.no_grad()
    def cycle_error(self, nets: dict[str, nn.Module]) -> dict[str, Any]:
        g_ab, g_ba = nets["G_AB"], nets["G_BA"]
        modes = (g_ab.training, g_ba.training)
        g_ab.eval()
        g_ba.eval()
        a, b = self.held.a[:MAX_MEASURED], self.held.b[:MAX_MEASURED]
        err_a = float((g_ba(g_ab(a)).float() - a).abs().mean())
        err_b = float((g_ab(g_ba(b)).float() - b).abs().mean())
        g_ab.train(modes[0])
        g_ba.train(modes[1])
        return {"measured_on": f"{len(a)} + {len(b)} held-out images of {self.data.name}",
                "cycle_l1_a": round(err_a, 4), "cycle_l1_b": round(err_b, 4)}

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        domain_a, domain_b = self.data.domains
        size = f"{self.spec_ab.image_size}x{self.spec_ab.image_size}"
        return ModelCard(
            task="cyclegan", roles={"G_AB": self.spec_ab.to_dict(), "G_BA": self.spec_ba.to_dict()}, primary="G_AB",
            io={"input": f"a {self.spec_ab.in_channels}x{size} {domain_a} image",
                "output": f"a {self.spec_ab.channels}x{size} {domain_b} image", "direction": self.cfg.direction,
                "domain_a": domain_a, "domain_b": domain_b},
            data=self.cfg.data, image_size=self.spec_ab.image_size, channels=self.spec_ab.channels, steps=step,
            metrics=self.cycle_error(nets), command=self.cfg.command, config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": "unpaired", "data_items": len(self.data), "held_out": len(self.held),
                "domains": list(self.data.domains)}

    def state(self) -> dict[str, Any]:
        return {**super().state(), "pool_rng": self.pool_a.gen.get_state(), "pool_a": self.pool_a.state(),
                "pool_b": self.pool_b.state()}

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.pool_a.gen.set_state(state["pool_rng"])
        self.pool_a.load_state(state["pool_a"], self.env.device)
        self.pool_b.load_state(state["pool_b"], self.env.device)
