"""Losses against values computed by hand from their textbook definitions."""

import math

import pytest
import torch

from ganengine.losses import LOSSES, get_loss, gradient_penalty

REAL = torch.tensor([2.0, 0.0])
FAKE = torch.tensor([-1.0, 1.0])


def sig(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def test_bce_discriminator_matches_log_formula():
    expected = (-math.log(sig(2)) - math.log(sig(0))) / 2 + (-math.log(1 - sig(-1)) - math.log(1 - sig(1))) / 2
    assert LOSSES["bce"].d_loss(REAL, FAKE, 1.0).item() == pytest.approx(expected, rel=1e-6)


def test_label_smoothing_targets_point_nine():
    t = 0.9
    real_term = sum(-(t * math.log(sig(r)) + (1 - t) * math.log(1 - sig(r))) for r in (2.0, 0.0)) / 2
    fake_term = (-math.log(1 - sig(-1)) - math.log(1 - sig(1))) / 2
    assert LOSSES["bce"].d_loss(REAL, FAKE, t).item() == pytest.approx(real_term + fake_term, rel=1e-6)


def test_generator_losses():
    assert LOSSES["minimax"].g_loss(FAKE).item() == pytest.approx((math.log(1 - sig(-1)) + math.log(1 - sig(1))) / 2, rel=1e-6)
    assert LOSSES["bce"].g_loss(FAKE).item() == pytest.approx((-math.log(sig(-1)) - math.log(sig(1))) / 2, rel=1e-6)
    assert LOSSES["lsgan"].g_loss(FAKE).item() == pytest.approx(0.5 * ((-2) ** 2 + 0) / 2)
    assert LOSSES["hinge"].g_loss(FAKE).item() == pytest.approx(0.0)
    assert LOSSES["wgan-gp"].g_loss(FAKE).item() == pytest.approx(0.0)


def test_discriminator_losses_of_other_families():
    assert LOSSES["lsgan"].d_loss(REAL, FAKE, 1.0).item() == pytest.approx(0.5 * (1 + 1) / 2 + 0.5 * (1 + 1) / 2)
    assert LOSSES["hinge"].d_loss(REAL, FAKE, 1.0).item() == pytest.approx((0 + 1) / 2 + (0 + 2) / 2)
    assert LOSSES["wgan-gp"].d_loss(REAL, FAKE, 1.0).item() == pytest.approx(0.0 - 1.0)


def test_minimax_saturates_where_non_saturating_does_not():
    fake = torch.tensor([-6.0], requires_grad=True)  # D is sure the fake is fake
    (g_mm,) = torch.autograd.grad(LOSSES["minimax"].g_loss(fake), fake)
    (g_ns,) = torch.autograd.grad(LOSSES["bce"].g_loss(fake), fake)
    assert abs(g_mm.item()) < 0.01 < 0.9 < abs(g_ns.item())


def test_gradient_penalty_of_a_unit_slope_critic_is_zero():
    w = torch.tensor([0.6, 0.8])  # ||w|| = 1, so ||grad|| = 1 everywhere
    real, fake = torch.randn(5, 2), torch.randn(5, 2)
    assert gradient_penalty(lambda x: x @ w, real, fake).item() == pytest.approx(0.0, abs=1e-10)
    assert gradient_penalty(lambda x: x @ (3 * w), real, fake).item() == pytest.approx(4.0)


def test_unknown_loss():
    with pytest.raises(ValueError, match="unknown loss"):
        get_loss("nope")
