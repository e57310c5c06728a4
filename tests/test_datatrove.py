"""cleaner.integrations.datatrove: CleanerStep in a JSONL-to-JSONL LocalPipelineExecutor run."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove", reason="datatrove not installed: pip install 'cleaner[datatrove]'")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

import cleaner
from cleaner import Cleaner, Metadata
from cleaner.integrations.datatrove import CleanerStep

from .conftest import BENCH, FIXTURES

SOURCES = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((BENCH / "text").glob("*.txt"))
ALL_JUNK = "Advertisement\n\nShare this article\n\nSign up to receive our latest news!"
URL = "https://example.com/news/seed-0"


def inputs() -> list[dict[str, Any]]:
    """JSONL records: seeds, dev texts (when present), one with a URL, one all boilerplate."""
    records: list[dict[str, Any]] = [
        {"id": path.stem, "text": path.read_text("utf-8"), "source": "test"} for path in SOURCES
    ]
    records[0]["url"] = URL
    records.append({"id": "all-junk", "text": ALL_JUNK})
    return records


def expected_record(text: str, url: str | None = None) -> dict[str, Any]:
    """What CleanerStep should store, computed from the library directly."""
    article = cleaner.clean(text, mode="text", url=url)
    fields = {name: getattr(article.metadata, name) for name in Metadata.field_names()}
    counts = {"removed_count": len(article.removed), "removed": article.removed_by_category()}
    return fields | counts


def read_jsonl(folder: Path) -> dict[str, dict[str, Any]]:
    lines = [line for path in sorted(folder.glob("*.jsonl")) for line in path.open()]
    return {record["id"]: record for record in map(json.loads, lines)}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """Read JSONL, clean (dropping empty bodies to an exclusion writer), write JSONL."""
    pytest.importorskip("orjson", reason="datatrove's JSONL reader and writer need orjson")
    root = tmp_path_factory.mktemp("datatrove")
    (root / "in").mkdir()
    with (root / "in" / "docs.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(record) + "\n" for record in inputs())
    step = CleanerStep(
        mode="text",
        drop_empty=True,
        exclusion_writer=JsonlWriter(str(root / "excluded"), compression=None),
    )
    pipeline = [
        JsonlReader(str(root / "in")),
        step,
        JsonlWriter(str(root / "out"), compression=None),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(root / "logs"))
    stats = executor.run()
    return root, stats.stats[1]


def test_output_texts_and_metadata_equal_the_library(run: tuple[Path, Any]) -> None:
    root, _ = run
    out = read_jsonl(root / "out")
    assert set(out) == {path.stem for path in SOURCES}
    for record in inputs()[:-1]:
        url = record.get("url")
        doc = out[record["id"]]
        assert doc["text"] == cleaner.clean(record["text"], mode="text").text
        assert doc["metadata"]["cleaner"] == expected_record(record["text"], url)
        assert doc["metadata"]["source"] == "test"
    assert out[SOURCES[0].stem]["metadata"]["cleaner"]["url"] == URL
    assert out[SOURCES[2].stem]["metadata"]["cleaner"]["authors"] == ["Nahal Toosi"]


def test_empty_body_is_dropped_to_the_exclusion_writer(run: tuple[Path, Any]) -> None:
    root, _ = run
    excluded = read_jsonl(root / "excluded")
    assert list(excluded) == ["all-junk"]
    doc = excluded["all-junk"]
    assert doc["text"] == ALL_JUNK
    assert doc["metadata"]["filter_reason"] == "empty"
    assert doc["metadata"]["cleaner"]["removed"] == {"ad": 1, "social": 1, "newsletter": 1}


def test_stats_count_documents_and_removals_per_category(run: tuple[Path, Any]) -> None:
    _, stats = run
    counts: dict[str, int] = {}
    for record in inputs():
        for category, n in expected_record(record["text"])["removed"].items():
            counts[category] = counts.get(category, 0) + n
    assert len(counts) >= 3
    for category, n in counts.items():
        assert stats[f"removed_{category}"].total == n
    assert stats["total"].total == len(SOURCES) + 1
    assert stats["forwarded"].total == len(SOURCES)
    assert stats["dropped"].total == stats["dropped_empty"].total == 1


def test_without_drop_empty_the_empty_body_is_kept() -> None:
    step = CleanerStep(mode="text")
    docs = list(step.run(iter([Document(text=ALL_JUNK, id="junk")])))
    assert [(d.id, d.text) for d in docs] == [("junk", "")]
    assert docs[0].metadata["cleaner"]["removed_count"] == 3
    assert step.stats["forwarded"].total == 1


def test_stats_count_the_warnings_of_the_cleaned_documents_by_code() -> None:
    step = CleanerStep()
    pages = [
        Document(text="<html><body><div></div></body></html>", id="empty-page"),
        Document(text="<div>" * 100_000 + "The vote is on Monday, officials said.", id="deep"),
        Document(text="The vote is on Monday, officials said.", id="plain"),
    ]
    docs = list(step.run(iter(pages)))
    assert [d.id for d in docs] == ["empty-page", "deep", "plain"]
    assert step.stats["warning_html-fallback"].total == 1
    assert step.stats["warning_html-unparsed"].total == 1


def test_a_failing_document_is_dropped_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = Cleaner.clean

    def clean(self: Cleaner, source: str | bytes, **kwargs: Any) -> cleaner.Article:
        if source == "BOOM":
            raise RuntimeError("exploded")
        return original(self, source, **kwargs)

    monkeypatch.setattr(Cleaner, "clean", clean)
    step = CleanerStep(mode="text")
    docs = [Document(text="BOOM", id="bad"), Document(text="The vote is on Monday.", id="ok")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["ok"]
    assert docs[0].metadata["cleaner"] == {"error": "RuntimeError: exploded"}
    assert step.stats["dropped_clean_error"].total == 1


def test_options_and_metadata_key_are_honoured() -> None:
    text = "Getty Images\n\nThe council met on Monday to vote on the new budget."
    step = CleanerStep(keep=["credit"], metadata_key="boilerplate", url_key=None)
    doc = Document(text=text, id="1", metadata={"url": URL})
    [out] = step.run(iter([doc]))
    assert out.text == text
    assert out.metadata["boilerplate"]["url"] is None
    with pytest.raises(TypeError, match="unknown option"):
        CleanerStep(colour="red")


def test_the_step_pickles_for_multiprocess_executors() -> None:
    step = CleanerStep(mode="text", keep=["credit"], drop_empty=True)
    copy = pickle.loads(pickle.dumps(step))
    assert (copy.config, copy.drop_empty) == (step.config, True)
    text = "Most Popular\n\nThe bill passed 52 to 48 on a party-line vote.\n"
    [doc] = copy.run(iter([Document(text=text, id="1")]))
    assert doc.text == "The bill passed 52 to 48 on a party-line vote."
