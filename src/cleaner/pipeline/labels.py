"""Why a line, or a span inside a line, is not article text."""

from __future__ import annotations

from dataclasses import dataclass

from ..categories import Category
from ..rules import Rule


@dataclass(frozen=True, slots=True)
class Label:
    """Why a line (or a cut inside a line) is not article text."""

    category: Category
    rule: str
    reason: str = ""

    @classmethod
    def of(cls, rule: Rule) -> Label:
        """The label a rule gives."""
        return cls(rule.category, rule.id, rule.description)


@dataclass(frozen=True, slots=True)
class Cut:
    """An inline span removed from a line; offsets are into the input."""

    line: int
    start: int
    end: int
    label: Label
