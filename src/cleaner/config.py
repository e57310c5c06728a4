"""Cleaner options, held once in a frozen dataclass that checks itself when it is made."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from .categories import Category, parse_categories
from .rules.sites import check_site


class Mode(StrEnum):
    """What the input is: recognised by its markup (``auto``), plain text, or HTML."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"


class HtmlFocus(StrEnum):
    """How trafilatura extracts HTML: less page furniture, balanced, or more text."""

    PRECISION = "precision"
    BALANCED = "balanced"
    RECALL = "recall"


@dataclass(frozen=True, slots=True)
class CleanerConfig:
    """Every option of a cleaning run; a bad value raises ValueError however it is made.

    - ``rules``: paths of extra rule packs, applied after the built-in ones.
    - ``builtin_rules``: use the packs shipped with cleaner.
    - ``keep``: categories to leave in the body (their metadata is still read).
    - ``mode``: ``auto``, ``text`` or ``html``.
    - ``explain``: record the removal trail (``Article.removed``).
    - ``find_article``: in a full-page dump, keep only the article region.
    - ``html_focus``: how trafilatura extracts HTML: ``balanced`` (its default setting;
      the line classifier then removes the furniture it keeps), ``precision`` (less
      furniture, and less of the article) or ``recall`` (more text, more furniture).
    - ``regex_timeout``: seconds one rule may spend on one line before it is stopped.
    - ``line_model``, ``html_line_model``: line classifier model files (JSON, as
      ``bench/train.py`` writes) for text and for the text extracted from HTML, instead of
      the built-in ones.
    - ``site``: the site of every document (``example.com``), for rule packs limited to one
      site; None: a document's site is the host of the ``url`` it is cleaned with.

    >>> CleanerConfig(mode="text").mode is Mode.TEXT
    True
    >>> CleanerConfig(html_focus="bogus")
    Traceback (most recent call last):
    ...
    ValueError: html_focus must be one of precision, balanced, recall, not 'bogus'
    """

    rules: tuple[str, ...] = ()
    builtin_rules: bool = True
    keep: frozenset[Category] = frozenset()
    mode: Mode = Mode.AUTO
    explain: bool = True
    find_article: bool = True
    html_focus: HtmlFocus = HtmlFocus.BALANCED
    regex_timeout: float = 0.25
    line_model: str | None = None
    html_line_model: str | None = None
    site: str | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: values are put in their checked form once
        set_(self, "rules", _paths(self.rules))
        set_(self, "keep", parse_categories(self.keep))
        set_(self, "mode", _choice("mode", Mode, self.mode))
        set_(self, "html_focus", _choice("html_focus", HtmlFocus, self.html_focus))
        if self.site is not None:
            set_(self, "site", check_site(self.site))
        for name in ("builtin_rules", "explain", "find_article"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be true or false, not {getattr(self, name)!r}")
        for name in ("line_model", "html_line_model"):
            if getattr(self, name) is not None:
                set_(self, name, str(getattr(self, name)))
        timeout = self.regex_timeout
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
            raise ValueError(f"regex_timeout must be a positive number of seconds, not {timeout!r}")

    @classmethod
    def build(cls, **options: Any) -> CleanerConfig:
        """A config from keyword options; unknown options raise TypeError."""
        _check_known(options)
        return cls(**options)

    def with_options(self, **options: Any) -> CleanerConfig:
        """A copy with some options changed."""
        _check_known(options)
        return replace(self, **options)


def _check_known(options: dict[str, Any]) -> None:
    unknown = set(options) - {f.name for f in fields(CleanerConfig)}
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")


def parse_mode(value: object) -> Mode:
    """A mode from its name; ValueError naming the allowed names otherwise.

    >>> parse_mode("html")
    <Mode.HTML: 'html'>
    """
    return _choice("mode", Mode, value)


E = TypeVar("E", Mode, HtmlFocus)


def _choice(name: str, kind: type[E], value: object) -> E:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return kind(value)
    allowed = ", ".join(member.value for member in kind)
    raise ValueError(f"{name} must be one of {allowed}, not {value!r}")


def _paths(rules: str | Path | Iterable[str | Path] | None) -> tuple[str, ...]:
    if rules is None:
        return ()
    if isinstance(rules, (str, Path)):
        return (str(rules),)
    return tuple(str(r) for r in rules)
