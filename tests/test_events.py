"""The event schema (version 2), its writer and reader, and how version-1 events are read."""

import pytest

from ganengine.events import SCHEMA_VERSION, JsonlSink, ended, event, read_events, upgrade


def test_events_are_read_incrementally(tmp_path):
    sink = JsonlSink(tmp_path / "events.jsonl")
    sink(event("queued", 0))
    events, offset = read_events(tmp_path / "events.jsonl")
    assert [e["type"] for e in events] == ["queued"] and "time" in events[0] and events[0]["v"] == SCHEMA_VERSION
    sink(event("checkpoint", 5, path="checkpoints/step_0000005.safetensors"))
    events, _ = read_events(tmp_path / "events.jsonl", offset)
    assert [(e["type"], e["step"]) for e in events] == [("checkpoint", 5)]


def test_a_line_cut_by_a_killed_writer_does_not_swallow_the_next_event(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"v": 2, "type": "metrics", "step": 3, "values": {}}\n{"type": "metr')
    JsonlSink(path)(ended("cancelled", 3, "stopped by the user", None))
    assert [(e["type"], e.get("status")) for e in read_events(path)[0]] == [("metrics", None), ("ended", "cancelled")]


def test_half_written_last_line_waits(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"type": "queued", "step": 0}\n{"type": "b"')
    events, offset = read_events(path)
    assert [e["type"] for e in events] == ["queued"] and offset == len('{"type": "queued", "step": 0}\n')


def test_version_1_events_read_as_version_2():
    """Runs written before the schema had versions still draw: flat metrics become values, terminal types ended."""
    metrics = upgrade({"type": "metrics", "step": 10, "elapsed": 1.5, "time": 9.0, "loss_d": 1.2, "loss_g": 0.7,
                       "images_per_s": 640.0})
    assert metrics["values"] == {"loss_d": 1.2, "loss_g": 0.7} and metrics["items_per_s"] == 640.0
    assert upgrade({"type": "failed", "step": 3, "reason": "x"}) | {} == {
        "type": "ended", "status": "failed", "step": 3, "reason": "x", "v": SCHEMA_VERSION}
    current = event("sample", 4, path="samples/step_0000004.png")
    assert upgrade(current) is current


def test_the_schema_refuses_unknown_types_and_statuses():
    with pytest.raises(ValueError, match="unknown event type"):
        event("finished", 3)
    with pytest.raises(ValueError, match="status"):
        ended("exploded", 3, "", None)
