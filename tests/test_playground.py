"""The Playground: its engine (coverage, decision surface, arrows, latent map, bounds, in-process stepping against the
job path) and its page in both languages (AppTest: play, pause, a single step, reset, two losses, a drawn target)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
import torch

import ganengine.playground as pg
from ganengine.data.toy2d import mode_centres
from ganengine.errors import ConfigError
from ganengine.losses import LOSSES

ROOT = Path(__file__).resolve().parent.parent
SMALL = pg.PlaygroundSettings(width=4, batch_size=32)


# --------------------------------------------------------------------------------------------------------------------
# coverage


def _ring_modes() -> pg.Modes:
    rng = np.random.default_rng(0)
    target = np.repeat(mode_centres("ring"), 100, axis=0) + rng.normal(0, 0.03, (800, 2))
    return pg.target_modes("toy2d-ring", target)


def test_coverage_counts_the_modes_of_known_point_sets():
    modes = _ring_modes()
    assert modes.kind == "modes" and modes.centres.shape == (8, 2)
    np.testing.assert_allclose(modes.weights, np.full(8, 1 / 8))
    centres = mode_centres("ring")

    every = pg.mode_coverage(np.repeat(centres, 50, axis=0), modes)
    assert (every.covered, every.total, every.near) == (8, 8, 1.0)
    one = pg.mode_coverage(np.repeat(centres[:1], 400, axis=0), modes)
    assert one.covered == 1 and one.shares[0] == 1.0
    three = pg.mode_coverage(np.concatenate([np.repeat(centres[:3], 100, axis=0), np.zeros((100, 2))]), modes)
    assert three.covered == 3 and three.near == 0.75  # the centre of the ring is no mode
    assert pg.mode_coverage(np.zeros((300, 2)), modes).covered == 0
    # A trickle is not coverage: 1 point in 400 is far below a fifth of a mode's fair share (1/8).
    trickle = pg.mode_coverage(np.concatenate([np.repeat(centres[:1], 399, axis=0), centres[1:2]]), modes)
    assert trickle.covered == 1
    assert pg.mode_coverage(np.full((10, 2), np.nan), modes).covered == 0

    grid = pg.target_modes("toy2d-grid", np.repeat(mode_centres("grid"), 4, axis=0))
    assert pg.mode_coverage(mode_centres("grid"), grid).covered == 25


def test_continuous_targets_are_cut_into_regions():
    import ganengine as ge

    moons = ge.load_data("toy2d-moons", ge.DataRequest(seed=0)).x.numpy()
    modes = pg.target_modes("toy2d-moons", moons)
    assert modes.kind == "regions" and modes.centres.shape == (pg.REGIONS, 2)
    assert abs(modes.weights.sum() - 1) < 1e-9
    assert pg.mode_coverage(moons[:1000], modes).covered == pg.REGIONS  # the target covers itself
    one_region = moons[np.linalg.norm(moons - modes.centres[0], axis=1) < 0.05][:200]
    assert pg.mode_coverage(one_region, modes).covered == 1
    far = pg.mode_coverage(np.full((100, 2), 1.1), modes)
    assert far.covered == 0 and far.near == 0.0
    assert (pg.kmeans(moons[:500], 4, seed=3) == pg.kmeans(moons[:500], 4, seed=3)).all()


def test_a_drawing_becomes_a_target():
    mask = np.zeros((40, 40), bool)
    mask[0, 0] = mask[39, 39] = mask[20, 20] = True
    points = pg.points_from_mask(mask)
    np.testing.assert_allclose(points[0], [-1.17, 1.17], atol=1e-6)  # top left, y up
    np.testing.assert_allclose(points[-1], [1.17, -1.17], atol=1e-6)
    data = pg.drawn_target(points, seed=1)
    assert data.kind == "points" and data.x.shape == (pg.DRAWN_ITEMS, 2)
    with pytest.raises(ConfigError, match="at least 3 points"):
        pg.drawn_target(points[:2])
    with pytest.raises(ConfigError, match="at least 3 points"):
        pg.Playground(dataclasses.replace(SMALL, target=pg.DRAWN))
    drawn = pg.Playground(dataclasses.replace(SMALL, target=pg.DRAWN), points)
    assert drawn.modes.kind == "modes" and drawn.modes.centres.shape == (3, 2)  # three separate dots: three modes
    assert drawn.step(3) == 3
    stroke = np.stack([np.linspace(-0.8, 0.8, 200), np.zeros(200)], 1)  # one connected stroke: cut into regions
    one = pg.target_modes(pg.DRAWN, stroke)
    assert one.kind == "regions" and len(one.centres) == pg.REGIONS
    two = pg.target_modes(pg.DRAWN, np.concatenate([stroke[:60], stroke[140:]]))  # two separate pieces of it
    assert two.kind == "modes" and len(two.centres) == 2 and abs(two.centres[:, 0]).min() > 0.5
    assert pg.mode_coverage(stroke[140:], two).covered == 1
    assert pg.mode_coverage(stroke[80:120], two).covered == 0  # the gap between the pieces is on neither


# --------------------------------------------------------------------------------------------------------------------
# the views


def test_decision_surface_grid_shape_and_range():
    p = pg.Playground(SMALL)
    view = p.view(resolution=32)
    s = view.surface
    assert s.values.shape == (32, 32) and s.probability
    assert s.xs[0] == pytest.approx(-pg.EXTENT) and s.xs[-1] == pytest.approx(pg.EXTENT)
    np.testing.assert_allclose(s.xs, s.ys)
    assert (s.values >= 0).all() and (s.values <= 1).all() and s.values.std() > 0
    # values[i, j] is D at (xs[j], ys[i])
    D = p.trainer.task.D
    with torch.no_grad():
        here = torch.sigmoid(D(torch.tensor([[float(s.xs[5]), float(s.ys[20])]]))).item()
    assert s.values[20, 5] == pytest.approx(here, abs=1e-6)

    critic = pg.Playground(dataclasses.replace(SMALL, loss="wgan-gp")).view(resolution=16).surface
    assert not critic.probability and critic.values.shape == (16, 16) and np.isfinite(critic.values).all()


def test_arrows_latent_map_and_frames():
    p = pg.Playground(SMALL)
    p.step(5)
    view = p.view()
    assert view.fake.shape == (pg.N_SHOWN, 2) and view.real.shape == (pg.N_REAL_SHOWN, 2)
    assert view.arrows.shape == (pg.N_ARROWS, 4)
    np.testing.assert_allclose(view.arrows[:, :2], view.fake[: pg.N_ARROWS], atol=1e-6)  # arrows start on the fakes
    assert np.linalg.norm(view.arrows[:, 2:], axis=1).max() == pytest.approx(pg.ARROW_LENGTH, rel=1e-4)
    assert view.grad_norm > 0
    # For BCE, G's pull on a point is D's gradient there, uphill (towards "real"): a small move along it raises D.
    D = p.trainer.task.D
    x = torch.from_numpy(view.arrows[:, :2]).float()
    with torch.no_grad():
        before, after = D(x), D(x + 1e-3 * torch.from_numpy(view.arrows[:, 2:]).float() / pg.ARROW_LENGTH)
    assert (after >= before - 1e-7).float().mean() > 0.95
    assert view.latent.shape == (2, pg.LATENT_LINES, pg.LATENT_POINTS, 2)
    z = pg.latent_grid(2)
    assert torch.equal(z[0, 3, :, 1], torch.full((pg.LATENT_POINTS,), z[0, 3, 0, 1].item()))  # a row: z1 fixed
    assert view.history["step"].tolist() == [5] and set(view.history) >= {"loss_d", "loss_g", "d_real", "d_fake"}
    bare = p.view(surface=False, arrows=False, latent=False)
    assert bare.surface is None and bare.arrows is None and bare.latent is None and p.last_view is bare


def test_a_frame_uses_no_randomness_and_the_servers_random_state_is_left_alone():
    before = torch.get_rng_state()
    a, b = pg.Playground(SMALL), pg.Playground(SMALL)
    torch.manual_seed(123)  # other work in the server between the two playgrounds' steps changes nothing
    a.step(7)
    torch.rand(1000)
    b.step(7)
    va, vb = a.view(), b.view()
    np.testing.assert_array_equal(va.fake, vb.fake)
    np.testing.assert_array_equal(va.surface.values, vb.surface.values)
    torch.manual_seed(0)
    before = torch.get_rng_state()
    a.step(3)
    a.view()
    assert torch.equal(torch.get_rng_state(), before)


def test_in_process_stepping_matches_the_job_path(tmp_path):
    """The playground trains through the loop's stepping interface: in chunks of any size, it ends where run_task()
    ends with the same config (same weights, to float rounding)."""
    from ganengine.checkpoints import load_generator
    from ganengine.train import run_task

    settings = dataclasses.replace(SMALL, loss="lsgan", d_steps=2, depth=3, nz=4, seed=5)
    n = 23
    cfg = dataclasses.replace(settings.config(), steps=n, checkpoint_every=n, sample_every=n, log_every=5)
    result = run_task(cfg, tmp_path / "run")
    assert result.status == "finished", result.reason
    G_job, _ = load_generator(result.checkpoint)

    p = pg.Playground(settings)
    for chunk in (1, 7, 10, 5):
        p.step(chunk)
    assert p.step_count == n
    G = p.trainer.task.G
    job = G_job.state_dict()
    assert list(job) == list(G.state_dict())
    for name, value in G.state_dict().items():
        torch.testing.assert_close(value, job[name], rtol=1e-5, atol=1e-6)


# --------------------------------------------------------------------------------------------------------------------
# bounds


def test_a_playground_is_bounded():
    p = pg.Playground(SMALL)
    assert p.step(10_000, time_budget=60) == pg.MAX_STEPS_PER_CALL
    assert p.step(pg.MAX_STEPS_PER_CALL, time_budget=0.0) == 1  # past its time budget a call ends after one step
    p.trainer.step = pg.MAX_STEPS - 2
    assert p.step(10, time_budget=60) == 2 and p.done and p.step(10) == 0
    for change in ({"width": 64}, {"depth": 5}, {"nz": 64}, {"batch_size": 4096}, {"d_steps": 9}, {"lr_g": 0.5},
                   {"target": "digits"}, {"loss": "nope"}, {"gp_weight": -1.0}):
        with pytest.raises(ConfigError):
            pg.Playground(dataclasses.replace(SMALL, **change))
    with pytest.raises(ConfigError):
        p.set_learning_rates(1.0, 1e-3)


def test_history_keeps_its_shape_within_its_cap():
    h = pg.History(cap=10)
    for step in range(1, 101):
        h.add(step, {"loss_d": float(step)})
    rows = h.arrays()
    assert len(rows["step"]) <= 10 and rows["step"][-1] == 100 and rows["step"][0] < 10
    assert (np.diff(rows["step"]) > 0).all() and np.isnan(rows["d_real"]).all()


def test_learning_rates_change_while_running():
    p = pg.Playground(SMALL)
    p.step(3)
    identity = p.identity
    p.set_learning_rates(5e-3, 2e-4)
    opts = p.trainer.task.optimizers()
    assert opts["generator"].param_groups[0]["lr"] == 5e-3 and opts["discriminator"].param_groups[0]["lr"] == 2e-4
    assert p.settings.lr_g == 5e-3 and p.step_count == 3
    assert pg.identity(p.settings) == identity  # the same model: a page keeps it
    assert pg.identity(dataclasses.replace(p.settings, width=8)) != identity
    p.step(2)
    assert p.step_count == 5


def test_the_pool_keeps_few_playgrounds_and_lets_few_step_at_once():
    pool = pg.PlaygroundPool(max_playgrounds=2, max_busy=1, wait_s=0.01)
    a, b, c = (pg.Playground(SMALL) for _ in range(3))
    pool.put("a", a)
    pool.put("b", b)
    assert pool.get("a") is a  # a used recently: b goes first
    pool.put("c", c)
    assert len(pool) == 2 and pool.get("b") is None and pool.get("a") is a
    with pool.turn() as first, pool.turn() as second:
        assert first and not second
    with pool.turn() as again:
        assert again
    pool.drop("a")
    assert pool.get("a") is None


def test_a_diverging_run_stops_with_a_reason():
    p = pg.Playground(SMALL)
    with torch.no_grad():
        for param in p.trainer.task.D.parameters():
            param.fill_(float("nan"))
    assert p.step(5) == 0 and "NaN" in p.failed and p.done


def test_a_nan_mid_run_names_its_step_and_keeps_the_weights_from_before_it():
    p = pg.Playground(pg.PlaygroundSettings(width=4, batch_size=32))
    assert p.step(3) == 3 and p.step_count == 3
    data, calls = p.trainer.task.data, []
    real_sample = data.sample

    def sample(batch_size, generator=None):  # step 4's batch is NaN, later ones clean
        x, y = real_sample(batch_size, generator)
        calls.append(1)
        return (x * float("nan"), y) if len(calls) == 1 else (x, y)

    data.sample = sample
    before = {k: v.clone() for k, v in p.trainer.task.G.state_dict().items()}
    assert p.step(10) == 0 and "at step 4" in p.failed and p.step_count == 3
    assert all(torch.equal(before[k], v) for k, v in p.trainer.task.G.state_dict().items())


# --------------------------------------------------------------------------------------------------------------------
# learning


# Each loss with the D steps the page suggests for it; 1,000 steps of the page's default models (width 8, noise 2):
# 2-4 s each on 2 cores, twice that for the losses with 3 D steps (marked slow).
@pytest.mark.parametrize("loss", [pytest.param(name, marks=pytest.mark.slow) if name in pg.SUGGESTED_D_STEPS else name
                                  for name in LOSSES.names()])
@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_each_loss_learns_several_modes_of_the_ring(loss):
    p = pg.Playground(pg.PlaygroundSettings(loss=loss, d_steps=pg.SUGGESTED_D_STEPS.get(loss, 1)))
    assert p.view(surface=False, arrows=False, latent=False).coverage.covered <= 1
    while p.step_count < 1000:
        p.step(pg.MAX_STEPS_PER_CALL, time_budget=60)
    coverage = p.view(surface=False, arrows=False, latent=False).coverage
    assert coverage.covered >= 5 and coverage.near > 0.3, (coverage.covered, coverage.near)


# --------------------------------------------------------------------------------------------------------------------
# the page (AppTest: run_every fragments do not tick by themselves, so each run() is one live update)


def open_playground(language: str = "en", monkeypatch=None):
    """The page in `language`. For French the session starts in it (as from the language cookie), and the catalogue
    answers in French in the test's thread too: AppTest formats a selectbox's options there, outside any session."""
    from streamlit.testing.v1 import AppTest

    if language == "fr":
        import ui.i18n
        import ui.translate_view

        monkeypatch.setattr(ui.i18n, "read_cookie", lambda name, pattern: "fr" if name == ui.i18n.COOKIE else None)
        monkeypatch.setattr(ui.i18n, "lang", lambda: "fr")
        monkeypatch.setattr(ui.translate_view, "lang", lambda: "fr")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    at.switch_page("pages/7_Playground.py").run()
    assert_clean(at)
    return at


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


STATUS = {"en": ("Training: step", "Paused at step"), "fr": ("Entraînement : pas", "En pause au pas")}


def live_charts(at) -> list:
    """The Plotly charts of the live views (not those of the Learn section below them)."""
    return [c for c in at.get("plotly_chart") if (c.key or "").startswith("playground_")]


def shown_step(at, language: str = "en") -> int:
    """The step the status line shows (written the reader's way: 1,234 or 1 234)."""
    import re

    line = next(c.value for c in at.caption if c.value.startswith(STATUS[language]))
    return int(re.sub(r"[^\d]", "", re.search(r"\d[\d,\u202f]*", line).group()))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_page_plays_pauses_steps_and_resets(language, monkeypatch):
    at = open_playground(language, monkeypatch)
    words = {"en": ("Playground", "Play", "Pause", "Step", "Reset"), "fr": ("Bac à sable", "Lecture", "Pause", "Un pas",
                                                                          "Réinitialiser")}[language]
    assert at.title[0].value == words[0]
    assert [b.label for b in at.button] == [words[1], words[3], words[4]]
    assert shown_step(at, language) == 0
    assert len(at.get("image")) == 2 and len(live_charts(at)) == 1  # the plane and latent map; coverage bars

    at.button(key="playground_play").click().run()
    assert_clean(at)
    assert at.button[0].label == words[2]
    first = shown_step(at, language)
    assert first > 0 and at.caption[0].value.startswith(STATUS[language][0])
    at.run()
    at.run()
    assert shown_step(at, language) > first
    assert len(live_charts(at)) == 3  # the loss and D-output curves too

    at.button(key="playground_pause").click().run()
    paused = shown_step(at, language)
    at.run()
    assert shown_step(at, language) == paused  # paused: no training between updates
    at.button(key="playground_step").click().run()
    assert shown_step(at, language) == paused + 1
    at.button(key="playground_reset").click().run()
    assert_clean(at)
    assert shown_step(at, language) == 0


def test_page_keeps_the_run_when_the_learning_rate_changes_and_restarts_on_a_new_model():
    at = open_playground()
    at.button(key="playground_play").click().run()
    at.run()
    before = shown_step(at)
    at.select_slider(key="playground_lr_d").set_value(1e-2).run()
    assert_clean(at)
    assert shown_step(at) > before  # still playing, same run, new rate
    at.slider(key="playground_width").set_value(12).run()
    assert shown_step(at) < before + 2 * 50  # a new model starts from its first steps
    at.button(key="playground_pause").click().run()
    at.slider(key="playground_depth").set_value(3).run()
    assert shown_step(at) == 0


def test_page_compares_two_losses_side_by_side():
    at = open_playground()
    at.button(key="playground_step").click().run()
    at.button(key="playground_step").click().run()
    assert shown_step(at) == 2
    at.selectbox(key="playground_loss_b__en").set_value("wgan-gp").run()
    assert_clean(at)
    steps = [c.value for c in at.caption if c.value.startswith("Paused at step")]
    assert steps == ["Paused at step 0 · at most 20,000 steps"] * 2  # both sides start together, from the same seed
    assert at.slider(key="playground_d_steps_b").value == 3  # WGAN-GP's critic trains 3 times per G step
    at.button(key="playground_play").click().run()
    at.run()
    assert_clean(at)
    assert len(at.get("image")) == 2 and len(live_charts(at)) == 2  # two planes, two D-output charts
    steps = [c.value.split(" · ")[0] for c in at.caption if c.value.startswith("Training: step")]
    assert len(steps) == 2 and steps[0] == steps[1], steps  # trained in step
    assert any("bce" in m.value for m in at.markdown) and any("wgan-gp" in m.value for m in at.markdown)
    assert len([m for m in at.metric]) == 2


def test_page_trains_on_a_drawn_target():
    """AppTest cannot draw: the page reads the drawing's points from a session key, which the test sets (the browser
    test uses the real canvas)."""
    at = open_playground()
    at.selectbox(key="playground_target__en").set_value(pg.DRAWN).run()
    assert_clean(at)
    assert any("Draw on the canvas" in i.value for i in at.info) and not live_charts(at) and not at.get("image")
    at.session_state["playground_drawn"] = np.array([[-0.6, 0.6], [0.6, 0.6], [0.0, -0.6]], np.float32)
    at.run()
    assert_clean(at)
    assert at.metric[0].value.endswith(" / 3") and at.metric[0].label == "Modes covered"  # three dots, three modes
    at.button(key="playground_step").click().run()
    assert shown_step(at) == 1


def test_every_playground_string_is_in_both_languages():
    from ui.strings import STRINGS

    keys = [k for k in STRINGS if k.startswith("playground.")]
    assert len(keys) > 60
    for key in keys:
        assert STRINGS[key]["en"].strip() and STRINGS[key]["fr"].strip() and STRINGS[key]["en"] != "", key
    dynamic = [f"playground.target_{t.removeprefix('toy2d-')}" for t in pg.TARGETS]
    dynamic += [f"playground.{p}_{kind}" for p in ("covered", "coverage", "legend") for kind in ("modes", "regions")]
    dynamic += [f"playground.surface_legend_{kind}" for kind in ("probability", "score")]
    dynamic += [f"playground.covered_{kind}_help" for kind in ("modes", "regions")]
    dynamic += [f"loss.{name}" for name in LOSSES.names()] + ["home.map_playground", "data.toy2d-circles"]
    assert not [k for k in dynamic if k not in STRINGS]


# --------------------------------------------------------------------------------------------------------------------
# Learn: explanations next to the pages that show them, with quizzes


def test_every_learn_topic_has_its_text_questions_and_links_in_both_languages():
    from ui.learn import FAMILIES, OPTIONS, TOPICS
    from ui.pages import PAGES
    from ui.strings import STRINGS

    paths = {p.path for p in PAGES}
    for key, topic in TOPICS.items():
        wanted = [f"learn.{key}_title", f"learn.{key}_text"]
        for i in range(1, len(topic.answers) + 1):
            wanted += [f"learn.{key}_q{i}", f"learn.{key}_q{i}_why", *(f"learn.{key}_q{i}_{o}" for o in OPTIONS)]
        wanted += [f"learn.{key}_idea_{place.idea}" for place in topic.places]
        wanted += [place.tab for place in topic.places if place.tab]
        assert not [k for k in wanted if k not in STRINGS], key
        assert set(topic.answers) <= set(OPTIONS) and len(topic.answers) >= 2
        assert set(topic.shown_on) <= paths, key
        assert {place.page for place in topic.places} <= set(topic.shown_on), key  # every place is linked too
    assert all(f"learn.family_{f}{part}" in STRINGS for f in FAMILIES for part in ("", "_good", "_bad", "_use"))


def test_generative_and_discriminative_views_of_two_moons():
    views = pg.generative_vs_discriminative(resolution=40, steps=200)
    assert views.p_class1.shape == (40, 40) and views.densities.shape == (2, 40, 40)
    idx = np.clip(np.round((views.points + pg.EXTENT) / (2 * pg.EXTENT) * 39).astype(int), 0, 39)
    predicted = views.p_class1[idx[:, 1], idx[:, 0]] > 0.5
    assert (predicted == views.labels).mean() > 0.9  # the classifier separates the moons
    own = views.densities[views.labels, idx[:, 1], idx[:, 0]]
    other = views.densities[1 - views.labels, idx[:, 1], idx[:, 0]]
    assert (own > other).mean() > 0.9  # each class's density is highest on its own points
    assert views.samples.shape == (120, 2) and set(views.sample_labels.tolist()) == {0, 1}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_learn_quizzes_mark_and_explain_answers(language, monkeypatch):
    at = open_playground(language, monkeypatch)
    heading = {"en": "Learn", "fr": "Comprendre"}[language]
    assert heading in [h.value for h in at.subheader]
    assert {"learn_two_views_left", "learn_two_views_right"} <= {c.key for c in at.get("plotly_chart")}
    at.radio(key="learn_mode_collapse_q1").set_value("b").run()
    at.radio(key="learn_mode_collapse_q2").set_value("a").run()
    assert_clean(at)
    assert len(at.success) == 1 and len(at.warning) == 1
    explained = {"en": "Each digit is a mode", "fr": "Chaque chiffre est un mode"}[language]
    assert explained in at.success[0].value
    assert {"en": "Not quite", "fr": "Pas tout à fait"}[language] in at.warning[0].value


def test_home_has_the_families_table_and_its_quiz():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    assert_clean(at)
    table = at.table[-1].value
    assert list(table.iloc[:, 0]) == ["GAN", "VAE", "Diffusion", "Autoregressive", "Flow"]
    at.radio(key="learn_families_q1").set_value("b").run()
    assert "A diffusion model is trained to undo a little noise" in at.success[0].value


def test_the_two_views_follow_the_data_the_reader_picks(monkeypatch):
    """The generative-vs-discriminative demo was computed once; now the points, their overlap and the seed are widgets
    and both views are refitted at once."""
    at = open_playground("en", monkeypatch)

    def drawn():
        return {c.key: json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart") if c.key.startswith("learn_two")}

    before = drawn()
    at.slider(key="learn_gd_points").set_value(300).run()
    at.slider(key="learn_gd_noise").set_value(0.15).run()
    assert_clean(at)
    after = drawn()
    assert after["learn_two_views_left"] != before["learn_two_views_left"]
    shown = sum(len(trace.get("x", [])) for trace in after["learn_two_views_left"] if trace.get("mode") == "markers")
    assert shown == 300  # the reader's points, both classes


def test_overlapping_moons_are_harder_to_separate_and_the_demo_refuses_what_it_cannot_draw_fast():
    apart = pg.generative_vs_discriminative(n=400, noise=0.0, resolution=40, steps=200)
    mixed = pg.generative_vs_discriminative(n=400, noise=0.25, resolution=40, steps=200)

    def accuracy(views):
        idx = np.clip(np.round((views.points + pg.EXTENT) / (2 * pg.EXTENT) * 39).astype(int), 0, 39)
        return ((views.p_class1[idx[:, 1], idx[:, 0]] > 0.5) == views.labels).mean()

    assert accuracy(apart) > 0.97 and accuracy(mixed) < accuracy(apart) - 0.05
    with pytest.raises(ValueError, match="n must be within"):
        pg.generative_vs_discriminative(n=100_000)


@pytest.mark.parametrize(("page_path", "keys", "language"), [  # each page once, both languages across them
    ("pages/3_Translate.py", ("translation", "conditional"), "fr"),
    ("pages/4_Super_Resolution.py", ("sr_losses", "perception_distortion", "evaluation"), "fr"),
    ("pages/6_Ethics_Detection.py", ("ethics", "families"), "en"),
])
def test_translate_superres_and_ethics_end_with_their_learn_topics(page_path, keys, language):
    from streamlit.testing.v1 import AppTest

    from ui.learn import TOPICS
    from ui.strings import STRINGS

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    if language == "fr":
        at.sidebar.radio[0].set_value("fr").run()
    at.switch_page(page_path).run()
    assert not at.exception, [e.value for e in at.exception]
    titles = [e.label for e in at.expander]
    for key in keys:
        assert STRINGS[f"learn.{key}_title"][language] in titles, (key, titles)
    first = keys[0]
    at.radio(key=f"learn_{first}_q1").set_value(TOPICS[first].answers[0]).run()
    assert not at.exception
    why = STRINGS[f"learn.{first}_q1_why"][language]
    assert any(why in s.value for s in at.success), [s.value for s in at.success]
    if TOPICS[first].places:  # where each idea is shown: page › tab, in the reader's language
        column = STRINGS["learn.col_where"][language]
        where = next(x.value for x in at.table if column in x.value.columns)[column].tolist()
        assert len(where) == len({p.idea for p in TOPICS[first].places})
        assert any(STRINGS["ethics.tab_bias"][language] in w for w in where), where


def test_the_playgrounds_limits_are_operator_settings(monkeypatch):
    """They were constants in ganengine/playground.py."""
    from ganengine.settings import playground_limits

    assert playground_limits().kept == 64 and playground_limits().steps == 20_000
    monkeypatch.setenv("GANSTUDIO_PLAYGROUND_KEPT", "3")
    monkeypatch.setenv("GANSTUDIO_PLAYGROUND_BUSY", "1")
    monkeypatch.setenv("GANSTUDIO_PLAYGROUND_STEPS", "120")
    pool = pg.PlaygroundPool.from_settings()
    assert pool.max_playgrounds == 3 and pool.max_busy == 1
    small = pg.Playground(SMALL, max_steps=playground_limits().steps)
    assert [small.step(50, time_budget=60) for _ in range(3)] == [50, 50, 20] and small.done
    monkeypatch.setenv("GANSTUDIO_PLAYGROUND_KEPT", "many")
    with pytest.raises(ConfigError, match="GANSTUDIO_PLAYGROUND_KEPT must be a number"):
        pg.PlaygroundPool.from_settings()
