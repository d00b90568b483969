"""Bias and representation: how often a generator makes each class and attribute, against its training data.

`class_coverage` gives class shares; this adds the attribute rates (faces: smile, glasses, eyes_open) and lays
both out as rows of one table (plain dicts: no pandas needed), with the generated/real ratio of each row.
"""

from __future__ import annotations

from typing import Any

import torch

from ..data import DATASETS, DataRequest, load_data
from ..errors import ConfigError
from ..pipelines import ClassifyPipeline, SamplePipeline
from .analysis import domain_classifier

#: What the classes of each procedural set stand for, as a table's group heading.
CLASS_GROUPS = {"digits": "digit", "faces": "hair colour", "shapes": "shape"}


def _row(group: str, name: str, generated: float, real: float) -> dict[str, Any]:
    return {"group": group, "name": name, "generated": round(generated, 4), "real": round(real, 4),
            "ratio": round(generated / real, 3) if real > 0 else None}


@torch.no_grad()
def representation_table(pipeline: SamplePipeline, n: int = 1000, seed: int = 0,
                         classifier: ClassifyPipeline | None = None) -> dict[str, Any]:
    """Class shares and attribute rates of n samples (read by the set's domain classifier) against the training data's
    own labels, one row each: {group, name, generated, real, ratio}. A ratio far from 1 is a group the generator
    over- or under-represents; a conditional generator's classes are asked for in turn, so only its attributes say much.
    """
    card = pipeline.card
    if card.data not in DATASETS:  # a card is its file's word: only this server's own sets are read
        raise ConfigError(f"no labelled data set {card.data[:60]!r} on this server to compare with")
    clf = classifier or domain_classifier(card.data)
    if clf.card.data != card.data:
        raise ConfigError(f"that classifier reads {clf.card.data}; this generator makes {card.data}")
    samples = pipeline(n, seed)
    cls, att = clf(samples)
    real = load_data(card.data, DataRequest(image_size=card.image_size, channels=card.channels, seed=seed))
    names, group = list(clf.card.class_names), CLASS_GROUPS.get(card.data, "class")
    gen_shares = torch.bincount(cls.argmax(1), minlength=len(names)).float() / n
    real_shares = (torch.bincount(real.labels, minlength=len(names)).float() / len(real) if real.labels is not None
                   else torch.full((len(names),), float("nan")))
    rows = [_row(group, name, float(g), float(r)) for name, g, r in zip(names, gen_shares, real_shares, strict=True)]
    attrs = list(clf.card.attribute_names)
    if attrs:
        gen_rates = (att > 0.5).float().mean(0)
        real_rates = real.attributes.float().mean(0) if real.attributes is not None else torch.full((len(attrs),), float("nan"))
        rows += [_row("attribute", name, float(g), float(r)) for name, g, r in zip(attrs, gen_rates, real_rates, strict=True)]
    gaps = [r for r in rows if r["ratio"] is not None]
    worst = max(gaps, key=lambda r: abs(r["generated"] - r["real"]), default=None)
    return {
        "generator": pipeline.name, "data": card.data, "samples": n, "seed": seed,
        "conditional": pipeline.num_classes > 0,
        "reader": f"GAN Studio's own {clf.card.data} classifier ({clf.name}; not independent of the project)",
        "real": f"the labels of {len(real)} {card.data} training images",
        "rows": rows,
        "largest_gap": None if worst is None else {"group": worst["group"], "name": worst["name"],
                                                   "points": round(100 * (worst["generated"] - worst["real"]), 1)},
    }
