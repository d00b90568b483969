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


def test_previews_come_densely_first_then_every_sample_every():
    config = GanConfig(sample_every=200)
    assert [s for s in range(0, 1001) if config.sample_at(s)] == [1, 2, 5, 10, 20, 50, 100, 200, 400, 600, 800, 1000]
    assert [s for s in range(0, 10) if GanConfig(sample_every=3).sample_at(s)] == [1, 2, 3, 6, 9]


def test_lesson_presets_are_valid_configs_that_differ_where_the_lesson_says():
    from ganengine.presets import PRESETS, lesson_preset

    assert len(PRESETS) >= 5
    configs = {name: preset.config() for name, preset in PRESETS.items()}
    assert configs["digits-2min"].time_budget == 120 and configs["digits-2min"].model == "dcgan"
    minimax, wgan = configs["grid-minimax"], configs["grid-wgan-gp"]
    assert (minimax.data, minimax.seed) == (wgan.data, wgan.seed) and (minimax.loss, wgan.loss) == ("minimax", "wgan-gp")
    assert wgan.d_steps == 5 and configs["ring-collapse"].data == "toy2d-ring"
    with pytest.raises(ConfigError, match="preset must be one of"):
        lesson_preset("no-such-lesson")


def test_operator_caps_come_from_the_environment(monkeypatch):
    from ganengine.settings import settings

    assert settings().max_steps is None and settings().bound("steps").high == 200_000
    monkeypatch.setenv("GANSTUDIO_MAX_STEPS", "5000")
    monkeypatch.setenv("GANSTUDIO_MAX_TIME_BUDGET", "600")
    s = settings()
    assert (s.max_steps, s.max_time_budget) == (5000, 600.0)
    assert s.bound("steps").high == 5000 and s.bound("time_budget").high == 600 and s.bound("batch_size").high == 1024
    monkeypatch.setenv("GANSTUDIO_MAX_STEPS", "lots")
    with pytest.raises(ConfigError, match="GANSTUDIO_MAX_STEPS must be a whole number"):
        settings()
