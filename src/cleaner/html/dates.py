"""The dates of an HTML page: published and modified, each only when the page states it.

htmldate reads the markup (meta tags, JSON-LD, ``<time>``, ...) without its extensive
search, once for the original (published) date and once for the latest (modified) one.
A date counts as stated when the page's visible text writes it in any form the date
reader knows (``find_dates``: "6. August 2009", "29 décembre 2019", "31.10.23", ...), or
when the markup holds it in ISO form outside a URL; a date found only in a URL's digits
is not stated. The modified date goes to ``updated`` only when it differs from the
published one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ..metadata.dates import find_dates, parse_date

URL_EDGES = frozenset(" \t\n\"'<>()[]{}")
URL_SIGNS = ("/", "?", "=")
MAX_URL_CHARS = 2000
# htmldate without its extensive search: dates the page states in markup, not guessed
# from free text.
DATE_OPTIONS: dict[str, Any] = {"extensive_search": False}
VISIBLE_TEXT = (
    ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
    " and not(ancestor::template)]"
)


def markup_date(tree: Any, url: str | None, *, original: bool) -> str | None:
    """htmldate's published (``original``) or modified date; None when it finds none."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=original, **DATE_OPTIONS)
    except (ValueError, TypeError, OverflowError):
        return None
    return str(found) if found else None


def written_dates(tree: Any) -> frozenset[str]:
    """Every date the visible text of the page's body writes (``find_dates``).

    >>> from lxml import html
    >>> sorted(written_dates(html.fromstring(
    ...     "<html><body><p>Aktualisiert am 6. August 2009</p>"
    ...     "<script>var d = '2001-01-01'</script></body></html>")))
    ['2009-08-06']
    """
    if tree is None:
        return frozenset()
    body = tree.find(".//body")
    if body is None:
        return frozenset()
    return find_dates(" ".join(body.xpath(VISIBLE_TEXT)))


def stated_date(
    value: str | None, page: str, written: Callable[[], frozenset[str]] = frozenset
) -> str | None:
    """A date only when the page states it: in ISO form in its markup outside a URL (meta
    tag, time element, JSON-LD), or written in its visible text (``written()``, read only
    when the markup does not state it).

    >>> stated_date("2021-11-15", '<time datetime="2021-11-15">'), stated_date(
    ...     "2021-11-15", '<link href="https://ex.com/news/vote-2021-11-15">')
    ('2021-11-15', None)
    >>> stated_date("2009-08-06", "<p>6. August 2009</p>", lambda: frozenset({"2009-08-06"}))
    '2009-08-06'
    """
    date = parse_date(value)
    if date is None:
        return None
    position = page.find(date)
    while position != -1:
        if not _in_url(page, position, position + len(date)):
            return date
        position = page.find(date, position + 1)
    return date if date in written() else None


def _in_url(page: str, start: int, end: int) -> bool:
    """True when page[start:end] is part of a URL or path (its run of characters between
    quotes, spaces or brackets holds a '/', '?' or '=')."""
    left = start
    while left > 0 and start - left < MAX_URL_CHARS and page[left - 1] not in URL_EDGES:
        left -= 1
    right = end
    while right < len(page) and right - end < MAX_URL_CHARS and page[right] not in URL_EDGES:
        right += 1
    return any(sign in page[left:right] for sign in URL_SIGNS)


def page_dates(
    tree: Any, page: str, url: str | None, published: str | None
) -> tuple[str | None, str | None]:
    """The page's published date (``published``, htmldate's original date) and its
    modified date when that differs, each only when stated."""
    written = functools.cache(lambda: written_dates(tree))
    date = stated_date(published, page, written)
    modified = markup_date(tree, url, original=False) if tree is not None else None
    updated = stated_date(modified, page, written)
    return date, (updated if updated != date else None)
