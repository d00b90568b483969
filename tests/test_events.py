from ganengine.events import JsonlSink, read_events


def test_events_are_read_incrementally(tmp_path):
    sink = JsonlSink(tmp_path / "events.jsonl")
    sink({"type": "a"})
    events, offset = read_events(tmp_path / "events.jsonl")
    assert [e["type"] for e in events] == ["a"] and "time" in events[0]
    sink({"type": "b"})
    events, _ = read_events(tmp_path / "events.jsonl", offset)
    assert [e["type"] for e in events] == ["b"]


def test_a_line_cut_by_a_killed_writer_does_not_swallow_the_next_event(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"type": "metrics", "step": 3}\n{"type": "metr')
    JsonlSink(path)({"type": "cancelled", "step": 3})
    assert [e["type"] for e in read_events(path)[0]] == ["metrics", "cancelled"]


def test_half_written_last_line_waits(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"type": "a"}\n{"type": "b"')
    events, offset = read_events(path)
    assert [e["type"] for e in events] == ["a"] and offset == len('{"type": "a"}\n')
