"""Metadata of an HTML page: meta tags, JSON-LD and the page's own title and byline.

Uses trafilatura's metadata readers on the already parsed tree, and only the ones whose
fields cleaner reports; each value is then checked by cleaner's own cleaners.
"""

from __future__ import annotations

import functools
import re
from typing import Any
from urllib.parse import urlsplit

from ..article import Metadata, WarningCode, warning
from ..metadata.people import markup_authors, squash
from ..metadata.values import clean_title, keyword_tags
from ..text.language import HINT_SOURCE, primary_subtag
from .dates import markup_date, page_dates
from .handles import restore_handles
from .jsonld import article_authors
from .titles import headlines, home_link_names, meta_titles, reconcile, site_names
from .visible import visible_text

SOURCE = "html:trafilatura"
# The site name when the page gives none: the URL's host without "www.".
WWW = re.compile(r"^www\d*\.")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE_META = (
    ".//meta[@http-equiv='content-language']",
    ".//meta[@http-equiv='Content-Language']",
    ".//meta[@property='og:locale']",
)


def read_fields(tree: Any, url: str | None, warnings: list[str]) -> Any:
    """trafilatura's metadata readers, cheapest first; fallbacks only for what is missing.

    Tags come from meta tags (``article:tag``, keywords) and JSON-LD, the section from
    JSON-LD only: guessing them from the page's category links costs more than all the
    rest and is often a menu entry.
    """
    from trafilatura import metadata as readers

    found = readers.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a handle, not a name
    meta_author = found.author
    try:
        found = readers.extract_meta_json(tree, found)
    except Exception as exc:  # malformed JSON-LD: keep what the meta tags gave
        warnings.append(
            warning(WarningCode.METADATA_UNREAD, f"JSON-LD not read ({type(exc).__name__})")
        )
    own = article_authors(tree)
    if own is not None:  # the JSON-LD's own article names the authors, no other node
        found.author = "; ".join(filter(None, [meta_author, *map(_normal_name, own)])) or None
    if not found.title:
        found.title = readers.extract_title(tree)
    if not found.author:
        found.author = _byline(tree)
    if not found.url:
        found.url = readers.extract_url(tree, url)
    found.date = markup_date(tree, url or found.url, original=True)
    if not found.sitename:
        found.sitename = readers.extract_sitename(tree)
    found.sitename = _site_name(found.sitename, found.url)
    return found


def _normal_name(name: str) -> str | None:
    """trafilatura's author normaliser, without its title case for a name written in
    lower case: a handle is spelled as its owner spells it.

    >>> _normal_name("By Ann Lee"), _normal_name("gringeo")
    ('Ann Lee', 'gringeo')
    """
    from trafilatura.json_metadata import normalize_authors

    normal = normalize_authors(None, name)
    return name.strip() if normal and normal.lower() == name.strip().lower() else normal


def _byline(tree: Any) -> str | None:
    """The page's byline: trafilatura's author elements (rel, itemprop, class "author",
    "byline", ...), outside the parts of a page that hold other people's names."""
    from trafilatura.metadata import extract_author

    return extract_author(tree) or None


def _site_in_byline(author: str | None, site: frozenset[str], tree: Any) -> list[str]:
    """The site's own name as the author, when the markup names no one else and the
    page's byline element shows that name too (a blog or a company writing as itself)."""
    if not author or tree is None:
        return []
    parts = [part.strip() for part in author.split(";") if squash(part) in site]
    if not parts:  # the byline reader (about 8 ms a page) only when there is a site name
        return []
    byline = squash(_byline(tree))
    return [parts[0]] if byline and byline == squash(parts[0]) else []


def _site_name(name: str | None, url: str | None) -> str | None:
    """A site name without a social handle's @; else the URL's host without "www.".

    >>> _site_name("@examplenews", None), _site_name(None, "https://www.example.com:8443/a")
    ('examplenews', 'example.com')
    """
    if name and name.lstrip("@"):
        return name.lstrip("@")
    try:
        host = urlsplit(url or "").hostname
    except ValueError:
        return None
    return WWW.sub("", host) if host else None


def page_metadata(found: Any, page: str, url: str | None, tree: Any = None) -> Metadata:
    """The page's metadata fields, each checked by cleaner's own value cleaners; the
    language the page declares (``tree``) is a hint for the text pipeline."""
    meta = Metadata()
    meta.language = page_language(tree)
    if meta.language:
        meta.sources["language"] = HINT_SOURCE
    if found is None:
        meta.url = url
        return meta
    values: dict[str, Any] = {
        "title": clean_title(found.title),
        "authors": [],
        "sitename": clean_title(found.sitename),
        "section": next(iter(keyword_tags(found.categories)), None),
        "tags": keyword_tags(found.tags),
        "url": url or found.url,
        "description": clean_title(found.description),
    }
    sources = {"url": "caller" if url else SOURCE}
    values["date"], values["updated"] = page_dates(tree, page, url or found.url, found.date)
    # A site name that is the page's title too (some pages declare it so) names nothing.
    sitename = found.sitename if squash(found.sitename) != squash(found.title) else None
    names = site_names(sitename, url or found.url)
    authors = markup_authors(found.author, names) or _site_in_byline(found.author, names, tree)
    values["authors"] = restore_handles(authors, page, functools.cache(lambda: visible_text(page)))
    if tree is not None:
        homes = names | home_link_names(tree, url or found.url)
        title, sources["title"] = reconcile(headlines(tree), meta_titles(tree, found.title), homes)
        values["title"] = clean_title(title)
    for name, value in values.items():
        if value not in (None, [], ""):
            setattr(meta, name, value)
            meta.sources[name] = sources.get(name, SOURCE)
    return meta


def page_language(tree: Any) -> str | None:
    """The language the page declares: ``<html lang>`` (or ``xml:lang``), else a
    Content-Language meta tag, else ``og:locale``; its primary subtag.

    >>> from lxml import html
    >>> page_language(html.fromstring('<html lang="de-AT"><body><p>x</p></body></html>'))
    'de'
    >>> page_language(html.fromstring(
    ...     '<html><head><meta property="og:locale" content="fr_FR"></head></html>'))
    'fr'
    """
    if tree is None:
        return None
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for name in ("lang", "xml:lang", XML_LANG):
        code = primary_subtag(root.get(name))
        if code:
            return code
    for path in LANGUAGE_META:
        for element in root.iterfind(path):
            code = primary_subtag(element.get("content"))
            if code:
                return code
    return None
