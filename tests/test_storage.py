"""A shared server's disk: the one temporary area, per-owner quotas, zips capped while streaming, abandoned jobs
stopped and owners gone too long expired."""

import dataclasses
import os
import subprocess
import sys
import time
import zipfile

import pytest

import ganengine as ge
from ganengine import storage
from ganengine.imageio import ImageInputError, ZipLimits, extract_to_tempdir, safe_extract_zip
from ganengine.jobs import JobManager, LocalProcessBackend, owner_key

ALICE, BOB, CAROL = "alice-token-0123456789abcdef", "bob-token-0123456789abcdef", "carol-token-0123456789abcdef"


@pytest.fixture
def limits(tmp_path, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.setenv("GANSTUDIO_TMP", str(tmp_path / "tmp"))
    monkeypatch.setenv("GANSTUDIO_QUOTA_MB", "1")
    monkeypatch.setenv("GANSTUDIO_QUOTA_FILES", "3")
    return ge.storage_settings()


def test_settings_are_read_from_the_environment_and_bad_values_named(limits, monkeypatch):
    assert limits.quota_bytes == 2**20 and limits.quota_files == 3
    assert limits.abandon_after_s == 120 * 60 and limits.expire_after_s == 14 * 86400
    monkeypatch.setenv("GANSTUDIO_EXPIRE_DAYS", "soon")
    with pytest.raises(ge.ConfigError, match="GANSTUDIO_EXPIRE_DAYS must be a number"):
        ge.storage_settings()
    monkeypatch.setenv("GANSTUDIO_EXPIRE_DAYS", "-1")
    with pytest.raises(ge.ConfigError, match="at least 0"):
        ge.storage_settings()


def test_the_temporary_area_is_cleaned_of_dead_processes_leftovers_only(limits):
    root = limits.temp_root
    mine = storage.scratch_dir("zip-")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = root / f"p{int(dead.stdout)}" / "zip-half"  # a killed server's half-extracted zip
    left.mkdir(parents=True)
    (left / "a.png").write_bytes(b"x" * 100)
    (root / "stray.tmp").write_bytes(b"x")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = root / f"p{sleeper.pid}"
        live.mkdir()
        assert storage.clean_temp_area(root) == 2
        assert mine.is_dir() and live.is_dir()
        assert not left.parent.exists() and not (root / "stray.tmp").exists()
    finally:
        sleeper.kill()


def test_quota_refuses_past_files_or_bytes(limits, tmp_path):
    folder = limits.uploads_root / "owner"
    folder.mkdir(parents=True)
    (folder / "a.safetensors").write_bytes(b"x" * 600_000)
    (folder / ".checking").mkdir()
    (folder / ".checking" / "in-flight").write_bytes(b"x" * 900_000)  # not kept: not counted
    assert storage.usage(folder) == storage.Usage(600_000, 1)
    storage.check_quota(folder, 400_000)
    with pytest.raises(storage.QuotaExceeded, match="over your 1 MB") as caught:
        storage.check_quota(folder, 500_000)
    assert caught.value.kind == "bytes" and caught.value.after == 1_100_000
    (folder / "b").write_bytes(b"")
    (folder / "c").write_bytes(b"")
    with pytest.raises(storage.QuotaExceeded, match="limit is 3") as caught:
        storage.check_quota(folder, 1)
    assert caught.value.kind == "files"


def _zip(path, members, declared=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    if declared is not None:  # forge every member's size in the central directory: headers lie
        raw = bytearray(path.read_bytes())
        sig = b"PK\x01\x02"
        i = raw.find(sig)
        while i != -1:
            raw[i + 24:i + 28] = declared.to_bytes(4, "little")
            i = raw.find(sig, i + 4)
        path.write_bytes(bytes(raw))
    return path


def test_a_zip_that_declares_too_much_is_refused_before_a_byte_is_written(tmp_path):
    bomb = _zip(tmp_path / "bomb.zip", {f"img{i}.bmp": b"\0" * 300_000 for i in range(40)})  # 12 MB of zeros
    dest = tmp_path / "out"
    dest.mkdir()
    limits = ZipLimits(max_total_bytes=2**20 * 100, min_total_allowance=2**20)
    with pytest.raises(ImageInputError, match=r"would expand to 11 MB, over its limit of 1 MB"):
        safe_extract_zip(bomb, dest, limits)  # the whole archive's ratio (~500:1) caps it at its allowance
    assert list(dest.iterdir()) == []


def test_a_zip_whose_headers_lie_is_refused_in_one_line_having_written_no_more_than_declared(tmp_path):
    liar = _zip(tmp_path / "liar.zip", {f"img{i}.bmp": os.urandom(200_000) for i in range(10)}, declared=10)
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(ImageInputError, match=r"zip member 'img0\.bmp' is damaged"):
        safe_extract_zip(liar, dest)
    assert sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) <= 10


def test_a_zip_of_incompressible_members_past_the_cap_is_refused_before_writing(tmp_path):
    many = _zip(tmp_path / "many.zip", {f"img{i}.bmp": os.urandom(300_000) for i in range(8)})  # 2.4 MB, ratio 1
    dest = tmp_path / "out"
    dest.mkdir()
    limits = ZipLimits(max_total_bytes=2**20, min_total_allowance=2**20)
    with pytest.raises(ImageInputError, match="would expand to 2 MB, over its limit of 1 MB"):
        safe_extract_zip(many, dest, limits)
    assert list(dest.iterdir()) == []


def test_zip_extraction_happens_in_the_temporary_area_and_leaves_nothing_when_refused(limits, tmp_path):
    bad = _zip(tmp_path / "bad.zip", {"../escape.png": b"x"})
    with pytest.raises(ImageInputError, match="outside the extraction folder"):
        extract_to_tempdir(bad)
    assert [p for p in storage.process_temp_dir().iterdir()] == []
    good = _zip(tmp_path / "good.zip", {"a.png": b"x"})
    folder = extract_to_tempdir(good)
    assert folder.parent == storage.process_temp_dir() and (folder / "a.png").exists()


@pytest.fixture
def manager(tmp_path):
    m = JobManager(tmp_path / "runs", LocalProcessBackend(cancel_grace=2.0), max_running=1, max_queued_per_owner=3,
                   threads_per_job=1)
    yield m
    m.shutdown()


def _age(key, limits, seconds):
    storage.mark_seen(key, limits)
    past = time.time() - seconds
    os.utime(limits.uploads_root / ".seen" / key, (past, past))


@pytest.mark.slow  # end to end (worker processes, a subprocess, or training to a result)
def test_the_housekeeper_stops_an_absent_owners_jobs_and_expires_owners_gone_too_long(
        manager, limits, tiny_points_config, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_ABANDON_MINUTES", "30")
    monkeypatch.setenv("GANSTUDIO_EXPIRE_DAYS", "7")
    limits = ge.storage_settings()
    long = dataclasses.replace(tiny_points_config, steps=200_000)
    running = manager.submit(long, ALICE)
    queued = manager.submit(tiny_points_config, ALICE)
    bob_job = manager.submit(tiny_points_config, BOB)
    (limits.uploads_root / owner_key(CAROL)).mkdir(parents=True)
    (limits.uploads_root / owner_key(CAROL) / "model.safetensors").write_bytes(b"x")
    deadline = time.monotonic() + 60
    while manager.get(running.id, ALICE).state != "running" and time.monotonic() < deadline:
        time.sleep(0.2)
    _age(owner_key(ALICE), limits, 31 * 60)  # left half an hour ago: their jobs are stopped
    _age(owner_key(BOB), limits, 60)  # still here
    _age(owner_key(CAROL), limits, 8 * 86400)  # gone more than a week: files removed
    keeper = storage.Housekeeper(manager, limits)
    sweep = keeper.sweep()
    assert sweep.stopped_jobs == 2 and sweep.expired_owners == (owner_key(CAROL),)
    assert not (limits.uploads_root / owner_key(CAROL)).exists()
    q = manager.get(queued.id, ALICE)
    assert q.state == "cancelled" and "no GAN Studio tab open for 31 min" in q.reason and "had not started" in q.reason
    r = manager.wait(running.id, ALICE, timeout=30)
    assert r.state == "cancelled" and "stopped by the server" in r.reason and "stopped by the user" not in r.reason
    assert manager.get(bob_job.id, BOB).state in ("queued", "running")  # Bob is here: untouched
    # Alice's runs stay while she is within the expiry time; past it, they go with her, once nothing of hers runs.
    assert (manager.runs_root / owner_key(ALICE)).is_dir()
    _age(owner_key(ALICE), limits, 8 * 86400)
    assert owner_key(ALICE) in keeper.sweep().expired_owners
    assert not (manager.runs_root / owner_key(ALICE)).exists() and manager.list(ALICE) == []
    manager.cancel(bob_job.id, BOB)


def test_nothing_expires_or_stops_when_the_operator_says_never(manager, limits, monkeypatch):
    monkeypatch.setenv("GANSTUDIO_ABANDON_MINUTES", "0")
    monkeypatch.setenv("GANSTUDIO_EXPIRE_DAYS", "0")
    limits = ge.storage_settings()
    (limits.uploads_root / owner_key(CAROL)).mkdir(parents=True)
    _age(owner_key(CAROL), limits, 400 * 86400)
    assert storage.Housekeeper(manager, limits).sweep() == storage.Sweep(0, ())
    assert (limits.uploads_root / owner_key(CAROL)).is_dir()
