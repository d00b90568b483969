"""A run directory: the one home of a training run (config, events, samples, checkpoints, resume state)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from .atomic import write_atomic
from .config import RunConfig
from .events import Event, last_ended, read_events

_STEP = re.compile(r"step_(\d+)\.safetensors$")


def step_of(path: Path | None) -> int:
    """The training step in a checkpoint's file name (0 for none)."""
    m = _STEP.search(path.name) if path else None
    return int(m.group(1)) if m else 0


#: Limits on what a user may call a run: one line of plain text, a few short tags.
NAME_MAX, TAG_MAX, TAGS_MAX = 60, 24, 8


def _plain_line(text: object, limit: int) -> str:
    """One line of printable text, runs of spaces folded, at most `limit` characters (control and format characters,
    e.g. right-to-left overrides, dropped)."""
    kept = "".join(" " if c.isspace() else c for c in str(text) if c.isspace() or unicodedata.category(c)[0] != "C")
    return " ".join(kept.split())[:limit].strip()


@dataclass(frozen=True)
class RunLabel:
    """What a user calls a run: a name and tags, kept in the run directory's label.json (beside the config, never in
    the config or a checkpoint: renaming a run changes neither its settings nor its weights' card)."""

    name: str = ""
    tags: tuple[str, ...] = ()
    NAME_MAX: ClassVar[int] = NAME_MAX
    TAG_MAX: ClassVar[int] = TAG_MAX
    TAGS_MAX: ClassVar[int] = TAGS_MAX

    @classmethod
    def clean(cls, name: object = "", tags: object = ()) -> RunLabel:
        """A label from what a user typed: the name as one plain line of at most NAME_MAX characters; tags from a
        comma-separated string (or a list), each one plain line of at most TAG_MAX, duplicates and empties dropped,
        at most TAGS_MAX."""
        raw = str(tags).split(",") if isinstance(tags, str) else [str(x) for x in tags]  # type: ignore[union-attr]
        kept: list[str] = []
        for tag in (_plain_line(x, TAG_MAX) for x in raw):
            if tag and tag.casefold() not in {k.casefold() for k in kept}:
                kept.append(tag)
        return cls(_plain_line(name, NAME_MAX), tuple(kept[:TAGS_MAX]))

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, data: object) -> RunLabel:
        """A label read back from disk, cleaned again (the file may have been edited by hand)."""
        if not isinstance(data, dict):
            return cls()
        tags = data.get("tags")
        return cls.clean(data.get("name") or "", tags if isinstance(tags, list) else ())

    def __bool__(self) -> bool:
        return bool(self.name or self.tags)


@dataclass(frozen=True)
class RunDir:
    """Paths and readers of one run directory."""

    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / "config.json"

    @property
    def events_path(self) -> Path:
        return self.root / "events.jsonl"

    @property
    def samples_dir(self) -> Path:
        return self.root / "samples"

    @property
    def checkpoints_dir(self) -> Path:
        return self.root / "checkpoints"

    @property
    def resume_path(self) -> Path:
        return self.root / "resume.pt"

    @property
    def stop_path(self) -> Path:
        return self.root / "STOP"

    @property
    def label_path(self) -> Path:
        return self.root / "label.json"

    def label(self) -> RunLabel:
        """The run's name and tags (empty when it has none, or its file does not read)."""
        try:
            return RunLabel.from_dict(json.loads(self.label_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return RunLabel()

    def set_label(self, label: RunLabel) -> None:
        """Keep the run's name and tags (atomically: a reader sees the old label or the new one)."""
        text = json.dumps(label.to_dict(), ensure_ascii=False, indent=2)
        write_atomic(self.label_path, lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def prepare(self, config: RunConfig) -> None:
        self.samples_dir.mkdir(parents=True, exist_ok=True)
        self.checkpoints_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(json.dumps(config.to_dict(), indent=2, sort_keys=True))

    def config(self) -> RunConfig:
        """The run's config, whatever its task (configs written before tasks existed are GAN configs)."""
        from .tasks import config_from_json  # tasks build networks: only a reader of configs needs them

        return config_from_json(self.config_path.read_text())

    def checkpoint_path(self, step: int) -> Path:
        return self.checkpoints_dir / f"step_{step:07d}.safetensors"

    def checkpoints(self) -> list[tuple[int, Path]]:
        """(step, path) of every checkpoint in the run, oldest first."""
        found = []
        for p in self.checkpoints_dir.glob("step_*.safetensors"):
            if _STEP.search(p.name):
                found.append((step_of(p), p))
        return sorted(found)

    def latest_checkpoint(self) -> Path | None:
        ckpts = self.checkpoints()
        return ckpts[-1][1] if ckpts else None

    @property
    def best_path(self) -> Path:
        return self.root / "best.safetensors"

    def best(self) -> dict | None:
        """The best checkpoint by the quality probe (ganengine.train.probe): {step, checkpoint, probe}, or None."""
        try:
            record = json.loads((self.root / "best.json").read_text())
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) and self.best_path.exists() else None

    def events(self) -> list[Event]:
        return read_events(self.events_path)[0]

    def last_ended(self) -> Event | None:
        """The run's ended event, if it has ended."""
        return last_ended(self.events())

    def last_step(self) -> int:
        for e in reversed(self.events()):
            if "step" in e:
                return int(e["step"])
        return 0

    def started(self) -> bool:
        """Whether a worker began this run since it was last queued (a queued run that never started, or a resumed one
        waiting again, has a queued event after its last started one)."""
        for e in reversed(self.events()):
            if e.get("type") == "started":
                return True
            if e.get("type") == "queued":
                return False
        return False

    def interrupted(self) -> bool:
        """Whether the run ended because the server stopped or restarted (so it may be resumed)."""
        last = self.last_ended()
        return last is not None and str(last.get("reason", "")).startswith(INTERRUPTED)


#: How the reason of a run stopped by a lost server begins; such a run can be resumed from its resume state.
INTERRUPTED = "interrupted"


def interrupted_reason(run: RunDir) -> str:
    """The one line a run stopped by a lost server ends with: what it kept, and that it can go on."""
    latest = run.latest_checkpoint()
    kept = (f"its last checkpoint (step {step_of(latest)}) is kept and it can be resumed" if latest
            else "no checkpoint had been written yet; start it again")
    return f"{INTERRUPTED}: the server stopped while this run was going; {kept}"


def kept_params(run: RunDir) -> dict[str, int | None]:
    """The `params` an ended event carries about what was kept: the step of the latest checkpoint, or None."""
    latest = run.latest_checkpoint()
    return {"kept": step_of(latest) if latest else None}
