"""Labelled cases from fixtures/cases.json: each names the lines a rule must remove."""

from __future__ import annotations

import json
from typing import Any

import pytest

import cleaner

from .conftest import FIXTURES

CASES: list[dict[str, Any]] = json.loads((FIXTURES / "cases.json").read_text("utf-8"))


def params() -> list[Any]:
    marks = {"fail": [pytest.mark.xfail(strict=True, reason="known weakness")], "pass": []}
    return [
        pytest.param(case, id=f"{case['rule']}-{i}", marks=marks[case["expect"]])
        for i, case in enumerate(CASES)
    ]


@pytest.mark.parametrize("case", params())
def test_case(case: dict[str, Any]) -> None:
    article = cleaner.clean(case["text"], mode="text")
    body = article.text.split("\n\n")
    for line in case["removed"]:
        assert line not in body
    assert case["rule"] in {r.rule for r in article.removed}
    removed_text = "\n".join(r.text for r in article.removed)
    for line in case["text"].split("\n"):
        if line.strip() and line not in case["removed"]:
            assert line in body, f"article line dropped: {line!r} ({removed_text!r})"


def test_a_most_read_block_of_kickers_and_headlines_goes_whole() -> None:
    prose = "The council approved the budget on Monday after a long and heated debate."
    block = [
        "Most Read in News",
        "EXCLUSIVE",
        "Mum who vanished on holiday was found safe after a week, police say.",
        "HEARTBREAK",
        "Tributes paid to the teenager who died in a crash on the motorway.",
    ]
    after = "The mayor said the new budget would be balanced for the first time in years."
    text = "\n\n".join([prose, *block, after])
    article = cleaner.clean(text, mode="text", find_article=False)
    assert article.text == f"{prose}\n\n{after}"
    assert {r.rule for r in article.removed} == {"REC001"}
