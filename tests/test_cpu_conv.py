"""The fast CPU convolutions give PyTorch's results (outputs and both gradients) and take their fast path in bf16."""

import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from ganengine.models import cpu_conv
from ganengine.models.cpu_conv import Conv2d, ConvTranspose2d, conv_by_matmul, conv_transpose_by_matmul, conv_weight_grad

CASES = [
    (Conv2d, nn.Conv2d, (64, 32, 4, 2, 1, 1, 1, False), (4, 64, 16, 16)),
    (Conv2d, nn.Conv2d, (32, 16, 4, 2, 1), (4, 32, 16, 16)),  # with a bias
    (Conv2d, nn.Conv2d, (1, 16, 4, 2, 1), (4, 1, 16, 16)),  # a discriminator's first layer: one channel, PyTorch's
    (Conv2d, nn.Conv2d, (32, 1, 4, 1, 0), (4, 32, 4, 4)),  # its head: the kernel covers the input, a matmul
    (ConvTranspose2d, nn.ConvTranspose2d, (32, 16, 4, 2, 1, 0, 1, False), (4, 32, 8, 8)),
    (ConvTranspose2d, nn.ConvTranspose2d, (20, 32, 4, 1, 0, 0, 1, False), (4, 20, 1, 1)),  # G's first layer: a matmul
    # 128+ output channels: the forward pass by matmul too; 128+ input channels: the input gradient as well
    (Conv2d, nn.Conv2d, (32, 128, 4, 2, 1, 1, 1, False), (4, 32, 16, 16)),
    (Conv2d, nn.Conv2d, (128, 128, 4, 2, 1), (4, 128, 8, 8)),
    (Conv2d, nn.Conv2d, (128, 128, 3, 1, 1), (2, 128, 6, 6)),  # not 4-2-1: im2col forward, oneDNN input gradient
    (ConvTranspose2d, nn.ConvTranspose2d, (128, 128, 4, 2, 1), (4, 128, 4, 4)),
    (ConvTranspose2d, nn.ConvTranspose2d, (128, 32, 4, 2, 1, 0, 1, False), (4, 128, 8, 8)),
    (ConvTranspose2d, nn.ConvTranspose2d, (128, 8, 4, 2, 1, 0, 1, False), (4, 128, 8, 8)),  # oneDNN weight gradient
    (Conv2d, nn.Conv2d, (8, 128, 4, 2, 1), (4, 8, 8, 8)),  # few input channels: the forward's patches, kept, serve
]


def _run(layer: nn.Module, x: torch.Tensor, amp: bool) -> tuple[torch.Tensor, ...]:
    x = x.clone().requires_grad_(True)
    with torch.autocast("cpu", torch.bfloat16, enabled=amp):
        y = layer(x)
    y.float().backward(torch.linspace(-1, 1, y.numel()).view_as(y))
    return y.float(), x.grad, layer.weight.grad


@pytest.mark.parametrize("frozen", [False, True], ids=["trained", "frozen"])  # frozen: D in the generator's phase
@pytest.mark.parametrize("amp", [False, True], ids=["fp32", "bf16"])
@pytest.mark.parametrize(("fast_type", "plain_type", "args", "shape"), CASES)
def test_outputs_and_gradients_match_pytorch(fast_type, plain_type, args, shape, amp, frozen):
    torch.manual_seed(0)
    fast, plain = fast_type(*args), plain_type(*args)
    plain.load_state_dict(fast.state_dict())  # same parameters, same names
    fast.requires_grad_(not frozen)
    plain.requires_grad_(not frozen)
    x = torch.randn(shape).to(memory_format=torch.channels_last)
    tolerance = 1e-2 if amp else 1e-5  # bf16 keeps 8 bits of mantissa
    for i, (mine, theirs) in enumerate(zip(_run(fast, x, amp), _run(plain, x, amp), strict=True)):
        if frozen and theirs is None:  # no weight gradient was asked for, and none was made
            assert mine is None
            continue
        assert mine.shape == theirs.shape
        assert (mine - theirs).abs().max() <= tolerance * theirs.abs().max()
        if amp and i < 2:  # output and input gradient: what comes next (batch norm, a layer) reads them channels-last
            assert mine.is_contiguous(memory_format=torch.channels_last) or mine.shape[-2:] == (1, 1)


@pytest.mark.parametrize(("c_in", "c_out", "size"), [(3, 5, 4), (6, 2, 5)])
def test_matmul_passes_are_pytorchs_convolutions_exactly(c_in, c_out, size):
    """In float64 the im2col and the four-parity forms agree with PyTorch to rounding, for odd sizes too."""
    torch.manual_seed(2)
    x = torch.randn(2, c_in, size, size, dtype=torch.float64)
    w = torch.randn(c_out, c_in, 4, 4, dtype=torch.float64)
    assert torch.allclose(conv_by_matmul(x, w, 2, 1), F.conv2d(x, w, stride=2, padding=1))
    wt = torch.randn(c_in, c_out, 4, 4, dtype=torch.float64)
    assert torch.allclose(conv_transpose_by_matmul(x, wt), F.conv_transpose2d(x, wt, stride=2, padding=1))


def test_forward_and_input_gradient_go_by_matmul_only_with_enough_output_channels(monkeypatch):
    """The channel rule: below `MIN_MATMUL_OUT_CHANNELS` output channels oneDNN keeps the pass."""
    calls: list[str] = []
    for name in ("conv_by_matmul", "conv_transpose_by_matmul"):
        real = getattr(cpu_conv, name)
        monkeypatch.setattr(cpu_conv, name, lambda *a, _n=name, _f=real, **k: calls.append(_n) or _f(*a, **k))

    def passes(layer: nn.Module, shape: tuple[int, ...]) -> list[str]:
        calls.clear()
        x = torch.randn(shape, requires_grad=True)
        with torch.autocast("cpu", torch.bfloat16):
            y = layer(x)
        y.float().sum().backward()
        return list(calls)

    assert passes(Conv2d(64, 128, 4, 2, 1, bias=False), (2, 64, 8, 8)) == ["conv_by_matmul"]  # forward only
    assert passes(Conv2d(128, 64, 4, 2, 1, bias=False), (2, 128, 8, 8)) == ["conv_transpose_by_matmul"]  # input grad
    assert passes(ConvTranspose2d(128, 128, 4, 2, 1, bias=False), (2, 128, 4, 4)) == [
        "conv_transpose_by_matmul", "conv_by_matmul"]
    assert passes(ConvTranspose2d(64, 64, 4, 2, 1, bias=False), (2, 64, 4, 4)) == []


def test_bf16_training_takes_the_matmul_path_and_fp32_does_not():
    layer, x = Conv2d(32, 32, 4, 2, 1, bias=False), torch.randn(2, 32, 8, 8, requires_grad=True)
    with torch.autocast("cpu", torch.bfloat16):
        assert "MatmulConv" in type(layer(x).grad_fn).__name__
    assert "MatmulConv" not in type(layer(x).grad_fn).__name__
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
    assert "MatmulConv" not in type(y.grad_fn).__name__
    with torch.autocast("cpu", torch.bfloat16):  # one input channel: im2col would cost more than it saves
        y = Conv2d(1, 64, 4, 2, 1)(torch.randn(2, 1, 8, 8, requires_grad=True))
    assert "MatmulConv" not in type(y.grad_fn).__name__


_CHURN = """
import os, numpy as np
from ganengine.devices import keep_freed_memory
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
def kept_share():  # the share of a step's freed buffers the process keeps for the next step
    before = rss()
    buffers = [np.ones(((i % 4) + 1) << 18) for i in range(40)]  # tens of 2-8 MB buffers, 200 MB in all
    during = rss()
    del buffers
    return (rss() - before) / (during - before)
default = kept_share()
print(default, keep_freed_memory(), kept_share())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_training_processes_keep_freed_memory_for_the_next_step():
    """By default glibc gives each large buffer fresh pages (mmap, and a page fault per page touched: 3,500 a DCGAN
    step) and returns them on free; a training process keeps freed memory for the next step's tensors. Measured in
    a fresh process: the setting is process-wide and cannot be undone."""
    root = str(Path(__file__).resolve().parent.parent)
    out = subprocess.run([sys.executable, "-c", _CHURN], cwd=root, capture_output=True, text=True, check=True)
    default, kept, tuned = out.stdout.split()
    assert kept == "True"
    assert float(default) < 0.2  # handed back to the kernel, to be faulted in again
    assert float(tuned) > 0.8


@pytest.mark.parametrize("optimiser", ["fused Adam", "SGD"])
def test_training_steps_through_the_fast_layers_follow_pytorchs(optimiser):
    """Several optimiser steps, two forwards between each (as D's real and fake), with the optimisers the engine
    uses (fused Adam on the CPU updates weights in place without touching their version counters): the layers
    must see every update."""
    torch.manual_seed(3)
    fast = nn.Sequential(Conv2d(32, 128, 4, 2, 1, bias=False), ConvTranspose2d(128, 128, 4, 2, 1, bias=False))
    plain = nn.Sequential(nn.Conv2d(32, 128, 4, 2, 1, bias=False), nn.ConvTranspose2d(128, 128, 4, 2, 1, bias=False))
    plain.load_state_dict(fast.state_dict())
    x = torch.randn(2, 32, 8, 8).to(memory_format=torch.channels_last)
    outputs = []
    for net in (fast, plain):
        opt = (torch.optim.Adam(net.parameters(), lr=1e-2, fused=True) if optimiser == "fused Adam"
               else torch.optim.SGD(net.parameters(), lr=0.5))
        runs = []
        for _ in range(4):
            with torch.autocast("cpu", torch.bfloat16):
                first, second = net(x), net(x)
            (first.float().square().mean() + second.float().mean()).backward()
            opt.step()
            opt.zero_grad()
            runs.append(first.float().detach())
        outputs.append(runs)
    for mine, theirs in zip(*outputs, strict=True):
        assert (mine - theirs).abs().max() <= 3e-2 * theirs.abs().max()


def test_odd_sizes_unbatched_inputs_and_in_place_updates_behave_as_pytorchs():
    """Shapes the matmul forms do not cover fall back to PyTorch's, and the weight may change between forward and
    backward as with PyTorch's own layers under autocast (its bf16 copy is what the backward uses)."""
    torch.manual_seed(5)
    fast, plain = Conv2d(128, 128, 4, 2, 1), nn.Conv2d(128, 128, 4, 2, 1)
    plain.load_state_dict(fast.state_dict())
    x = torch.randn(2, 128, 7, 9)  # odd sizes: the input gradient's four-parity form would give 6x8
    for mine, theirs in zip(_run(fast, x, True), _run(plain, x, True), strict=True):
        assert mine.shape == theirs.shape
        assert (mine - theirs).abs().max() <= 1e-2 * theirs.abs().max()
    with torch.autocast("cpu", torch.bfloat16):
        assert fast(torch.randn(128, 8, 8)).shape == (128, 4, 4)  # one image without its batch dimension
        assert fast.double()(torch.randn(1, 128, 8, 8, dtype=torch.float64)).dtype == torch.float64  # autocast's rule
    fast.float()
    assert Conv2d(32, 1, 4, 1, 0)(torch.randn(32, 4, 4)).shape == (1, 1, 1)  # the head's matmul, unbatched
    assert ConvTranspose2d(1, 32, 4, 1, 0, bias=False)(torch.randn(1, 1, 1)).shape == (32, 4, 4)  # the 1x1 one
    with torch.autocast("cpu", torch.bfloat16):
        y = fast(torch.randn(1, 128, 8, 8, requires_grad=True))
    with torch.no_grad():
        fast.weight.mul_(0.5)
    y.float().sum().backward()
    assert fast.weight.grad is not None


@pytest.mark.parametrize(("fast_type", "plain_type", "args", "shape"), [
    (Conv2d, nn.Conv2d, (64, 128, 4, 2, 1), (2, 64, 8, 8)),
    (ConvTranspose2d, nn.ConvTranspose2d, (128, 128, 4, 2, 1, 0, 1, False), (2, 128, 4, 4))])
def test_a_gradient_of_a_gradient_reaches_the_weights(fast_type, plain_type, args, shape):
    """A gradient penalty differentiates D's input gradient again; under bf16 the matmul path hands that to PyTorch's
    twice-differentiable backward, so the penalty still reaches the weights (its bf16 copy is detached from them)."""
    torch.manual_seed(4)
    fast, plain = fast_type(*args), plain_type(*args)
    plain.load_state_dict(fast.state_dict())
    x = torch.randn(shape)
    grads = []
    for layer in (fast, plain):
        xx = x.clone().requires_grad_(True)
        with torch.autocast("cpu", torch.bfloat16):
            y = layer(xx)
        (g,) = torch.autograd.grad(y.float().square().sum(), xx, create_graph=True)
        g.square().sum().backward()
        grads.append(layer.weight.grad)
    assert grads[0] is not None and grads[0].abs().max() > 0
    assert (grads[0] - grads[1]).abs().max() <= 2e-2 * grads[1].abs().max()
