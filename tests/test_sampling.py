import numpy as np
import pytest
import torch
from PIL import Image

from ganengine import sampling
from ganengine.models import ModelSpec, build_generator


def test_seeds_are_reproducible_and_distinct():
    assert torch.equal(sampling.latents(4, 10, 3), sampling.latents(4, 10, 3))
    assert not torch.equal(sampling.latents(4, 10, 3), sampling.latents(4, 10, 4))
    assert torch.equal(sampling.seed_latent(3, 10), sampling.latents(1, 10, 3)[0])


def test_truncation_bounds_values():
    z = sampling.latents(500, 64, 0, truncation=0.5)
    assert z.abs().max() <= 0.5 and z.std() < 0.4


def test_interpolation_endpoints_and_slerp_norm():
    a, b = sampling.latents(2, 128, 0)
    for mode in ("lerp", "slerp"):
        path = sampling.interpolate(a, b, 5, mode)
        assert torch.allclose(path[0], a, atol=1e-5) and torch.allclose(path[-1], b, atol=1e-5)
    mid_lerp = sampling.interpolate(a, b, 3, "lerp")[1].norm()
    mid_slerp = sampling.interpolate(a, b, 3, "slerp")[1].norm()
    assert mid_slerp > mid_lerp  # slerp stays near the shell, lerp cuts inside


def test_grid_and_gif():
    imgs = torch.rand(5, 3, 8, 8) * 2 - 1
    g = sampling.grid(imgs, nrow=3, pad=2)
    assert g.shape == (2 * 10 + 2, 3 * 10 + 2, 3) and g.dtype == np.uint8
    grey = sampling.grid(torch.zeros(4, 1, 8, 8))
    assert grey.ndim == 2 and grey[2, 2] == 128
    gif = sampling.gif_bytes([g, g[::-1].copy()])
    import io

    assert Image.open(io.BytesIO(gif)).n_frames == 2


def test_class_labels_and_conditional_sampling():
    G = build_generator(ModelSpec("cdcgan", nz=8, width=4, image_size=32, channels=1, num_classes=3)).eval()
    assert sampling.class_labels(5, 3, None).tolist() == [0, 1, 2, 0, 1]
    assert sampling.class_labels(2, 3, 2).tolist() == [2, 2]
    assert sampling.class_labels(2, 0, None) is None
    with pytest.raises(ValueError, match="between 0 and 2"):
        sampling.class_labels(2, 3, 5)
    seen = []
    forward = G.forward
    G.forward = lambda z, y=None: (seen.append(y.tolist()), forward(z, y))[1]
    ones = sampling.sample(G, 4, 0, class_index=1)
    assert ones.shape == (4, 1, 32, 32) and seen[-1] == [1, 1, 1, 1]  # the class asked for reaches the generator
    assert torch.equal(ones, sampling.sample(G, 4, 0, class_index=1))  # same seed and class: same samples
    assert not torch.allclose(ones, sampling.sample(G, 4, 0, class_index=2))  # same noise, other class: other samples
    sampling.sample(G, 5, 0)
    assert seen[-1] == [0, 1, 2, 0, 1]  # no class asked for: every class in turn


def test_attribute_vector():
    z = torch.tensor([[1.0, 0.0], [3.0, 0.0], [0.0, 1.0]])
    has = torch.tensor([True, True, False])
    assert sampling.attribute_vector(z, has).tolist() == [2.0, -1.0]
    with pytest.raises(ValueError):
        sampling.attribute_vector(z, torch.tensor([True, True, True]))
