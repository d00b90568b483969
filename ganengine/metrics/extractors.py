"""Feature extractors for torch-fidelity: the standard Inception when its weights are on disk, else a
domain classifier the project trained (checkpoint kind 'features'), registered under its own name.

Numbers from different extractors are never comparable; every result carries the extractor's name.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import torch
import torch_fidelity
from torch_fidelity.feature_extractor_base import FeatureExtractorBase
from torch_fidelity.registry import FEATURE_EXTRACTORS_REGISTRY

from ..checkpoints import catalog, load_classifier
from ..data.base import fit_images
from ..errors import UserError

INCEPTION = "inception-v3-compat"
INCEPTION_FILE = "weights-inception-2015-12-05-6726825d.pth"
INCEPTION_SHA256_PREFIX = "6726825d"  # torch hub's convention: the file name carries its SHA-256 prefix
ENV_INCEPTION = "GANSTUDIO_INCEPTION_WEIGHTS"
SHIPPED = Path(__file__).resolve().parent.parent.parent / "checkpoints"


class ExtractorUnavailable(UserError, RuntimeError):
    """No feature extractor can measure this data set; the message says what is missing."""


@dataclass(frozen=True)
class Extractor:
    """A registered torch-fidelity feature extractor and what its numbers mean."""

    name: str
    description: str
    weights_path: str | None = None
    input_size: int = 0
    fingerprint: str = ""  # of the weights: cached real features are keyed by it, so new weights never meet old features
    kind: str = "domain"  # "domain" (a classifier this project trained) or "inception" (comparable with papers)
    data: str = ""  # a domain extractor's data set
    file: str = ""  # its checkpoint's file name
    accuracy: float | None = None  # its class accuracy on held-out data, if its card says

    def info(self) -> dict[str, object]:
        """What a page needs to describe the extractor in its reader's language (the description is English)."""
        return {"kind": self.kind, "data": self.data, "file": self.file, "accuracy": self.accuracy}


def inception_weights() -> Path | None:
    """The Inception weights file named by $GANSTUDIO_INCEPTION_WEIGHTS or in torch hub's cache, if valid.

    torch-fidelity unpickles this file, so it comes only from the operator's settings (never an
    upload) and must match the published hash prefix.
    """
    candidates = [os.environ.get(ENV_INCEPTION), Path(torch.hub.get_dir()) / "checkpoints" / INCEPTION_FILE]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            digest = hashlib.sha256(Path(candidate).read_bytes()).hexdigest()
            if not digest.startswith(INCEPTION_SHA256_PREFIX):
                raise ExtractorUnavailable(f"{candidate} is not the published Inception weights (SHA-256 {digest[:12]}…)")
            return Path(candidate)
    return None


class DomainFeatureExtractor(FeatureExtractorBase):
    """torch-fidelity adapter of a SmallClassifier: uint8 3xHxW in; pooled features and class logits out."""

    checkpoint: Path  # set on each registered subclass

    def __init__(self, name: str, features_list: list[str], **kwargs: object) -> None:
        super().__init__(name, features_list)
        self.model, self.card = load_classifier(self.checkpoint)

    @staticmethod
    def get_provided_features_list() -> tuple[str, ...]:
        return ("features", "logits")

    @staticmethod
    def get_default_feature_layer_for_metric(metric: str) -> str:
        return "logits" if metric == "isc" else "features"

    @staticmethod
    def can_be_compiled() -> bool:
        return False

    @staticmethod
    def get_dummy_input_for_compile() -> torch.Tensor:
        return torch.zeros(1, 3, 32, 32, dtype=torch.uint8)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, ...]:
        if x.dtype != torch.uint8 or x.dim() != 4 or x.shape[1] != 3:
            raise ValueError(f"expected uint8 Bx3xHxW images, got {x.dtype} {tuple(x.shape)}")
        x = fit_images(x.float() / 127.5 - 1, self.card.image_size, self.card.channels)  # as its training data was
        feats = self.model.features(x)
        out = {"features": feats, "logits": self.model.class_head(feats)}
        return tuple(out[name] for name in self.features_list)


def domain_extractor_name(data: str) -> str:
    return f"ganstudio-{data}"


def register_domain_extractors(folder: Path = SHIPPED) -> dict[str, Extractor]:
    """Register every shipped 'features' checkpoint with torch-fidelity (once); data set -> extractor."""
    found = {}
    for entry in catalog(folder, ("features",)):
        name = domain_extractor_name(entry.card.data)
        if name not in FEATURE_EXTRACTORS_REGISTRY:
            cls = type(f"DomainExtractor_{entry.card.data}", (DomainFeatureExtractor,), {"checkpoint": entry.path})
            torch_fidelity.register_feature_extractor(name, cls)
        acc = entry.card.metrics.get("val_class_accuracy")
        held_out = entry.card.metrics.get("measured_on", "held-out data")
        accuracy = f"{acc:.1%} class accuracy on {held_out}" if isinstance(acc, float) else "accuracy not recorded"
        found[entry.card.data] = Extractor(
            name, f"GAN Studio's {entry.card.data} classifier ({entry.path.name}; {accuracy})",
            input_size=entry.card.image_size, fingerprint=hashlib.sha256(entry.path.read_bytes()).hexdigest()[:12],
            data=entry.card.data, file=entry.path.name, accuracy=acc if isinstance(acc, float) else None)
    return found


def choose_extractor(data: str, preference: str = "auto") -> Extractor:
    """'inception' when its weights are on disk; 'domain' for the data set's own classifier; 'auto' tries both."""
    if preference not in ("auto", "inception", "domain"):
        raise ValueError("extractor must be auto, inception or domain")
    if preference in ("auto", "inception"):
        weights = inception_weights()
        if weights is not None:
            return Extractor(INCEPTION, "Inception-v3 (torch-fidelity's TF-compatible port, ImageNet)", str(weights),
                             fingerprint=INCEPTION_SHA256_PREFIX, kind="inception", file=weights.name)
        if preference == "inception":
            raise ExtractorUnavailable(
                f"the Inception weights are not on this machine: download {INCEPTION_FILE} (torch-fidelity's release "
                f"v0.2.0) and set {ENV_INCEPTION} to its path, or use the domain extractor")
    domain = register_domain_extractors().get(data)
    if domain is None:
        raise ExtractorUnavailable(f"no feature extractor for {data!r}: no Inception weights and no shipped "
                                   f"{data} classifier (python -m ganengine train-classifier --data {data})")
    return domain
