"""Cleaner options, held once in a frozen dataclass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .categories import Category, parse_categories

MODES = ("auto", "text", "html")
HTML_FOCUSES = ("precision", "balanced", "recall")


@dataclass(frozen=True, slots=True)
class CleanerConfig:
    """Every option of a cleaning run. Build it with ``CleanerConfig.build(**options)``.

    - ``rules``: paths of extra rule packs, applied after the built-in ones.
    - ``builtin_rules``: use the packs shipped with cleaner.
    - ``keep``: categories to leave in the body (their metadata is still read).
    - ``mode``: ``auto``, ``text`` or ``html``.
    - ``explain``: record the removal trail (``Article.removed``).
    - ``find_article``: in a full-page dump, keep only the article region.
    - ``html_focus``: how trafilatura extracts HTML: ``precision`` (less page furniture),
      ``balanced`` or ``recall`` (more text, more furniture).
    - ``regex_timeout``: seconds one rule may spend on one line before it is stopped.
    """

    rules: tuple[str, ...] = ()
    builtin_rules: bool = True
    keep: frozenset[Category] = frozenset()
    mode: str = "auto"
    explain: bool = True
    find_article: bool = True
    html_focus: str = "precision"
    regex_timeout: float = 0.25

    @classmethod
    def build(cls, **options: Any) -> CleanerConfig:
        """A config from keyword options, validated; unknown options raise TypeError."""
        known = {f.name for f in fields(cls)}
        unknown = set(options) - known
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        if "rules" in options:
            options["rules"] = _paths(options["rules"])
        if "keep" in options:
            options["keep"] = parse_categories(options["keep"])
        config = cls(**options)
        config.validate()
        return config

    def with_options(self, **options: Any) -> CleanerConfig:
        """A copy with some options changed."""
        merged = {f.name: getattr(self, f.name) for f in fields(self)}
        merged.update(options)
        return CleanerConfig.build(**merged) if options else replace(self)

    def validate(self) -> None:
        """Raise ValueError on an impossible option value."""
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.html_focus not in HTML_FOCUSES:
            raise ValueError(
                f"html_focus must be one of {', '.join(HTML_FOCUSES)}, not {self.html_focus!r}"
            )
        if not self.regex_timeout > 0:
            raise ValueError("regex_timeout must be positive")


def _paths(rules: str | Path | Iterable[str | Path] | None) -> tuple[str, ...]:
    if rules is None:
        return ()
    if isinstance(rules, (str, Path)):
        return (str(rules),)
    return tuple(str(r) for r in rules)
