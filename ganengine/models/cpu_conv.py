"""Drop-in Conv2d and ConvTranspose2d that train faster in bf16 on the CPU; the same weights and state dicts.

Profiling the DCGAN step on a 2-core AMX Xeon showed oneDNN's bf16 weight gradient running at about a quarter
of the matrix-multiply peak (5.0 ms for the 128->256 layer, against 1.5 ms for its input gradient). Written as
im2col plus one matrix multiply on channels-last tensors it takes 2.0 ms, so the weight gradient goes that way;
the forward and the input gradient stay oneDNN's. A transposed convolution with a 1x1 input (DCGAN's first
layer) is a plain matrix multiply, 20x faster than oneDNN's general kernel. Elsewhere (GPU, fp32, grouped,
dilated) the layers are exactly PyTorch's.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


def _im2col(x: torch.Tensor, kernel: int, stride: int, padding: int) -> torch.Tensor:
    """(N,C,H,W) -> (N*Ho*Wo, k*k*C) patches, read from an NHWC view (one copy, no transposes of the result)."""
    nhwc = F.pad(x.permute(0, 2, 3, 1), (0, 0, padding, padding, padding, padding))
    n, h, w, c = nhwc.shape
    ho, wo = (h - kernel) // stride + 1, (w - kernel) // stride + 1
    s_n, s_h, s_w, s_c = nhwc.stride()
    patches = nhwc.as_strided((n, ho, wo, kernel, kernel, c), (s_n, s_h * stride, s_w * stride, s_h, s_w, s_c))
    return patches.reshape(n * ho * wo, kernel * kernel * c)


def conv_weight_grad(x: torch.Tensor, grad_out: torch.Tensor, kernel: int, stride: int, padding: int) -> torch.Tensor:
    """d(loss)/d(weight) of conv2d(x, weight) given d(loss)/d(output), as (Cout, Cin, k, k)."""
    c_out = grad_out.shape[1]
    g = grad_out.permute(0, 2, 3, 1).reshape(-1, c_out)
    return (g.t() @ _im2col(x, kernel, stride, padding)).view(c_out, kernel, kernel, -1).permute(0, 3, 1, 2)


class _MatmulWeightGrad(torch.autograd.Function):
    """A conv2d / conv_transpose2d (square stride and padding) whose backward takes the weight gradient from
    `conv_weight_grad`; the input gradient is oneDNN's, the bias gradient a sum."""

    @staticmethod
    def forward(ctx, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, stride: int, padding: int,
                transposed: bool) -> torch.Tensor:
        x = x.contiguous(memory_format=torch.channels_last)  # a 1-channel input's output can come back NCHW
        ctx.save_for_backward(x, weight)
        ctx.conf = (stride, padding, transposed)
        conv = F.conv_transpose2d if transposed else F.conv2d
        return conv(x, weight, bias, stride, padding)

    @staticmethod
    def backward(ctx, grad_out: torch.Tensor):
        x, weight = ctx.saved_tensors
        stride, padding, transposed = ctx.conf
        grad_out = grad_out.to(x.dtype).contiguous(memory_format=torch.channels_last)  # else im2col gathers scattered
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[2]:
            grad_b = grad_out.sum((0, 2, 3))
        if ctx.needs_input_grad[0]:
            grad_x = torch.ops.aten.convolution_backward(
                grad_out, x, weight, None, [stride] * 2, [padding] * 2, [1, 1], transposed, [0, 0], 1,
                [True, False, False])[0]
        if ctx.needs_input_grad[1]:
            k = weight.shape[-1]
            # A transposed convolution is the adjoint of conv2d(., weight): its weight gradient is that conv's, with
            # the roles of input and output gradient swapped.
            grad_w = (conv_weight_grad(grad_out, x, k, stride, padding) if transposed
                      else conv_weight_grad(x, grad_out, k, stride, padding))
        return grad_x, grad_w, grad_b, None, None, None


#: im2col reads k*k*C values per output pixel; with fewer channels than this the copy costs more than oneDNN's kernel
#: (a first layer's one channel: 0.5-0.6x; 32 channels in: 1.4x; 64 or more: 2-6x, measured by bench/bench_train_parts.py)
MIN_PATCH_CHANNELS = 32


def _bf16_on_cpu(x: torch.Tensor) -> bool:
    if x.device.type != "cpu":
        return False
    return x.dtype == torch.bfloat16 or (torch.is_autocast_enabled("cpu") and torch.get_autocast_dtype("cpu") == torch.bfloat16)


def _plain(layer: nn.Conv2d | nn.ConvTranspose2d) -> bool:
    """Square kernel and stride, no groups, dilation or output padding: what the fast paths assume."""
    k, s, p = layer.kernel_size, layer.stride, layer.padding
    return (layer.groups == 1 and layer.dilation == (1, 1) and layer.padding_mode == "zeros"
            and k[0] == k[1] and s[0] == s[1] and isinstance(p, tuple) and p[0] == p[1]
            and getattr(layer, "output_padding", (0, 0)) == (0, 0))


def _matmul_weight_grad(layer: nn.Conv2d | nn.ConvTranspose2d, x: torch.Tensor, transposed: bool) -> torch.Tensor | None:
    """The layer's output through `_MatmulWeightGrad` when that pays (bf16 on the CPU, gradients on, enough patch
    channels), else None for PyTorch's own forward."""
    channels = layer.out_channels if transposed else layer.in_channels
    if channels < MIN_PATCH_CHANNELS or not (torch.is_grad_enabled() and layer.weight.requires_grad and _bf16_on_cpu(x)):
        return None
    bias = None if layer.bias is None else layer.bias.to(torch.bfloat16)
    return _MatmulWeightGrad.apply(x.to(torch.bfloat16), layer.weight.to(torch.bfloat16), bias, layer.stride[0],
                                   layer.padding[0], transposed)


class Conv2d(nn.Conv2d):
    """nn.Conv2d; a kernel that covers its whole input is a matrix multiply, and in bf16 on the CPU with gradients
    on, so is the weight gradient."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not _plain(self):
            return super().forward(x)
        if x.shape[-2:] == self.kernel_size and self.padding[0] == 0:
            # A DCGAN discriminator's head: one dot product per image, read in NHWC order (free for channels-last).
            w = self.weight.permute(0, 2, 3, 1).reshape(self.out_channels, -1)
            out = F.linear(x.permute(0, 2, 3, 1).reshape(x.shape[0], -1), w, self.bias)
            return out.view(x.shape[0], self.out_channels, 1, 1)
        out = _matmul_weight_grad(self, x, transposed=False)
        return super().forward(x) if out is None else out


class ConvTranspose2d(nn.ConvTranspose2d):
    """nn.ConvTranspose2d; a 1x1 input is a matrix multiply, and in bf16 on the CPU so is the weight gradient."""

    def forward(self, x: torch.Tensor, output_size: list[int] | None = None) -> torch.Tensor:
        if output_size is not None or not _plain(self):
            return super().forward(x, output_size)
        k = self.kernel_size[0]
        if x.shape[-2:] == (1, 1) and self.stride[0] == 1 and self.padding[0] == 0 and self.bias is None:
            # out[n, o, i, j] = sum_c x[n, c] * w[c, o, i, j]: laid out NHWC, the result is channels-last already.
            w = self.weight.permute(0, 2, 3, 1).reshape(self.in_channels, -1)
            out = x.flatten(1) @ w
            return out.view(x.shape[0], k, k, self.out_channels).permute(0, 3, 1, 2)
        out = _matmul_weight_grad(self, x, transposed=True)
        return super().forward(x) if out is None else out
