"""Drop-in Conv2d and ConvTranspose2d that train faster in bf16 on the CPU; the same weights and state dicts.

Profiling the DCGAN step on a 2-core AMX Xeon showed oneDNN's bf16 weight gradients running at a quarter of the
matrix-multiply peak (5.0 ms for the 128->256 layer, 2.0 ms as im2col plus one matmul). So in bf16 training on the
CPU the passes are written as matrix multiplies on channels-last tensors: the weight gradient always (from 32
patch channels); the forward pass and the input gradient when their output has 128+ channels (a convolution as
im2col and one matmul, a 4-2-1 transposed convolution as four 2x2 convolutions, one per output pixel parity, in one
batched matmul). Alone those run about even with oneDNN; in the step they share their patches with the weight
gradient, which then needs no copy of its own. A transposed convolution with a 1x1 input (DCGAN's first layer) and a
kernel covering its input (D's head) are plain matrix multiplies everywhere. Elsewhere (GPU, fp32, inference,
grouped, dilated) the layers are exactly PyTorch's.
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


def _rows_to_nchw(rows: torch.Tensor, n: int, h: int, w: int) -> torch.Tensor:
    """(N*H*W, C) matmul output -> an (N,C,H,W) channels-last view of it (no copy)."""
    return rows.view(n, h, w, -1).permute(0, 3, 1, 2)


def conv_weight_grad(x: torch.Tensor, grad_out: torch.Tensor, kernel: int, stride: int, padding: int,
                     cols: torch.Tensor | None = None) -> torch.Tensor:
    """d(loss)/d(weight) of conv2d(x, weight) given d(loss)/d(output), as (Cout, Cin, k, k); `cols` is
    `_im2col(x, ...)` when the forward pass kept it."""
    c_out = grad_out.shape[1]
    g = grad_out.permute(0, 2, 3, 1).reshape(-1, c_out)
    cols = _im2col(x, kernel, stride, padding) if cols is None else cols
    return (g.t() @ cols).view(c_out, kernel, kernel, -1).permute(0, 3, 1, 2)


def conv_by_matmul(x: torch.Tensor, weight: torch.Tensor, stride: int, padding: int,
                   cols: torch.Tensor | None = None) -> torch.Tensor:
    """conv2d(x, weight) (weight (Cout, Cin, k, k)) as im2col and one matrix multiply; channels-last out."""
    k = weight.shape[-1]
    n, _, h, w = x.shape
    ho, wo = (h + 2 * padding - k) // stride + 1, (w + 2 * padding - k) // stride + 1
    cols = _im2col(x, k, stride, padding) if cols is None else cols
    return _rows_to_nchw(cols @ weight.permute(0, 2, 3, 1).reshape(weight.shape[0], -1).t(), n, ho, wo)


def _phase_shaped(kernel: int, stride: int, padding: int) -> bool:
    """A transposed convolution whose kernel is twice its stride with padding stride/2 (DCGAN's 4-2-1) splits into
    stride^2 interleaved stride-1 convolutions with 2x2 kernels."""
    return kernel == 2 * stride and stride == 2 and padding == 1


def parity_weights(weight: torch.Tensor) -> torch.Tensor:
    """A 4-2-1 transposed convolution's (Cin, Cout, 4, 4) weight as four (4*Cin, Cout) matrices, one per output pixel
    parity (a, b): weight[c, o, 3-a-2u, 3-b-2v] at window offset (u, v), that is flipped index a+2u."""
    c_in, c_out = weight.shape[:2]
    return weight.flip(2, 3).reshape(c_in, c_out, 2, 2, 2, 2).permute(3, 5, 2, 4, 0, 1).reshape(4, 4 * c_in, c_out)


def conv_transpose_by_matmul(x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    """conv_transpose2d(x, weight, stride=2, padding=1) (weight (Cin, Cout, 4, 4)) as four stride-1 2x2
    convolutions, one per output pixel parity: one im2col copy, one batched matrix multiply, one interleave.

    Output row 2r+a takes input rows r-1+a and r+a (padded: r+a, r+a+1) through kernel rows 3-a and 1-a.
    """
    n, c_in, h, w = x.shape
    c_out = weight.shape[1]
    xp = F.pad(x.permute(0, 2, 3, 1), (0, 0, 1, 1, 1, 1))
    s_n, s_h, s_w, s_c = xp.stride()
    cols = xp.as_strided((2, 2, n, h, w, 2, 2, c_in), (s_h, s_w, s_n, s_h, s_w, s_h, s_w, s_c))
    out = torch.bmm(cols.reshape(4, n * h * w, 4 * c_in), parity_weights(weight)).view(2, 2, n, h, w, c_out)
    return out.permute(2, 3, 0, 4, 1, 5).reshape(n, 2 * h, 2 * w, c_out).permute(0, 3, 1, 2)


#: im2col reads k*k*C values per output pixel; with fewer channels than this the copy costs more than oneDNN's kernel
#: (a first layer's one channel: 0.5-0.6x; 32 channels in: 1.4x; 64 or more: 2-6x, measured by bench/bench_train_parts.py)
MIN_PATCH_CHANNELS = 32

#: a forward pass or input gradient goes by matmul when its output has this many channels. Alone, at batch 64, such
#: passes run at 0.9-1.3x oneDNN's speed and those with 64 channels at 0.6-0.7x (bench/bench_conv_passes.py); in the
#: training step, where the forward's patches serve the weight gradient too and a transposed layer's serve both of
#: its gradients, they make the step a few per cent faster (1.04x in 40 paired blocks; bench/RESULTS.md)
MIN_MATMUL_OUT_CHANNELS = 128


def _onednn_grad(grad_out: torch.Tensor, x: torch.Tensor, weight: torch.Tensor, stride: int, padding: int,
                 transposed: bool, weight_grad: bool) -> torch.Tensor:
    """PyTorch's own (oneDNN's) input gradient, or with `weight_grad` its weight gradient."""
    mask = [not weight_grad, weight_grad, False]
    grads = torch.ops.aten.convolution_backward(grad_out, x, weight, None, [stride] * 2, [padding] * 2, [1, 1],
                                                transposed, [0, 0], 1, mask)
    return grads[1 if weight_grad else 0]


class _MatmulConv(torch.autograd.Function):
    """A conv2d / conv_transpose2d (square kernel, stride and padding) in bf16 on the CPU whose passes go by matrix
    multiply where that beats oneDNN: the weight gradient from `MIN_PATCH_CHANNELS` patch channels (or whenever the
    forward kept its patches); the forward pass and the input gradient when their output has
    `MIN_MATMUL_OUT_CHANNELS` channels (and, transposed, the layer is 4-2-1 shaped)."""

    @staticmethod
    def forward(ctx, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, stride: int, padding: int,
                transposed: bool) -> torch.Tensor:
        k, cols = weight.shape[-1], None
        if not transposed and weight.shape[0] >= MIN_MATMUL_OUT_CHANNELS:
            cols = _im2col(x, k, stride, padding)
            out = conv_by_matmul(x, weight, stride, padding, cols)
            out = out if bias is None else out + bias.view(1, -1, 1, 1)
        elif transposed and weight.shape[1] >= MIN_MATMUL_OUT_CHANNELS and _phase_shaped(k, stride, padding):
            out = conv_transpose_by_matmul(x, weight)
            out = out if bias is None else out + bias.view(1, -1, 1, 1)
        else:
            out = (F.conv_transpose2d if transposed else F.conv2d)(x, weight, bias, stride, padding)
        # the patches a forward matmul made are the weight gradient's; keep them only when that will be asked for
        ctx.save_for_backward(x, weight, cols if ctx.needs_input_grad[1] else None)
        ctx.conf = (stride, padding, transposed)
        return out

    @staticmethod
    def backward(ctx, grad_out: torch.Tensor):
        x, weight, cols = ctx.saved_tensors
        stride, padding, transposed = ctx.conf
        k = weight.shape[-1]
        grad_out = grad_out.to(x.dtype).contiguous(memory_format=torch.channels_last)  # else im2col gathers scattered
        if torch.is_grad_enabled():
            # create_graph: a gradient of this gradient will be taken (a gradient penalty). PyTorch's own backward
            # is twice differentiable; the matmul forms' patches and views are not worth making so.
            return (*torch.ops.aten.convolution_backward(
                grad_out, x, weight, [weight.shape[1 if transposed else 0]], [stride] * 2, [padding] * 2, [1, 1],
                transposed, [0, 0], 1, list(ctx.needs_input_grad[:3])), None, None, None)
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[2]:
            grad_b = grad_out.sum((0, 2, 3))
        patch_channels = grad_out.shape[1] if transposed else x.shape[1]
        # by matmul when im2col pays, or costs nothing because the forward pass kept its patches
        matmul_w = ctx.needs_input_grad[1] and (patch_channels >= MIN_PATCH_CHANNELS or cols is not None)
        if transposed and matmul_w:
            cols = _im2col(grad_out, k, stride, padding)  # the weight gradient's patches, and the input gradient's
        if ctx.needs_input_grad[0]:
            # each pass's adjoint: a convolution's input gradient is a transposed convolution, and the reverse
            if transposed and weight.shape[0] >= MIN_MATMUL_OUT_CHANNELS:
                grad_x = conv_by_matmul(grad_out, weight, stride, padding, cols)
            elif (not transposed and weight.shape[1] >= MIN_MATMUL_OUT_CHANNELS and _phase_shaped(k, stride, padding)
                  and x.shape[-2:] == (2 * grad_out.shape[-2], 2 * grad_out.shape[-1])):  # odd sizes: oneDNN's
                grad_x = conv_transpose_by_matmul(grad_out, weight)
            else:
                grad_x = _onednn_grad(grad_out, x, weight, stride, padding, transposed, weight_grad=False)
        if matmul_w:
            # A transposed convolution is the adjoint of conv2d(., weight): its weight gradient is that conv's, with
            # the roles of input and output gradient swapped.
            grad_w = (conv_weight_grad(grad_out, x, k, stride, padding, cols) if transposed
                      else conv_weight_grad(x, grad_out, k, stride, padding, cols))
        elif ctx.needs_input_grad[1]:  # too few patch channels for im2col to pay
            grad_w = _onednn_grad(grad_out, x, weight, stride, padding, transposed, weight_grad=True)
        return grad_x, grad_w, grad_b, None, None, None


def _bf16_on_cpu(x: torch.Tensor) -> bool:
    if x.device.type != "cpu":
        return False
    # autocast casts float32 to bf16 and leaves float64 alone; so do we
    return x.dtype == torch.bfloat16 or (x.dtype == torch.float32 and torch.is_autocast_enabled("cpu")
                                         and torch.get_autocast_dtype("cpu") == torch.bfloat16)


def _plain(layer: nn.Conv2d | nn.ConvTranspose2d) -> bool:
    """Square kernel and stride, no groups, dilation or output padding: what the fast paths assume."""
    k, s, p = layer.kernel_size, layer.stride, layer.padding
    return (layer.groups == 1 and layer.dilation == (1, 1) and layer.padding_mode == "zeros"
            and k[0] == k[1] and s[0] == s[1] and isinstance(p, tuple) and p[0] == p[1]
            and getattr(layer, "output_padding", (0, 0)) == (0, 0))


def _matmul_conv(layer: nn.Conv2d | nn.ConvTranspose2d, x: torch.Tensor, transposed: bool) -> torch.Tensor | None:
    """The layer's output through `_MatmulConv` when one of its passes pays by matmul (bf16 on the CPU, gradients
    on), else None for PyTorch's own forward."""
    if not (torch.is_grad_enabled() and x.dim() == 4 and _bf16_on_cpu(x)):
        return None
    c_in, c_out = layer.in_channels, layer.out_channels
    k, s, p = layer.kernel_size[0], layer.stride[0], layer.padding[0]
    weight_grad = layer.weight.requires_grad and (c_out if transposed else c_in) >= MIN_PATCH_CHANNELS
    forward = c_out >= MIN_MATMUL_OUT_CHANNELS and (not transposed or _phase_shaped(k, s, p))
    input_grad = c_in >= MIN_MATMUL_OUT_CHANNELS and (transposed or _phase_shaped(k, s, p))
    if not (weight_grad or forward or input_grad):
        return None
    bias = None if layer.bias is None else layer.bias.to(torch.bfloat16)
    # channels-last here, outside the Function, so that the input it saves is the one autograd differentiates
    x = x.to(torch.bfloat16).contiguous(memory_format=torch.channels_last)  # a 1-channel input's output can be NCHW
    return _MatmulConv.apply(x, layer.weight.to(torch.bfloat16), bias, s, p, transposed)


class Conv2d(nn.Conv2d):
    """nn.Conv2d; a kernel that covers its whole input is a matrix multiply, and in bf16 training on the CPU its
    passes go by matmul where that pays (`_MatmulConv`)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not _plain(self):
            return super().forward(x)
        if x.dim() == 4 and x.shape[-2:] == self.kernel_size and self.padding[0] == 0:
            # A DCGAN discriminator's head: one dot product per image, read in NHWC order (free for channels-last).
            w = self.weight.permute(0, 2, 3, 1).reshape(self.out_channels, -1)
            out = F.linear(x.permute(0, 2, 3, 1).reshape(x.shape[0], -1), w, self.bias)
            return out.view(x.shape[0], self.out_channels, 1, 1)
        out = _matmul_conv(self, x, transposed=False)
        return super().forward(x) if out is None else out


class ConvTranspose2d(nn.ConvTranspose2d):
    """nn.ConvTranspose2d; a 1x1 input is a matrix multiply, and in bf16 training on the CPU its passes go by matmul
    where that pays (`_MatmulConv`)."""

    def forward(self, x: torch.Tensor, output_size: list[int] | None = None) -> torch.Tensor:
        if output_size is not None or not _plain(self):
            return super().forward(x, output_size)
        k = self.kernel_size[0]
        if x.dim() == 4 and x.shape[-2:] == (1, 1) and self.stride[0] == 1 and self.padding[0] == 0 and self.bias is None:
            # out[n, o, i, j] = sum_c x[n, c] * w[c, o, i, j]: laid out NHWC, the result is channels-last already.
            w = self.weight.permute(0, 2, 3, 1).reshape(self.in_channels, -1)
            out = x.flatten(1) @ w
            return out.view(x.shape[0], k, k, self.out_channels).permute(0, 3, 1, 2)
        out = _matmul_conv(self, x, transposed=True)
        return super().forward(x) if out is None else out
