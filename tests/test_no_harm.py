"""Real article text is not harmed: human-made bodies, cleaned alone, keep their shingles.

Every gold body of the dev corpora (aeb-dev ``articleBody``, wcxb-dev article
``main_content``) is cleaned on its own in text mode. Some gold bodies hold small junk
lines that the packs rightly remove ("8 min read", "Image credit: ..."), so the bars are a
mean recall and a share of bodies that lose more than a tenth of their text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.evaluation.metrics import page_counts

from .conftest import FIXTURES

MEAN_RECALL_FLOOR = 0.99
MAX_SHARE_HARMED = 0.01
HARMED_BELOW = 0.9


def gold_bodies(bench: Path) -> dict[str, str]:
    """Every aeb-dev body and every wcxb-dev article body, by corpus/id."""
    bodies = {
        f"aeb-dev/{key}": page["articleBody"]
        for key, page in json.loads((bench / "ground-truth.json").read_text("utf-8")).items()
    }
    for path in sorted((bench.parent / "wcxb-dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        body = data["ground_truth"].get("main_content")
        if data["_internal"]["page_type"]["primary"] == "article" and body:
            bodies[f"wcxb-dev/{path.stem}"] = body
    return bodies


@pytest.mark.slow
def test_gold_bodies_keep_their_text(bench_dir: Path) -> None:
    bodies = gold_bodies(bench_dir)
    assert len(bodies) == 88 + 791
    engine = cleaner.Cleaner(mode="text", explain=False)
    recalls = {
        key: page_counts(body, engine.clean(body).text).recall for key, body in bodies.items()
    }
    mean = sum(recalls.values()) / len(recalls)
    harmed = sorted((r, k) for k, r in recalls.items() if r < HARMED_BELOW)
    assert mean >= MEAN_RECALL_FLOOR, harmed[:10]
    assert len(harmed) / len(recalls) < MAX_SHARE_HARMED, harmed[:10]


def test_negative_fixtures_come_out_unchanged() -> None:
    for text in json.loads((FIXTURES / "negative.json").read_text("utf-8")):
        assert cleaner.clean(text, mode="text").text == text
