"""What a rule is: id, category, scope, patterns and the examples that pin it down."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..categories import Category


class Scope(StrEnum):
    """Where a rule applies and what it removes."""

    TOKEN = "token"
    LINE = "line"
    BLOCK_START = "block_start"
    THREAD_START = "thread_start"
    HEADER = "header"
    FOOTER = "footer"

    @property
    def description(self) -> str:
        """What a rule of this scope removes."""
        return SCOPE_DESCRIPTIONS[self]

    @property
    def whole_line(self) -> bool:
        """True for scopes whose patterns must match a whole line."""
        return self is not Scope.TOKEN


SCOPE_DESCRIPTIONS = {
    Scope.TOKEN: "Cuts each match out of the line; the rest of the paragraph stays.",
    Scope.LINE: "The pattern matches a whole line; the line goes.",
    Scope.BLOCK_START: (
        "The pattern matches a whole line that opens a teaser block; the line and the "
        "teaser items after it go."
    ),
    Scope.THREAD_START: (
        "The pattern matches a whole line that opens the comment thread under an article; "
        "when an article's prose comes before it, the line and every line after it go, "
        "else only the line."
    ),
    Scope.HEADER: "A whole-line rule that applies only before the first paragraph of prose.",
    Scope.FOOTER: "A whole-line rule that applies only after the last paragraph of prose.",
}

# Whole-line rules skip lines longer than their max_chars (boilerplate lines are short).
DEFAULT_MAX_CHARS = 200
MAX_MAX_CHARS = 100_000

# Named groups a pattern may capture; each feeds the metadata field of the same name.
CAPTURE_FIELDS = frozenset(
    {
        "title",
        "date",
        "updated",
        "authors",
        "contributors",
        "section",
        "tags",
        "reading_time",
        "copyright",
    }
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a pack. Patterns use the ``regex`` module's syntax."""

    id: str
    category: Category
    scope: Scope
    patterns: tuple[str, ...]
    description: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    case_sensitive: bool = False
    pack: str = ""
    max_chars: int = 200
    site: str | None = None  # the only site whose documents the rule applies to


# The language of a pack whose rules are not written in one language.
ANY_LANGUAGE = "mul"


@dataclass(frozen=True, slots=True)
class RulePack:
    """The rules of one TOML file, written for one language (an ISO 639-1 code, or
    ``mul`` for rules that are not in one language)."""

    name: str
    path: str
    rules: tuple[Rule, ...]
    description: str = ""
    language: str = ANY_LANGUAGE
