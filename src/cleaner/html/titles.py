"""The page's title: its visible headline (``<h1>``) reconciled with its meta titles.

A page names itself in several places: the headline readers see (``<h1>``), and for
machines ``og:title``, JSON-LD's ``headline`` and ``<title>``, which often append or
prepend the site's name ("Headline | Site", "Site - Headline"). The title is

1. a headline that one of the meta titles states too (whole, without the site's name, or
   as one of its segments; ``og:title`` first): both agree, the visible form wins;
2. else a headline that the meta title starts with (the meta title adds a subtitle);
3. else a meta title that ends a headline (the headline carries a kicker: "Politics |
   Headline", "1. Februar 2022 Headline");
4. else the page's one headline, when it has exactly one that is not the site's name;
5. else the first meta title without the site's name that is not only the site's name
   (else the first one).

A segment is the site's name when, letters and digits only, it equals the site name of
the meta tags, the URL's host (with or without its public suffix) or the text of a link
to the site's home page (its logo or name in the page's header).
A headline keeps the site's name out too when it carries it after a bar or a spaced dash
("Headline – Site").
"""

from __future__ import annotations

import unicodedata
from copy import deepcopy
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
# A page archived by the Wayback Machine: its links and URL wrap the original URL.
ARCHIVED = regex.compile(r"^(?:https?:)?(?://web\.archive\.org)?/web/\d+[a-z_]*/(.+)$")
MAX_TITLE_CHARS = 300
MAX_HOME_LINK_CHARS = 100
PERMALINK_SIGNS = frozenset(("¶", "#", "§", "🔗", "\uf0c1"))
LEADING_SEPARATOR = regex.compile(r"^[\s:|·•/\-–—]+")
# Class names of a headline's kicker and of text hidden from sight inside it.
KICKER_CLASS = regex.compile(
    r"kicker|topline|dachzeile|roofline|overline|eyebrow|supertitle|overtitle|pretitle"
    r"|visually-?hidden|sr-only|screen-reader",
    regex.IGNORECASE,
)
# Inside a headline: elements whose text never shows as text (style sheets, scripts, an
# icon's name) or is a control's label ("Copy item path", "Menu Close"), and elements that
# carry another part of the page than the title (a subheading, the date).
UNSEEN_TAGS = frozenset(("style", "script", "noscript", "template", "svg", "button"))
NOT_TITLE_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6", "time"))
HOME_PATHS = frozenset(("", "/", "/index.html", "/index.htm", "/index.php"))
# A headline the meta title starts with is the title when it holds at least this share
# of the meta title (else it is a fragment, a kicker or a section name).
MIN_PREFIX_SHARE = 0.5


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def original_url(url: str) -> str:
    """The URL an archived copy's URL wraps; other URLs as they are.

    >>> original_url("https://web.archive.org/web/20080731095558/http://www.example.de/a")
    'http://www.example.de/a'
    >>> original_url("/web/20080731095558im_/http://example.de/"), original_url("/news/")
    ('http://example.de/', '/news/')
    """
    match = ARCHIVED.match(url.strip())
    return match.group(1) if match else url


def _host(url: str | None) -> str:
    """The host of ``url`` (of the original, for an archived copy) without "www."; "" when
    it has none."""
    try:
        return str(WWW.sub("", urlsplit(original_url(url or "")).hostname or ""))
    except ValueError:
        return ""


def site_names(sitename: str | None, url: str | None) -> frozenset[str]:
    """The squashed forms a site's name takes: its meta site name, its host, and the host
    without its last label, and its longest label.

    >>> sorted(site_names("The Example", "https://www.example.co.uk/a"))
    ['example', 'exampleco', 'examplecouk', 'theexample']
    """
    names = {squash(sitename)}
    host = _host(url)
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
    between ``separator``'s matches), and without what follows the site's name inside it.

    >>> names = site_names("Example News", "https://example.com/")
    >>> strip_site_name("Council backs budget | Example News", names)
    'Council backs budget'
    >>> strip_site_name("example.com - Budget: what changes", names)
    'Budget: what changes'
    >>> strip_site_name("Budget passes | Example News | Since 1901", names)
    'Budget passes'
    """
    spans = _segments(title, separator)
    while len(spans) > 1 and is_site_name(title[spans[-1][0] : spans[-1][1]], names):
        spans.pop()
    while len(spans) > 1 and is_site_name(title[spans[0][0] : spans[0][1]], names):
        spans.pop(0)
    for index in range(1, len(spans) - 1):  # "Title | Site | Site's motto"
        if is_site_name(title[spans[index][0] : spans[index][1]], names):
            spans = spans[:index]
            break
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


def home_link_names(tree: Any, url: str | None) -> frozenset[str]:
    """The squashed texts of the page's links to its own home page (``href`` "/" or the
    site's root, or ``rel="home"``): a site's logo and name link there, so a headline that
    reads the same is the site's name, not the page's title. The text is the link's, else
    its image's ``alt``.

    >>> from lxml import html
    >>> sorted(home_link_names(html.fromstring(
    ...     '<html><body><h1><a href="https://blog.example.org/">Ann&#39;s Blog</a></h1>'
    ...     '<a href="/"><img alt="Example logo"></a><a href="/news/">News</a></body></html>'),
    ...     "https://blog.example.org/2024/post"))
    ['annsblog', 'examplelogo']
    """
    host = _host(url)
    found = set()
    for link in tree.iter("a"):
        if (
            not _is_home(link.get("href") or "", host)
            and "home" not in (link.get("rel") or "").split()
        ):
            continue
        text = " ".join(link.text_content().split()) or " ".join(
            str(alt) for alt in link.xpath(".//img/@alt")
        )
        if 0 < len(text) <= MAX_HOME_LINK_CHARS:
            found.add(squash(text))
    found.discard("")
    return frozenset(found)


def _is_home(href: str, host: str) -> bool:
    """True when ``href`` points at the root of the site on ``host`` (or of the page's own
    site, when it names no host)."""
    href = original_url(href)
    try:
        parts = urlsplit(href.strip())
        target = WWW.sub("", parts.hostname or "")
    except ValueError:
        return False
    if parts.scheme not in ("", "http", "https") or parts.query or (target and target != host):
        return False
    if not target and not href.strip().startswith("/"):
        return False
    return parts.path in HOME_PATHS


def headlines(tree: Any) -> list[str]:
    """The texts of the page's ``<h1>`` elements (without a kicker the markup names as
    one, see ``headline_text``), whitespace folded, entities that were escaped twice
    read, empty and overlong ones left out."""
    found = []
    for element in tree.iter("h1"):
        text = read_entities(" ".join(headline_text(element).split()))
        if text and len(text) <= MAX_TITLE_CHARS and text not in found:
            found.append(text)
    return found


def headline_text(element: Any) -> str:
    """A headline's text as it shows: a line break is a space; style sheets, scripts, icons
    and buttons inside it and a permalink anchor ("¶", "#") are left out, and so are the
    parts the markup labels as a kicker ("topline", "Dachzeile", "eyebrow", ...) or hides
    from sight (the separator screen readers get), a heading nested in it and its date,
    when something is left.

    >>> from lxml import html
    >>> headline_text(html.fromstring('<h1><span class="article__kicker">Klimaschutz</span>'
    ...     '<span class="visually-hidden">: </span><span>Bohren, bis es heiß wird</span></h1>'))
    'Bohren, bis es heiß wird'
    >>> headline_text(html.fromstring('<h1><b class="topline">Bahn</b>: Streik endet</h1>'))
    'Streik endet'
    >>> headline_text(html.fromstring('<h1>Data<br>Structures<a href="#ds">¶</a></h1>'))
    'Data Structures'
    >>> headline_text(html.fromstring('<h1><style>.b{font-weight:700}</style><a class="b">'
    ...     'Acme</a> <span>Face Cream</span><button>Copy item path</button></h1>'))
    'Acme Face Cream'
    >>> headline_text(html.fromstring('<h1><time>Dec 18 2025</time> Preparing a move'
    ...     '<h3>Posted on <time>July 1</time> by ann</h3></h1>'))
    'Preparing a move'
    """
    if not any(isinstance(child.tag, str) for child in element.iterdescendants()):
        return str(element.text_content())
    copy = deepcopy(element)
    for child in list(copy.iterdescendants()):
        if isinstance(child.tag, str) and child.tag in UNSEEN_TAGS:
            child.drop_tree()
    shown = str(copy.text_content())
    cut = False
    for child in list(copy.iterdescendants()):
        if not isinstance(child.tag, str):
            continue
        if child.tag == "br":
            child.tail = " " + (child.tail or "")
        elif child.tag == "a" and child.text_content().strip() in PERMALINK_SIGNS:
            child.drop_tree()
        elif child.tag in NOT_TITLE_TAGS or KICKER_CLASS.search(child.get("class") or ""):
            child.drop_tree()
            cut = True
    text = str(copy.text_content())
    if cut:
        text = LEADING_SEPARATOR.sub("", text)
        if not text.strip():
            return shown
    return text


def meta_titles(tree: Any, found_title: str | None) -> list[str]:
    """The titles the page states for machines: ``og:title``, then trafilatura's (meta
    tags, JSON-LD headline), then ``<title>``."""
    titles = []
    for value in [
        *tree.xpath("//meta[@property='og:title']/@content")[:1],
        found_title,
        *(" ".join(t.text_content().split()) for t in tree.xpath("//title[not(ancestor::svg)]")),
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
    for meta, bare in zip(metas, stripped, strict=True):  # og:title first, <title> last
        forms = {_fold(meta), _fold(bare)}
        for head in heads:
            if _fold(head) in forms:
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
                if squash(head) == squash(meta):  # the same words: the visible form wins
                    return _headline_title(head, names)
                return meta, META_SOURCE
    if len(heads) == 1:
        return _headline_title(heads[0], names)
    for meta in stripped:
        if not is_site_name(meta, names):
            return meta, META_SOURCE
    return (stripped[0] if stripped else None), META_SOURCE


def _headline_title(head: str, names: frozenset[str]) -> tuple[str, str]:
    """A headline as the title: without the site's name it may carry ("Headline – Site")."""
    return strip_site_name(head, names, HEADLINE_SEPARATOR), HEADLINE_SOURCE
