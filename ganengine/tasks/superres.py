"""The super-resolution task: an SRResNet or an RRDB generator learns to undo a degradation (bicubic x2 / x4, optionally
with blur, noise and JPEG), in two stages as the literature trains them (SRGAN, ESRGAN):

- `stage="psnr"`: L1 pre-training (the PSNR-oriented model), Adam with a cosine-decayed learning rate;
- `stage="gan"`: adversarial fine-tuning from a PSNR checkpoint (`init`): pixel L1 + a perceptual term + an
  adversarial term against a VGG-style discriminator, relativistic average (ESRGAN) by default. The perceptual term
  needs no downloaded weights: by default it is feature matching on the project's own discriminator (pix2pixHD's
  substitute for a VGG loss: L1 between D's features of the output and of the target, stage by stage); a VGG19 loss
  (ESRGAN's conv5_4) only when the operator supplies torchvision's weights file, checked by SHA-256 and read with
  `torch.load(weights_only=True)`.

HR patches are cut on the fly from whole photos held as tensors; the LR input is made from each patch by `degrade`.
The card's figures are PSNR and SSIM on luminance (borders shaved by the scale) of the model and of bicubic, on fixed
crops of photos the model never saw. Names of the values it reports: loss_l1, psnr_gain, lr (psnr stage);
loss_pixel, loss_perceptual, loss_g_adv, loss_d, d_real, d_fake, psnr_gain (gan stage).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from ..checkpoints import ModelCard, load_role
from ..config import RunConfig, choice, in_range, option
from ..data.base import DataError
from ..data.photos import VAL_SEED, PhotoSet, degrade, describe_degradation, load_photo_set
from ..errors import ConfigError
from ..limits import LIMITS
from ..models import ModelSpec, build
from ..models.spec import D_NORMS
from ..models.superres import SCALES, VGG19Features, bicubic
from .base import Chart, Preview, Task, TrainEnv
from .translation import triplet_grid

STAGES = ("psnr", "gan")
SR_MODELS = ("srresnet", "rrdb")
PATCH_SIZES = (32, 48, 64, 96, 128)
PERCEPTUAL = ("dfm", "vgg", "none")
PREVIEW_ROWS = 6
#: torchvision publishes VGG19's weights as vgg19-dcbb9e9d.pth: the name carries the first hex digits of its SHA-256
VGG19_FILE = "vgg19-dcbb9e9d.pth"
VGG19_SHA256_PREFIX = "dcbb9e9d"
MAX_VGG_BYTES = 1 << 30
PERCEPTUAL_WORDS = {
    "dfm": "feature matching on the discriminator's own features (L1 per stage relative to the HR features' mean "
           "magnitude, after pix2pixHD; no downloaded weights)",
    "vgg": f"VGG19 conv5_4 features before activation, L1 (ESRGAN), weights from the operator's {VGG19_FILE}",
    "none": "none",
}


@dataclass(frozen=True)
class SuperResConfig(RunConfig):
    """A super-resolution run: PSNR pre-training, or an adversarial fine-tune of a PSNR model (--stage gan --init)."""

    task: str = "superres"
    data: str = option("photos", "HR photos: 'photos' (bundled with scikit-image) or a folder / .zip of your photos")
    stage: str = option("psnr", "psnr: L1 pre-training; gan: adversarial fine-tuning of a PSNR model (--init)", STAGES)
    model: str = option("srresnet", "generator: srresnet (residual blocks, no BN) or rrdb (ESRGAN's dense blocks)",
                        SR_MODELS)
    scale: int = option(4, "up-scaling factor", SCALES)
    blocks: int = option(8, "residual (srresnet) or RRDB (rrdb) blocks (16 and 23 in the papers)")
    width: int = option(32, "feature maps of the generator (64 in the papers)")
    patch_size: int = option(96, "side of the HR training patches in pixels (the LR input is patch / scale)", PATCH_SIZES)
    steps: int | None = option(3000, "training steps")
    batch_size: int = option(16, "patches per step")
    lr: float = option(2e-4, "Adam learning rate of the generator (psnr stage: cosine decay to 1%)")
    init: str = option("", "a superres checkpoint to start the generator from (required by --stage gan)")
    pixel_weight: float = option(1.0, "gan stage: weight of the L1 term")
    perceptual: str = option("dfm", "gan stage: perceptual term (dfm = the discriminator's features; vgg needs "
                                    "--vgg-weights; none)", PERCEPTUAL)
    perceptual_weight: float = option(1.0, "gan stage: weight of the perceptual term")
    vgg_weights: str = option("", f"torchvision's {VGG19_FILE}, supplied by the operator (never downloaded)")
    adv_weight: float = option(0.05, "gan stage: weight of the adversarial term (Real-ESRGAN: 0.1)")
    ragan: bool = option(True, "a plain non-saturating GAN instead of the relativistic average one (ESRGAN)",
                         flag="--no-ragan")
    d_width: int = option(32, "gan stage: feature maps of the discriminator's first stage (64 in the papers)")
    d_norm: str = option("spectral", "gan stage: the discriminator's normalisation", D_NORMS)
    lr_d: float = option(1e-4, "gan stage: Adam learning rate of the discriminator")
    blur: float = option(0.0, "degradation: largest Gaussian blur sigma in HR pixels (0 = none)")
    noise: float = option(0.0, "degradation: largest Gaussian noise std in 8-bit levels (0 = none)")
    jpeg: int = option(0, "degradation: lowest JPEG quality, 10-95 (0 = no JPEG)")
    log_every: int = option(10, "steps between metrics events")
    sample_every: int = option(250, "steps between preview strips")
    checkpoint_every: int = option(500, "steps between checkpoints (each measures PSNR/SSIM on the held-out crops)")

    def check(self) -> None:
        choice("stage", self.stage, STAGES)
        choice("model", self.model, SR_MODELS)
        choice("scale", self.scale, SCALES)
        choice("patch size", self.patch_size, PATCH_SIZES)
        choice("perceptual term", self.perceptual, PERCEPTUAL)
        choice("discriminator norm", self.d_norm, D_NORMS)
        LIMITS["width"].check(self.width)
        LIMITS["width"].check(self.d_width)
        LIMITS["blocks"].check(self.blocks)
        if self.blocks < 1:
            raise ConfigError("blocks must be at least 1")
        for name, value in (("learning rate", self.lr), ("discriminator learning rate", self.lr_d)):
            in_range(name, value, 0, 1, open_low=True)
        for name, value in (("pixel weight", self.pixel_weight), ("perceptual weight", self.perceptual_weight),
                            ("adversarial weight", self.adv_weight)):
            in_range(name, value, 0, 1000)
        in_range("blur", self.blur, 0, 5)
        in_range("noise", self.noise, 0, 50)
        if not isinstance(self.jpeg, int) or isinstance(self.jpeg, bool) or not (self.jpeg == 0 or 10 <= self.jpeg <= 95):
            raise ConfigError(f"jpeg must be 0 (none) or a quality between 10 and 95 (got {self.jpeg!r})")
        if not isinstance(self.init, str) or not isinstance(self.vgg_weights, str):
            raise ConfigError("init and vgg_weights must be paths (or empty)")
        if self.stage == "gan" and not self.init:
            raise ConfigError("the gan stage fine-tunes a PSNR model: give its checkpoint with --init")
        if self.stage == "gan" and self.perceptual == "vgg" and not self.vgg_weights:
            raise ConfigError(f"the vgg perceptual term needs --vgg-weights (torchvision's {VGG19_FILE}, supplied by "
                              f"the operator); or use --perceptual dfm")

    @classmethod
    def preset(cls, data: str, quick: bool = False) -> SuperResConfig:
        if quick:
            return cls(data=data, steps=300, blocks=4, width=32, patch_size=64, sample_every=50, checkpoint_every=100)
        return cls(data=data)

    def title(self) -> str:
        return f"Super-resolution x{self.scale} ({self.model}, {self.stage})"


def load_vgg_features(path: str | Path, expected_prefix: str | None = None) -> VGG19Features:
    """VGG19 features from torchvision's weights file, given by the operator: size-capped, its SHA-256 checked against
    the published name's digits (as torchvision checks it), read with weights_only=True, keys and shapes checked."""
    path = Path(path)
    expected = (expected_prefix or VGG19_SHA256_PREFIX).lower()
    size = path.stat().st_size  # FileNotFoundError: the CLI prints it in one line
    if size > MAX_VGG_BYTES:
        raise ConfigError(f"{path.name}: {size / 2**20:.0f} MB is too large for VGG19's weights")
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    if not digest.hexdigest().startswith(expected):
        raise ConfigError(f"{path.name}: not torchvision's {VGG19_FILE} (its SHA-256 starts {digest.hexdigest()[:8]}, "
                          f"expected {expected})")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # weights_only refusals and broken files alike
        raise ConfigError(f"{path.name}: not a readable weights file ({type(exc).__name__})") from None
    model = VGG19Features()
    wanted = model.state_dict()
    if not isinstance(state, dict) or any(not isinstance(state.get(k), torch.Tensor) or state[k].shape != v.shape
                                          for k, v in wanted.items()):
        raise ConfigError(f"{path.name}: its tensors are not VGG19's features")
    model.load_state_dict({k: state[k].float() for k in wanted})
    return model.eval().requires_grad_(False)


class SuperResTask(Task):
    name = "superres"
    config_type = SuperResConfig
    description = "A network learns to enlarge photos x2 or x4, judged against bicubic on photos it never saw."
    saved_roles = ("generator",)
    card_tasks = ("superres",)
    ema_role = "generator"

    def __init__(self, cfg: SuperResConfig, env: TrainEnv, data: PhotoSet | None = None) -> None:
        super().__init__(cfg, env, data)
        self.cfg: SuperResConfig = cfg
        if data is None:
            data = load_photo_set(cfg.data, cfg.seed, cfg.max_items, min_side=cfg.patch_size)
        if not isinstance(data, PhotoSet):
            raise DataError("super-resolution trains on photos (a PhotoSet)")
        if max(min(t.shape[-2:]) for t in data.train) < cfg.patch_size:
            raise DataError(f"{data.name}: no training photo is {cfg.patch_size} pixels on its shorter side")
        device = env.device
        self.photos = data.to(device)
        self.val_hr = self.photos.validation_crops(cfg.scale)
        # The validation inputs: the run's own degradation, drawn from a fixed seed (the same crops for every run).
        self.val_lr = degrade(self.val_hr, cfg.scale, cfg.blur, cfg.noise, cfg.jpeg, seed=VAL_SEED)
        self.spec = ModelSpec(cfg.model, width=cfg.width, blocks=cfg.blocks, scale=cfg.scale, channels=3, in_channels=3,
                              image_size=cfg.patch_size, norm="none")
        self.G = build(self.spec, "generator").to(device)
        self.init_name, self.init_metrics = "", {}
        if cfg.init:
            self._start_from(cfg.init)
        self.G_train = env.wrap(self.G)
        self.opt_g = env.adam(self.G.parameters(), lr=cfg.lr, betas=(0.9, 0.99))  # ESRGAN's betas
        self.batch_gen = torch.Generator().manual_seed(cfg.seed + env.dist.rank)
        self.D: nn.Module | None = None
        self.vgg: nn.Module | None = None
        if cfg.stage == "gan":
            self.d_spec = ModelSpec("vgg-d", width=cfg.d_width, image_size=cfg.patch_size, channels=3, d_norm=cfg.d_norm)
            self.D = build(self.d_spec, "discriminator").to(device)
            self.D_train = env.wrap(self.D)
            self.opt_d = env.adam(self.D.parameters(), lr=cfg.lr_d, betas=(0.9, 0.99))
            if cfg.perceptual == "vgg":
                self.vgg = load_vgg_features(cfg.vgg_weights).to(device)

    def _start_from(self, path: str) -> None:
        """Load a superres checkpoint's generator into G (it must be the same architecture)."""
        model, card = load_role(path, "generator", ("superres",), "cpu")
        spec, cfg = card.spec, self.cfg
        if (spec.name, spec.scale, spec.blocks, spec.width) != (cfg.model, cfg.scale, cfg.blocks, cfg.width):
            raise ConfigError(f"{Path(path).name} is a {spec.name} x{spec.scale} with {spec.blocks} blocks of width "
                              f"{spec.width}: train with --model {spec.name} --scale {spec.scale} --blocks {spec.blocks} "
                              f"--width {spec.width} to start from it")
        self.G.load_state_dict(model.state_dict())
        self.init_name = Path(path).name
        self.init_metrics = {k: v for k, v in card.metrics.items() if k in ("psnr_y", "ssim_y")}

    def networks(self) -> dict[str, nn.Module]:
        return {"generator": self.G, **({"discriminator": self.D} if self.D is not None else {})}

    def optimizers(self) -> dict[str, torch.optim.Optimizer]:
        return {"generator": self.opt_g, **({"discriminator": self.opt_d} if self.D is not None else {})}

    def _batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        cfg = self.cfg
        hr = self.photos.sample_patches(cfg.batch_size, cfg.patch_size, self.batch_gen)
        return degrade(hr, cfg.scale, cfg.blur, cfg.noise, cfg.jpeg, self.batch_gen), hr

    def _lr(self, progress: float) -> float:
        """psnr stage: cosine decay from lr to 1% of it over the run (time budgets included); gan stage: constant."""
        lr = self.cfg.lr
        if self.cfg.stage == "psnr":
            lr *= 0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(max(progress, 0.0), 1.0)))
        for group in self.opt_g.param_groups:
            group["lr"] = lr
        return lr

    def _gain(self, lr_img: torch.Tensor, sr: torch.Tensor, hr: torch.Tensor) -> float:
        """dB over bicubic on this batch of training patches (RGB, no shave, errors pooled over the batch, so a flat
        patch that bicubic gets right does not swing it): the live sign of learning."""
        mse_sr = float(((sr.detach().clamp(-1, 1) - hr) ** 2).mean())
        mse_bicubic = float(((bicubic(lr_img, self.cfg.scale).clamp(-1, 1) - hr) ** 2).mean())
        return 10 * math.log10(max(mse_bicubic, 1e-12) / max(mse_sr, 1e-12))

    def train_step(self, step: int, progress: float, measure: bool) -> dict[str, torch.Tensor | float]:
        env, cfg = self.env, self.cfg
        lr_img, hr = self._batch()
        lr_now = self._lr(progress)
        if cfg.stage == "psnr":
            with env.autocast():
                sr = self.G_train(lr_img).float()
            loss = (sr - hr).abs().mean()
            env.check_finite(loss, "generator")
            env.optimiser_step(self.opt_g, loss, self.G, measure=False)
            if not measure:
                return {}
            return {"loss_l1": loss.detach(), "psnr_gain": self._gain(lr_img, sr, hr), "lr": lr_now}
        return self._gan_step(lr_img, hr, measure)

    def _adversarial(self, real: torch.Tensor, fake: torch.Tensor, for_d: bool) -> torch.Tensor:
        """Relativistic average BCE (ESRGAN): real should look more real than the average fake, and fake less real than
        the average real (for D; the other way round for G). Plain non-saturating BCE with ragan off."""
        if self.cfg.ragan:
            real_rel, fake_rel = real - fake.mean(), fake - real.mean()
            if for_d:
                return 0.5 * (F.softplus(-real_rel).mean() + F.softplus(fake_rel).mean())
            return 0.5 * (F.softplus(real_rel).mean() + F.softplus(-fake_rel).mean())
        if for_d:
            return F.softplus(-real).mean() + F.softplus(fake).mean()
        return F.softplus(-fake).mean()

    def _d_outputs(self, real: torch.Tensor, fake: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if self.cfg.ragan:
            return torch.sigmoid(real - fake.mean()).mean(), torch.sigmoid(fake - real.mean()).mean()
        return torch.sigmoid(real).mean(), torch.sigmoid(fake).mean()

    def _gan_step(self, lr_img: torch.Tensor, hr: torch.Tensor, measure: bool) -> dict[str, torch.Tensor | float]:
        env, cfg, D = self.env, self.cfg, self.D
        assert D is not None
        with env.autocast():
            sr = self.G_train(lr_img).float()
        # Discriminator: HR patches against the generator's outputs.
        D.requires_grad_(True)
        with env.autocast():
            r_logits = self.D_train(hr).float()
            f_logits = D(sr.detach()).float()  # one DDP forward per backward (see the GAN task)
        loss_d = self._adversarial(r_logits, f_logits, for_d=True)
        env.check_finite(loss_d, "discriminator")
        env.optimiser_step(self.opt_d, loss_d, D, measure=False)
        # Generator: close to HR in pixels and in features, and judged more real than the real patches.
        D.requires_grad_(False)
        with env.autocast():
            f_adv, f_feats = D(sr, features=True)
            with torch.no_grad():
                r_adv, r_feats = D(hr, features=True)
            if cfg.perceptual == "dfm":  # each stage's L1 relative to the size of its real features: scale-free
                loss_per = sum((f.float() - r.float()).abs().mean() / (r.float().abs().mean() + 1e-6)
                               for f, r in zip(f_feats, r_feats, strict=True)) / len(f_feats)
            elif cfg.perceptual == "vgg":
                assert self.vgg is not None
                with torch.no_grad():
                    target = self.vgg(hr)
                loss_per = (self.vgg(sr).float() - target.float()).abs().mean()
            else:
                loss_per = torch.zeros((), device=sr.device)
        loss_adv = self._adversarial(r_adv.float().detach(), f_adv.float(), for_d=False)
        loss_pix = (sr - hr).abs().mean()
        loss_g = cfg.pixel_weight * loss_pix + cfg.perceptual_weight * loss_per + cfg.adv_weight * loss_adv
        env.check_finite(loss_g, "generator")
        env.optimiser_step(self.opt_g, loss_g, self.G, measure=False)
        if not measure:
            return {}
        d_real, d_fake = self._d_outputs(r_logits.detach(), f_logits.detach())
        return {"loss_pixel": loss_pix.detach(), "loss_perceptual": loss_per.detach(), "loss_g_adv": loss_adv.detach(),
                "loss_d": loss_d.detach(), "d_real": d_real, "d_fake": d_fake, "psnr_gain": self._gain(lr_img, sr, hr)}

    def charts(self) -> tuple[Chart, ...]:
        gain = Chart("psnr_gain", "PSNR over bicubic on training patches (dB)", ("psnr_gain",), axis="score",
                     reference=0.0)
        if self.cfg.stage == "psnr":
            return (Chart("l1", "L1 to the HR patches", ("loss_l1",), axis="loss"), gain,
                    Chart("lr", "Learning rate (cosine decay)", ("lr",), axis="value", log=True))
        return (
            Chart("generator_terms", "Generator's terms", ("loss_pixel", "loss_perceptual", "loss_g_adv"), axis="loss"),
            Chart("adversarial", "Discriminator's loss", ("loss_d",), axis="loss"),
            Chart("d_outputs", "D: real judged more real than fake, fake more real than real" if self.cfg.ragan
                  else "D on HR and generated patches", ("d_real", "d_fake"), axis="probability", reference=0.5,
                  y_range=(0.0, 1.0)),
            gain,
        )

    @torch.no_grad()
    def _enlarge(self, G: nn.Module, lr_img: torch.Tensor) -> torch.Tensor:
        """G's outputs in fp32, a few crops at a time, in eval mode."""
        was_training = G.training
        G.eval()
        out = torch.cat([G(lr_img[i : i + 4]).float().clamp(-1, 1) for i in range(0, len(lr_img), 4)])
        G.train(was_training)
        return out

    @torch.no_grad()
    def preview(self, nets: dict[str, nn.Module]) -> Preview:
        """Held-out crops, one per row: LR (nearest, at the output size) | bicubic | SR | HR."""
        s = self.cfg.scale
        per = len(self.val_hr) // max(len(self.photos.val), 1)
        rows = torch.arange(len(self.val_hr)).view(-1, per)[:, : max(1, per // 2)].flatten()[:PREVIEW_ROWS]  # from each photo
        lr_img, hr = self.val_lr[rows], self.val_hr[rows]
        sr = self._enlarge(nets["generator"], lr_img)
        near = F.interpolate(lr_img, scale_factor=s, mode="nearest")
        return Preview(image=triplet_grid([near, bicubic(lr_img, s).clamp(-1, 1), sr, hr]),
                       meta={"rows": "LR (nearest) | bicubic | SR | HR", "scale": f"x{s}"})

    @torch.no_grad()
    def figures(self, G: nn.Module) -> dict[str, Any]:
        """PSNR-Y and SSIM-Y of the model and of bicubic on the held-out crops (the card's metrics)."""
        from ..metrics.sr import detail_ratio, sr_scores  # loaded when the first card is written: a worker starts without metrics/

        cfg, s = self.cfg, self.cfg.scale
        sr = self._enlarge(G, self.val_lr)
        base = bicubic(self.val_lr, s).clamp(-1, 1)
        p, q = sr_scores(sr, self.val_hr, s)
        bp, bq = sr_scores(base, self.val_hr, s)
        photos, n, side = self.photos, len(self.val_hr), self.val_hr.shape[-1]
        if photos.val_kinds:
            seen = ", ".join(f"{name} ({kind})" for name, kind in zip(photos.val_names, photos.val_kinds, strict=True))
            where = (f"{n} crops of {side}x{side} from {len(photos.val)} photos it never saw, of kinds it was not tuned on: "
                     f"{seen}")
        else:
            where = f"{n} crops of {side}x{side} from {len(photos.val)} of {photos.name}'s photos kept out of training"
        figures = {
            "measured_on": where,
            "psnr_y": round(float(p.mean()), 3), "ssim_y": round(float(q.mean()), 4),
            "bicubic_psnr_y": round(float(bp.mean()), 3), "bicubic_ssim_y": round(float(bq.mean()), 4),
            "psnr_gain_db": round(float((p - bp).mean()), 3),
            "beats_bicubic": f"{int((p > bp).sum())} of {n} crops",
            "detail_ratio": round(float(detail_ratio(sr, self.val_hr, s).mean()), 3),
            "bicubic_detail_ratio": round(float(detail_ratio(base, self.val_hr, s).mean()), 3),
            "how": f"PSNR and SSIM (Gaussian window, Wang et al. 2004) on luminance Y (BT.601) of 8-bit outputs, "
                   f"{s} pixels shaved off each border; bicubic: the same LR crops enlarged by Pillow's bicubic kernel; "
                   f"detail ratio: the outputs' mean luma gradient over the photos' (1 = as much texture, right or not)",
            "degradation": describe_degradation(s, cfg.blur, cfg.noise, cfg.jpeg),
            "stage": cfg.stage,
            "perceptual_loss": PERCEPTUAL_WORDS[cfg.perceptual] if cfg.stage == "gan" else "none (L1 only)",
        }
        if cfg.stage == "gan":
            figures["adversarial_loss"] = "relativistic average BCE (ESRGAN)" if cfg.ragan else "non-saturating BCE"
        if self.init_name:
            figures["init"] = self.init_name
            figures.update({f"init_{k}": v for k, v in self.init_metrics.items()})
        return figures

    def card(self, step: int, nets: dict[str, nn.Module]) -> ModelCard:
        s, spec = self.cfg.scale, self.spec
        return ModelCard(
            task="superres", roles={"generator": spec.to_dict()},
            io={"input": "an RGB image of any size (large ones go through in tiles)",
                "output": f"the same image x{s} larger ({s}H x {s}W)", "scale": str(s)},
            data=self.cfg.data, image_size=self.cfg.patch_size, channels=3, steps=step,
            metrics=self.figures(nets["generator"]), command=self.cfg.command, config=self.cfg.to_dict(),
        )

    def info(self) -> dict[str, Any]:
        return {"kind": "photos", "data_items": len(self.photos.train), "held_out": len(self.photos.val),
                "validation_crops": len(self.val_hr), "scale": self.cfg.scale, "stage": self.cfg.stage,
                "d_output": "probability"}
