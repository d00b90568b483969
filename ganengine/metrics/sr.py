"""Super-resolution figures as the literature measures them: PSNR and SSIM on the luminance channel Y (ITU-R BT.601,
MATLAB's rgb2ycbcr), computed on 8-bit outputs, with `scale` pixels shaved off every border.

SSIM is Wang et al. (2004): an 11x11 Gaussian window with sigma 1.5, C1 = (0.01 L)^2, C2 = (0.03 L)^2, population
(co)variances, averaged over the positions where the whole window fits; it agrees with
`skimage.metrics.structural_similarity(..., gaussian_weights=True, sigma=1.5, use_sample_covariance=False)`.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

PEAK = 255.0


def to_8bit(x: torch.Tensor) -> torch.Tensor:
    """Images in [-1, 1] -> the 8-bit values a saved PNG would hold, as floats in [0, 255]."""
    return ((x.detach().float().clamp(-1, 1) + 1) * 127.5).round()


def rgb_to_y(rgb: torch.Tensor) -> torch.Tensor:
    """(N,3,H,W) RGB in [0, 255] -> (N,1,H,W) luma Y in [16, 235] (BT.601 studio range, as MATLAB's rgb2ycbcr)."""
    r, g, b = rgb[:, 0:1] / PEAK, rgb[:, 1:2] / PEAK, rgb[:, 2:3] / PEAK
    return 16.0 + 65.481 * r + 128.553 * g + 24.966 * b


def shave(x: torch.Tensor, border: int) -> torch.Tensor:
    return x[..., border : x.shape[-2] - border, border : x.shape[-1] - border] if border > 0 else x


def psnr(x: torch.Tensor, y: torch.Tensor, data_range: float = PEAK) -> torch.Tensor:
    """Per-image PSNR in dB of two (N,C,H,W) batches on the same scale (identical images give 100 dB, not inf)."""
    mse = ((x.double() - y.double()) ** 2).flatten(1).mean(1)
    return 10 * torch.log10(data_range**2 / mse.clamp_min(1e-10 * data_range**2))


def gaussian_window(size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    """The normalised 1-D Gaussian (the 2-D window is its outer product: SSIM blurs with it along each axis)."""
    coords = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    g = torch.exp(-(coords**2) / (2 * sigma**2))
    return g / g.sum()


def ssim(x: torch.Tensor, y: torch.Tensor, data_range: float = PEAK, size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    """Per-image SSIM of two (N,C,H,W) batches (channels averaged), images at least `size` pixels on each side.

    Computed in fp32 with a separable window, on values centred on each image's mean for the variances (so
    E[x^2] - E[x]^2 loses no precision); within 1e-5 of a float64 computation."""
    if min(x.shape[-2:]) < size:
        raise ValueError(f"SSIM needs images of at least {size}x{size} pixels")
    x, y = x.float(), y.float()
    c = x.shape[1]
    g = gaussian_window(size, sigma).float().to(x.device)
    gy, gx = g.view(1, 1, size, 1).expand(c, 1, size, 1), g.view(1, 1, 1, size).expand(c, 1, 1, size)

    def blur(t: torch.Tensor) -> torch.Tensor:  # 'valid': only where the whole window fits
        return F.conv2d(F.conv2d(t, gy, groups=c), gx, groups=c)

    centre = 0.5 * (x.mean(dim=(1, 2, 3), keepdim=True) + y.mean(dim=(1, 2, 3), keepdim=True))
    xc, yc = x - centre, y - centre
    mu_xc, mu_yc = blur(xc), blur(yc)
    var_x = blur(xc * xc) - mu_xc**2
    var_y = blur(yc * yc) - mu_yc**2
    cov = blur(xc * yc) - mu_xc * mu_yc
    mu_x, mu_y = mu_xc + centre, mu_yc + centre
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    s = ((2 * mu_x * mu_y + c1) * (2 * cov + c2)) / ((mu_x**2 + mu_y**2 + c1) * (var_x + var_y + c2))
    return s.flatten(1).mean(1).double()


def sr_scores(out: torch.Tensor, target: torch.Tensor, scale: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-image (PSNR-Y, SSIM-Y) of outputs against targets, both RGB in [-1, 1], borders shaved by `scale`."""
    y_out = shave(rgb_to_y(to_8bit(out)), scale)
    y_ref = shave(rgb_to_y(to_8bit(target)), scale)
    return psnr(y_out, y_ref), ssim(y_out, y_ref)


def detail_ratio(out: torch.Tensor, target: torch.Tensor, scale: int) -> torch.Tensor:
    """Per-image fine detail of outputs relative to their targets: mean |horizontal| + |vertical| difference of
    neighbouring luma values, divided by the target's (borders shaved). 1 = as much texture as the real photo; bicubic
    sits well below 1. It says how much detail there is, not whether it is right (PSNR and SSIM say that)."""
    def detail(x: torch.Tensor) -> torch.Tensor:
        y = shave(rgb_to_y(to_8bit(x)), scale)
        return (y[..., :, 1:] - y[..., :, :-1]).abs().flatten(1).mean(1) + (y[..., 1:, :] - y[..., :-1, :]).abs().flatten(1).mean(1)

    return detail(out) / detail(target).clamp_min(1e-6)


def sr_figures(out: torch.Tensor, target: torch.Tensor, scale: int) -> dict[str, float]:
    """Mean PSNR-Y (dB) and SSIM-Y over a batch, as {"psnr_y", "ssim_y"}."""
    p, s = sr_scores(out, target, scale)
    return {"psnr_y": round(float(p.mean()), 3), "ssim_y": round(float(s.mean()), 4)}



def image_scores(out: np.ndarray, reference: np.ndarray, scale: int) -> dict[str, float]:
    """PSNR-Y (dB), SSIM-Y and detail ratio of one HxWx3 uint8 enlargement against its HxWx3 uint8 reference, as the
    cards measure them (borders shaved by `scale`)."""
    if out.shape != reference.shape:
        raise ValueError(f"the output is {out.shape[1]}x{out.shape[0]}, the reference {reference.shape[1]}x{reference.shape[0]}")
    o, r = (torch.from_numpy(np.array(a, dtype=np.uint8)).permute(2, 0, 1)[None].float() / 127.5 - 1 for a in (out, reference))
    p, s = sr_scores(o, r, scale)
    return {"psnr_y": round(float(p[0]), 2), "ssim_y": round(float(s[0]), 4),
            "detail_ratio": round(float(detail_ratio(o, r, scale)[0]), 3)}
