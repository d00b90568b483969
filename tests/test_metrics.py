"""Metrics through torch-fidelity with the domain feature extractor: sanity, agreement, refusals, JSON."""

import copy
import json
from pathlib import Path

import numpy as np
import pytest
import scipy.linalg
import torch
import torch_fidelity
from torch_fidelity.metric_fid import fid_features_to_statistics, fid_statistics_to_metric
from torch_fidelity.registry import FEATURE_EXTRACTORS_REGISTRY

from ganengine.checkpoints import CheckpointError, generator_tensors, load_checkpoint, save_checkpoint
from ganengine.data import load_data
from ganengine.metrics import (
    EvaluationError,
    ExtractorUnavailable,
    choose_extractor,
    class_coverage,
    evaluate_generator,
    fid_over_steps,
    memorisation_check,
)
from ganengine.metrics.fidelity import RealImages
from ganengine.models import build_generator
from ganengine.pipelines import SamplePipeline

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints"


pytestmark = pytest.mark.usefixtures("private_metrics_cache")


def test_frechet_distance_agrees_with_scipy():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(400, 16))
    b = rng.normal(0.3, 1.2, size=(500, 16)) @ rng.normal(size=(16, 16)) * 0.3
    mine = fid_statistics_to_metric(fid_features_to_statistics(torch.tensor(a)), fid_features_to_statistics(torch.tensor(b)),
                                    verbose=False)["frechet_inception_distance"]
    mu1, mu2 = a.mean(0), b.mean(0)
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean = scipy.linalg.sqrtm(s1 @ s2).real
    reference = ((mu1 - mu2) ** 2).sum() + np.trace(s1 + s2 - 2 * covmean)
    assert mine == pytest.approx(reference, rel=1e-3)


def test_domain_extractor_is_registered_and_chosen_offline():
    chosen = choose_extractor("digits")
    assert chosen.name == "ganstudio-digits" and chosen.name in FEATURE_EXTRACTORS_REGISTRY
    assert "digits classifier" in chosen.description
    with pytest.raises(ExtractorUnavailable, match="Inception weights are not on this machine"):
        choose_extractor("digits", "inception")
    with pytest.raises(ExtractorUnavailable, match="no feature extractor for 'cifar10'"):
        choose_extractor("cifar10")


def test_wrong_inception_file_is_refused(tmp_path, monkeypatch):
    fake = tmp_path / "weights.pth"
    fake.write_bytes(b"not the weights")
    monkeypatch.setenv("GANSTUDIO_INCEPTION_WEIGHTS", str(fake))
    with pytest.raises(ExtractorUnavailable, match="not the published Inception weights"):
        choose_extractor("digits")


def _fid(a, b, name):
    return torch_fidelity.calculate_metrics(input1=RealImages(a), input2=RealImages(b), feature_extractor=name, fid=True,
                                            cuda=False, verbose=False, save_cpu_ram=True, cache=False)["frechet_inception_distance"]


def test_fid_of_real_data_against_itself_and_its_halves():
    name = choose_extractor("digits").name
    d = load_data("digits")
    perm = torch.randperm(len(d), generator=torch.Generator().manual_seed(0))
    a, b = copy.copy(d), copy.copy(d)
    a.x, b.x = d.x[perm[:898]], d.x[perm[898:]]
    assert abs(_fid(a, a, name)) < 1e-3
    assert _fid(a, b, name) < 1.0


@pytest.mark.slow
def test_untrained_generator_scores_far_worse_than_the_shipped_one(tmp_path):
    _, card = load_checkpoint(SHIPPED / "digits-dcgan.safetensors")
    torch.manual_seed(0)
    save_checkpoint(tmp_path / "untrained.safetensors", generator_tensors(build_generator(card.spec)), card)
    shipped = evaluate_generator(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=500, metrics=("fid", "kid", "prc"))
    untrained = evaluate_generator(SamplePipeline.load(tmp_path / "untrained.safetensors"), n=500, metrics=("fid", "kid", "prc"))
    assert shipped.metrics["fid"] * 10 < untrained.metrics["fid"]
    assert shipped.metrics["recall"] > 0.5 > untrained.metrics["recall"]
    assert shipped.extractor == "ganstudio-digits" and shipped.samples == 500 and shipped.real_samples == 500


def test_conditional_generator_and_inception_score():
    r = evaluate_generator(SamplePipeline.load(SHIPPED / "digits-cdcgan.safetensors"), n=300, metrics=("isc", "fid"))
    assert 5 < r.metrics["isc"] <= 10  # ten balanced, confidently classified classes approach 10
    assert r.metrics["fid"] < 5


def test_bad_requests_are_refused_before_any_work(tmp_path):
    with pytest.raises(EvaluationError, match="fewer than the 5,000 samples"):
        evaluate_generator(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=5000)
    with pytest.raises(CheckpointError, match="not a gan or cgan checkpoint"):
        SamplePipeline.load(SHIPPED / "faces-classifier.safetensors")
    with pytest.raises(EvaluationError, match="metrics must be some of"):
        evaluate_generator(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=100, metrics=("psnr",))
    with pytest.raises(EvaluationError, match="not an image data set"):
        evaluate_generator(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), data="toy2d-ring", n=100)


def test_coverage_memorisation_and_fid_over_steps(tmp_path, tiny_image_config):
    cov = class_coverage(SamplePipeline.load(SHIPPED / "digits-cdcgan.safetensors"), n=300)
    assert sum(cov.generated) == pytest.approx(1) and sum(cov.real) == pytest.approx(1)
    assert min(cov.generated) > 0.05  # a conditional model cycling through classes covers them all
    mem = memorisation_check(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=64, k=4)
    assert mem.generated.shape == mem.nearest.shape == (4, 1, 32, 32) and mem.distances == sorted(mem.distances)
    assert mem.strip().shape[0] > 64 and mem.real_typical > 0
    from ganengine.train import run_task

    run_task(tiny_image_config, tmp_path / "run")
    curve = fid_over_steps(tmp_path / "run", n=50)
    assert [r.step for r in curve] == [3, 6] and all(r.metrics["fid"] > 0 for r in curve)


@pytest.mark.slow  # end to end: the CLI in a subprocess, an evaluation
def test_cli_evaluate_writes_json(tmp_path, capsys):
    from ganengine.cli import main

    out = tmp_path / "eval.json"
    code = main(["evaluate", str(SHIPPED / "digits-dcgan.safetensors"), str(SHIPPED / "digits-cdcgan.safetensors"), "--n",
                 "200", "--metrics", "fid,kid,isc,prc", "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    results = json.loads(out.read_text())["results"]
    assert [r["checkpoint"] for r in results] == ["digits-dcgan.safetensors", "digits-cdcgan.safetensors"]
    for r in results:
        assert {"fid", "kid", "isc", "precision", "recall", "extractor", "samples", "seconds"} <= set(r)
        assert r["extractor"] == "ganstudio-digits" and r["samples"] == 200


def test_cached_real_features_are_keyed_by_set_and_extractor_weights(tmp_path):
    from ganengine.metrics.fidelity import cache_root

    evaluate_generator(SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors"), n=100, metrics=("fid",))
    names = [p.name for p in cache_root().iterdir()]
    fingerprint = choose_extractor("digits").fingerprint
    assert names and len(fingerprint) == 12
    assert all(n.startswith(f"ganstudio-digits-32px-1ch-100-seed0-w{fingerprint}-ganstudio-digits-") for n in names), names


def test_card_data_is_never_used_as_a_server_path(tmp_path):
    _, card = load_checkpoint(SHIPPED / "digits-dcgan.safetensors")
    card.data = str(tmp_path)  # a forged card naming a folder on the server
    save_checkpoint(tmp_path / "forged.safetensors", generator_tensors(build_generator(card.spec)), card)
    with pytest.raises(EvaluationError, match="not an image data set of this server"):
        memorisation_check(SamplePipeline.load(tmp_path / "forged.safetensors"))
    with pytest.raises(ExtractorUnavailable):
        class_coverage(SamplePipeline.load(tmp_path / "forged.safetensors"))


def test_metrics_refuse_non_finite_samples_instead_of_scoring_them():
    """Weights of 3e38 make every sample NaN: FID used to come out as a plain number (156.3); now it is refused."""
    shipped = SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors")
    model = copy.deepcopy(shipped.model)
    with torch.no_grad():
        for p in model.parameters():
            p.fill_(3e38)
    huge = SamplePipeline(model, shipped.card, "huge.safetensors")  # as if loaded without the probe
    for measure in (lambda: evaluate_generator(huge, n=100, metrics=("fid",)), lambda: memorisation_check(huge, n=50),
                    lambda: class_coverage(huge, n=50)):
        with pytest.raises(EvaluationError, match="the generator made NaN or infinite values"):
            measure()


def test_metrics_of_one_image_ask_for_at_least_ten():
    pipeline = SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors")
    with pytest.raises(EvaluationError, match=r"^need at least 10 images: .* \(got 1\)$"):
        evaluate_generator(pipeline, n=1)
