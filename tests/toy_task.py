"""A task from outside the engine, as a user would write one: it proves a new kind of training is one file plus
its registration (this module registers itself; job workers load it through $GANSTUDIO_TASK_MODULES).

It fits y = 3x + 1 with one linear unit: two named values (loss, slope), a chart, an image preview, a card."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ganengine.checkpoints import ModelCard
from ganengine.config import RunConfig, option
from ganengine.models import ARCHITECTURES, Architecture, ModelSpec
from ganengine.tasks import TASKS, Chart, Preview, Task, TrainEnv


class Line(nn.Module):
    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.fc = nn.Linear(1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(x)


@dataclass(frozen=True)
class LineConfig(RunConfig):
    task: str = "toy-line"
    data: str = option("y=3x+1", "the line to fit (only this one)")
    lr: float = option(0.5, "SGD learning rate")
    batch_size: int = option(16, "points per step")
    log_every: int = option(1, "steps between metrics events")


class LineTask(Task):
    name = "toy-line"
    config_type = LineConfig
    description = "Fit a line with one linear unit."
    saved_roles = ("model",)
    card_tasks = ("toy-line",)
    ema_role = "model"

    def __init__(self, cfg: LineConfig, env: TrainEnv, data: object = None) -> None:
        super().__init__(cfg, env, data)
        self.spec = ModelSpec("toy-line", width=4)
        self.model = Line(self.spec).to(env.device)
        self.opt = torch.optim.SGD(self.model.parameters(), lr=cfg.lr)
        self.gen = torch.Generator().manual_seed(cfg.seed)

    def networks(self) -> dict[str, nn.Module]:
        return {"model": self.model}

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        return {"model": self.opt}

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        x = torch.rand(self.cfg.batch_size, 1, generator=self.gen).to(self.env.device)
        loss = ((self.model(x) - (3 * x + 1)) ** 2).mean()
        self.env.check_finite(loss, "line")
        self.env.optimiser_step(self.opt, loss, self.model, measure)
        return {"loss": loss.detach(), "slope": float(self.model.fc.weight.detach())} if measure else {}

    def charts(self) -> tuple[Chart, ...]:
        return (Chart("fit", "Fit", ("loss", "slope")),)

    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        with torch.no_grad():
            model = nets["model"]
            y = model(torch.linspace(0, 1, 8, device=model.fc.weight.device).view(-1, 1)).view(1, 8).cpu()
        return Preview(image=np.clip((y / 4 * 255).numpy(), 0, 255).astype(np.uint8).repeat(8, 0), meta={"what": "line"})

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        return ModelCard(task="toy-line", roles={"model": self.spec.to_dict()}, data=self.cfg.data, image_size=8,
                         channels=1, io={"input": "x", "output": "3x + 1, roughly"}, steps=step,
                         config=self.cfg.to_dict())

    def state(self) -> dict:
        return {"gen": self.gen.get_state()}

    def load_state(self, state: dict) -> None:
        self.gen.set_state(state["gen"])


if "toy-line" not in ARCHITECTURES:
    ARCHITECTURES.register("toy-line", Architecture("toy-line", "One linear unit.", {"model": Line}))
if "toy-line" not in TASKS:
    TASKS.register("toy-line", LineTask)


@dataclass(frozen=True)
class HungryConfig(LineConfig):
    task: str = "toy-hungry"
    memory_items: int = option(8, "the largest batch that fits in memory (pretend)")


class HungryLineTask(LineTask):
    """The line task on a pretend device that runs out of memory from step 4 on when the batch is over memory_items."""

    name = "toy-hungry"
    config_type = HungryConfig
    card_tasks = ("toy-hungry",)

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        if step >= 4 and self.cfg.batch_size > self.cfg.memory_items:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return super().train_step(step, progress, measure)


if "toy-hungry" not in ARCHITECTURES:
    ARCHITECTURES.register("toy-hungry", Architecture("toy-hungry", "One linear unit.", {"model": Line}))
if "toy-hungry" not in TASKS:
    TASKS.register("toy-hungry", HungryLineTask)
