"""What a detector learns from and is measured on: generators by name or path, the seeded real split, held-out fakes.

The task (ganengine.tasks.detector) and the robustness sweeps (ganengine.detect.robustness) build their sets
here, so a sweep run later measures on exactly the images the card's figures came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from ..checkpoints import CheckpointError, read_card
from ..data import DATASETS, DataRequest, TensorData, load_data
from ..data.base import fit_images
from ..errors import ConfigError
from ..pipelines import SamplePipeline
from ..sampling import class_labels, latents
from .distort import quantise

SHIPPED = Path(__file__).resolve().parent.parent.parent / "checkpoints"
HELD_OUT = 0.1  # share of the real images kept apart for the card's figures (and as much again to calibrate on)
HELD_OUT_FAKES = 256  # held-out fakes per generator (and as many to calibrate on)
#: The held-out fakes' latent seed is the run's seed plus this, the calibration fakes' plus the next; training draws
#: its latents from a stream seeded with the run's seed (plus the rank), so no two of them share a latent.
HELD_OUT_SEED_OFFSET = 1 << 30
CALIBRATION_SEED_OFFSET = 1 << 29
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")  # a shipped name: no folder, no suffix


def split_names(text: str) -> tuple[str, ...]:
    """'a, b' -> ('a', 'b'); '' and 'none' -> ()."""
    return tuple(n.strip() for n in (text or "").split(",") if n.strip() and n.strip().lower() != "none")


def resolve_generator(name: str, folder: Path = SHIPPED, allow_paths: bool = True) -> Path:
    """A generator checkpoint: a shipped name ("digits-dcgan" -> checkpoints/digits-dcgan.safetensors) or, when paths
    are allowed, a path to a .safetensors file. ConfigError if there is none."""
    if _NAME.match(name):
        path = folder / f"{name}.safetensors"
        if path.is_file():
            return path
        known = ", ".join(p.stem for p in sorted(folder.glob("*.safetensors")))
        raise ConfigError(f"no shipped checkpoint named {name!r} (shipped: {known})")
    if not allow_paths:
        raise ConfigError(f"{name[:60]!r} is not the name of a shipped checkpoint")
    path = Path(name)
    if path.suffix != ".safetensors":
        raise ConfigError(f"{path.name}: generators are read from .safetensors checkpoints only")
    if not path.is_file():
        raise ConfigError(f"no generator checkpoint at {name}")
    return path


def check_generators(names: tuple[str, ...], allow_paths: bool = True) -> None:
    """Each name resolves to a generator checkpoint (its card alone is read): a config's cheap check."""
    for name in names:
        path = resolve_generator(name, allow_paths=allow_paths)
        try:
            card = read_card(path)
        except CheckpointError as exc:
            raise ConfigError(str(exc)) from None
        if card.task not in SamplePipeline.tasks:
            raise ConfigError(f"{path.name}: a {card.task} checkpoint, not a generator (gan or cgan)")


def load_generators(names: tuple[str, ...], data: str, device: torch.device | str = "cpu",
                    allow_paths: bool = True) -> dict[str, SamplePipeline]:
    """Generators by name, each checked to make images of the data set the real images come from."""
    out: dict[str, SamplePipeline] = {}
    for name in names:
        pipeline = SamplePipeline.load(resolve_generator(name, allow_paths=allow_paths), device)
        label = Path(name).stem if name.endswith(".safetensors") else name
        if pipeline.makes_points:
            raise ConfigError(f"{label} makes 2-D points, not images")
        if pipeline.card.data != data:
            raise ConfigError(f"{label} learned {pipeline.card.data[:60]!r}, the real images are {data[:60]!r}: a detector "
                              f"of two different sets learns their content, not the traces of generation")
        out[label] = pipeline
    return out


def real_split(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(train, calibration, held-out) indices of n real images: a seeded 10% is kept apart for the figures, the next
    10% for choosing the verdict's threshold, and the rest is trained on."""
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    n_val = max(round(n * HELD_OUT), 1)
    return perm[2 * n_val :], perm[n_val : 2 * n_val], perm[:n_val]


def choose_threshold(p_real: torch.Tensor, p_fake: torch.Tensor) -> float:
    """The probability threshold with the best balanced accuracy (mean of real and generated accuracy) on a calibration
    set, in the middle of the range of equally good ones; 0.5 without images of both kinds."""
    if len(p_real) == 0 or len(p_fake) == 0:
        return 0.5
    cuts = torch.cat([torch.tensor([0.0]), torch.unique(torch.cat([p_real, p_fake]).float()).clamp(0, 1)])
    nxt = torch.cat([cuts[1:], torch.tensor([1.0])])
    candidates = (cuts + nxt) / 2  # between neighbouring scores: a verdict "generated" is p > t
    acc = ((p_real[None, :] <= candidates[:, None]).float().mean(1) + (p_fake[None, :] > candidates[:, None]).float().mean(1)) / 2
    best = (acc >= acc.max() - 1e-9).nonzero().flatten()
    t = float(candidates[best[len(best) // 2]])
    return round(min(max(t, 0.02), 0.98), 4)


def held_out_seed(seed: int) -> int:
    return seed + HELD_OUT_SEED_OFFSET


def calibration_seed(seed: int) -> int:
    return seed + CALIBRATION_SEED_OFFSET


@torch.no_grad()
def sample_fakes(pipeline: SamplePipeline, n: int, seed: int, image_size: int, channels: int) -> torch.Tensor:
    """n samples of a generator from latent seed `seed` (classes in turn when conditional), at the detector's input
    size, quantised to 8 bits as a saved image is; on the CPU."""
    z = latents(n, pipeline.z_size, seed)
    x = pipeline.from_latents(z, class_labels(n, pipeline.num_classes, None))
    return quantise(fit_images(x.float(), image_size, channels))


@dataclass
class HeldOut:
    """Images a detector never trained on: real ones (a seeded split) and fakes of each generator (a latent seed it
    never drew), plus fakes of generators it never saw at all."""

    real: torch.Tensor
    fakes: dict[str, torch.Tensor]
    unseen: dict[str, torch.Tensor]
    description: str

    @property
    def fake(self) -> torch.Tensor:
        return torch.cat(list(self.fakes.values())) if self.fakes else self.real[:0]


def build_held_out(data: TensorData, val_idx: torch.Tensor, generators: dict[str, SamplePipeline],
                   unseen: dict[str, SamplePipeline], seed: int, n_fake: int = HELD_OUT_FAKES) -> HeldOut:
    """The held-out set of a detector run (seed: the run's seed)."""
    size, channels = data.image_size, data.channels
    s = held_out_seed(seed)
    fakes = {name: sample_fakes(g, n_fake, s, size, channels) for name, g in generators.items()}
    others = {name: sample_fakes(g, n_fake, s, size, channels) for name, g in unseen.items()}
    real = quantise(data.x[val_idx.to(data.x.device)].float().cpu())
    text = (f"{len(real)} real images of {data.name} never trained on ({round(HELD_OUT * 100)}% kept apart, seed {seed}); "
            f"{n_fake} fakes per generator from latent seed {s}, never drawn in training; the threshold was chosen on "
            f"another {round(HELD_OUT * 100)}% of real images and fakes of latent seed {calibration_seed(seed)}")
    return HeldOut(real, fakes, others, text)


def calibration_set(data: TensorData, calib_idx: torch.Tensor, generators: dict[str, SamplePipeline], seed: int,
                    n_fake: int = HELD_OUT_FAKES) -> tuple[torch.Tensor, torch.Tensor]:
    """(real, fake) images to choose the threshold on: neither trained on nor in the held-out figures."""
    s = calibration_seed(seed)
    fake = torch.cat([sample_fakes(g, n_fake, s, data.image_size, data.channels) for g in generators.values()])
    return quantise(data.x[calib_idx.to(data.x.device)].float().cpu()), fake


def held_out_set(card: Any, n_fake: int = HELD_OUT_FAKES, allow_paths: bool = False) -> HeldOut:
    """The held-out set a detector's card was measured on, rebuilt from the config inside the card.

    A card is its file's word: by default only registered data sets and shipped generators are read (a user's
    card cannot make the server read its files); allow_paths for one's own runs (the CLI).
    """
    cfg = card.config or {}
    data_name, seed = str(cfg.get("data", card.data)), int(cfg.get("seed", 0))
    if data_name not in DATASETS and not allow_paths:
        raise ConfigError(f"its real images ({data_name[:60]!r}) are not a data set of this server")
    max_items = cfg.get("max_items")
    data = load_data(data_name, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed,
                                            max_items=max_items if isinstance(max_items, int) else None))
    _, _, val = real_split(len(data), seed)
    gens = load_generators(split_names(str(cfg.get("generators", ""))), data_name, allow_paths=allow_paths)
    unseen = load_generators(split_names(str(cfg.get("unseen", ""))), data_name, allow_paths=allow_paths)
    return build_held_out(data, val, gens, unseen, seed, n_fake)
