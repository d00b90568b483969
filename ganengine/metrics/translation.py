"""Judging translation models on images they never saw: held-out L1/PSNR against a trivial baseline (Pix2Pix),
cycle error and a style classifier's verdict (CycleGAN). The held-out images are the same 10% the task kept
apart in training (same data set, seed and split), and only registered data sets are read (never a card's path).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from ..checkpoints import CheckpointError, catalog, load_checkpoint, read_card, save_checkpoint
from ..data import DataRequest, PairedData, registry
from ..pipelines import ClassifyPipeline, TranslatePipeline
from ..tasks.translation import HELD_OUT, MAX_MEASURED, held_out_figures
from .extractors import SHIPPED


def held_out_pairs(card_data: str, config: dict[str, Any]) -> tuple[PairedData, PairedData]:
    """(train, held-out) exactly as the task split them."""
    entry = registry().get(card_data)
    if entry is None or entry.kind not in ("paired", "unpaired"):
        raise CheckpointError(f"its data {card_data!r} is not a translation data set of this server: nothing held out to judge on")
    req = DataRequest(image_size=int(config.get("image_size", 64)), seed=int(config.get("seed", 0)),
                      max_items=config.get("max_items"))
    pairs = entry.loader(req)
    assert isinstance(pairs, PairedData)
    if config.get("direction") == "BtoA":
        pairs = pairs.reversed()
    return pairs.split(HELD_OUT, int(config.get("seed", 0)))


def style_classifier(domains: tuple[str, str], folder: Path = SHIPPED) -> ClassifyPipeline:
    """A shipped classifier whose classes are exactly the two domains (e.g. summer, winter)."""
    for entry in catalog(folder, ("features",)):
        if set(entry.card.class_names) == set(domains):
            return ClassifyPipeline.load(entry.path)
    raise CheckpointError(f"no shipped classifier tells {domains[0]} from {domains[1]} "
                          f"(python -m ganengine train-classifier --data ... with those two classes)")


@torch.no_grad()
def judge_translation(path: str | Path, classifier: str | Path | None = None, write_card: bool = False) -> dict[str, Any]:
    """Held-out figures of a Pix2Pix or CycleGAN checkpoint; with write_card they go into its card's metrics."""
    card = read_card(path)
    train, held = held_out_pairs(card.data, card.config)
    if card.task == "pix2pix":
        report = held_out_figures(TranslatePipeline.load(path).model, held, train)
        key = "held_out"
    elif card.task == "cyclegan":
        forward, backward = TranslatePipeline.load(path), TranslatePipeline.load(path, direction="BtoA")
        judge = ClassifyPipeline.load(classifier) if classifier else style_classifier(forward.domains)
        names = judge.card.class_names
        a, b = held.a[:MAX_MEASURED].cpu(), held.b[:MAX_MEASURED].cpu()
        fake_b, fake_a = forward(a), backward(b)
        said_b = [names[i] for i in judge.logits(fake_b)[0].argmax(1).tolist()]
        said_a = [names[i] for i in judge.logits(fake_a)[0].argmax(1).tolist()]
        real_b = [names[i] for i in judge.logits(b)[0].argmax(1).tolist()]
        dom_a, dom_b = forward.domains
        report = {
            "measured_on": f"{len(a)} + {len(b)} held-out images of {card.data} (never seen in training)",
            "judge": f"{judge.name} ({judge.card.metrics.get('measured_on', '')}: class accuracy "
                     f"{judge.card.metrics.get('val_class_accuracy')})",
            f"{dom_a}_to_{dom_b}_judged_{dom_b}": round(said_b.count(dom_b) / len(said_b), 4),
            f"{dom_b}_to_{dom_a}_judged_{dom_a}": round(said_a.count(dom_a) / len(said_a), 4),
            f"real_{dom_b}_judged_{dom_b}": round(real_b.count(dom_b) / len(real_b), 4),
            "cycle_l1_a": round(float((backward(fake_b) - a).abs().mean()), 4),
            "cycle_l1_b": round(float((forward(fake_a) - b).abs().mean()), 4),
            "unchanged_l1_a": round(float((fake_b - a).abs().mean()), 4),
        }
        key = "style_judge"
    else:
        raise CheckpointError(f"{Path(path).name}: a {card.task} checkpoint, not a translation model")
    if write_card:
        tensors, card = load_checkpoint(path)
        card.metrics[key] = report
        save_checkpoint(path, tensors, card)
    return report
