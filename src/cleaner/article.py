"""The result types: an `Article` with its `Metadata` and the `Removal` trail."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any


class WarningCode(StrEnum):
    """What a warning in `Article.warnings` is about; each warning reads ``code: message``."""

    RULE_TIMEOUT = "rule-timeout"
    TOKEN_UNMAPPED = "token-unmapped"
    HTML_UNPARSED = "html-unparsed"
    HTML_FALLBACK = "html-fallback"
    HTML_GAPS_SKIPPED = "html-gaps-skipped"
    METADATA_UNREAD = "metadata-unread"
    CHARSET_GUESSED = "charset-guessed"
    REGION_EMPTY = "region-empty"


def warning(code: WarningCode, message: str) -> str:
    """A warning as `Article.warnings` holds it.

    >>> warning(WarningCode.CHARSET_GUESSED, "decoded as cp1252")
    'charset-guessed: decoded as cp1252'
    """
    return f"{code.value}: {message}"


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of the input that is not in the body.

    ``start`` and ``end`` are offsets into the decoded input text and
    ``text == input[start:end]``.
    """

    category: str
    rule: str
    text: str
    start: int
    end: int
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return asdict(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # Positional arguments pickle several times faster than slots state.
        return (Removal, (self.category, self.rule, self.text, self.start, self.end, self.reason))


@dataclass(slots=True)
class Metadata:
    """What the article says about itself; ``None`` or empty when unknown.

    ``sources`` names, per field, the rule or heuristic that supplied it.
    """

    title: str | None = None
    date: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    reading_time: int | None = None
    copyright: str | None = None
    language: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (lists copied)."""
        return {f.name: _copy(getattr(self, f.name)) for f in fields(self)}

    def __reduce__(self) -> tuple[Any, ...]:
        return (Metadata, tuple(getattr(self, name) for name in METADATA_FIELDS))

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The metadata fields, without ``sources``."""
        return tuple(f.name for f in fields(cls) if f.name != "sources")


METADATA_FIELDS = tuple(f.name for f in fields(Metadata))


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body, its metadata and what was removed."""

    text: str
    metadata: Metadata
    removed: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
    mode: str = "text"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict of body, metadata, removals and warnings."""
        return {
            "text": self.text,
            "metadata": self.metadata.to_dict(),
            "removed": [r.to_dict() for r in self.removed],
            "warnings": list(self.warnings),
            "mode": self.mode,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (Article, (self.text, self.metadata, self.removed, self.warnings, self.mode))

    def warning_codes(self) -> tuple[str, ...]:
        """The code of each warning, in order."""
        return tuple(text.split(":", 1)[0] for text in self.warnings)

    def removed_by_category(self) -> dict[str, int]:
        """How many removals each category made."""
        counts: dict[str, int] = {}
        for removal in self.removed:
            counts[removal.category] = counts.get(removal.category, 0) + 1
        return counts
