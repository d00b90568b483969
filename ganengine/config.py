"""Typed run configurations, validated once at the edge (CLI, page form) and passed down.

`RunConfig` holds what every kind of training shares (data, budget, batch, seed, device, cadence);
each task adds its own fields in a subclass (`GanConfig` is the GAN task's). A config's `task`
field says which task reads it, so `config.json`, the CLI flags and the page forms all come from
the dataclass: field metadata carries the help text and the choices.
"""

from __future__ import annotations

import dataclasses
import json
import shlex
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import ConfigError
from .limits import LIMITS

DEVICES = ("auto", "cpu", "cuda")
IMAGE_SIZES = (32, 64)


def option(default: Any, help: str, choices: Callable[[], Iterable[str]] | tuple[Any, ...] | None = None,
           flag: str | None = None) -> Any:
    """A config field with what the CLI and the pages show about it."""
    return field(default=default, metadata={"help": help, "choices": choices, "flag": flag})


@dataclass(frozen=True)
class RunConfig:
    """What every training run needs, whatever its task; it travels inside every checkpoint it produces."""

    #: fields the CLI does not take as flags (--task chooses the config class; the server sets the command)
    internal: ClassVar[tuple[str, ...]] = ("task", "command")

    task: str = option("", "what to train: each task has its own config class")
    data: str = option("digits", "a data set name (see `data`) or a folder / .zip of images")
    steps: int | None = option(2000, "training steps (with --time-budget, whichever ends first)")
    time_budget: float | None = option(None, "stop after this wall-clock time, in seconds")
    batch_size: int = option(64, "items per training step")
    seed: int = option(0, "seed of weights, noise and batches: the same seed gives the same run")
    device: str = option("auto", "where to train (auto = CUDA when present)", DEVICES)
    amp: bool = option(True, "full fp32 (no bf16/fp16 autocast on GPUs or bf16-capable CPUs)", flag="--no-amp")
    ema_decay: float = option(0.0, "keep an exponential moving average of the task's EMA network (0 = off)")
    log_every: int = option(10, "steps between metrics events")
    sample_every: int = option(200, "steps between preview samples")
    checkpoint_every: int = option(500, "steps between checkpoints")
    num_threads: int = option(0, "CPU threads (0 = all)", flag="--threads")
    max_items: int | None = option(None, "use a seeded random subset of the data")
    command: str = option("", "the command that reproduces this run")

    def validate(self) -> RunConfig:
        """Check every field; raise ConfigError with a one-line reason, else return self."""
        if self.task != type(self).__dataclass_fields__["task"].default:
            raise ConfigError(f"this is a {type(self).__name__}, its task cannot be {self.task!r}")
        if not self.data or not isinstance(self.data, str):
            raise ConfigError("data must name a data set or a path")
        if self.steps is None and self.time_budget is None:
            raise ConfigError("give a number of steps, a time budget, or both")
        if self.steps is not None:
            LIMITS["steps"].check(self.steps)
        if self.time_budget is not None:
            LIMITS["time_budget"].check(self.time_budget)
        LIMITS["batch_size"].check(self.batch_size)
        LIMITS["seed"].check(self.seed)
        choice("device", self.device, DEVICES)
        LIMITS["ema_decay"].check(self.ema_decay)
        for name in ("log_every", "sample_every", "checkpoint_every"):
            LIMITS["cadence"].check(getattr(self, name))
        LIMITS["num_threads"].check(self.num_threads)
        if self.max_items is not None:
            LIMITS["max_items"].check(self.max_items)
        self.check()
        return self

    def sample_at(self, step: int) -> bool:
        """Whether the loop previews after step `step`: densely at first (1, 2, 5, 10, 20, 50... below sample_every)
        so the first picture comes within seconds, then every sample_every steps."""
        if step <= 0 or step % self.sample_every == 0:
            return step > 0
        if step > self.sample_every:
            return False
        while step % 10 == 0:
            step //= 10
        return step in (1, 2, 5)

    def check(self) -> None:
        """The task's own checks (subclasses)."""

    @classmethod
    def preset(cls, data: str, quick: bool = False) -> RunConfig:
        """Suggested settings for a data set (quick: a classroom run); subclasses tune them."""
        return cls(data=data)

    def title(self) -> str:
        """A short line naming what the run trains (never its data: that may be a server path)."""
        return self.task

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunConfig:
        """This class's config from a dict (a `task` key, if present, must name this class's task)."""
        if not isinstance(data, dict):
            raise ConfigError("config must be a JSON object")
        if data.get("task", cls.task) != cls.task:
            raise ConfigError(f"this is a {data['task']!r} config, not a {cls.task!r} one")
        unknown = sorted(set(data) - {f.name for f in dataclasses.fields(cls)})
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(unknown)}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> RunConfig:
        return cls.from_dict(parse_json(text))

    def cli_command(self, out: str = "") -> str:
        """The `python -m ganengine train ...` command that makes this run (what a page-started run records), ready to
        paste: it writes into `out` (default runs/<task>-<seed>)."""
        args = ["train", "--task", self.task]
        default = type(self).preset(self.data)  # what the CLI starts from before applying flags
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in self.internal or (value == getattr(default, f.name) and f.name != "data"):
                continue
            flag = f.metadata.get("flag") or "--" + f.name.replace("_", "-")
            if isinstance(value, bool):
                args.append(flag)  # booleans are flags that flip the default
            elif value is None:
                args += [flag, "none"]
            else:
                args += [flag, f"{value:g}" if isinstance(value, float) else str(value)]
        args += ["--out", out or f"runs/{self.task}-{self.seed}"]
        return "python -m ganengine " + shlex.join(args)


def parse_json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"config is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ConfigError("config JSON must be an object")
    return data


def field_types(cls: type) -> dict[str, Any]:
    """Each dataclass field's resolved type (the annotations are strings under postponed evaluation)."""
    return typing.get_type_hints(cls)


def choices_of(f: dataclasses.Field) -> tuple[Any, ...] | None:
    """The allowed values of a config field, if it has a closed set (registries are read when asked)."""
    found = f.metadata.get("choices")
    if found is None:
        return None
    return tuple(found() if callable(found) else found)


def choice(name: str, value: object, options: Iterable[Any]) -> None:
    options = tuple(options)
    if value not in options:
        raise ConfigError(f"{name} must be one of {', '.join(map(str, options))} (got {value!r})")


def in_range(name: str, value: object, low: float, high: float, open_low: bool = False) -> None:
    """A float in [low, high] (or (low, high] with open_low)."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not ok or not (low < value <= high if open_low else low <= value <= high):  # type: ignore[operator]
        bracket = "(" if open_low else "["
        raise ConfigError(f"{name} must be in {bracket}{low:g}, {high:g}] (got {value!r})")
