"""Checkpoint round trip, and refusal of everything that is not one of ours (with a one-line reason)."""

import json
import struct

import pytest
import torch
from safetensors.torch import save_file

from ganengine.checkpoints import (
    CheckpointError,
    ModelCard,
    catalog,
    generator_tensors,
    load_classifier,
    load_generator,
    read_card,
    save_checkpoint,
)
from ganengine.models import ModelSpec, build_generator

SPEC = ModelSpec("dcgan", nz=8, width=4, image_size=32, channels=1)


def _card(**kw) -> ModelCard:
    return ModelCard(task="gan", roles={"generator": SPEC.to_dict()}, data="digits", image_size=32, channels=1, **kw)


def _saved(tmp_path, name="g.safetensors"):
    G = build_generator(SPEC).eval()
    return G, save_checkpoint(tmp_path / name, generator_tensors(G), _card(steps=12, command="python -m ganengine train"))


def test_round_trip_gives_identical_outputs(tmp_path):
    G, path = _saved(tmp_path)
    G2, card = load_generator(path)
    z = torch.randn(4, 8)
    assert torch.equal(G(z), G2(z))
    assert card.steps == 12 and card.spec == SPEC and card.command.startswith("python -m ganengine")
    assert not list(tmp_path.glob(".*tmp"))  # atomic write left no temporary file


def test_card_is_readable_from_the_header_alone(tmp_path):
    _, path = _saved(tmp_path)
    assert read_card(path).data == "digits"
    assert [e.path.name for e in catalog(tmp_path)] == ["g.safetensors"]


def test_random_bytes_are_refused(tmp_path):
    bad = tmp_path / "x.safetensors"
    bad.write_bytes(b"\x00" * 3)
    with pytest.raises(CheckpointError, match="too short"):
        load_generator(bad)
    bad.write_bytes(struct.pack("<Q", 10**9) + b"{}")
    with pytest.raises(CheckpointError, match="bad header length"):
        load_generator(bad)


def test_foreign_safetensors_without_card(tmp_path):
    path = tmp_path / "foreign.safetensors"
    save_file({"w": torch.zeros(2)}, str(path))
    with pytest.raises(CheckpointError, match="not a GAN Studio checkpoint"):
        load_generator(path)


def test_unknown_kind_and_future_format(tmp_path):
    path = tmp_path / "k.safetensors"
    save_file({"w": torch.zeros(2)}, str(path), metadata={"ganengine": json.dumps({**_card().__dict__, "task": "virus"})})
    with pytest.raises(CheckpointError, match="unknown checkpoint task"):
        read_card(path)
    save_file({"w": torch.zeros(2)}, str(path), metadata={"ganengine": json.dumps({**_card().__dict__, "format_version": 99})})
    with pytest.raises(CheckpointError, match="newer than"):
        read_card(path)


def test_wrong_shapes_and_missing_keys(tmp_path):
    G = build_generator(SPEC)
    tensors = generator_tensors(G)
    key = next(iter(tensors))
    save_checkpoint(tmp_path / "s.safetensors", {**tensors, key: torch.zeros(3)}, _card())
    with pytest.raises(CheckpointError, match="has shape"):
        load_generator(tmp_path / "s.safetensors")
    del tensors[key]
    save_checkpoint(tmp_path / "m.safetensors", tensors, _card())
    with pytest.raises(CheckpointError, match="1 missing"):
        load_generator(tmp_path / "m.safetensors")


def test_nan_weights_are_refused(tmp_path):
    tensors = generator_tensors(build_generator(SPEC))
    key = next(k for k, v in tensors.items() if v.is_floating_point())
    tensors[key] = torch.full_like(tensors[key], float("nan"))
    save_checkpoint(tmp_path / "n.safetensors", tensors, _card())
    with pytest.raises(CheckpointError, match="NaN"):
        load_generator(tmp_path / "n.safetensors")


def test_kind_mismatch(tmp_path):
    _, path = _saved(tmp_path)
    with pytest.raises(CheckpointError, match="not a features checkpoint"):
        load_classifier(path)


def test_pickle_pt_is_refused_without_running_it(tmp_path):
    class Evil:
        def __reduce__(self):
            return (open, (str(tmp_path / "pwned"), "w"))

    path = tmp_path / "evil.pt"
    torch.save({"card": "{}", "state_dict": {}, "x": Evil()}, path)
    with pytest.raises(CheckpointError, match="safe loading does not allow"):
        load_generator(path)
    assert not (tmp_path / "pwned").exists()


def test_legacy_pt_with_card_loads_through_weights_only(tmp_path):
    G = build_generator(SPEC).eval()
    path = tmp_path / "legacy.pt"
    torch.save({"card": _card().to_json(), "state_dict": generator_tensors(G)}, path)
    G2, _ = load_generator(path)
    z = torch.randn(2, 8)
    assert torch.equal(G(z), G2(z))


def test_other_suffix_refused(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"x")
    with pytest.raises(CheckpointError, match=r"\.safetensors files"):
        read_card(path)


def test_oversized_or_nonsense_architecture_is_refused_before_building(tmp_path):
    path = tmp_path / "huge.safetensors"
    for arch, words in [({**SPEC.to_dict(), "width": 100_000}, "width=100000 is outside"),
                        ({**SPEC.to_dict(), "nz": -5}, "nz=-5 is outside"),
                        ({**SPEC.to_dict(), "image_size": "32"}, "image_size='32' is outside")]:
        card = ModelCard(task="gan", roles={"generator": arch}, data="digits", image_size=32, channels=1)
        save_file({"generator.x": torch.zeros(1)}, str(path), metadata={"ganengine": card.to_json()})
        with pytest.raises(CheckpointError, match=words):
            load_generator(path)


def test_card_fields_of_the_wrong_type_are_refused(tmp_path):
    path = tmp_path / "t.safetensors"
    for field, value in [("steps", "many"), ("class_names", "0123"), ("metrics", []), ("image_size", True)]:
        card = {**json.loads(_card().to_json()), field: value}
        save_file({"w": torch.zeros(1)}, str(path), metadata={"ganengine": json.dumps(card)})
        with pytest.raises(CheckpointError, match=f"field '{field}' has the wrong type"):
            read_card(path)


def test_fewer_class_names_than_classes_is_refused(tmp_path):
    spec = ModelSpec("cdcgan", nz=8, width=4, image_size=32, channels=1, num_classes=3)
    card = ModelCard(task="cgan", roles={"generator": spec.to_dict()}, data="x", image_size=32, channels=1, class_names=["a"])
    save_checkpoint(tmp_path / "c.safetensors", generator_tensors(build_generator(spec)), card)
    with pytest.raises(CheckpointError, match="names 1 classes, the model has 3"):
        load_generator(tmp_path / "c.safetensors")


def test_version_1_cards_still_load_as_version_2(tmp_path):
    """A card written before model card v2 (kind + arch) loads, its one architecture playing the generator."""
    G = build_generator(SPEC).eval()
    v1 = {"kind": "gan", "arch": SPEC.to_dict(), "data": "digits", "image_size": 32, "channels": 1, "steps": 7,
          "notes": "", "format_version": 1}
    path = tmp_path / "v1.safetensors"
    save_file({k: v.contiguous() for k, v in generator_tensors(G).items()}, str(path), metadata={"ganengine": json.dumps(v1)})
    G2, card = load_generator(path)
    assert (card.task, card.primary, card.steps, card.spec) == ("gan", "generator", 7, SPEC)
    z = torch.randn(3, 8)
    assert torch.equal(G(z), G2(z))
    assert json.loads(card.to_json())["format_version"] == 2 and "kind" not in json.loads(card.to_json())


def test_a_card_names_each_role_and_loads_any_of_them(tmp_path):
    """Model card v2: roles with their architectures and a loader by role; io says what goes in and out."""
    from ganengine.checkpoints import load_role, role_tensors
    from ganengine.models import build_discriminator

    G, D = build_generator(SPEC).eval(), build_discriminator(SPEC).eval()
    card = ModelCard(task="gan", roles={"generator": SPEC.to_dict(), "discriminator": SPEC.to_dict()}, data="digits",
                     image_size=32, channels=1, io={"input": "noise (8 values)", "output": "a 1x32x32 image"})
    path = save_checkpoint(tmp_path / "both.safetensors", {**role_tensors("generator", G), **role_tensors("discriminator", D)},
                           card)
    D2, card2 = load_role(path, "discriminator")
    x = torch.randn(2, 1, 32, 32)
    assert torch.equal(D(x), D2(x)) and card2.primary == "generator" and card2.io["output"] == "a 1x32x32 image"
    with pytest.raises(CheckpointError, match="holds no classifier"):
        load_role(path, "classifier")


# --- issue 13: hostile checkpoints are refused in one line before anything is built -----------------------------------

@pytest.mark.parametrize("size", [512, 1024, 4096])
def test_a_card_that_lies_about_the_image_size_is_refused_before_anything_is_built(tmp_path, size):
    """The card's size bounds what metrics build (real data at card.image_size): it must agree with the weights."""
    from hostile import lying_card

    path = lying_card(tmp_path / "big.safetensors", image_size=size)
    with pytest.raises(CheckpointError, match=f"big.safetensors: its image size {size} is outside"):
        read_card(path)
    assert catalog(tmp_path) == []  # never offered in a picker either
    within = lying_card(tmp_path / "64.safetensors", image_size=64)  # inside the bounds, but not what the weights make
    with pytest.raises(CheckpointError, match=r"its card says 1x64x64 images, its dcgan architecture 1x32x32"):
        load_generator(within)


def test_a_card_whose_channels_disagree_with_its_architecture_is_refused(tmp_path):
    from hostile import lying_card

    with pytest.raises(CheckpointError, match=r"its card says 3x32x32 images, its dcgan architecture 1x32x32"):
        read_card(lying_card(tmp_path / "c.safetensors", channels=3))


@pytest.mark.parametrize("name", ["metadata-string", "entry-number", "card-object"])
def test_malformed_header_types_are_one_refusal_line(tmp_path, name):
    from hostile import MALFORMED, raw_header

    path = raw_header(tmp_path / f"{name}.safetensors", MALFORMED[name])
    for reader in (read_card, load_generator):
        with pytest.raises(CheckpointError) as caught:
            reader(path)
        assert str(caught.value).startswith(f"{name}.safetensors: ") and "\n" not in str(caught.value)


@pytest.mark.parametrize(("n", "words"), [(0, "its dcgan architecture has 0-channel images"),
                                          (2, "its images have 2 channels")])
def test_only_checkpoints_with_one_or_three_channels_are_accepted(tmp_path, n, words):
    from hostile import channels

    with pytest.raises(CheckpointError, match=words):
        load_generator(channels(tmp_path / f"c{n}.safetensors", n))


def test_finite_but_enormous_weights_are_refused_by_a_probe_at_load(tmp_path):
    from hostile import enormous_weights

    from ganengine.pipelines import SamplePipeline

    path = enormous_weights(tmp_path / "huge.safetensors")
    read_card(path)  # the header and card are fine: only running the model shows the trouble
    for load in (load_generator, SamplePipeline.load):
        with pytest.raises(CheckpointError, match="its generator makes NaN or infinite values"):
            load(path)


def test_pth_and_pt_legacy_files_are_read_alike_through_weights_only(tmp_path):
    G = build_generator(SPEC).eval()
    for suffix in (".pt", ".pth", ".PTH"):
        path = tmp_path / f"legacy{suffix}"
        torch.save({"card": _card().to_json(), "state_dict": generator_tensors(G)}, path)
        assert read_card(path).data == "digits"
        z = torch.randn(2, 8)
        assert torch.equal(G(z), load_generator(path)[0](z))

    class Evil:
        def __reduce__(self):
            return (open, (str(tmp_path / "pwned"), "w"))

    torch.save({"card": "{}", "state_dict": {}, "x": Evil()}, tmp_path / "evil.pth")
    with pytest.raises(CheckpointError, match="safe loading does not allow"):
        load_generator(tmp_path / "evil.pth")
    assert not (tmp_path / "pwned").exists()


def test_a_checkpoint_write_that_fills_the_disk_leaves_nothing_and_says_so(tmp_path, monkeypatch):
    import errno

    import ganengine.checkpoints

    G = build_generator(SPEC).eval()
    path = save_checkpoint(tmp_path / "g.safetensors", generator_tensors(G), _card(steps=1))
    before = path.read_bytes()

    def full(tensors, filename, metadata=None):
        with open(filename, "wb") as fh:
            fh.write(b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ganengine.checkpoints, "save_file", full)
    with pytest.raises(OSError, match=r"^the disk is full \(\d+ MB free\)$"):
        save_checkpoint(path, generator_tensors(G), _card(steps=2))
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["g.safetensors"]
