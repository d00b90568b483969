"""Benchmark: a classroom on one server — N students open the Train page at once and each starts a run.

Run by hand:  python bench/bench_classroom.py [--users 30] [--steps 30] [--max-jobs 0]
Needs Debian's chromium (apt-get install chromium) and playwright. Starts the real app on a free port
with a private runs folder, then drives one browser context per student (its own cookie, so its own
owner token). Prints how long pages took to open and to acknowledge a start under that load, how the
queue drained, the server's memory, and whether every student saw exactly their own run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.appserver import running_app
from ganengine.jobs import owner_key

CHROMIUM = "/usr/bin/chromium"
RUN_ID = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]


@dataclass
class Student:
    index: int
    open_s: float = 0.0
    ack_s: float = 0.0
    finished_at_s: float = 0.0
    own_run_only: bool = False
    errors: list[str] = field(default_factory=list)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB, from /proc (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (its own threads, not its children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


async def student(browser, url: str, runs_root: Path, s: Student, steps: int, t0: float, timeout_s: float,
                  delay_s: float) -> None:
    await asyncio.sleep(delay_s)
    context = await browser.new_context(viewport={"width": 1300, "height": 1000})
    context.set_default_timeout(timeout_s * 1000)  # 30 browsers share this machine's cores with the server: be patient
    page = await context.new_page()
    try:
        start = time.monotonic()
        await page.goto(f"{url}/Train", timeout=timeout_s * 1000, wait_until="commit")
        await page.get_by_role("heading", name="Train", level=1).wait_for(timeout=timeout_s * 1000)
        button = page.get_by_role("button", name="Start training")
        await button.wait_for(timeout=timeout_s * 1000)
        s.open_s = time.monotonic() - start
        field_ = page.get_by_role("spinbutton", name="Training steps")
        await field_.fill(str(steps))
        await field_.press("Tab")
        start = time.monotonic()
        await button.click()
        ack = page.get_by_text(re.compile(r"Waiting in the queue|Starting…|Step [0-9]|Finished at step"))
        await ack.first.wait_for(timeout=timeout_s * 1000)
        s.ack_s = time.monotonic() - start
        await page.get_by_text(f"Finished at step {steps}").wait_for(timeout=timeout_s * 1000)
        s.finished_at_s = time.monotonic() - t0
        # Isolation, checked on the server's side: the owner token in this browser's cookie owns exactly one run,
        # and it is the run this student's page shows.
        shown = await page.locator("code").filter(has_text=RUN_ID).first.inner_text()
        token = next(c["value"] for c in await context.cookies() if c["name"] == "ganstudio_owner")
        owned = sorted(p.name for p in (runs_root / owner_key(token)).iterdir())
        s.own_run_only = owned == [shown]
        if not s.own_run_only:
            s.errors.append(f"the page shows run {shown}; this browser's token owns {owned}")
        if await page.locator("[data-testid='stException']").count():
            s.errors.append("an exception box is shown")
    except Exception as exc:  # one student's failure is a finding, not the end of the benchmark
        s.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    finally:
        await context.close()


async def classroom(url: str, runs_root: Path, server_pid: int, users: int, steps: int, timeout_s: float,
                    arrival_s: float) -> tuple[list[Student], dict]:
    from playwright.async_api import async_playwright

    memory = {"server_peak_mb": 0.0, "total_peak_mb": 0.0, "workers_peak": 0}
    done = asyncio.Event()

    async def watch() -> None:
        while not done.is_set():
            kids = children(server_pid)
            server = rss_mb(server_pid)
            memory["server_peak_mb"] = max(memory["server_peak_mb"], server)
            memory["total_peak_mb"] = max(memory["total_peak_mb"], server + sum(rss_mb(k) for k in kids))
            memory["workers_peak"] = max(memory["workers_peak"], len(kids))
            await asyncio.sleep(0.5)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        students = [Student(i) for i in range(users)]
        watcher = asyncio.create_task(watch())
        t0 = time.monotonic()
        await asyncio.gather(*(student(browser, url, runs_root, s, steps, t0, timeout_s, arrival_s * s.index / users) for s in students))
        done.set()
        await watcher
        await browser.close()
    return students, memory


def summary(values: list[float]) -> str:
    if not values:
        return "n/a"
    q = statistics.quantiles(values, n=20, method="inclusive") if len(values) > 1 else values * 19
    return f"median {statistics.median(values):6.1f} s  p95 {q[18]:6.1f} s  max {max(values):6.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--steps", type=int, default=30, help="training steps in each student's run")
    parser.add_argument("--max-jobs", type=int, default=0, help="GANSTUDIO_MAX_JOBS (0: the app's default)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds a student waits for each stage")
    parser.add_argument("--arrival", type=float, default=30.0, help="students arrive evenly over this many seconds (0: all at once)")
    args = parser.parse_args()
    env = {"GANSTUDIO_RUNS": tempfile.mkdtemp(prefix="classroom-runs-")}
    if args.max_jobs:
        env["GANSTUDIO_MAX_JOBS"] = str(args.max_jobs)
    print(f"# {args.users} students arriving over {args.arrival:g} s, {args.steps}-step default runs, {os.cpu_count()} CPU cores, "
          f"GANSTUDIO_MAX_JOBS={env.get('GANSTUDIO_MAX_JOBS', 'default')}")
    with running_app(env) as (url, proc):
        idle = rss_mb(proc.pid)
        t0, server0, busy0 = time.monotonic(), cpu_seconds(proc.pid), machine_busy_seconds()
        runs_root = Path(env["GANSTUDIO_RUNS"])
        students, memory = asyncio.run(classroom(url, runs_root, proc.pid, args.users, args.steps, args.timeout, args.arrival))
        wall = time.monotonic() - t0
        server_cpu, busy = cpu_seconds(proc.pid) - server0, machine_busy_seconds() - busy0
    ok = [s for s in students if not s.errors]
    print(f"open the Train page:        {summary([s.open_s for s in ok])}")
    print(f"start acknowledged:         {summary([s.ack_s for s in ok])}")
    print(f"run finished (from start):  {summary([s.finished_at_s for s in ok])}")
    print(f"all {args.users} runs done in {wall:.0f} s: {60 * len(ok) / wall:.1f} runs/min")
    print(f"server memory: {idle:.0f} MB idle, peak {memory['server_peak_mb']:.0f} MB; with workers peak "
          f"{memory['total_peak_mb']:.0f} MB; at most {memory['workers_peak']} worker processes at once")
    print(f"CPU over the run: server (page scripts, live ticks) {server_cpu / wall:.2f} cores on average; "
          f"whole machine {busy / wall:.2f} of {os.cpu_count()} cores (the rest: training workers and this benchmark's browser)")
    isolated = sum(1 for s in students if s.own_run_only)
    print(f"isolation: for {isolated}/{len(students)} students, the browser's owner token owns exactly one run, the one their page shows")
    for s in students:
        for e in s.errors:
            print(f"student {s.index}: {e}")
    print(f"result: {len(ok)} of {args.users} students completed without error")


if __name__ == "__main__":
    main()
