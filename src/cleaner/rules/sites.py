"""The site of a document: the host of its URL, lower-cased, without a leading ``www.``.

Rule packs with a ``site`` key (the packs ``cleaner learn`` writes) apply only to documents
of that site. A document's site is the one the caller names, else the host of its URL;
without either, site rules do not apply to it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

# A host name as `urlsplit` gives it: no spaces, slashes or upper case.
SITE = regex.compile(r"[^\s/@?#A-Z]+")


def site_of(url: str | None) -> str | None:
    """The site of a URL; None when it has no host.

    >>> site_of("https://WWW.Example.com:8080/a?b"), site_of("example.org/x"), site_of("")
    ('example.com', None, None)
    """
    if not url or not url.strip():
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") or None if host else None


def check_site(name: object) -> str:
    """A site name as packs and options give it; ValueError when it is not one.

    >>> check_site("News.Example.com"), check_site("www.example.com")
    ('news.example.com', 'example.com')
    >>> check_site("https://example.com/")
    Traceback (most recent call last):
    ...
    ValueError: a site is a host name such as example.com, not 'https://example.com/'
    """
    if isinstance(name, str):
        site = name.strip().lower().removeprefix("www.")
        if site and SITE.fullmatch(site):
            return site
    raise ValueError(f"a site is a host name such as example.com, not {name!r}")
