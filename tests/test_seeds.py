"""The three seed articles: exact bodies and metadata, every junk gone, every sentence kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner.article import Metadata

from .conftest import FIXTURES

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


def expected(seed: Path, suffix: str) -> Path:
    return FIXTURES / "expected" / (seed.stem + suffix)


@pytest.fixture(params=SEEDS, ids=[p.stem[:3] for p in SEEDS])
def seed(request: pytest.FixtureRequest) -> tuple[Path, cleaner.Article]:
    path: Path = request.param
    return path, cleaner.clean(path.read_text("utf-8"), mode="text")


def test_three_seeds_are_bundled() -> None:
    assert len(SEEDS) == 3


def test_body_is_exactly_the_expected_body(seed: tuple[Path, cleaner.Article]) -> None:
    path, article = seed
    assert article.text + "\n" == expected(path, ".txt").read_text("utf-8")


def test_metadata_is_exactly_the_expected_metadata(seed: tuple[Path, cleaner.Article]) -> None:
    path, article = seed
    want = json.loads(expected(path, ".json").read_text("utf-8"))["metadata"]
    got = {name: getattr(article.metadata, name) for name in Metadata.field_names()}
    assert got == want


def test_removals_name_the_expected_rules(seed: tuple[Path, cleaner.Article]) -> None:
    path, article = seed
    want = json.loads(expected(path, ".json").read_text("utf-8"))["removed"]
    assert [[r.category, r.rule] for r in article.removed] == want


def test_junk_is_gone_and_article_sentences_stay(seed: tuple[Path, cleaner.Article]) -> None:
    path, article = seed
    spec = json.loads(expected(path, ".json").read_text("utf-8"))
    for junk in spec["absent"]:
        assert junk not in article.text
    for sentence in spec["present"]:
        assert sentence in article.text


def test_every_article_paragraph_of_the_seed_is_kept(seed: tuple[Path, cleaner.Article]) -> None:
    path, article = seed
    removed = {r.text.strip() for r in article.removed}
    body = set(article.text.split("\n\n"))
    for paragraph in path.read_text("utf-8").split("\n\n"):
        text = " ".join(paragraph.split())
        if len(text.split()) >= 12 and not any(text in r or r in text for r in removed):
            assert text in body


def test_seed_002_teaser_block_goes_whole() -> None:
    source = (FIXTURES / "seeds" / "002_a4e41b59c579a6f3.txt").read_text("utf-8")
    article = cleaner.clean(source, mode="text")
    block = [r for r in article.removed if r.rule == "REC001"]
    assert len(block) == 1
    assert block[0].text.startswith("Recommended Stories")
    assert block[0].text.rstrip().endswith("The Tesla Model S can do 405 miles, the EPA says.")
    assert source[block[0].start : block[0].end] == block[0].text


def test_seed_001_keeps_the_mosads_paragraph_without_the_token() -> None:
    source = (FIXTURES / "seeds" / "001_bd61e237c2cdf799.txt").read_text("utf-8")
    article = cleaner.clean(source, mode="text")
    token = next(r for r in article.removed if r.rule == "AD001")
    assert (token.text, source[token.start : token.end]) == ("{mosads}", "{mosads}")
    assert "\n\nThe move was widely interpreted as President Trump" in article.text
