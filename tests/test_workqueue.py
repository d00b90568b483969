"""The bounded work queue: a worker limit, FIFO positions, owners kept apart, progress, failures, caps, bounded memory."""

import threading

import pytest

from ganengine import JobNotFound, QueueFull, UserError, WorkQueue

ALICE, BOB = "alice-token-0123456789", "bob-token-0123456789"
WAIT = 30  # seconds: an upper bound for events that happen in milliseconds


class Held:
    """A work function that reports progress, then waits until released (no sleeping: events only)."""

    def __init__(self, result="ok"):
        self.started, self.reported, self.release = threading.Event(), threading.Event(), threading.Event()
        self.result = result

    def __call__(self, progress):
        self.started.set()
        progress(0.5, "half way")
        self.reported.set()
        assert self.release.wait(WAIT)
        return self.result


def finished(queue: WorkQueue, item_id: str, owner: str = ALICE):
    """The item's snapshot once it has ended (the queue's wait() blocks on a condition, no polling)."""
    info = queue.wait(item_id, owner, timeout=WAIT)
    assert not info.active, "the item did not end"
    return info


@pytest.fixture
def queue():
    q = WorkQueue(max_workers=1, max_queued_per_owner=2, max_queued=3, keep_finished=2)
    yield q
    q.shutdown()


def test_limit_one_second_item_waits_with_its_position(queue):
    first, second = Held("one"), Held("two")
    a = queue.submit(ALICE, "first", first)
    assert first.started.wait(WAIT)
    b = queue.submit(ALICE, "second", second)
    assert queue.get(a, ALICE).state == "running"
    waiting = queue.get(b, ALICE)
    assert waiting.state == "queued" and waiting.queue_position == 1 and waiting.active
    assert queue.running_count() == 1 and queue.queued_count() == 1
    assert not second.started.is_set()
    first.release.set()
    assert second.started.wait(WAIT)  # starts only once the first one is done
    assert finished(queue, a).result == "one"
    second.release.set()
    info = finished(queue, b)
    assert (info.state, info.result, info.progress, info.queue_position) == ("done", "two", 1.0, 0)


def test_owners_are_isolated(queue):
    held = Held()
    item = queue.submit(ALICE, "mine", held)
    assert held.started.wait(WAIT)
    with pytest.raises(JobNotFound):
        queue.get(item, BOB)
    with pytest.raises(JobNotFound):
        queue.forget(item, BOB)
    with pytest.raises(JobNotFound):
        queue.get("no-such-item", ALICE)
    assert queue.list(BOB) == [] and [i.id for i in queue.list(ALICE)] == [item]
    held.release.set()
    assert finished(queue, item).state == "done"
    with pytest.raises(JobNotFound):  # not even once it is done
        queue.get(item, BOB)


def test_progress_is_visible_while_it_runs(queue):
    held = Held()
    item = queue.submit(ALICE, "slow", held)
    assert held.reported.wait(WAIT)
    info = queue.get(item, ALICE)
    assert (info.state, info.progress, info.note, info.result) == ("running", 0.5, "half way", None)
    held.release.set()
    assert finished(queue, item).progress == 1.0


def test_a_failure_is_one_line_and_the_queue_goes_on(queue, capsys):
    def bug(progress):
        raise ValueError("bad shape\nsecond line")

    def refused(progress):
        raise UserError("that data set has no labels")

    broken = queue.submit(ALICE, "bug", bug)
    info = finished(queue, broken)
    assert (info.state, info.error, info.result) == ("failed", "ValueError: bad shape", None)
    assert "Traceback" in capsys.readouterr().err  # a bug keeps its traceback, in the server's log
    info = finished(queue, queue.submit(ALICE, "user error", refused))
    assert (info.state, info.error) == ("failed", "that data set has no labels")
    assert "Traceback" not in capsys.readouterr().err  # a user's mistake is no bug
    assert finished(queue, queue.submit(ALICE, "fine", lambda progress: 42)).result == 42


def test_caps_raise_queue_full(queue):
    held = [Held() for _ in range(4)]
    queue.submit(ALICE, "running", held[0])
    assert held[0].started.wait(WAIT)
    queue.submit(ALICE, "waits 1", held[1])
    queue.submit(ALICE, "waits 2", held[2])
    with pytest.raises(QueueFull, match="waiting"):  # two waiting is Alice's share
        queue.submit(ALICE, "one too many", Held())
    queue.submit(BOB, "waits 3", held[3])
    with pytest.raises(QueueFull, match="server"):  # three waiting is the server's
        queue.submit("carol-token-0123456789", "no room", Held())
    assert queue.queued_count() == 3
    for h in held:
        h.release.set()


def test_finished_items_are_bounded_per_owner_and_can_be_forgotten(queue):
    ids = [queue.submit(ALICE, f"item {i}", lambda progress, i=i: i) for i in range(2)]
    for item in ids:
        finished(queue, item)
    ids += [queue.submit(ALICE, f"item {i}", lambda progress, i=i: i) for i in range(2, 4)]
    for item in ids[2:]:
        finished(queue, item)
    assert [i.result for i in queue.list(ALICE)] == [3, 2]  # keep_finished=2: the oldest went
    with pytest.raises(JobNotFound):
        queue.get(ids[0], ALICE)
    held = Held()
    active = queue.submit(ALICE, "active", held)
    assert held.started.wait(WAIT)
    assert queue.forget(active, ALICE) is False  # a running item stays
    assert queue.forget(ids[3], ALICE) is True
    with pytest.raises(JobNotFound):
        queue.get(ids[3], ALICE)
    held.release.set()
    finished(queue, active)


def test_finished_items_are_bounded_in_all():
    q = WorkQueue(max_workers=1, keep_finished=2, max_finished=3)
    try:
        owners = [f"owner-{i}-0123456789" for i in range(5)]
        ids = []
        for i, o in enumerate(owners):
            ids.append(q.submit(o, "x", lambda progress, i=i: i))
            assert finished(q, ids[-1], o).result == i
        kept = [i for i, o in zip(ids, owners, strict=True) if q.list(o)]
        assert kept == ids[2:]  # closed pages never collect their results: the oldest go
    finally:
        q.shutdown()


def test_several_workers_run_at_once_and_default_limit_comes_from_settings(monkeypatch):
    monkeypatch.setenv("GANSTUDIO_MAX_JOBS", "3")
    q = WorkQueue()
    try:
        assert q.max_workers == 3
        held = [Held(i) for i in range(3)]
        ids = [q.submit(ALICE, f"h{i}", h) for i, h in enumerate(held)]
        for h in held:
            assert h.started.wait(WAIT)  # all three run together
        assert q.running_count() == 3
        for h in held:
            h.release.set()
        assert [finished(q, i).result for i in ids] == [0, 1, 2]
    finally:
        q.shutdown()


def test_shutdown_drops_waiting_items_and_stops_running_ones_at_their_next_report():
    q = WorkQueue(max_workers=1)
    started, go_on = threading.Event(), threading.Event()

    def long(progress):
        started.set()
        assert go_on.wait(WAIT)
        progress(0.9, "almost")  # raises WorkCancelled: the queue is shutting down
        return "never"

    running = q.submit(ALICE, "long", long)
    assert started.wait(WAIT)
    waiting = q.submit(ALICE, "waiting", lambda progress: "never")
    stopper = threading.Thread(target=q.shutdown)
    stopper.start()
    assert finished(q, waiting).error == "the server shut down before it started"
    go_on.set()
    stopper.join(WAIT)
    info = q.get(running, ALICE)
    assert (info.state, info.error, info.result) == ("failed", "stopped: the server shut down", None)
    with pytest.raises(QueueFull):
        q.submit(ALICE, "late", lambda progress: None)


def test_the_same_label_twice_at_once_is_one_item(queue):
    """A double click on an Evaluate button: the second submission within a couple of seconds is the first item."""
    held = Held()
    first = queue.submit(ALICE, "evaluate digits-dcgan", held)
    assert queue.submit(ALICE, "evaluate digits-dcgan", Held()) == first
    bobs = Held()
    other = queue.submit(BOB, "evaluate digits-dcgan", bobs)
    assert other != first  # another user's is their own
    held.release.set()
    bobs.release.set()
    assert finished(queue, first).state == "done" and finished(queue, other, BOB).state == "done"
