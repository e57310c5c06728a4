"""Metadata values: no value rather than a wrong one."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.metadata.dates import parse_date
from cleaner.metadata.people import split_people
from cleaner.metadata.values import copyright_holder, split_tags

PROSE = "The council approved the budget on Monday after a long and heated debate."


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("November 15, 2021", "2021-11-15"),
        ("Mon 15 Nov 2021 10:30 GMT", "2021-11-15"),
        ("15. März 2021", "2021-03-15"),
        ("2021/11/05", "2021-11-05"),
        ("02/03/2021", None),
        ("February 30, 2021", None),
        ("https://example.com/2021/11/15/story", None),
        ("Updated at 2:52 p.m.", None),
        ("", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("Email the author", []),
        ("Staff Writer", []),
        ("María José García y Pedro Ruiz", ["María José García", "Pedro Ruiz"]),
    ],
)
def test_people(text: str, names: list[str]) -> None:
    assert split_people(text) == names


def test_copyright_holder_and_tags() -> None:
    assert copyright_holder("Example Media Ltd.") == "Example Media Ltd."
    assert copyright_holder("The Example Post.") == "The Example Post"
    assert copyright_holder("All rights reserved") is None
    assert split_tags("Tag One | Tag Two") == ["Tag One", "Tag Two"]
    assert split_tags("Alpha Beta Gamma", "nothing in common") == ["Alpha Beta Gamma"]


def test_a_byline_that_is_not_a_name_gives_no_author() -> None:
    article = cleaner.clean(f"By Staff Reports\n\n{PROSE}", mode="text")
    assert article.metadata.authors == []


def test_a_date_in_a_sentence_is_not_a_dateline() -> None:
    article = cleaner.clean(f"On November 15, 2021 the court ruled. {PROSE}", mode="text")
    assert article.metadata.date is None
    assert article.removed == ()


def test_a_name_line_without_header_context_stays() -> None:
    text = f"Nahal Toosi\n\n{PROSE}"
    assert cleaner.clean(text, mode="text").text == text


def test_metadata_sources_name_the_rule() -> None:
    article = cleaner.clean(f"By Jane Doe\n\nNovember 15, 2021\n\n{PROSE}", mode="text")
    assert article.metadata.date == "2021-11-15"
    assert article.metadata.sources["date"] == "HDR004"
    assert article.metadata.sources["authors"] == "HDR002"
