"""The background job runner: queue under a limit, owners isolated, cancel, crashes contained, history."""

import dataclasses
import json
import time

import pytest
from waiting import wait_for

from ganengine.errors import UserError
from ganengine.jobs import JobManager, JobNotFound, LocalProcessBackend, QueueFull, owner_key
from ganengine.jobs.backends import Backend
from ganengine.runs import RunDir
from ganengine.tasks import GanConfig

ALICE, BOB = "alice-token-0123456789abcdef", "bob-token-0123456789abcdef"




@pytest.fixture
def manager(tmp_path):
    m = JobManager(tmp_path / "runs", LocalProcessBackend(cancel_grace=2.0), max_running=1, max_queued_per_owner=2,
                   threads_per_job=1)
    yield m
    m.shutdown()


@pytest.mark.slow
def test_queue_limit_owner_isolation_and_cancel(manager, tiny_points_config):
    long = dataclasses.replace(tiny_points_config, steps=200_000)
    a = manager.submit(long, ALICE)
    b = manager.submit(tiny_points_config, ALICE)
    assert manager.get(b.id, ALICE).queue_position == 1
    # Bob sees none of Alice's jobs and cannot stop them.
    assert manager.list(BOB) == []
    with pytest.raises(JobNotFound):
        manager.get(a.id, BOB)
    with pytest.raises(JobNotFound):
        manager.cancel(a.id, BOB)
    with pytest.raises(JobNotFound):
        manager.events(a.id, BOB)
    manager.submit(dataclasses.replace(tiny_points_config, seed=1), ALICE)  # another run (the same one is a double click)
    with pytest.raises(QueueFull, match="2 jobs waiting"):
        manager.submit(dataclasses.replace(tiny_points_config, seed=2), ALICE)
    assert wait_for(lambda: manager.get(a.id, ALICE).state == "running")
    assert wait_for(lambda: any(e["type"] == "metrics" for e in manager.events(a.id, ALICE)[0]))
    t0 = time.monotonic()
    manager.cancel(a.id, ALICE)
    assert manager.wait(a.id, ALICE, timeout=20).state == "cancelled"
    assert time.monotonic() - t0 < 10
    assert RunDir(manager.get(a.id, ALICE).run_dir).latest_checkpoint() is not None
    # The queue moves on: the next job runs to the end.
    assert manager.wait(b.id, ALICE, timeout=90).state == "finished"


def test_cancel_while_queued(manager, tiny_points_config):
    a = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000), ALICE)
    b = manager.submit(tiny_points_config, ALICE)
    info = manager.cancel(b.id, ALICE)
    assert info.state == "cancelled" and "before it started" in info.reason
    manager.cancel(a.id, ALICE)


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_failing_job_ends_with_message_not_exception(manager):
    info = manager.submit(GanConfig(data="no-such-data", steps=5), BOB)
    ended = manager.wait(info.id, BOB, timeout=90)
    assert ended.state == "failed" and "no data set or path named 'no-such-data'" in ended.reason


@pytest.mark.slow
def test_killed_worker_is_reported_and_checkpoint_kept(manager, tiny_points_config):
    info = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000, checkpoint_every=50), ALICE)
    assert wait_for(lambda: RunDir(info.run_dir).latest_checkpoint() is not None)
    with manager._lock:
        manager._jobs[info.id].handle.process.kill()  # a hard crash: no chance to write a last event
    ended = manager.wait(info.id, ALICE, timeout=90)
    assert ended.state == "failed" and "was killed (exit code -9), most often for running out of memory" in ended.reason
    assert ended.code == "killed" and ended.params["kept"] >= 1
    events = manager.events(info.id, ALICE)[0]
    assert events[-1]["status"] == "failed" and events[-1]["checkpoint"]


@pytest.mark.slow
def test_history_survives_a_restart(tmp_path, tiny_points_config):
    m = JobManager(tmp_path / "runs", threads_per_job=1)
    info = m.submit(tiny_points_config, ALICE)
    assert m.wait(info.id, ALICE, timeout=90).state == "finished"
    m.shutdown()
    again = JobManager(tmp_path / "runs", threads_per_job=1)
    try:
        assert [(j.id, j.state) for j in again.list(ALICE)] == [(info.id, "finished")]
        assert again.list(BOB) == []
    finally:
        again.shutdown()


def test_owner_tokens_are_not_written_to_disk(manager, tiny_points_config):
    info = manager.submit(tiny_points_config, ALICE)
    assert ALICE not in str(info.run_dir) and owner_key(ALICE) in str(info.run_dir)
    with pytest.raises(ValueError):
        owner_key("")


# --- issue 13: a server killed and restarted ---------------------------------------------------------------------------

def _left_by_a_killed_server(root, config, job_id, started):
    """A run directory as a killed server leaves it: queued (never started), or started with a checkpoint and no end."""
    from ganengine.events import JsonlSink, event, is_ended
    from ganengine.train import run_task

    run = RunDir(root / owner_key(ALICE) / job_id)
    run.prepare(config)
    log = JsonlSink(run.events_path)
    log(event("queued", 0))
    if started:  # the worker died with the server before it could write its end
        run_task(config, run.root, lambda e: None if is_ended(e) else log(e),
                 should_stop=lambda: run.latest_checkpoint() is not None)
    return run


def test_a_worker_that_loses_its_server_calls_the_run_interrupted_not_stopped_by_the_user(tmp_path, tiny_image_config):
    from ganengine.jobs.worker import run_job

    run = RunDir(tmp_path / "run")
    run.prepare(dataclasses.replace(tiny_image_config, steps=200))
    code = run_job(run, should_stop=lambda: run.latest_checkpoint() is not None, server_lost=lambda: True)
    last = run.last_ended()
    assert code == 0 and last["status"] == "cancelled" and run.interrupted()
    assert last["reason"] == ("interrupted: the server stopped while this run was going; its last checkpoint (step 3) "
                              "is kept and it can be resumed")


@pytest.mark.slow
def test_after_a_restart_queued_jobs_queue_again_and_interrupted_ones_resume(tmp_path, tiny_image_config):
    root = tmp_path / "runs"
    config = dataclasses.replace(tiny_image_config, steps=12)
    cut = _left_by_a_killed_server(root, config, "20250101-090000-aaaaaa", started=True)
    waiting = _left_by_a_killed_server(root, config, "20250101-090100-bbbbbb", started=False)
    m = JobManager(root, LocalProcessBackend(cancel_grace=2.0), max_running=1, threads_per_job=1)
    try:
        jobs = {j.id: j for j in m.list(ALICE)}
        was_cut, queued = jobs[cut.root.name], jobs[waiting.root.name]
        assert was_cut.state == "cancelled" and was_cut.reason.startswith("interrupted: the server stopped")
        assert "last checkpoint (step 3) is kept" in was_cut.reason
        assert queued.state in ("queued", "running") and not queued.reason  # never called failed, never given a checkpoint
        assert m.wait(queued.id, ALICE, timeout=120).state == "finished"
        with pytest.raises(JobNotFound):
            m.resume(cut.root.name, BOB)
        assert m.resume(cut.root.name, ALICE).state in ("queued", "running")
        done = m.wait(cut.root.name, ALICE, timeout=120)
        assert done.state == "finished" and RunDir(done.run_dir).last_ended()["step"] == 12
        assert [s for s, _ in RunDir(done.run_dir).checkpoints()] == [3, 6, 9, 12]  # it went on from step 3
        with pytest.raises(UserError, match="give it more steps or more time to continue"):
            m.resume(cut.root.name, ALICE)  # finished now: going on needs a new budget
    finally:
        m.shutdown()


@pytest.mark.slow
def test_a_finished_run_continues_with_more_steps_and_its_history_goes_on(manager, tiny_points_config):
    from ganengine.events import read_events

    cfg = dataclasses.replace(tiny_points_config, steps=6, checkpoint_every=3, log_every=1)
    job = manager.submit(cfg, ALICE)
    assert manager.wait(job.id, ALICE, timeout=120).state == "finished"
    with pytest.raises(UserError, match="more steps or more time"):
        manager.resume(job.id, ALICE)  # finished: nothing to go on with unless given more
    with pytest.raises(UserError, match="more than the 6 steps it has done"):
        manager.resume(job.id, ALICE, steps=6)
    with pytest.raises(JobNotFound):
        manager.resume(job.id, BOB, steps=12)  # nobody continues another's run
    assert manager.resume(job.id, ALICE, steps=12).state in ("queued", "running")
    info = manager.wait(job.id, ALICE, timeout=120)
    assert info.state == "finished" and info.config.steps == 12
    run = RunDir(info.run_dir)
    assert run.config().steps == 12 and run.latest_checkpoint().name == "step_0000012.safetensors"
    events, _ = read_events(run.events_path)
    steps = [e["step"] for e in events if e["type"] == "metrics"]
    assert steps == sorted(steps) and steps[0] == 1 and steps[-1] == 12 and 7 in steps  # one history, no restart
    assert [e["type"] for e in events].count("started") == 2


def test_a_double_submission_is_one_run_and_a_later_one_is_another(tmp_path, tiny_points_config):
    """A double click (the same config from the same owner within dedupe_s) gets the first job back; the same config
    later, or from another owner, is a run of its own."""
    m = JobManager(tmp_path / "runs", LocalProcessBackend(cancel_grace=2.0), max_running=1, threads_per_job=1,
                   dedupe_s=1.0)
    try:
        long = dataclasses.replace(tiny_points_config, steps=200_000)
        first = m.submit(long, ALICE)
        assert m.submit(long, ALICE).id == first.id
        assert [j.id for j in m.list(ALICE)] == [first.id]
        assert m.submit(long, BOB).id != first.id
        time.sleep(1.1)
        later = m.submit(long, ALICE)
        assert later.id != first.id and len(m.list(ALICE)) == 2
    finally:
        m.shutdown()


def test_server_caps_refuse_longer_runs_and_bound_open_ended_ones(tmp_path, tiny_points_config):
    m = JobManager(tmp_path / "runs", LocalProcessBackend(), max_running=1, threads_per_job=1, max_steps=100,
                   max_time_budget=60)
    try:
        with pytest.raises(UserError, match="at most 100 steps per run"):
            m.submit(dataclasses.replace(tiny_points_config, steps=101), ALICE)
        with pytest.raises(UserError, match="at most 60 s per run"):
            m.submit(dataclasses.replace(tiny_points_config, steps=None, time_budget=61.0), ALICE)
        capped = m.submit(dataclasses.replace(tiny_points_config, steps=None, time_budget=5.0), ALICE)
        assert capped.config.steps == 100 and capped.config.time_budget == 5.0
        fine = m.submit(dataclasses.replace(tiny_points_config, steps=50, seed=3), ALICE)
        assert fine.config.time_budget == 60.0  # a run without a time budget gets the server's
    finally:
        m.shutdown()


def test_estimates_from_what_runs_here_measured():
    from ganengine.jobs import estimate

    base = GanConfig(model="dcgan", data="digits", width=32, batch_size=64, steps=1000)
    assert estimate.rate_for(base, []) is None
    measured = [(base, 10.0), (dataclasses.replace(base, seed=4), 12.0), (dataclasses.replace(base, model="mlp"), 99.0)]
    assert estimate.rate_for(base, measured) == 11.0
    assert estimate.rate_for(dataclasses.replace(base, batch_size=128), measured) == pytest.approx(5.5)  # twice the work
    assert estimate.duration(base, 10.0) == 100.0
    assert estimate.duration(dataclasses.replace(base, time_budget=30.0), 10.0) == 30.0
    assert estimate.remaining(base, {"step": 400, "elapsed": 40.0, "steps_per_s": 10.0}, None) == 60.0
    # One slot: a run with 60 s left, then two ahead of 100 s and 30 s: the next one waits 190 s; two slots: 100 s.
    assert estimate.wait([60.0], [100.0, 30.0], slots=1) == 190.0
    assert estimate.wait([60.0], [100.0, 30.0], slots=2) == 90.0


@pytest.mark.slow
def test_a_queued_run_knows_its_expected_wait(tmp_path, tiny_points_config):
    m = JobManager(tmp_path / "runs", LocalProcessBackend(cancel_grace=2.0), max_running=1, threads_per_job=1)
    try:
        running = m.submit(dataclasses.replace(tiny_points_config, steps=200_000, time_budget=30.0), ALICE)
        ahead = m.submit(dataclasses.replace(tiny_points_config, steps=200_000, time_budget=20.0, seed=1), BOB)
        mine = m.submit(dataclasses.replace(tiny_points_config, steps=200_000, time_budget=20.0, seed=2), ALICE)
        assert m.expected_wait(running.id, ALICE) == 0.0
        assert 40 <= m.expected_wait(mine.id, ALICE) <= 50  # what is left of 30 s, then the 20 s of Bob's run
        m.cancel(running.id, ALICE)
        m.cancel(ahead.id, BOB)
        m.cancel(mine.id, ALICE)
    finally:
        m.shutdown()


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_jobs_fork_from_a_warm_parent_and_each_still_ends_alone(tmp_path, tiny_points_config):
    """Issue 16: jobs that start at once. The warm parent imported torch before any job; each job is a child of its
    own, so a crash ends that job only and the next job forks from the same parent."""
    import os

    backend = LocalProcessBackend(cancel_grace=2.0, warm=1)
    manager = JobManager(tmp_path / "runs", backend, max_running=1, threads_per_job=1)
    try:
        assert wait_for(backend.warm_ready)
        parent = backend._zygote.process.pid
        info = manager.submit(tiny_points_config, ALICE)
        with manager._lock:
            handle = manager._jobs[info.id].handle
        assert handle.process is None and handle.pid not in (0, parent)  # a forked child, not a fresh interpreter
        assert manager.wait(info.id, ALICE, timeout=90).state == "finished"
        assert handle.zygote.exits[handle.pid] == 0
        assert "Traceback" not in (RunDir(info.run_dir).root / "worker.log").read_text()
        # A hard crash of one job's child ends that job; the parent stays, and the next job forks from it.
        long = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000, seed=1), ALICE)
        assert wait_for(lambda: any(e["type"] == "metrics" for e in manager.events(long.id, ALICE)[0]))
        with manager._lock:
            os.kill(manager._jobs[long.id].handle.pid, 9)
        ended = manager.wait(long.id, ALICE, timeout=30)
        assert ended.state == "failed" and ended.code == "killed"
        assert backend.warm_ready() and backend._zygote.process.pid == parent
        # A stop reaches a forked child as it reaches a fresh worker: at its next step, with its checkpoint.
        third = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000, seed=2), ALICE)
        assert wait_for(lambda: any(e["type"] == "metrics" for e in manager.events(third.id, ALICE)[0]))
        manager.cancel(third.id, ALICE)
        stopped = manager.wait(third.id, ALICE, timeout=30)
        assert stopped.state == "cancelled" and stopped.code == "stopped"
        assert RunDir(stopped.run_dir).latest_checkpoint() is not None
    finally:
        manager.shutdown()
        backend.close()
    assert not backend.warm_ready()


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_the_warm_parent_exits_when_its_server_lets_go(tmp_path):
    backend = LocalProcessBackend(warm=1)
    assert wait_for(backend.warm_ready)
    parent = backend._zygote.process
    backend._zygote.process.stdin.close()  # what a server that stops or dies leaves it: the end of its input
    assert parent.wait(timeout=30) == 0
    backend.close()
    assert not backend.warm_ready() and not list(tmp_path.iterdir())


# --- issue 14: run names and tags; the teacher's view ---------------------------------------------------------------

TEACHER = "teacher-token-0123456789"


def test_a_run_keeps_its_name_and_tags_in_its_directory_and_they_can_change(manager, tiny_points_config):
    from ganengine.runs import RunLabel

    label = RunLabel.clean("  Ring,\n lr 2e-4 **bold** ", "week 3, ring,  Ring , , mode collapse")
    assert label == RunLabel("Ring, lr 2e-4 **bold**", ("week 3", "ring", "mode collapse"))
    info = manager.submit(dataclasses.replace(tiny_points_config, steps=200_000), ALICE, label=label)
    assert info.label == label and manager.list(ALICE)[0].label == label
    run = RunDir(info.run_dir)
    assert run.label() == label and "week 3" not in run.config_path.read_text()  # beside the config, not in it
    with pytest.raises(JobNotFound):
        manager.relabel(info.id, BOB, RunLabel("mine now"))
    renamed = manager.relabel(info.id, ALICE, RunLabel.clean("x" * 500, ",".join(f"t{i}" for i in range(20))))
    assert len(renamed.label.name) == 60 and len(renamed.label.tags) == 8 and run.label() == renamed.label
    manager.cancel(info.id, ALICE)
    again = JobManager(manager.runs_root, threads_per_job=1)  # a restart reads the label back from the run directory
    try:
        assert again.get(info.id, ALICE).label == renamed.label
    finally:
        again.shutdown()


def test_the_teacher_view_is_closed_without_the_operators_token(manager, monkeypatch):
    from ganengine.jobs import AdminRefused

    monkeypatch.delenv("GANSTUDIO_TEACHER_TOKEN", raising=False)
    with pytest.raises(AdminRefused):
        manager.admin(TEACHER)  # no token set: no teacher's view, whatever is given
    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", TEACHER)
    for wrong in ("", TEACHER[:-1], TEACHER + "x", ALICE, "téacher-token-0123456789"):
        with pytest.raises(AdminRefused):
            manager.admin(wrong)
    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", "short")
    from ganengine.errors import ConfigError

    with pytest.raises(ConfigError, match="at least 16 characters"):
        manager.admin("short")


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_the_teacher_sees_every_owners_jobs_cancels_one_and_reorders_the_queue(manager, tiny_points_config, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", TEACHER)
    long = dataclasses.replace(tiny_points_config, steps=200_000)
    running = manager.submit(long, ALICE)
    a2 = manager.submit(dataclasses.replace(long, seed=1), ALICE)  # other settings: not a double click
    b1 = manager.submit(long, BOB)
    b2 = manager.submit(dataclasses.replace(long, seed=2), BOB)
    admin = manager.admin(TEACHER)
    assert {j.id for j in admin.list()} == {running.id, a2.id, b1.id, b2.id}
    assert {j.owner for j in admin.list()} == {owner_key(ALICE), owner_key(BOB)}
    assert [j.id for j in admin.queue()] == [running.id, a2.id, b1.id, b2.id]
    # Move Bob's last job to the front of the waiting line, then one place back.
    assert admin.move(b2.id, -5).queue_position == 1
    assert [j.id for j in admin.queue()][1:] == [b2.id, a2.id, b1.id]
    assert manager.get(b2.id, BOB).queue_position == 1 and manager.get(a2.id, ALICE).queue_position == 2
    admin.move(b2.id, 1)
    assert [j.id for j in admin.queue()][1:] == [a2.id, b2.id, b1.id]
    with pytest.raises(UserError, match="waiting"):
        admin.move(running.id, 1)
    # Cancel Alice's waiting job: she sees it stopped; the queue closes up.
    assert admin.cancel(a2.id).state == "cancelled"
    assert manager.get(a2.id, ALICE).reason == "stopped by the teacher before it started"
    assert [j.id for j in admin.queue()][1:] == [b2.id, b1.id]
    # Owners stay apart as ever.
    assert {j.id for j in manager.list(BOB)} == {b1.id, b2.id}
    with pytest.raises(JobNotFound):
        manager.cancel(a2.id, BOB)
    with pytest.raises(JobNotFound):
        admin.get("no-such-job")
    admin.cancel(running.id)
    assert manager.wait(running.id, ALICE, timeout=30).state == "cancelled"
    for job in (b1, b2):
        manager.cancel(job.id, BOB)


class _Parked(Backend):
    """A backend whose jobs start and never end, with no process: only the queue's order is under test."""

    name = "parked"

    def start(self, job_id, run, resources):
        return job_id

    def poll(self, handle):
        return None

    def cancel(self, handle):
        return None

    def kill(self, handle):
        return None


def test_the_teachers_order_of_the_waiting_line_survives_a_restart(tmp_path, tiny_points_config, monkeypatch):
    """Ids begin with the submission second, so jobs sent in the same second came back in random order before."""
    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", TEACHER)
    root = tmp_path / "runs"
    m = JobManager(root, _Parked(), max_running=1, threads_per_job=1)
    try:
        jobs = [m.submit(dataclasses.replace(tiny_points_config, seed=s), (ALICE, BOB)[s % 2]) for s in range(5)]
        admin = m.admin(TEACHER)
        admin.move(jobs[4].id, -5)
        admin.move(jobs[1].id, 2)
        waiting = [j.id for j in admin.queue()][1:]
        assert waiting == [jobs[i].id for i in (4, 2, 3, 1)]
    finally:
        m.shutdown()  # the running one ends interrupted; the waiting ones stay queued on disk
    again = JobManager(root, _Parked(), max_running=1, threads_per_job=1)
    try:
        assert [j.id for j in again.admin(TEACHER).queue()] == waiting  # the first of them has started
    finally:
        again.shutdown()


def test_a_resumed_run_waiting_again_is_queued_again_after_a_restart(tmp_path, tiny_points_config, monkeypatch):
    """Review: its first life's `started` event made the restart end it as interrupted, out of the waiting line."""
    from ganengine.events import JsonlSink, ended, event

    monkeypatch.setenv("GANSTUDIO_TEACHER_TOKEN", TEACHER)
    root = tmp_path / "runs"
    ids = ["20250101-090000-aaaaaa", "20250101-090100-bbbbbb", "20250101-090200-cccccc"]
    for job_id in ids:
        run = RunDir(root / owner_key(ALICE) / job_id)
        run.prepare(tiny_points_config)
        JsonlSink(run.events_path)(event("queued", 0))
    resumed = RunDir(root / owner_key(ALICE) / ids[0])  # ran, finished, then was continued: waiting again
    log = JsonlSink(resumed.events_path)
    log(event("started", 0))
    log(ended("finished", 6, "", None))
    log(event("queued", 6))
    assert not resumed.started() and resumed.last_ended() is None
    (root / ".queue-order.json").write_text(json.dumps([ids[1], ids[0], ids[2]]))  # the teacher's order
    m = JobManager(root, _Parked(), max_running=1, threads_per_job=1)
    try:
        assert [j.id for j in m.admin(TEACHER).queue()] == [ids[1], ids[0], ids[2]]
        assert m.get(ids[0], ALICE).state == "queued"
    finally:
        m.shutdown()
    (root / ".queue-order.json").write_text("[" * 100_000 + "]" * 100_000)  # not ours to trust: ignored
    m = JobManager(root, _Parked(), max_running=1, threads_per_job=1)
    m.shutdown()
