"""The Ray backend: jobs on a (local, loopback-only) Ray cluster, with no shared disk between it and the server.

The fast tests check the byte protocol without Ray (the remote class is plain Python); the slow ones start a private
two-CPU Ray once for the module and shut it down afterwards, leaving no Ray process behind.
"""

import dataclasses
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from waiting import wait_for

from ganengine.checkpoints import read_card
from ganengine.errors import ConfigError
from ganengine.jobs import JobManager, JobNotFound, owner_key
from ganengine.jobs.backends.ray_backend import (
    RayBackend,
    RayHandle,
    RemoteJob,
    is_run_file,
    pack_inputs,
    signatures,
    write_file,
)
from ganengine.runs import RunDir
from ganengine.settings import settings

ALICE, BOB = "alice-token-0123456789abcdef", "bob-token-0123456789abcdef"
ROOT = Path(__file__).resolve().parent.parent




def types_of(run: RunDir) -> list[str]:
    return [e["type"] for e in run.events()]


# --- without Ray ------------------------------------------------------------------------------------------------------
@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_ray_is_imported_only_when_the_ray_backend_connects():
    code = ("import os, sys; os.environ['GANSTUDIO_BACKEND'] = 'ray'; import ganengine as ge; "
            "b = ge.make_backend(ge.settings().backend); print(type(b).__name__, 'ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.split() == ["RayBackend", "False"], out.stderr


def test_settings_name_the_backend_and_the_cluster(monkeypatch):
    monkeypatch.delenv("GANSTUDIO_BACKEND", raising=False)
    monkeypatch.delenv("GANSTUDIO_RAY_ADDRESS", raising=False)
    assert (settings().backend, settings().ray_address) == ("local", "")
    monkeypatch.setenv("GANSTUDIO_BACKEND", "ray")
    monkeypatch.setenv("GANSTUDIO_RAY_ADDRESS", " ray://head:10001 ")
    assert (settings().backend, settings().ray_address) == ("ray", "ray://head:10001")
    monkeypatch.setenv("GANSTUDIO_BACKEND", "slurm")
    with pytest.raises(ConfigError, match="GANSTUDIO_BACKEND must be one of local, ray"):
        settings()


def test_only_a_runs_own_files_come_back(tmp_path):
    assert is_run_file("checkpoints/step_0000010.safetensors") and is_run_file("samples/step_0000010.png")
    assert is_run_file("resume.pt")
    for bad in ("../resume.pt", "/etc/passwd", "config.json", "checkpoints/../../x.safetensors", "samples/x.sh",
                "checkpoints/.step_0000010.safetensors.1.tmp"):
        assert not is_run_file(bad), bad
        with pytest.raises(ValueError):
            write_file(tmp_path, bad, b"x", 0)
    write_file(tmp_path, "checkpoints/step_0000010.safetensors", b"weights", 1_700_000_000_123_456_789)
    assert signatures(tmp_path) == {"checkpoints/step_0000010.safetensors": (7, 1_700_000_000_123_456_789)}


def test_inputs_named_by_path_go_out_with_the_job(tmp_path, tiny_image_config, monkeypatch):
    upload = tmp_path / "uploads" / "mine.zip"
    upload.parent.mkdir()
    upload.write_bytes(b"PK zip bytes")
    config = {**tiny_image_config.to_dict(), "data": str(upload)}
    packed = pack_inputs(config)
    assert packed == {"data": {"": b"PK zip bytes"}}
    assert pack_inputs(tiny_image_config.to_dict()) == {}  # a data set's name is not a path
    monkeypatch.setattr("ganengine.jobs.backends.ray_backend.MAX_INPUT_BYTES", 4)
    assert pack_inputs(config) == {}  # too large to send: the nodes must hold it at that path
    monkeypatch.undo()
    job = RemoteJob(json.dumps(config), {}, packed)
    try:
        sent = json.loads((job.root / "config.json").read_text())["data"]
        assert Path(sent).read_bytes() == b"PK zip bytes" and Path(sent).is_relative_to(job.root)
    finally:
        shutil.rmtree(job.root)


def test_events_samples_and_checkpoints_flow_back_in_order(tmp_path, tiny_image_config):
    """The remote side and the backend's copying, in one process: what a Ray actor would do, without Ray."""
    server = RunDir(tmp_path / "server")
    server.prepare(tiny_image_config)
    job = RemoteJob(server.config_path.read_text(), {}, {})
    backend, handle = RayBackend(), RayHandle(actor=None, run=server)
    try:
        job.start()
        code = None
        while code is None:
            reply = job.pull(dict(handle.offsets), signatures(server.root))
            backend._apply(handle, reply)
            for e in server.events():  # every file an event names is already on the server
                assert "path" not in e or (server.root / e["path"]).exists()
            code = reply["code"]
            time.sleep(0.05)
        assert code == 0 and server.last_ended()["status"] == "finished"
        assert [p.name for _, p in server.checkpoints()] == [p.name for _, p in RunDir(job.root).checkpoints()]
        assert server.resume_path.read_bytes() == (job.root / "resume.pt").read_bytes()
        again = job.pull(dict(handle.offsets), signatures(server.root))  # nothing is sent twice
        assert again["files"] == {} and not any(again["logs"].values())
    finally:
        shutil.rmtree(job.root, ignore_errors=True)


def test_an_unreachable_cluster_shows_on_home_and_fails_jobs_with_a_reason(tmp_path, tiny_points_config):
    backend = RayBackend(address="127.0.0.1:1")  # nothing listens there: refused before Ray is even imported
    where = backend.location()
    assert (where.kind, where.address) == ("ray", "127.0.0.1:1") and "Connection refused" in where.error
    m = JobManager(tmp_path / "runs", backend, threads_per_job=1)
    try:
        info = m.submit(tiny_points_config, ALICE)
        done = m.wait(info.id, ALICE, timeout=30)
        assert done.state == "failed" and "cannot reach the Ray cluster at 127.0.0.1:1" in done.reason
    finally:
        m.shutdown()


# --- on a private Ray --------------------------------------------------------------------------------------------------
def ray_processes() -> dict[int, str]:
    """This test process's descendants that belong to Ray, by pid, with their command line."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = {}, list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "ray" in cmdline or "gcs_server" in cmdline:
            found[pid] = cmdline
    return found


@pytest.fixture(scope="module")
def ray_backend():
    if importlib.util.find_spec("ray") is None:  # found, not imported: the backend imports it itself
        pytest.skip("the Ray backend's tests need requirements-cluster.txt")
    backend = RayBackend(num_cpus=2, cancel_grace=2.0, pull_interval=0.25)
    backend.connect()
    yield backend
    backend.close()
    assert wait_for(lambda: not ray_processes(), 60), f"Ray processes left behind: {ray_processes()}"


@pytest.fixture
def manager(tmp_path, ray_backend):
    m = JobManager(tmp_path / "runs", ray_backend, max_running=2, max_queued_per_owner=2, threads_per_job=1,
                   poll_interval=0.1)
    yield m
    m.shutdown()


@pytest.mark.slow
def test_ray_listens_on_loopback_only_without_dashboard_or_usage_stats(ray_backend):
    if not shutil.which("ss"):
        pytest.skip("needs ss (iproute2) to list listening sockets")
    ours = ray_processes()
    # Ray keeps a head process for its internal APIs, without the web dashboard (no frontend, nothing on port 8265).
    heads = [cmd for cmd in ours.values() if "dashboard/dashboard.py" in cmd]
    assert ours and all("--minimal" in cmd and "--disable-frontend" in cmd for cmd in heads)
    listening = []
    for line in subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True, check=True).stdout.splitlines():
        pids = {int(p) for p in re.findall(r"pid=(\d+)", line)}
        if pids & set(ours) or pids == {os.getpid()}:
            listening.append(line.split()[3].rsplit(":", 1))
    assert len(listening) >= 3, "expected the GCS, the raylet and the workers to listen"
    assert {host for host, _ in listening} <= {"127.0.0.1", "[::ffff:127.0.0.1]", "[::1]"}, listening
    assert "8265" not in {port for _, port in listening}
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"
    where = ray_backend.location()
    assert (where.kind, where.cpus, where.gpus, where.nodes) == ("ray", 2, 0, 1) and where.address.startswith("127.0.0.1:")


@pytest.mark.slow
def test_two_owners_jobs_run_on_ray_and_come_back_to_the_server(manager, tiny_image_config, tiny_points_config):
    image = dataclasses.replace(tiny_image_config, steps=20, log_every=5, sample_every=10, checkpoint_every=10)
    points = dataclasses.replace(tiny_points_config, steps=30, log_every=5, sample_every=10, checkpoint_every=10)
    a, b = manager.submit(image, ALICE), manager.submit(points, BOB)
    # The manager's isolation rules hold whatever the backend.
    assert [j.id for j in manager.list(BOB)] == [b.id]
    for call in (manager.get, manager.cancel, manager.events):
        with pytest.raises(JobNotFound):
            call(a.id, BOB)
    for info, owner, steps in ((a, ALICE, 20), (b, BOB, 30)):
        done = manager.wait(info.id, owner, timeout=240)
        assert done.state == "finished", done.reason
        run = RunDir(done.run_dir)
        assert run.root.parent.name == owner_key(owner)
        kinds = types_of(run)
        assert kinds[:2] == ["queued", "started"] and kinds[-1] == "ended"
        assert {"metrics", "sample", "checkpoint"} <= set(kinds)
        for e in run.events():  # every file an event names came back
            for key in ("path", "checkpoint"):
                if isinstance(e.get(key), str):
                    assert (run.root / e[key]).is_file(), e
        assert [s for s, _ in run.checkpoints()] == list(range(10, steps + 1, 10))
        assert read_card(run.latest_checkpoint()).steps == steps and run.resume_path.is_file()
        handle = manager._jobs[info.id].handle
        assert handle.pid != os.getpid() and Path(handle.remote_root) != run.root
        assert wait_for(lambda h=handle: not Path(h.remote_root).exists(), 30)  # the worker's copy is cleaned up
    assert list(RunDir(manager.get(a.id, ALICE).run_dir).samples_dir.glob("step_*.png"))


@pytest.mark.slow
def test_cancel_reaches_the_remote_job_within_seconds(manager, tiny_points_config):
    info = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000, log_every=10, checkpoint_every=50), ALICE)
    run = RunDir(info.run_dir)
    assert wait_for(lambda: "metrics" in types_of(run))
    t0 = time.monotonic()
    manager.cancel(info.id, ALICE)
    done = manager.wait(info.id, ALICE, timeout=30)
    assert done.state == "cancelled" and time.monotonic() - t0 < 10
    last = run.last_ended()
    assert last["status"] == "cancelled" and (run.root / last["checkpoint"]).is_file()


@pytest.mark.slow
def test_killed_ray_worker_fails_the_job_keeps_its_checkpoint_and_it_continues(manager, tiny_points_config, capsys):
    info = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000, log_every=10, checkpoint_every=50), ALICE)
    run = RunDir(info.run_dir)
    handle = manager._jobs[info.id].handle
    assert wait_for(lambda: run.latest_checkpoint() is not None and handle.pid is not None)
    os.kill(handle.pid, signal.SIGKILL)  # a hard crash of the Ray worker: no last word from it
    done = manager.wait(info.id, ALICE, timeout=60)
    assert done.state == "failed" and "Ray worker running this job was lost" in done.reason
    last = run.last_ended()
    assert last["status"] == "failed" and (run.root / last["checkpoint"]).is_file()
    kept = [s for s, _ in run.checkpoints()]

    from ganengine.cli import main

    target = kept[-1] + 20
    assert main(["submit", "--resume", str(run.root), "--steps", str(target), "--backend", "ray"]) == 0
    assert f"finished at step {target}" in capsys.readouterr().out
    started = [e for e in run.events() if e["type"] == "started"]
    assert len(started) == 2 and started[-1]["step"] in kept  # it went on from a checkpoint that had reached the server
    assert run.last_ended()["status"] == "finished" and run.checkpoints()[-1][0] == target


@pytest.mark.slow
def test_cli_submits_to_ray_and_follows_the_run(tmp_path, ray_backend, capsys):
    from ganengine.cli import main

    code = main(["submit", "--data", "toy2d-ring", "--steps", "20", "--batch-size", "16", "--width", "4", "--nz", "4",
                 "--max-items", "256", "--log-every", "5", "--checkpoint-every", "10", "--threads", "1",
                 "--backend", "ray", "--runs", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0 and "Ray cluster at 127.0.0.1:" in out and "finished at step 20" in out and "step     20" in out
    run = RunDir(Path(out.split("run directory: ")[1].splitlines()[0]))
    assert run.root.is_relative_to(tmp_path) and run.last_ended()["status"] == "finished"


@pytest.mark.slow
def test_a_job_no_node_can_hold_fails_to_start_with_a_reason(manager, tiny_points_config):
    info = manager.submit(dataclasses.replace(tiny_points_config, device="cuda"), BOB)
    done = manager.wait(info.id, BOB, timeout=30)
    assert done.state == "failed" and "no node of the Ray cluster has 1 CPU and 1 GPU" in done.reason
