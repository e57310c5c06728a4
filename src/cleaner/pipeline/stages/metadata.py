"""Assemble Metadata from what rules captured and heuristics noted, field by field."""

from __future__ import annotations

from ...article import Metadata
from ...html.titles import site_names
from ...metadata.dates import parse_date
from ...metadata.people import split_people, squash
from ...metadata.values import clean_title, copyright_holder, reading_minutes, split_tags
from ...text.language import identify
from ..document import Document


def build_metadata(doc: Document) -> None:
    """Fill each field from its first reliable source: hints, then rule captures, then notes."""
    meta = doc.hints if doc.hints is not None else Metadata()
    for name, value, source in [*doc.captures, *((n, v, s) for n, (v, s) in doc.notes.items())]:
        _apply(meta, name, value, source, doc.body)
    _identify_language(meta, doc.body)
    doc.metadata = meta


def _identify_language(meta: Metadata, body: str) -> None:
    """The body's language; a language the hints hold (the page's ``<html lang>``) is only
    a hint: it stands when the body names no language reliably."""
    found = identify(body, meta.language)
    meta.language = found.code if found else None
    if found:
        meta.sources["language"] = found.source
    else:
        meta.sources.pop("language", None)


def _set(meta: Metadata, name: str, value: object, source: str) -> None:
    if value in (None, [], "") or getattr(meta, name) not in (None, []):
        return
    setattr(meta, name, value)
    meta.sources[name] = source


def _extend(meta: Metadata, name: str, values: list[str], source: str) -> None:
    current: list[str] = getattr(meta, name)
    added = [v for v in values if v not in current]
    if added:
        current.extend(added)
        meta.sources.setdefault(name, source)


def _beside_site(people: list[str], meta: Metadata) -> list[str]:
    """``people`` without the site's own name when someone else is named too: a byline
    "By Ann Lee, Example News" names the author and the publisher; a site named alone
    ("By Example News") is the author its page names.

    >>> meta = Metadata(url="https://examplenews.com/a")
    >>> _beside_site(["Ann Lee", "Example News"], meta), _beside_site(["Example News"], meta)
    (['Ann Lee'], ['Example News'])
    """
    site = site_names(meta.sitename, meta.url)
    others = [person for person in people if squash(person) not in site]
    return others if others or meta.authors else people


def _apply(meta: Metadata, name: str, value: str, source: str, body: str) -> None:
    if name == "title":
        _set(meta, "title", clean_title(value), source)
    elif name in ("date", "updated"):
        _set(meta, name, parse_date(value), source)
    elif name == "section":
        _set(meta, "section", clean_title(value), source)
    elif name == "reading_time":
        _set(meta, "reading_time", reading_minutes(value), source)
    elif name == "copyright":
        _set(meta, "copyright", copyright_holder(value), source)
    elif name in ("authors", "contributors"):
        _extend(meta, name, _beside_site(split_people(value), meta), source)
    elif name == "tags":
        _extend(meta, "tags", split_tags(value, body), source)
