"""Training the small domain classifier on an embedded data set (kind 'features' checkpoint)."""

from __future__ import annotations

import time
from pathlib import Path

import torch
import torch.nn.functional as F

from ..checkpoints import ModelCard, save_checkpoint
from ..data import DataRequest, load_data
from ..devices import resolve_device, seed_everything, set_threads
from ..models.classifier import build_classifier
from ..models.spec import ModelSpec


def train_classifier(data_name: str, out: str | Path, image_size: int = 32, steps: int = 1500, batch_size: int = 128,
                     width: int = 16, seed: int = 0, device: str = "auto", threads: int = 0, command: str = "") -> ModelCard:
    """Fit on 90% of the set, measure on the held-out 10%, and write the checkpoint with those figures."""
    seed_everything(seed)
    set_threads(threads)
    dev = resolve_device(device)
    data = load_data(data_name, DataRequest(image_size=image_size, seed=seed))
    if data.kind != "images" or data.labels is None:
        raise ValueError(f"{data_name} has no labelled images to train a classifier on")
    n = len(data)
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    n_val = max(n // 10, 1)
    val, tr = perm[:n_val], perm[n_val:]
    x, y = data.x.to(dev), data.labels.to(dev)
    attrs = data.attributes.to(dev) if data.attributes is not None else None
    spec = ModelSpec("classifier", width=width, image_size=data.image_size, channels=data.channels,
                     num_classes=data.num_classes, num_attributes=len(data.attribute_names))
    model = build_classifier(spec).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    g = torch.Generator().manual_seed(seed)
    t0 = time.monotonic()
    for _ in range(steps):
        idx = tr[torch.randint(len(tr), (batch_size,), generator=g)].to(dev)
        xb = x[idx] + 0.05 * torch.randn_like(x[idx])  # a little noise: generated samples are never clean
        cls, att = model(xb)
        loss = F.cross_entropy(cls, y[idx])
        if attrs is not None:
            loss = loss + F.binary_cross_entropy_with_logits(att, attrs[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        sched.step()
    model.eval()
    with torch.no_grad():
        cls, att = model(x[val.to(dev)])
    metrics: dict = {
        "measured_on": f"held-out 10% of {data_name} ({n_val} images, seed {seed})",
        "val_class_accuracy": round(float((cls.argmax(1) == y[val.to(dev)]).float().mean()), 4),
        "train_seconds": round(time.monotonic() - t0, 1),
    }
    if attrs is not None:
        metrics["val_attribute_accuracy"] = round(float(((att > 0).float() == attrs[val.to(dev)]).float().mean()), 4)
    card = ModelCard(kind="features", arch=spec.to_dict(), data=data_name, image_size=data.image_size,
                     channels=data.channels, class_names=list(data.class_names),
                     attribute_names=list(data.attribute_names), steps=steps, metrics=metrics, command=command)
    save_checkpoint(out, {f"classifier.{k}": v for k, v in model.state_dict().items()}, card)
    return card
