"""The page's title: its visible headline (``<h1>``) reconciled with its meta titles.

A page names itself in several places: the headline readers see (``<h1>``), and for
machines ``og:title``, JSON-LD's ``headline`` and ``<title>``, which often append or
prepend the site's name ("Headline | Site", "Site - Headline"). The title is

1. a headline that one of the meta titles states too (whole, without the site's name, or
   as one of its segments): both agree, the visible form wins;
2. else a headline that the meta title starts with (the meta title adds a subtitle);
3. else a meta title that ends a headline (the headline carries a kicker: "Politics |
   Headline", "1. Februar 2022 Headline");
4. else the page's one headline, when it has exactly one that is not the site's name;
5. else the first meta title without the site's name.

A segment is the site's name when, letters and digits only, it equals the site name of
the meta tags or the URL's host (with or without its public suffix).
A headline keeps the site's name out too when it carries it after a bar or a spaced dash
("Headline – Site").
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlsplit

import regex

from ..metadata.people import squash
from ..metadata.values import read_entities

HEADLINE_SOURCE = "html:headline"
META_SOURCE = "html:trafilatura"
# Separators between a title and the site's name: a bar, bullet or guillemet anywhere,
# a dash, colon, slash or tilde with spaces around it.
SEPARATOR = regex.compile(r"\s+[-–—:/~]\s+|\s*[|·•»«]\s*|\s+::\s+")
# In a headline, the site's name follows a bar or a spaced dash; guillemets there quote
# ("«Gute Löhne alleine reichen nicht»") and a colon opens the headline's second half.
HEADLINE_SEPARATOR = regex.compile(r"\s+[-–—/~]\s+|\s*\|\s*")
WWW = regex.compile(r"^www\d*\.")
MAX_TITLE_CHARS = 300
# A headline the meta title starts with is the title when it holds at least this share
# of the meta title (else it is a fragment, a kicker or a section name).
MIN_PREFIX_SHARE = 0.5


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def site_names(sitename: str | None, url: str | None) -> frozenset[str]:
    """The squashed forms a site's name takes: its meta site name, its host, and the host
    without its last label, and its longest label.

    >>> sorted(site_names("The Example", "https://www.example.co.uk/a"))
    ['example', 'exampleco', 'examplecouk', 'theexample']
    """
    names = {squash(sitename)}
    try:
        host = WWW.sub("", urlsplit(url or "").hostname or "")
    except ValueError:
        host = ""
    if host:
        labels = host.split(".")
        names.add(squash(host))
        names.add(squash(".".join(labels[:-1])))
        names.add(squash(max(labels[:-1] or labels, key=len)))  # example of example.co.uk
    names.discard("")
    return frozenset(n for n in names if len(n) >= 2)


def is_site_name(text: str, names: frozenset[str]) -> bool:
    """True when ``text`` is only the site's name (see ``site_names``).

    >>> is_site_name("EXAMPLE.com", site_names(None, "https://example.com/x"))
    True
    """
    squashed = squash(text)
    return not squashed or squashed in names


def strip_site_name(
    title: str, names: frozenset[str], separator: regex.Pattern[str] = SEPARATOR
) -> str:
    """``title`` without segments that are the site's name, at either end (segments
    between ``separator``'s matches).

    >>> names = site_names("Example News", "https://example.com/")
    >>> strip_site_name("Council backs budget | Example News", names)
    'Council backs budget'
    >>> strip_site_name("example.com - Budget: what changes", names)
    'Budget: what changes'
    """
    spans = _segments(title, separator)
    while len(spans) > 1 and is_site_name(title[spans[-1][0] : spans[-1][1]], names):
        spans.pop()
    while len(spans) > 1 and is_site_name(title[spans[0][0] : spans[0][1]], names):
        spans.pop(0)
    return title[spans[0][0] : spans[-1][1]].strip()


def _segments(title: str, separator: regex.Pattern[str] = SEPARATOR) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in separator.finditer(title):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(title):
        spans.append((start, len(title)))
    return spans or [(0, len(title))]


def headlines(tree: Any) -> list[str]:
    """The texts of the page's ``<h1>`` elements, whitespace folded, entities that were
    escaped twice read, empty and overlong ones left out."""
    found = []
    for element in tree.iter("h1"):
        text = read_entities(" ".join(element.text_content().split()))
        if text and len(text) <= MAX_TITLE_CHARS and text not in found:
            found.append(text)
    return found


def meta_titles(tree: Any, found_title: str | None) -> list[str]:
    """The titles the page states for machines: ``og:title``, then trafilatura's (meta
    tags, JSON-LD headline), then ``<title>``."""
    titles = []
    for value in [
        *tree.xpath("//meta[@property='og:title']/@content")[:1],
        found_title,
        *(" ".join(t.text_content().split()) for t in tree.iterfind(".//title")),
    ]:
        text = " ".join(str(value or "").split())
        if text and len(text) <= 2 * MAX_TITLE_CHARS and text not in titles:
            titles.append(text)
    return titles


def reconcile(heads: list[str], metas: list[str], names: frozenset[str]) -> tuple[str | None, str]:
    """The title and its source, from the page's headlines and meta titles (see the
    module docstring).

    >>> names = site_names("Example", "https://example.com/")
    >>> reconcile(["Example", "Budget passes"], ["Budget passes | Example"], names)
    ('Budget passes', 'html:headline')
    >>> reconcile(["Politics | Budget passes"], ["Budget passes - Example"], names)
    ('Budget passes', 'html:trafilatura')
    >>> reconcile([], ["Example | Budget passes"], names)
    ('Budget passes', 'html:trafilatura')
    >>> reconcile(["Budget passes – Example"], ["Budget passes"], names)
    ('Budget passes', 'html:headline')
    >>> reconcile(["«Budget passes»"], [], names)
    ('«Budget passes»', 'html:headline')
    """
    heads = [h for h in heads if not is_site_name(h, names)]
    stripped = [strip_site_name(m, names) for m in metas]
    whole = {_fold(t) for t in [*metas, *stripped]}
    for head in heads:
        if _fold(head) in whole:
            return _headline_title(head, names)
    segments = {_fold(m[a:b]) for m in metas for a, b in _segments(m)}
    for head in heads:
        if _fold(head) in segments:
            return _headline_title(head, names)
    for head in heads:
        for meta in stripped:
            folded, start = _fold(meta), _fold(head)
            if folded.startswith(start) and len(start) >= MIN_PREFIX_SHARE * len(folded):
                return _headline_title(head, names)
    for head in heads:
        for meta in stripped:
            if len(meta.split()) >= 2 and squash(head).endswith(squash(meta)):
                return meta, META_SOURCE
    if len(heads) == 1:
        return _headline_title(heads[0], names)
    if stripped:
        return stripped[0], META_SOURCE
    return None, META_SOURCE


def _headline_title(head: str, names: frozenset[str]) -> tuple[str, str]:
    """A headline as the title: without the site's name it may carry ("Headline – Site")."""
    return strip_site_name(head, names, HEADLINE_SEPARATOR), HEADLINE_SOURCE
