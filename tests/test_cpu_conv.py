"""The fast CPU convolutions give PyTorch's results (outputs and both gradients) and take their fast path in bf16."""

import pytest
import torch
from torch import nn

from ganengine.models.cpu_conv import Conv2d, ConvTranspose2d, conv_weight_grad

CASES = [
    (Conv2d, nn.Conv2d, (64, 32, 4, 2, 1, 1, 1, False), (4, 64, 16, 16)),
    (Conv2d, nn.Conv2d, (32, 16, 4, 2, 1), (4, 32, 16, 16)),  # with a bias
    (Conv2d, nn.Conv2d, (1, 16, 4, 2, 1), (4, 1, 16, 16)),  # a discriminator's first layer: one channel, PyTorch's
    (Conv2d, nn.Conv2d, (32, 1, 4, 1, 0), (4, 32, 4, 4)),  # its head: the kernel covers the input, a matmul
    (ConvTranspose2d, nn.ConvTranspose2d, (32, 16, 4, 2, 1, 0, 1, False), (4, 32, 8, 8)),
    (ConvTranspose2d, nn.ConvTranspose2d, (20, 32, 4, 1, 0, 0, 1, False), (4, 20, 1, 1)),  # G's first layer: a matmul
]


def _run(layer: nn.Module, x: torch.Tensor, amp: bool) -> tuple[torch.Tensor, ...]:
    x = x.clone().requires_grad_(True)
    with torch.autocast("cpu", torch.bfloat16, enabled=amp):
        y = layer(x)
    y.float().backward(torch.linspace(-1, 1, y.numel()).view_as(y))
    return y.float(), x.grad, layer.weight.grad


@pytest.mark.parametrize("amp", [False, True], ids=["fp32", "bf16"])
@pytest.mark.parametrize(("fast_type", "plain_type", "args", "shape"), CASES)
def test_outputs_and_gradients_match_pytorch(fast_type, plain_type, args, shape, amp):
    torch.manual_seed(0)
    fast, plain = fast_type(*args), plain_type(*args)
    plain.load_state_dict(fast.state_dict())  # same parameters, same names
    x = torch.randn(shape).to(memory_format=torch.channels_last)
    tolerance = 1e-2 if amp else 1e-5  # bf16 keeps 8 bits of mantissa
    for mine, theirs in zip(_run(fast, x, amp), _run(plain, x, amp), strict=True):
        assert mine.shape == theirs.shape
        assert (mine - theirs).abs().max() <= tolerance * theirs.abs().max()


def test_bf16_training_takes_the_matmul_weight_gradient_and_fp32_does_not():
    layer, x = Conv2d(32, 32, 4, 2, 1, bias=False), torch.randn(2, 32, 8, 8, requires_grad=True)
    with torch.autocast("cpu", torch.bfloat16):
        assert "MatmulWeightGrad" in type(layer(x).grad_fn).__name__
    assert "MatmulWeightGrad" not in type(layer(x).grad_fn).__name__
    with torch.no_grad(), torch.autocast("cpu", torch.bfloat16):
        assert layer(x).grad_fn is None  # inference is PyTorch's own path (and exports as a plain Conv)


def test_weight_gradient_by_matmul_equals_autograds():
    torch.manual_seed(1)
    x = torch.randn(3, 8, 12, 12, dtype=torch.float64)
    w = torch.randn(5, 8, 4, 4, dtype=torch.float64, requires_grad=True)
    y = torch.nn.functional.conv2d(x, w, stride=2, padding=1)
    g = torch.randn_like(y)
    (expected,) = torch.autograd.grad(y, w, g)
    assert torch.allclose(conv_weight_grad(x, g, 4, 2, 1), expected)


def test_first_layer_matmul_is_channels_last_and_other_shapes_stay_pytorchs():
    out = ConvTranspose2d(10, 6, 4, 1, 0, bias=False)(torch.randn(2, 10, 1, 1))
    assert out.shape == (2, 6, 4, 4) and out.is_contiguous(memory_format=torch.channels_last)
    dilated = Conv2d(4, 8, 3, 1, 2, dilation=2, bias=False)
    with torch.autocast("cpu", torch.bfloat16):
        y = dilated(torch.randn(2, 4, 8, 8, requires_grad=True))
    assert "MatmulWeightGrad" not in type(y.grad_fn).__name__
    with torch.autocast("cpu", torch.bfloat16):  # one input channel: im2col would cost more than it saves
        y = Conv2d(1, 64, 4, 2, 1)(torch.randn(2, 1, 8, 8, requires_grad=True))
    assert "MatmulWeightGrad" not in type(y.grad_fn).__name__
