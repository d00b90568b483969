"""What the two translation tasks share: directions, the held-out share, triplet previews, held-out figures."""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import nn

from ..data import DataRequest, PairedData, registry
from ..data.base import DataError
from ..sampling import grid

DIRECTIONS = ("AtoB", "BtoA")
IMAGE_SIZES = (32, 64, 128)
HELD_OUT = 0.1  # share of each set kept apart for previews and the card's figures
MAX_MEASURED = 200  # held-out pairs measured for a card (a checkpoint is written often)


def load_translation_data(data: str, req: DataRequest, direction: str, kind: str) -> PairedData:
    """A registered set of this kind, or a user's folder / zip in the public layouts, in the chosen direction."""
    entry = registry().get(data)
    if entry is not None:
        if entry.kind != kind:
            raise DataError(f"{data} is a {entry.kind} data set; this task needs {kind} images")
        pairs = entry.loader(req)
    else:
        from ..data import load_pairs

        pairs = load_pairs(data, req)
        if pairs.kind != kind:
            raise DataError(f"{data} holds {pairs.kind} images (its layout); this task needs {kind} ones")
    assert isinstance(pairs, PairedData)
    return pairs.reversed() if direction == "BtoA" else pairs


def load_split(cfg: Any, device: torch.device, kind: str, data: PairedData | None = None) -> tuple[PairedData, PairedData]:
    """The task's (train, held-out) sets on its device: its data set (or `data`, given), the held-out share kept apart
    by its seed, so the card's figures and previews come from images training never saw."""
    if data is None:
        req = DataRequest(image_size=cfg.image_size, seed=cfg.seed, max_items=cfg.max_items)
        data = load_translation_data(cfg.data, req, cfg.direction, kind)
    train, held = data.split(HELD_OUT, cfg.seed)
    return train.to(device), held.to(device)



def triplet_grid(columns: list[torch.Tensor]) -> Any:
    """Rows of [column 0 | column 1 | ...] images (N,C,H,W in [-1, 1]; grey columns shown as RGB)."""
    rgb = [c.float().cpu().expand(-1, 3, -1, -1) if c.shape[1] == 1 else c.float().cpu() for c in columns]
    rows = torch.stack(rgb, dim=1).flatten(0, 1)  # a0 b0 c0 a1 b1 c1 ...
    return grid(rows, nrow=len(columns))


def psnr(x: torch.Tensor, y: torch.Tensor) -> float:
    """Peak signal-to-noise ratio in dB of images in [-1, 1] (peak-to-peak 2), averaged over the images."""
    mse = ((x.float() - y.float()) ** 2).flatten(1).mean(1).clamp_min(1e-10)
    return float((10 * torch.log10(4.0 / mse)).mean())


def flat_fill_baseline(train: PairedData, a: torch.Tensor) -> torch.Tensor:
    """The trivial answer for label maps: each region filled with its class's mean target colour (from training)."""
    palette = torch.tensor([rgb for _, rgb in train.palette], dtype=torch.float32, device=a.device) / 127.5 - 1

    def classes(x: torch.Tensor) -> torch.Tensor:  # nearest palette colour per pixel
        d = ((x.permute(0, 2, 3, 1)[..., None, :] - palette) ** 2).sum(-1)
        return d.argmin(-1)

    k, b = classes(train.a[:MAX_MEASURED * 2]), train.b[:MAX_MEASURED * 2].permute(0, 2, 3, 1)
    means = torch.stack([b[k == i].mean(0) if (k == i).any() else torch.zeros(b.shape[-1], device=b.device)
                         for i in range(len(palette))])
    return means[classes(a)].permute(0, 3, 1, 2)


@torch.no_grad()
def held_out_figures(generator: nn.Module, held: PairedData, train: PairedData) -> dict[str, Any]:
    """L1 and PSNR on held-out pairs, against the trivial baseline (flat colour per region, or the input itself)."""
    was_training = generator.training
    generator.eval()
    a, b = held.a[:MAX_MEASURED], held.b[:MAX_MEASURED]
    out = torch.cat([generator(a[i : i + 32]).float() for i in range(0, len(a), 32)])
    generator.train(was_training)
    if train.palette:
        baseline, how = flat_fill_baseline(train, a), "each region filled with its class's mean colour"
    else:
        baseline, how = a.float(), "the input itself"
    l1, base_l1 = float((out - b).abs().mean()), float((baseline - b).abs().mean())
    return {
        "measured_on": f"{len(a)} held-out pairs of {train.name} ({math.ceil(HELD_OUT * 100)}% kept apart)",
        "held_out_l1": round(l1, 4), "held_out_psnr": round(psnr(out, b), 2),
        "baseline_l1": round(base_l1, 4), "baseline_psnr": round(psnr(baseline, b), 2), "baseline": how,
    }


class ImagePool:
    """CycleGAN's history of generated images: D sees a mix of new fakes and older ones, which calms oscillation.

    Half of the time a new image swaps with a stored one once the pool is full (Shrivastava et al. 2017)."""

    def __init__(self, size: int, generator: torch.Generator) -> None:
        self.size, self.gen, self.images = size, generator, []

    def query(self, images: torch.Tensor) -> torch.Tensor:
        if self.size == 0:
            return images
        out = []
        for image in images.detach():
            if len(self.images) < self.size:
                self.images.append(image.clone())
                out.append(image)
            elif float(torch.rand(1, generator=self.gen)) < 0.5:
                i = int(torch.randint(len(self.images), (1,), generator=self.gen))
                out.append(self.images[i].clone())
                self.images[i] = image.clone()
            else:
                out.append(image)
        return torch.stack(out)

    def state(self) -> dict[str, Any]:
        return {"images": [t.cpu() for t in self.images]}

    def load_state(self, state: dict[str, Any], device: torch.device) -> None:
        self.images = [t.to(device) for t in state["images"]]
