"""GAN losses on raw discriminator logits, split into D and G phases, plus the gradient penalty.

Each loss takes logits (no sigmoid in the models): softplus forms are the numerically stable
versions of the textbook log D(x) and log(1 - D(G(z))).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor

from .registry import Registry


@dataclass(frozen=True)
class GanLoss:
    """One adversarial objective: D's loss on (real, fake) logits and G's loss on fake logits."""

    name: str
    description: str
    d_loss: Callable[[Tensor, Tensor, float], Tensor]
    g_loss: Callable[[Tensor], Tensor]
    probabilistic: bool  # D's output reads as a probability after a sigmoid
    gradient_penalty: bool = False
    smoothing: bool = True  # whether one-sided label smoothing (a real target below 1) means anything here


def _bce_d(real: Tensor, fake: Tensor, real_target: float) -> Tensor:
    """-[t log D(x) + (1-t) log(1-D(x))] - log(1 - D(G(z))), with one-sided smoothing t <= 1."""
    real_term = real_target * F.softplus(-real) + (1 - real_target) * F.softplus(real)
    return real_term.mean() + F.softplus(fake).mean()


def _minimax_g(fake: Tensor) -> Tensor:
    """G minimises log(1 - D(G(z))): the original game, whose gradient vanishes when D wins."""
    return -F.softplus(fake).mean()


def _nonsat_g(fake: Tensor) -> Tensor:
    """G minimises -log D(G(z)): same fixed point, strong gradients early on."""
    return F.softplus(-fake).mean()


def _ls_d(real: Tensor, fake: Tensor, real_target: float) -> Tensor:
    return 0.5 * ((real - real_target) ** 2).mean() + 0.5 * (fake**2).mean()


def _ls_g(fake: Tensor) -> Tensor:
    return 0.5 * ((fake - 1) ** 2).mean()


def _hinge_d(real: Tensor, fake: Tensor, real_target: float) -> Tensor:
    return F.relu(1 - real).mean() + F.relu(1 + fake).mean()


def _wgan_d(real: Tensor, fake: Tensor, real_target: float) -> Tensor:
    return fake.mean() - real.mean()


def _critic_g(fake: Tensor) -> Tensor:
    return -fake.mean()


def _check(name: str, loss: GanLoss) -> None:
    if loss.name != name or not callable(loss.d_loss) or not callable(loss.g_loss):
        raise ValueError(f"loss {name!r} must name itself and give D and G phases")


LOSSES: Registry[GanLoss] = Registry("loss", _check)
for _loss in (
    GanLoss("minimax", "Original minimax game of Goodfellow et al. (2014).", _bce_d, _minimax_g, True),
    GanLoss("bce", "Non-saturating BCE: G maximises log D(G(z)) instead.", _bce_d, _nonsat_g, True),
    GanLoss("wgan-gp", "Wasserstein critic with gradient penalty (Gulrajani et al. 2017).", _wgan_d, _critic_g, False,
            gradient_penalty=True, smoothing=False),
    GanLoss("lsgan", "Least squares GAN (Mao et al. 2017).", _ls_d, _ls_g, False),
    GanLoss("hinge", "Hinge loss (used by SN-GAN, BigGAN).", _hinge_d, _critic_g, False, smoothing=False),
):
    LOSSES.register(_loss.name, _loss)


def get_loss(name: str) -> GanLoss:
    return LOSSES.get(name)


def gradient_penalty(critic: Callable[[Tensor], Tensor], real: Tensor, fake: Tensor) -> Tensor:
    """E[(||grad critic(x_hat)||_2 - 1)^2] on random interpolates of real and fake samples."""
    alpha = torch.rand(real.shape[0], *([1] * (real.dim() - 1)), device=real.device, dtype=real.dtype)
    x_hat = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    out = critic(x_hat)
    (grad,) = torch.autograd.grad(out.sum(), x_hat, create_graph=True)
    return ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
