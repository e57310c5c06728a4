"""HTML in: main content by trafilatura, then the same rules as text; metadata from the page.

Offsets in ``Article.removed`` refer to the extracted text that the rules saw, not the HTML.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING, Any

from .article import Article, Metadata
from .metadata.dates import parse_date
from .metadata.people import split_people
from .metadata.values import clean_title

if TYPE_CHECKING:
    from .pipeline import Cleaner

SOURCE = "html:trafilatura"
INVISIBLE_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|nav|aside|"
    r"blockquote|pre|figure|figcaption|dd|dt|main)\b)[^>]*>",
    re.I,
)
ANY_TAG = re.compile(r"<[^>]*>")
COMMENT = re.compile(r"<!--.*?-->", re.S)


class HtmlError(ValueError):
    """HTML that could not be read at all."""


def visible_text(page: str) -> str:
    """The page's visible text, one block a line; tag soup and deep nesting are fine.

    >>> visible_text("<p>One &amp; two</p><script>x()</script><div>Three</div>")
    'One & two\\nThree'
    """
    text = INVISIBLE_BLOCKS.sub(" ", COMMENT.sub(" ", page))
    text = ANY_TAG.sub(" ", BLOCK_TAGS.sub("\n", text))
    lines = (" ".join(html_lib.unescape(line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _extract(page: str, url: str | None) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except (RecursionError, ValueError, TypeError, AttributeError, MemoryError):
        return None  # unparseable: the caller falls back to the page's visible text


def _stated_date(value: str | None, page: str) -> str | None:
    """A date only when the page states it (meta tag, time element, JSON-LD), not a URL path."""
    date = parse_date(value)
    if date is None or not re.search(rf"(?<![/\d]){re.escape(date)}", page):
        return None
    return date


def page_metadata(extracted: Any, page: str, url: str | None) -> Metadata:
    """Metadata from trafilatura's extraction, each value checked by cleaner's own cleaners."""
    meta = Metadata()
    if extracted is None:
        meta.url = url
        return meta
    values: dict[str, Any] = {
        "title": clean_title(extracted.title),
        "authors": split_people(extracted.author.replace(";", ",") if extracted.author else None),
        "date": _stated_date(extracted.date, page),
        "sitename": clean_title(extracted.sitename),
        "section": clean_title(extracted.categories[0]) if extracted.categories else None,
        "tags": [t for t in (clean_title(t) for t in extracted.tags or []) if t],
        "url": url or extracted.url,
        "language": extracted.language,
        "description": clean_title(extracted.description),
    }
    for name, value in values.items():
        if value not in (None, [], ""):
            setattr(meta, name, value)
            meta.sources[name] = "caller" if name == "url" and url else SOURCE
    return meta


def clean_html(cleaner: Cleaner, page: str, *, url: str | None = None) -> Article:
    """Extract the article from HTML and clean it with the text rules."""
    extracted = _extract(page, url)
    hints = page_metadata(extracted, page, url)
    text = extracted.text if extracted is not None and extracted.text else ""
    if not text.strip():
        return cleaner.clean_text(visible_text(page), hints=hints, mode="html")
    return cleaner.clean_text(text, hints=hints, mode="html", find_article=False)
