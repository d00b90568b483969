"""The real-vs-fake detector task: a small CNN learns to tell a set's real images from its generators' samples.

Each step takes half a batch of real images (from 80% of the set) and half of fakes sampled on the fly from
the generators the config names, with light everyday distortions (JPEG, resizing, blur, noise) on both, so the
detector cannot key on pristine pixels alone. The card holds what it was measured on: real images it never saw
(a seeded 10%), fakes from latents it never drew, fakes from generators it never saw at all (config `unseen`:
usually much harder), and everything again after JPEG at quality 50. The verdict's threshold is chosen on a third
set (another 10% of real images, fakes of another latent seed): the augmentations leave the raw probability leaning
towards "real". Names of the values it reports: loss, train_accuracy, held_out_real, held_out_fake, threshold.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from ..checkpoints import ModelCard
from ..config import IMAGE_SIZES, RunConfig, choice, in_range, option
from ..data import DataRequest, TensorData, load_data
from ..data.base import fit_images
from ..detect import distort
from ..detect.sets import (
    HeldOut,
    build_held_out,
    calibration_set,
    check_generators,
    choose_threshold,
    load_generators,
    real_split,
    split_names,
)
from ..errors import ConfigError
from ..limits import LIMITS
from ..models import ModelSpec, build
from ..sampling import grid
from .base import Chart, Preview, Task, TrainEnv

THRESHOLD = 0.5  # the verdict's threshold until one is chosen on the calibration images
LIVE_HELD_OUT = 128  # held-out images of each kind scored at every metrics event (the card uses them all)


@dataclass(frozen=True)
class DetectorConfig(RunConfig):
    """A detector run: real images of a set against samples of its generators, Adam with a cosine decay."""

    task: str = "detector"

    generators: str = option("digits-dcgan", "generators it learns to catch: shipped names (checkpoints/) or "
                                             ".safetensors paths, comma-separated")
    unseen: str = option("digits-cdcgan", "generators it never trains on, measured only (comma-separated; none = skip)")
    spectrum: bool = option(False, "also feed the detector the image's radial power spectrum")
    augment: str = option("jpeg,resize,blur,noise", "distortions applied to training images (comma-separated; none = off)")
    augment_p: float = option(0.2, "chance each distortion hits a training image")
    steps: int | None = option(3000, "training steps (with --time-budget, whichever ends first)")
    batch_size: int = option(64, "images per step: half real, half generated")
    image_size: int = option(32, "image side in pixels (the generators' own size)", IMAGE_SIZES)
    width: int = option(16, "feature maps of the first block")
    lr: float = option(2e-3, "Adam's initial learning rate (decays to 5% along a cosine)")
    log_every: int = option(50, "steps between metrics events")
    sample_every: int = option(500, "steps between previews")
    checkpoint_every: int = option(500, "steps between checkpoints")

    def check(self) -> None:
        choice("image size", self.image_size, IMAGE_SIZES)
        LIMITS["width"].check(self.width)
        LIMITS["lr"].check(self.lr)
        in_range("augmentation chance", self.augment_p, 0, 1)
        try:
            distort.parse_names(self.augment)
        except ValueError as exc:
            raise ConfigError(f"augment: {exc}") from None
        seen, unseen = split_names(self.generators), split_names(self.unseen)
        if not seen:
            raise ConfigError("name at least one generator to learn from (--generators)")
        if len(seen) + len(unseen) > 8:
            raise ConfigError("at most 8 generators in all")
        both = sorted(set(seen) & set(unseen))
        if both:
            raise ConfigError(f"{both[0]} cannot be both seen and unseen")
        check_generators(seen + unseen)

    @classmethod
    def preset(cls, data: str, quick: bool = False) -> DetectorConfig:
        """Each shipped set's own generators (an unseen one where there is one); a user folder must name its own."""
        known = {"digits": ("digits-dcgan", "digits-cdcgan"), "faces": ("faces-dcgan", "none")}
        seen, unseen = known.get(data, ("digits-dcgan", "digits-cdcgan"))
        return cls(data=data, generators=seen, unseen=unseen, steps=800 if quick else 3000)

    def title(self) -> str:
        return f"detector{' + spectrum' if self.spectrum else ''}, width {self.width}"


class DetectorTask(Task):
    """Binary cross-entropy: real images are 0, generated ones 1."""

    name = "detector"
    config_type = DetectorConfig
    description = "A small CNN learns to tell a set's real images from its generators' samples."
    saved_roles = ("detector",)
    card_tasks = ("detector",)

    @classmethod
    def mixed_precision(cls, cfg: RunConfig) -> bool:
        """Never: the traces it learns are a grey level or two deep, below bf16's resolution near 1 (and inference
        runs in fp32)."""
        return False

    def __init__(self, cfg: DetectorConfig, env: TrainEnv, data: TensorData | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: DetectorConfig = cfg
        if data is None:
            data = load_data(cfg.data, DataRequest(image_size=cfg.image_size, seed=cfg.seed, max_items=cfg.max_items))
        if data.kind != "images":
            raise ConfigError(f"{cfg.data} holds no images to tell from generated ones")
        if data.image_size != cfg.image_size:
            raise ConfigError(f"the real images are {data.image_size}x{data.image_size}, the config says {cfg.image_size}")
        self.data = data.to(env.device)
        self.train_idx, calib_idx, self.val_idx = real_split(len(data), cfg.seed)
        self.generators = load_generators(split_names(cfg.generators), cfg.data, env.device)
        # The held-out and calibration fakes are made on the CPU, as held_out_set rebuilds them from the card: a GPU's
        # arithmetic would move a borderline image across the threshold, and the card's figures would not rebuild.
        on_cpu = self.generators if env.device.type == "cpu" else load_generators(split_names(cfg.generators), cfg.data)
        self.unseen = load_generators(split_names(cfg.unseen), cfg.data)  # measured only
        self.augments = distort.parse_names(cfg.augment)
        self.held: HeldOut = build_held_out(data, self.val_idx, on_cpu, self.unseen, cfg.seed)
        self.calib_real, self.calib_fake = calibration_set(data, calib_idx, on_cpu, cfg.seed)
        self.spec = ModelSpec("detector-spectrum" if cfg.spectrum else "detector", width=cfg.width,
                              image_size=data.image_size, channels=data.channels)
        self.model = build(self.spec, "detector").to(env.device)
        self.model_train = env.wrap(self.model)
        self.opt = env.adam(self.model.parameters(), lr=cfg.lr, betas=(0.9, 0.999))
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)
        self.t0 = time.monotonic()

    # -- training -------------------------------------------------------------------------------------------

    def networks(self) -> dict[str, nn.Module]:
        return {"detector": self.model}

    def optimizers(self) -> dict[str, Any]:
        return {"detector": self.opt}

    def fakes(self, n: int) -> torch.Tensor:
        """n fresh samples, shared out among the generators, from the training latent stream (on the device)."""
        names = list(self.generators)
        counts = [n // len(names) + (i < n % len(names)) for i in range(len(names))]
        out = []
        for name, k in zip(names, counts, strict=True):
            if k == 0:
                continue
            g = self.generators[name]
            z = torch.randn(k, g.z_size, generator=self.batch_gen)
            labels = torch.randint(g.num_classes, (k,), generator=self.batch_gen) if g.num_classes else None
            x = g.from_latents(z, labels)
            out.append(x)
        x = torch.cat(out).float()
        if x.shape[-1] != self.data.image_size or x.shape[1] != self.data.channels:
            x = fit_images(x, self.data.image_size, self.data.channels)
        return x

    def batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Half real, half generated, quantised to 8 bits and distorted; labels 0 (real) and 1 (generated)."""
        cfg = self.cfg
        n_real = cfg.batch_size // 2
        pick = torch.randint(len(self.train_idx), (n_real,), generator=self.batch_gen)
        real = self.data.x[self.train_idx[pick].to(self.env.device)].float().cpu()
        fake = self.fakes(cfg.batch_size - n_real)
        x = distort.quantise(torch.cat([real, fake]))
        x = distort.augment(x, self.augments, cfg.augment_p, self.batch_gen)
        y = torch.cat([torch.zeros(n_real), torch.ones(len(fake))])
        return x.to(self.env.device), y.to(self.env.device)

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        cfg = self.cfg
        for group in self.opt.param_groups:  # cosine decay to 5% along the run (steps or time budget alike)
            group["lr"] = cfg.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))
        x, y = self.batch()
        with self.env.autocast():
            logits = self.model_train(x)
        loss = F.binary_cross_entropy_with_logits(logits.float(), y)
        self.env.check_finite(loss, "detector")
        self.env.optimiser_step(self.opt, loss, self.model, measure=False)
        if not measure:
            return {}
        real, fake = self.held.real[:LIVE_HELD_OUT], self.held.fake[:: max(1, len(self.held.fake) // LIVE_HELD_OUT)]
        t = self.threshold(self.model)
        return {"loss": loss.detach(), "train_accuracy": ((logits.detach() > 0).float() == y).float().mean(),
                "held_out_real": accuracy(self.model, real, 0, t), "held_out_fake": accuracy(self.model, fake, 1, t),
                "threshold": t}

    def charts(self) -> tuple[Chart, ...]:
        return (Chart("losses", "Loss", ("loss",), axis="loss"),
                Chart("accuracy", "Accuracy: training batches and held-out real / generated images",
                      ("train_accuracy", "held_out_real", "held_out_fake"), axis="accuracy", y_range=(0.0, 1.0),
                      reference=0.5))

    # -- measuring ------------------------------------------------------------------------------------------

    def threshold(self, model: nn.Module) -> float:
        """The verdict's threshold for `model` now: the best balanced accuracy on the calibration images (real ones
        kept apart from training and from the held-out figures, fakes of a latent seed of their own)."""
        return choose_threshold(probabilities(model, self.calib_real), probabilities(model, self.calib_fake))

    @torch.no_grad()
    def validation(self, model: nn.Module) -> dict[str, Any]:
        """The card's figures, each on images the detector never trained on."""
        held, cfg = self.held, self.cfg
        fake, t = held.fake, self.threshold(model)
        out: dict[str, Any] = {
            "measured_on": held.description,
            "threshold": t,
            "threshold_chosen_on": f"{len(self.calib_real)} real images and {len(self.calib_fake)} fakes used neither in "
                                   f"training nor in these figures (best balanced accuracy)",
            "generators_seen": list(held.fakes),
            "accuracy_real": accuracy(model, held.real, 0, t),
            "accuracy_fake": accuracy(model, fake, 1, t),
        }
        out["accuracy"] = round((out["accuracy_real"] + out["accuracy_fake"]) / 2, 4)
        if len(held.fakes) > 1:
            out["accuracy_fake_by_generator"] = {n: accuracy(model, x, 1, t) for n, x in held.fakes.items()}
        out["generators_unseen"] = list(held.unseen)
        if held.unseen:
            out["accuracy_unseen"] = {n: accuracy(model, x, 1, t) for n, x in held.unseen.items()}
        jpeg_real, jpeg_fake = distort.jpeg(held.real, 50), distort.jpeg(fake, 50)
        out["jpeg50"] = {"accuracy_real": accuracy(model, jpeg_real, 0, t), "accuracy_fake": accuracy(model, jpeg_fake, 1, t)}
        if held.unseen:
            unseen = torch.cat(list(held.unseen.values()))
            out["jpeg50"]["accuracy_unseen"] = accuracy(model, distort.jpeg(unseen, 50), 1, t)
        out["augmentations"] = f"{', '.join(self.augments) or 'none'} (each with chance {cfg.augment_p:g})"
        out["train_seconds"] = round(time.monotonic() - self.t0, 1)
        return out

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """Eight held-out real images then eight held-out fakes; the provenance says what the detector called each."""
        model, held = nets["detector"], self.held
        fake = held.fake[:: max(1, len(held.fake) // 8)][:8]
        x = torch.cat([held.real[:8], fake])
        p, t = probabilities(model, x), self.threshold(model)
        truth = ["real"] * min(8, len(held.real)) + ["generated"] * len(fake)
        said = ["generated" if v > t else "real" for v in p.tolist()]
        meta = {"truth": " ".join(truth), "verdict": " ".join(said), "p_generated": " ".join(f"{v:.2f}" for v in p.tolist()),
                "threshold": f"{t:g}", "model": self.spec.name}
        return Preview(image=grid(x, nrow=8), meta=meta)

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        data, spec = self.data, self.spec
        kind = "grey" if spec.channels == 1 else "RGB"
        return ModelCard(
            task="detector", roles={"detector": spec.to_dict()},
            io={"input": f"a {spec.channels}x{spec.image_size}x{spec.image_size} {kind} image (other sizes are resized)",
                "output": "one logit: its sigmoid is the probability that the image is generated"},
            data=self.cfg.data, image_size=data.image_size, channels=data.channels, class_names=["real", "generated"],
            steps=step, metrics=self.validation(nets["detector"]), command=self.cfg.command, config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": "images", "data_items": len(self.data), "generators": list(self.generators),
                "unseen": list(self.unseen), "held_out": self.held.description}



@torch.no_grad()
def probabilities(model: nn.Module, x: torch.Tensor, batch: int = 512) -> torch.Tensor:
    """Probability of "generated" for each image (N,C,H,W in [-1, 1]), in eval mode; on the CPU."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    out = torch.cat([model(x[i : i + batch].to(device)).float().sigmoid().cpu() for i in range(0, len(x), batch)])
    model.train(was_training)
    return out


def accuracy(model: nn.Module, x: torch.Tensor, label: int, threshold: float = THRESHOLD) -> float:
    """Share of images called `label` (0 real, 1 generated: probability above the threshold)."""
    if len(x) == 0:
        raise ValueError("no images to measure on")
    called = (probabilities(model, x) > threshold).long()
    return round(float((called == label).float().mean()), 4)


__all__ = ["THRESHOLD", "DetectorConfig", "DetectorTask", "accuracy", "probabilities"]
