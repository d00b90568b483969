"""Spread over seeds, the shared comparison table (key metrics first, best per metric), and the self-contained HTML
evaluation report written by `python -m ganengine evaluate ... --report`."""

import html
import json
import re
from pathlib import Path

import pytest

from ganengine.checkpoints import load_checkpoint, save_checkpoint
from ganengine.metrics import EvaluationError, evaluate_seeds, summary_table
from ganengine.pipelines import SamplePipeline

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "checkpoints"


pytestmark = pytest.mark.usefixtures("private_metrics_cache")


def fetches(page: str) -> list[str]:
    """Every way an HTML page could ask another machine for something as it opens."""
    patterns = [r"<script[^>]*\ssrc\s*=", r"<img[^>]*\ssrc\s*=\s*[\"']?https?:", r"<link[^>]*href\s*=\s*[\"']?https?:",
                r"<iframe", r"url\(\s*[\"']?https?:", r"@import"]
    return [m.group(0) for p in patterns for m in re.finditer(p, page, re.IGNORECASE)]


def test_several_seeds_give_a_mean_and_a_range_from_torch_fidelity():
    pipeline = SamplePipeline.load(SHIPPED / "digits-dcgan.safetensors")
    row = evaluate_seeds(pipeline, n=100, metrics=("fid", "prc"), seeds=3)
    assert row["seeds"] == 3 and set(row["range"]) == {"fid", "precision", "recall"}
    for name in ("fid", "precision", "recall"):
        values = row["per_seed"][name]
        assert len(values) == 3 and len(set(values)) > 1  # each seed draws other samples: the figures differ
        assert row["range"][name] == [min(values), max(values)]
        assert row["fid" if name == "fid" else name] == pytest.approx(sum(values) / 3)
    with pytest.raises(EvaluationError, match="between 1 and 5"):
        evaluate_seeds(pipeline, n=100, seeds=6)


def test_table_puts_key_metrics_first_and_finds_each_best():
    common = {"step": 100, "extractor": "ganstudio-digits", "samples": 500, "seconds": 3.2, "seeds": 1, "isc": 2.0,
              "kid_std": 0.01, "real_samples": 500, "data": "digits", "checkpoint": "x"}
    rows = [("bad", {**common, "fid": 346.0, "kid": 0.4, "precision": 0.1, "recall": 0.9}),
            ("good", {**common, "fid": 0.53, "kid": -0.01, "precision": 0.8, "recall": 0.7, "isc": 3.0})]
    table = summary_table(rows)
    assert table.columns == ["fid", "kid", "precision", "recall", "isc", "kid_std", "step", "extractor", "samples",
                             "seeds", "seconds"]
    assert table.best == {"fid": 1, "kid": 1, "precision": 1, "recall": 0, "isc": 1}
    assert table.cells()[1][:4] == ["0.53", "-0.01", "0.800", "0.700"]
    assert summary_table(rows[:1]).best == {}  # one row is best of nothing


def test_table_shows_mean_and_range_when_seeds_were_measured():
    row = {"fid": 2.0, "seeds": 2, "range": {"fid": [1.5, 2.5]}, "extractor": "e", "samples": 100}
    table = summary_table([("a", row), ("b", {**row, "fid": 3.0, "range": {"fid": [2.9, 3.1]}})])
    assert table.cells()[0][0] == "2 (1.5–2.5)" and table.best == {"fid": 0}
    french = table.cells(lambda v, spec: format(v, spec).replace(".", ","))
    assert french[1][0] == "3 (2,9–3,1)"
    negative = summary_table([("c", {"kid": -0.0125, "seeds": 2, "range": {"kid": [-0.0137, -0.0112]}})])
    assert negative.cells()[0][0] == "-0.013 (-0.014 – -0.011)"


def test_cli_writes_one_self_contained_report_with_every_number(tmp_path, capsys):
    from ganengine.cli import main

    tensors, card = load_checkpoint(SHIPPED / "digits-dcgan.safetensors")
    card.command = "<img src=https://tracker.example/x.png> <script>alert(1)</script>"  # a card is its file's word
    hostile = tmp_path / "odd.safetensors"
    save_checkpoint(hostile, tensors, card)
    report, results = tmp_path / "out" / "report.html", tmp_path / "eval.json"
    code = main(["evaluate", str(hostile), str(SHIPPED / "digits-cdcgan.safetensors"), "--n", "100", "--seeds", "2",
                 "--json", str(results), "--report", str(report)])
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in report.parent.iterdir()] == ["report.html"]  # one file, nothing beside it
    page = report.read_text(encoding="utf-8")
    assert not fetches(page), fetches(page)
    assert "Plotly.newPlot" in page and page.count("src='data:image/png;base64,") == 2  # charts and sample grids inline
    rows = json.loads(results.read_text())["results"]
    table = summary_table([(r["checkpoint"], r) for r in rows])
    for cells in table.cells():
        for cell in cells:
            assert html.escape(cell) in page, cell
    assert "ganstudio-digits" in page and "100 generated samples against 100 real images" in page
    assert "not Inception-v3" in page and "GANSTUDIO_INCEPTION_WEIGHTS" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
