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
