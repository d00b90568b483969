import pytest
import torch

from ganengine.models import ModelSpec, build, build_discriminator, build_generator, count_parameters


@pytest.mark.parametrize("size, channels", [(32, 1), (32, 3), (64, 3)])
def test_dcgan_shapes(size, channels):
    spec = ModelSpec("dcgan", nz=16, width=8, image_size=size, channels=channels)
    G, D = build_generator(spec), build_discriminator(spec)
    x = G(torch.randn(3, 16))
    assert x.shape == (3, channels, size, size)
    assert x.abs().max() <= 1
    assert D(x).shape == (3,)


def test_canonical_dcgan32_size():
    """nz 100, width 64, 1 channel: the textbook 32x32 DCGAN (256-128-64 feature maps)."""
    G = build_generator(ModelSpec("dcgan", nz=100, width=64, image_size=32, channels=1))
    assert [m.out_channels for m in G.net if isinstance(m, torch.nn.ConvTranspose2d)] == [256, 128, 64, 1]
    convs = 100 * 256 * 16 + 256 * 128 * 16 + 128 * 64 * 16 + 64 * 1 * 16  # 4x4 kernels, no bias
    assert count_parameters(G) == convs + 2 * (256 + 128 + 64)  # plus batch-norm scale and shift


def test_course_mlp_layers():
    G = build_generator(ModelSpec("mlp", nz=100, width=64, image_size=28, channels=1))
    assert [m.out_features for m in G.net if isinstance(m, torch.nn.Linear)] == [256, 512, 784]
    assert isinstance(G.net[-1], torch.nn.Tanh)
    D = build_discriminator(ModelSpec("mlp", nz=100, width=64, image_size=28, channels=1))
    assert [m.out_features for m in D.net if isinstance(m, torch.nn.Linear)] == [512, 256, 1]
    assert D(G(torch.randn(2, 100))).shape == (2,)


def test_conditional_models_use_the_label():
    spec = ModelSpec("cdcgan", nz=8, width=8, image_size=32, channels=1, num_classes=10)
    G, D = build_generator(spec).eval(), build_discriminator(spec).eval()
    z = torch.randn(1, 8).repeat(2, 1)
    x = G(z, torch.tensor([0, 1]))
    assert not torch.allclose(x[0], x[1])
    assert D(x, torch.tensor([0, 1])).shape == (2,)
    with pytest.raises(ValueError, match="conditional"):
        G(z)


def test_spectral_norm_and_no_norm_variants():
    for norm in ("spectral", "none"):
        D = build_discriminator(ModelSpec("dcgan", nz=8, width=8, image_size=32, channels=1, d_norm=norm))
        assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in D.modules())
        assert D(torch.randn(2, 1, 32, 32)).shape == (2,)


def test_bad_specs_are_refused():
    with pytest.raises(ValueError, match="unknown architecture"):
        build_generator(ModelSpec("stylegan"))
    with pytest.raises(ValueError, match="at least two classes"):
        build_generator(ModelSpec("cdcgan", num_classes=0))
    with pytest.raises(ValueError, match="use the mlp model"):
        build_generator(ModelSpec("dcgan", out_dim=2))


def test_classifier_heads():
    spec = ModelSpec("classifier", width=4, image_size=32, channels=3, num_classes=4, num_attributes=3)
    cls, att = build(spec, "classifier")(torch.randn(2, 3, 32, 32))
    assert cls.shape == (2, 4) and att.shape == (2, 3)
