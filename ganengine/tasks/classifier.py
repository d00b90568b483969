"""The domain classifier task: a small CNN on a labelled image set (checkpoint task 'features').

It fits on 90% of the set and measures on the held-out 10% when a checkpoint is written; the
project uses it to label generated samples and as a domain feature extractor for metrics.
Names of the values it reports: loss, train_accuracy.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from ..checkpoints import ModelCard
from ..config import IMAGE_SIZES, RunConfig, choice, in_range, option
from ..data import DataRequest, TensorData, load_data
from ..devices import indices_to
from ..errors import ConfigError
from ..limits import LIMITS
from ..models import ModelSpec, build
from ..sampling import grid
from .base import Chart, Preview, Task, TrainEnv


@dataclass(frozen=True)
class ClassifierConfig(RunConfig):
    """A classifier run: One-cycle Adam on 90% of a labelled set, a little input noise."""

    task: str = "classifier"

    steps: int | None = option(1500, "training steps")
    batch_size: int = option(128, "images per step")
    image_size: int = option(32, "image side in pixels", IMAGE_SIZES)
    width: int = option(16, "feature maps of the first block")
    lr: float = option(1e-3, "Adam's initial learning rate")
    max_lr: float = option(3e-3, "one-cycle peak learning rate")
    input_noise: float = option(0.05, "std of noise added to training images (generated samples are never clean)")
    log_every: int = option(50, "steps between metrics events")
    sample_every: int = option(500, "steps between previews")
    checkpoint_every: int = option(1500, "steps between checkpoints")

    def check(self) -> None:
        if self.steps is None:
            raise ConfigError("a classifier run needs a number of steps (its learning-rate schedule spans them)")
        choice("image size", self.image_size, IMAGE_SIZES)
        LIMITS["width"].check(self.width)
        in_range("learning rate", self.lr, 0, 1, open_low=True)
        in_range("peak learning rate", self.max_lr, 0, 1, open_low=True)
        in_range("input noise", self.input_noise, 0, 1)

    def title(self) -> str:
        return f"classifier, width {self.width}"


class ClassifierTask(Task):
    """Cross-entropy on classes (plus binary cross-entropy on attributes where the set has them)."""

    name = "classifier"
    config_type = ClassifierConfig
    description = "A small CNN learns to name the class (and attributes) of an image."
    saved_roles = ("classifier",)
    card_tasks = ("features",)

    def __init__(self, cfg: ClassifierConfig, env: TrainEnv, data: TensorData | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: ClassifierConfig = cfg
        if data is None:
            data = load_data(cfg.data, DataRequest(image_size=cfg.image_size, seed=cfg.seed, max_items=cfg.max_items))
        if data.kind != "images" or data.labels is None:
            raise ConfigError(f"{cfg.data} has no labelled images to train a classifier on")
        self.data = data.to(env.device)
        n = len(data)
        perm = torch.randperm(n, generator=torch.Generator().manual_seed(cfg.seed))
        self.n_val = max(n // 10, 1)
        self.val, self.train_idx = perm[: self.n_val].to(env.device), perm[self.n_val :]
        self.spec = ModelSpec("classifier", width=cfg.width, image_size=data.image_size, channels=data.channels,
                              num_classes=data.num_classes, num_attributes=len(data.attribute_names))
        self.model = build(self.spec, "classifier").to(env.device)
        self.model_train = env.wrap(self.model)
        self.opt = env.adam(self.model.parameters(), lr=cfg.lr)
        assert cfg.steps is not None  # checked by the config
        self.sched = torch.optim.lr_scheduler.OneCycleLR(self.opt, max_lr=cfg.max_lr, total_steps=cfg.steps)
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)
        self.t0 = time.monotonic()

    def networks(self) -> dict[str, nn.Module]:
        return {"classifier": self.model}

    def optimizers(self) -> dict[str, Any]:
        return {"classifier": self.opt, "schedule": self.sched}

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        cfg, data = self.cfg, self.data
        pick = torch.randint(len(self.train_idx), (cfg.batch_size,), generator=self.batch_gen)
        idx = indices_to(self.train_idx[pick], self.env.device)
        x = data.x[idx] + cfg.input_noise * torch.randn_like(data.x[idx])
        with self.env.autocast():
            cls, att = self.model_train(x)
        loss = F.cross_entropy(cls.float(), data.labels[idx])
        if data.attributes is not None:
            loss = loss + F.binary_cross_entropy_with_logits(att.float(), data.attributes[idx])
        self.env.check_finite(loss, "classifier")
        self.env.optimiser_step(self.opt, loss, self.model, measure=False)
        if step + 1 < (cfg.steps or 0):  # one-cycle spans exactly `steps`; a resumed longer run keeps the last rate
            self.sched.step()
        if not measure:
            return {}
        return {"loss": loss.detach(), "train_accuracy": (cls.argmax(1) == data.labels[idx]).float().mean()}

    def charts(self) -> tuple[Chart, ...]:
        return (Chart("losses", "Loss", ("loss",), axis="loss"),
                Chart("train_accuracy", "Accuracy on training batches", ("train_accuracy",), axis="accuracy", y_range=(0.0, 1.0)))

    @torch.no_grad()
    def validation(self) -> dict[str, Any]:
        """Accuracy on the held-out 10%."""
        self.model.eval()
        cls, att = self.model(self.data.x[self.val])
        self.model.train()
        y = self.data.labels[self.val]
        out: dict[str, Any] = {
            "measured_on": f"held-out 10% of {self.cfg.data} ({self.n_val} images, seed {self.cfg.seed})",
            "val_class_accuracy": round(float((cls.argmax(1) == y).float().mean()), 4),
            "train_seconds": round(time.monotonic() - self.t0, 1),
        }
        if self.data.attributes is not None:
            attrs = self.data.attributes[self.val]
            out["val_attribute_accuracy"] = round(float(((att > 0).float() == attrs).float().mean()), 4)
        return out

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """Sixteen held-out images; the provenance names what the classifier called each."""
        model = nets["classifier"]
        model.eval()
        x = self.data.x[self.val[:16]]
        names = self.data.class_names
        said = [names[i] for i in model(x)[0].argmax(1).tolist()]
        model.train()
        return Preview(image=grid(x.float().cpu(), nrow=8), meta={"predicted": " ".join(said)})

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        data, spec = self.data, self.spec
        return ModelCard(
            task="features", roles={"classifier": spec.to_dict()},
            io={"input": f"a {spec.channels}x{spec.image_size}x{spec.image_size} image",
                "output": f"{spec.num_classes} class scores, {spec.num_attributes} attribute scores, features"},
            data=self.cfg.data, image_size=data.image_size, channels=data.channels, class_names=list(data.class_names),
            attribute_names=list(data.attribute_names), steps=step, metrics=self.validation(), command=self.cfg.command,
            config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": "images", "data_items": len(self.data), "class_names": list(self.data.class_names)}
