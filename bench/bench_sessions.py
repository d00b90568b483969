"""Benchmark: sessions opened and closed in a loop — does the server give back its threads and memory?

Run by hand:  python bench/bench_sessions.py [--sessions 30] [--at-once 5] [--page Train]
Needs Debian's chromium and playwright. Starts the real app on a free port with private runs and uploads folders,
then opens `--sessions` browser sessions in rounds of `--at-once` (each its own context, so its own cookies and owner),
waits until the page has drawn, and closes them. After each round it reads the server's thread count and resident
memory from /proc; after the last, it waits for Streamlit to drop the closed sessions (the app's
server.disconnectedSessionTTL) and reads them again. A leak shows as threads above the baseline or memory that
keeps climbing round after round.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.appserver import running_app
from bench.bench_classroom import CHROMIUM, CHROMIUM_ARGS, rss_mb


def thread_names(pid: int) -> dict[str, int]:
    """How many of the server's threads carry each name (pools show as one name many times)."""
    names: dict[str, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
        except OSError:
            continue
        names[name] = names.get(name, 0) + 1
    return dict(sorted(names.items(), key=lambda kv: -kv[1]))


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


async def open_and_close(browser, url: str, page_name: str) -> float:
    """One visitor: open the page, wait until it has drawn (its title is there, nothing runs), close the tab."""
    t0 = time.monotonic()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.goto(f"{url}/{page_name}")
    await page.wait_for_selector("h1", timeout=120_000)
    await page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    await context.close()
    return time.monotonic() - t0


async def loop(url: str, pid: int, sessions: int, at_once: int, page_name: str, settle_s: float) -> list[tuple]:
    from playwright.async_api import async_playwright

    rows = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        rows.append(("before any session", 0, threads(pid), rss_mb(pid), 0.0))
        await open_and_close(browser, url, page_name)  # the first visit imports and caches what every page needs
        await asyncio.sleep(settle_s)
        rows.append(("baseline: one visit, dropped", 1, threads(pid), rss_mb(pid), 0.0))
        print(f"threads at the baseline: {thread_names(pid)}")
        done = 1
        while done < sessions + 1:
            n = min(at_once, sessions + 1 - done)
            times = await asyncio.gather(*(open_and_close(browser, url, page_name) for _ in range(n)))
            done += n
            rows.append((f"after {done - 1} sessions", done - 1, threads(pid), rss_mb(pid), max(times)))
        await asyncio.sleep(settle_s)
        rows.append((f"{settle_s:.0f} s after the last closed", sessions, threads(pid), rss_mb(pid), 0.0))
        # The server's worker threads (anyio's pool under Streamlit's server) are kept while idle and pruned, once idle
        # past anyio's 10 s, when the next request comes: one more visit shows what is really left.
        await open_and_close(browser, url, page_name)
        await asyncio.sleep(settle_s)
        rows.append(("one more visit, then dropped", sessions + 1, threads(pid), rss_mb(pid), 0.0))
        await browser.close()
    print(f"threads at the end: {thread_names(pid)}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--at-once", type=int, default=5, help="sessions open at the same time in each round")
    parser.add_argument("--page", default="Train", help="the page each visitor opens (its URL path)")
    parser.add_argument("--settle", type=float, default=45.0,
                        help="seconds to wait for closed sessions to be dropped (the app's TTL is 30 s)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sessions-bench-"))
    env = {"GANSTUDIO_RUNS": str(work / "runs"), "GANSTUDIO_UPLOADS": str(work / "uploads"),
           "GANSTUDIO_TMP": str(work / "tmp")}
    with running_app(env) as (url, proc):
        rows = asyncio.run(loop(url, proc.pid, args.sessions, args.at_once, args.page, args.settle))
    print(f"# {args.sessions} sessions of the {args.page} page, {args.at_once} at a time, closed after drawing")
    print(f"{'when':34s} {'sessions':>8s} {'threads':>8s} {'RSS MB':>8s} {'slowest open':>13s}")
    for when, n, th, rss, slowest in rows:
        print(f"{when:34s} {n:8d} {th:8d} {rss:8.0f} {slowest:12.1f}s")
    base, last = rows[1], rows[-1]
    peak = max(r[3] for r in rows)
    later = [r[3] for r in rows[2:-2]]
    half = len(later) // 2
    growth = (later[-1] - later[half]) if later else 0.0
    print(f"threads: baseline {base[2]}, peak {max(r[2] for r in rows)}, at the end {last[2]} "
          f"({'back to' if last[2] <= base[2] else 'ABOVE'} baseline)")
    print(f"memory: baseline {base[3]:.0f} MB, peak {peak:.0f} MB, end {last[3]:.0f} MB; "
          f"growth over the second half of the rounds {growth:+.0f} MB")


if __name__ == "__main__":
    main()
