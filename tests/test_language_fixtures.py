"""A hand-written article per language with its page junk around it: exact body and
metadata; and cleaning mixed-language text twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.article import Metadata

from .conftest import FIXTURES
from .strategies import JUNK

FOLDER = FIXTURES / "languages"
ARTICLES = sorted(p for p in FOLDER.glob("*.txt") if not p.name.endswith(".expected.txt"))
LANGUAGES = ("de", "es", "fr", "it", "nl", "pl", "pt", "ru")


def test_every_language_of_the_packs_has_an_article() -> None:
    assert tuple(p.stem for p in ARTICLES) == LANGUAGES


@pytest.fixture(params=ARTICLES, ids=[p.stem for p in ARTICLES])
def article(request: pytest.FixtureRequest) -> tuple[Path, cleaner.Article]:
    path: Path = request.param
    return path, cleaner.clean(path.read_text("utf-8"), mode="text")


def test_body_is_exactly_the_expected_body(article: tuple[Path, cleaner.Article]) -> None:
    path, result = article
    assert result.text + "\n" == (FOLDER / f"{path.stem}.expected.txt").read_text("utf-8")


def test_metadata_is_exactly_the_expected_metadata(article: tuple[Path, cleaner.Article]) -> None:
    path, result = article
    want = json.loads((FOLDER / f"{path.stem}.json").read_text("utf-8"))["metadata"]
    assert {name: getattr(result.metadata, name) for name in Metadata.field_names()} == want
    assert result.metadata.language == path.stem


def test_only_rules_of_the_packs_and_the_header_heuristics_removed_lines(
    article: tuple[Path, cleaner.Article],
) -> None:
    _, result = article
    assert result.removed
    assert all(r.rule != "HEUR-REGION" for r in result.removed)


def test_cleaning_the_body_again_changes_nothing(article: tuple[Path, cleaner.Article]) -> None:
    _, result = article
    again = cleaner.clean(result.text, mode="text")
    assert again.text == result.text
    assert again.metadata.language == result.metadata.language


# Paragraphs of every language, from the articles' expected bodies.
PARAGRAPHS = sorted(
    {
        paragraph.strip()
        for path in ARTICLES
        for paragraph in (FOLDER / f"{path.stem}.expected.txt").read_text("utf-8").split("\n\n")
        if paragraph.strip()
    }
)
MIXED_LINE = st.one_of(st.sampled_from(PARAGRAPHS), st.sampled_from(JUNK))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MIXED_LINE, max_size=30), st.sampled_from(["\n", "\n\n"]))
def test_cleaning_mixed_language_text_twice_changes_nothing(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    once = cleaner.clean(text, mode="text")
    twice = cleaner.clean(once.text, mode="text")
    assert twice.text == once.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12, unique=True))
def test_mixed_language_prose_is_kept_whole(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert cleaner.clean(text, mode="text").text == text
