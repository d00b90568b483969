"""The self-conditioned DCGAN: clusters found without labels, a generator sampled like an unconditional one."""

import numpy as np
import pytest
import torch

from ganengine.data import load_data
from ganengine.data.clusters import cluster_images, with_clusters
from ganengine.errors import ConfigError
from ganengine.models import ModelSpec, build_generator
from ganengine.pipelines import SamplePipeline
from ganengine.tasks import GanConfig
from ganengine.train import run_task


def test_kmeans_finds_the_digits_without_their_labels():
    data = load_data("digits")
    clusters = cluster_images(data.x, 10, seed=0)
    labels = data.labels.numpy()
    purity = sum(np.bincount(labels[clusters == k]).max() for k in range(10)) / len(labels)
    assert purity >= 0.7  # 79 % measured: each cluster is mostly one digit, though no label was read


def test_clustered_data_keeps_its_images_and_says_each_clusters_share():
    data = load_data("digits")
    clustered, shares = with_clusters(data, 4, seed=1)
    assert torch.equal(clustered.x, data.x) and clustered.num_classes == 4
    assert shares.sum().item() == pytest.approx(1.0) and torch.equal(shares, torch.bincount(clustered.labels) / len(data))


def test_the_generator_draws_clusters_from_its_noise_in_their_shares():
    G = build_generator(ModelSpec("scdcgan", nz=8, width=4, num_classes=4))
    assert G.num_classes == 0  # callers sample it as an unconditional model: noise in, image out
    G.cluster_cdf.copy_(torch.tensor([0.1, 0.4, 0.7, 1.0]))
    z = torch.randn(40_000, 8, generator=torch.Generator().manual_seed(0))
    shares = torch.bincount(G.cluster_of(z), minlength=4).float() / len(z)
    assert torch.allclose(shares, torch.tensor([0.1, 0.3, 0.3, 0.3]), atol=0.01)
    G.eval()
    with torch.no_grad():
        assert torch.equal(G(z[:16]), G(z[:16], G.cluster_of(z[:16])))  # the drawn cluster is the one G is given
        assert not torch.equal(G(z[:16]), G(z[:16], (G.cluster_of(z[:16]) + 1) % 4))  # and the cluster matters


def test_a_self_conditioned_run_saves_an_unconditional_generator_with_its_cluster_shares(tmp_path):
    cfg = GanConfig(model="scdcgan", data="digits", steps=4, batch_size=8, width=4, nz=8, max_items=64, clusters=5,
                    log_every=2, sample_every=2, checkpoint_every=2, num_threads=1)
    result = run_task(cfg, tmp_path)
    assert result.status == "finished", result.reason
    pipeline = SamplePipeline.load(result.checkpoint)
    assert pipeline.num_classes == 0 and pipeline.card.task == "gan"
    assert pipeline.card.class_names == [str(i) for i in range(10)]  # the data's classes, not the clusters
    cdf = pipeline.model.cluster_cdf
    assert len(cdf) == 5 and cdf[-1].item() == pytest.approx(1.0) and bool((cdf[1:] >= cdf[:-1]).all())
    _, shares = with_clusters(_digits(64, cfg.seed), 5, cfg.seed)
    assert torch.allclose(cdf, torch.cumsum(shares, 0))  # the data's own cluster shares, not uniform ones
    assert pipeline.from_latents(torch.randn(3, 8), None).shape == (3, 1, 32, 32)


def _digits(n: int, seed: int):
    from ganengine.data import DataRequest

    return load_data("digits", DataRequest(32, None, seed, n))


@pytest.mark.parametrize(("changes", "words"), [
    ({"model": "dcgan", "clusters": 5}, "clusters sets the self-conditioned DCGAN's clusters"),
    ({"model": "scdcgan", "clusters": 1}, "clusters"),
])
def test_clusters_are_checked_at_the_edge(changes, words):
    with pytest.raises(ConfigError, match=words):
        GanConfig(data="digits", **changes).validate()
