"""The strict digits judge: real digits through the app's resize path pass, blurs, noise and collapse do not."""

import pytest
import torch
import torch.nn.functional as F

from ganengine.data import load_data
from ganengine.judge import judge_digits

REAL = load_data("digits").x[torch.randperm(1797, generator=torch.Generator().manual_seed(0))[:1000]]


def test_real_digits_through_the_resize_path_are_the_judges_yardstick():
    report = judge_digits(REAL)
    assert report["mean_confidence"] >= 0.85 and report["classes_covered"] == 10
    assert 0.97 <= report["digit_score_share"] <= 1.03  # the same digits as its reference: a share of 1
    assert report["unclear_share"] <= 0.03 and sum(report["class_shares"]) + report["unclear_share"] == \
        pytest.approx(1.0, abs=1e-3)
    assert report["real_confidence"] >= 0.85 and 0.9 <= report["diversity_ratio"] <= 1.1


def test_contrast_is_stretched_so_a_dim_digit_reads_like_itself():
    dim = REAL * 0.4 - 0.6  # strokes at 40 % of their brightness, on the same black
    real, dimmed = judge_digits(REAL), judge_digits(dim)
    assert abs(dimmed["mean_confidence"] - real["mean_confidence"]) < 0.02
    assert dimmed["class_shares"] == real["class_shares"]


def test_noise_blurs_and_collapse_score_low():
    noise = judge_digits(torch.rand(1000, 1, 32, 32) * 2 - 1)
    # Far from every digit the sharp kernel's calibrated answer is one class at 0.51, its floor: the score and the
    # coverage are what give noise away.
    assert noise["mean_confidence"] < 0.55 and noise["digit_score_share"] < 0.3
    assert noise["unclear_share"] > 0.95 and noise["classes_covered"] == 0  # no clear digit, so no class
    blurred = F.interpolate(F.avg_pool2d(REAL, 8, stride=4, padding=2), size=32, mode="bilinear")
    assert judge_digits(blurred)["mean_confidence"] < judge_digits(REAL)["mean_confidence"] - 0.2
    one_digit = judge_digits(REAL[:1].expand(1000, -1, -1, -1))
    assert one_digit["classes_covered"] == 1 and one_digit["digit_score_share"] < 0.3
