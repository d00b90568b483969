import pytest

from ganengine.errors import ConfigError
from ganengine.tasks import GanConfig


def test_defaults_follow_dcgan_practice():
    cfg = GanConfig().validate()
    assert (cfg.lr_g, cfg.lr_d, cfg.beta1, cfg.beta2, cfg.batch_size) == (2e-4, 2e-4, 0.5, 0.999, 64)


@pytest.mark.parametrize("change, words", [
    ({"model": "gpt"}, "model must be one of"),
    ({"loss": "mse"}, "loss must be one of"),
    ({"steps": 0}, "steps must be"),
    ({"steps": None, "time_budget": None}, "steps, a time budget"),
    ({"batch_size": 1}, "batch size"),
    ({"image_size": 48}, "image size"),
    ({"lr_g": 0.0}, "learning rate"),
    ({"beta1": 1.0}, "beta1"),
    ({"label_smoothing": 0.7}, "label smoothing"),
    ({"channels": 2}, "channels"),
    ({"steps": True}, "steps must be"),
    ({"loss": "hinge", "label_smoothing": 0.1}, "no meaning for the hinge loss"),
    ({"loss": "wgan-gp", "label_smoothing": 0.1}, "no meaning for the wgan-gp loss"),
    ({"task": "classifier"}, "its task cannot be"),
    ({"ema_decay": 1.0}, "EMA decay"),
])
def test_validation_refuses_with_one_sentence(change, words):
    with pytest.raises(ConfigError, match=words):
        GanConfig(**{**GanConfig().to_dict(), **change}).validate()


def test_json_round_trip_and_unknown_keys():
    cfg = GanConfig(model="cdcgan", loss="hinge", time_budget=30.0, steps=None)
    assert GanConfig.from_json(cfg.to_json()) == cfg
    with pytest.raises(ConfigError, match="unknown config keys: colour"):
        GanConfig.from_dict({"colour": "red"})
    with pytest.raises(ConfigError, match="not valid JSON"):
        GanConfig.from_json("{nope")


def test_label_smoothing_is_kept_where_it_means_something():
    for loss in ("minimax", "bce", "lsgan"):
        assert GanConfig(loss=loss, label_smoothing=0.1).validate().label_smoothing == 0.1
