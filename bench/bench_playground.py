"""Benchmark: the Playground's live updates — training steps plus drawing, at the page's default sizes.

Run by hand:  python bench/bench_playground.py [--seconds 5] [--server 20]

Part 1 (in this process): for each loss, a playground at the page's defaults (ring, width 8, 2 hidden layers, noise 2,
batch 128, the loss's suggested D steps) is driven as the page's fragments drive it: each update trains 1 or 10 steps,
computes the frame (decision surface, gradient arrows, latent map, coverage) and draws the plane's PNG; the details
(latent map PNG, coverage bars and two Plotly curves, redrawn once a second) are timed apart. It prints updates per
second and training steps per second with drawing included (what one core gives a playing tab at most), the split of
an update's time and the bytes sent.

Part 2 (--server SECONDS, needs Debian's chromium and playwright): the real app with one browser tab on the
Playground pressing Play; prints the server process's CPU per open, playing playground.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import plotly.io as pio

from ganengine import playground as pg
from ganengine.losses import LOSSES

DEFAULT_STEPS_PER_UPDATE = 10  # ui.playground_view.DEFAULT_STEPS_PER_TICK
TICK_S = 0.25  # ui.playground_view.TICK_S


def _english() -> None:
    import ui.i18n

    ui.i18n.lang = lambda: "en"  # no Streamlit session here: the catalogue answers in English


def plane(view: pg.View) -> int:
    """What each live update draws: the plane's picture (PNG bytes sent)."""
    from ui import playground_view as pv

    return len(pv.plane_image(view, pv.Layers()))


def details(playground: pg.Playground, view: pg.View) -> int:
    """What the page redraws once a second while playing: the latent map (PNG), the coverage bars and two curves
    (Plotly figures, checked and serialised as Streamlit does); returns the bytes sent."""
    import plotly.tools

    from ui import playground_view as pv

    sent = len(pv.latent_image(view))
    task_charts = {c.key: c.to_dict() for c in playground.trainer.task.charts()}
    figs = [pv.coverage_figure(view.coverage)]
    if len(view.history["step"]):
        figs += [pv.history_figure(view, task_charts["losses"]), pv.history_figure(view, task_charts["d_outputs"])]
    for fig in figs:
        checked = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
        sent += len(pio.to_json(checked, validate=False))
    return sent


def measure(loss: str, steps_per_update: int, seconds: float) -> dict[str, float]:
    settings = pg.PlaygroundSettings(loss=loss, d_steps=pg.SUGGESTED_D_STEPS.get(loss, 1))
    playground = pg.Playground(settings)
    for _ in range(3):  # warm-up
        playground.step(steps_per_update)
        details(playground, playground.view())
    t_step = t_view = t_plane = t_details = 0.0
    updates = steps = sent = detail_bytes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        steps += playground.step(steps_per_update, time_budget=60)
        t1 = time.perf_counter()
        view = playground.view()
        t2 = time.perf_counter()
        sent += plane(view)
        t3 = time.perf_counter()
        detail_bytes += details(playground, view)
        t4 = time.perf_counter()
        t_step, t_view, t_plane, t_details = t_step + t1 - t0, t_view + t2 - t1, t_plane + t3 - t2, t_details + t4 - t3
        updates += 1
    busy = t_step + t_view + t_plane  # one live update, as the page's fast fragment does it
    return {"steps_per_s": steps / busy, "updates_per_s": updates / busy, "step_ms": 1000 * t_step / updates,
            "view_ms": 1000 * t_view / updates, "plane_ms": 1000 * t_plane / updates, "kb": sent / updates / 1024,
            "details_ms": 1000 * t_details / updates, "details_kb": detail_bytes / updates / 1024}


def engine_part(seconds: float) -> None:
    _english()
    print(f"# Playground updates at the page's defaults (ring, width 8, depth 2, noise 2, batch 128), {os.cpu_count()} CPU "
          f"cores, one thread per playground, {seconds:g} s per row")
    print("An update trains, computes the frame (surface, arrows, latent map, coverage) and draws the plane's PNG; the "
          "details (latent PNG, coverage bars, two curves) are redrawn once a second.")
    print("| loss | D steps | steps/update | updates/s | training steps/s | train ms | frame ms | plane ms | KB/update | "
          "details ms | details KB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for loss in LOSSES.names():
        for k in (1, DEFAULT_STEPS_PER_UPDATE):
            r = measure(loss, k, seconds)
            print(f"| {loss} | {pg.SUGGESTED_D_STEPS.get(loss, 1)} | {k} | {r['updates_per_s']:.1f} | {r['steps_per_s']:.0f} | "
                  f"{r['step_ms']:.1f} | {r['view_ms']:.1f} | {r['plane_ms']:.1f} | {r['kb']:.0f} | {r['details_ms']:.1f} | "
                  f"{r['details_kb']:.0f} |", flush=True)
    print(f"(the page asks for an update every {TICK_S} s: {1 / TICK_S:.0f} updates/s x {DEFAULT_STEPS_PER_UPDATE} steps = "
          f"{DEFAULT_STEPS_PER_UPDATE / TICK_S:.0f} steps/s per playing tab by default)")


def server_part(seconds: float) -> None:
    import tempfile

    from playwright.sync_api import sync_playwright

    from bench.appserver import running_app
    from bench.bench_classroom import CHROMIUM, CHROMIUM_ARGS, cpu_seconds

    with tempfile.TemporaryDirectory() as runs, running_app({"GANSTUDIO_RUNS": runs}) as (url, proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(f"{url}/Playground")
        page.get_by_role("button", name="Play").wait_for(timeout=120_000)
        page.wait_for_timeout(3000)
        idle0, t0 = cpu_seconds(proc.pid), time.monotonic()
        page.wait_for_timeout(5000)
        idle = (cpu_seconds(proc.pid) - idle0) / (time.monotonic() - t0)
        page.get_by_role("button", name="Play").click()
        page.get_by_role("button", name="Pause").wait_for(timeout=30_000)
        page.wait_for_timeout(2000)
        cpu0, t0 = cpu_seconds(proc.pid), time.monotonic()
        first = page.get_by_text("Training: step").first.inner_text()
        page.wait_for_timeout(1000 * seconds)
        last = page.get_by_text("Training: step").first.inner_text()
        wall = time.monotonic() - t0
        busy = (cpu_seconds(proc.pid) - cpu0) / wall
        import re

        def step(text: str) -> int:
            return int(re.sub(r"\D", "", re.search(r"step ([\d,]+)", text).group(1)))

        print(f"# The real app, one Chromium tab playing the Playground at its defaults for {seconds} s")
        print(f"server CPU: {busy:.2f} cores while playing ({idle:.2f} with the tab open and paused); "
              f"steps shown: {step(first):,} -> {step(last):,} ({(step(last) - step(first)) / wall:.0f} training steps/s "
              f"seen in the browser)")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per row")
    parser.add_argument("--server", type=int, default=0, help="also measure the real app's CPU for this many seconds")
    args = parser.parse_args()
    engine_part(args.seconds)
    if args.server:
        server_part(args.server)


if __name__ == "__main__":
    main()
