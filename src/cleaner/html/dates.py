"""The dates of an HTML page: published and modified, each only when the page states it.

htmldate reads the markup (meta tags, JSON-LD, ``<time>``, ...) without its extensive
search, once for the original (published) date and once for the latest (modified) one.
A date counts as stated when the page's visible text writes it in any form the date
reader knows (``find_dates``: "6. August 2009", "29 décembre 2019", "31.10.23", ...), or
when the markup holds it in ISO form outside a URL; a date found only in a URL's digits
is not stated. The modified date goes to ``updated`` only when it differs from the
published one.

htmldate falls back to a page's modification date when it finds no publication date in
the meta tags (before it reads JSON-LD), and skips timestamps with milliseconds. So the
page's own declarations are read too (`declared_dates`: meta tags, ``itemprop``
elements, JSON-LD keys): a date the page declares only as modified is not the published
date; the one published date the page declares stands in for it, or no date does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from ..metadata.dates import find_dates, parse_date

URL_EDGES = frozenset(" \t\n\"'<>()[]{}")
URL_SIGNS = ("/", "?", "=")
MAX_URL_CHARS = 2000
# htmldate without its extensive search: dates the page states in markup, not guessed
# from free text.
DATE_OPTIONS: dict[str, Any] = {"extensive_search": False}
# Meta tags (``property``, ``name`` or ``itemprop``, lower-cased) that declare the date a
# page was published, and the date it was modified.
PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "article:published",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
        "datecreated",
        "published_time",
        "publish_date",
        "publish-date",
        "publication_date",
        "pubdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    }
)
MODIFIED_META = frozenset(
    {
        "article:modified_time",
        "article:modified",
        "og:updated_time",
        "og:modified_time",
        "og:article:modified_time",
        "datemodified",
        "dateupdated",
        "modified_time",
        "updated_time",
        "dc.modified",
        "dcterms.modified",
        "last-modified",
        "lastmodified",
        "lastmod",
        "modified",
        "updated",
    }
)
# A declared date is read from this many first characters of its value.
MAX_DATE_CHARS = 100
# schema.org properties on elements and in JSON-LD: published (or created), modified.
ITEMPROP_DATES = ("datePublished", "dateCreated", "dateModified")
ITEMPROP_XPATH = " or ".join(f"@itemprop='{name}'" for name in ITEMPROP_DATES)
JSON_LD_DATE = regex.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{8,40})"')
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


def declared_dates(tree: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The dates the page's markup declares as published and as modified: meta tags,
    elements with a schema.org ``itemprop``, and the keys of its JSON-LD.

    >>> from lxml import html
    >>> declared_dates(html.fromstring(
    ...     '<html><head><meta property="article:modified_time" content="2024-05-03T10:57Z">'
    ...     '<script type="application/ld+json">{"datePublished": "2024-03-17T19:47:39.000Z"}'
    ...     '</script></head><body><p>x</p></body></html>'))
    (frozenset({'2024-03-17'}), frozenset({'2024-05-03'}))
    """
    published: set[str] = set()
    modified: set[str] = set()
    if tree is None:
        return frozenset(), frozenset()
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        into = published if name in PUBLISHED_META else modified if name in MODIFIED_META else None
        if into is None:
            continue
        date = parse_date((meta.get("content") or meta.get("datetime") or "")[:MAX_DATE_CHARS])
        if date is not None:
            into.add(date)
    for element in tree.xpath(f"//*[{ITEMPROP_XPATH}][not(self::meta)]"):
        value = element.get("datetime") or element.get("content") or element.text_content()
        date = parse_date(value[:MAX_DATE_CHARS])
        if date is not None:
            (modified if element.get("itemprop") == "dateModified" else published).add(date)
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for key, value in JSON_LD_DATE.findall(script.text or ""):
            date = parse_date(value)
            if date is not None:
                (modified if key == "dateModified" else published).add(date)
    return frozenset(published), frozenset(modified)


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
    modified date when that differs, each only when stated.

    A published date the page declares only as modified gives way to the one published
    date it declares (none when it declares none or several); so does a missing one. A
    date the page declares neither way, on a page that declares several published dates
    (the posts of a thread, each marked up), gives way to the earliest of them: the
    thread's first post.
    """
    written = functools.cache(lambda: written_dates(tree))
    date = stated_date(published, page, written)
    declared, changed = declared_dates(tree)
    if date is None or (date in changed and date not in declared):
        date = stated_date(next(iter(declared)), page, written) if len(declared) == 1 else None
    elif len(declared) > 1 and date not in declared and date not in changed:
        date = stated_date(min(declared), page, written)
    modified = markup_date(tree, url, original=False) if tree is not None else None
    updated = stated_date(modified, page, written)
    return date, (updated if updated != date else None)
