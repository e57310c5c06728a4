"""Real article text is not harmed: human-made bodies, cleaned alone, keep their shingles."""

from __future__ import annotations

import json
from pathlib import Path

import cleaner
from cleaner.evaluation.metrics import page_counts

MEAN_RECALL_FLOOR = 0.995
FULLY_KEPT_FLOOR = 0.95


def test_ground_truth_bodies_keep_their_text(bench_dir: Path) -> None:
    truth = json.loads((bench_dir / "ground-truth.json").read_text("utf-8"))
    recalls: dict[str, float] = {}
    for page_id, page in truth.items():
        body = page["articleBody"]
        recalls[page_id] = page_counts(body, cleaner.clean(body, mode="text").text).recall
    mean = sum(recalls.values()) / len(recalls)
    fully_kept = sum(r == 1.0 for r in recalls.values()) / len(recalls)
    worst = sorted(recalls.items(), key=lambda item: item[1])[:5]
    assert mean >= MEAN_RECALL_FLOOR, worst
    assert fully_kept >= FULLY_KEPT_FLOOR, worst


def test_negative_fixtures_come_out_unchanged() -> None:
    from .conftest import FIXTURES

    for text in json.loads((FIXTURES / "negative.json").read_text("utf-8")):
        assert cleaner.clean(text, mode="text").text == text
