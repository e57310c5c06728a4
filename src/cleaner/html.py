"""HTML in: main content by trafilatura, then the same rules as text; metadata from the page.

Offsets in ``Article.removed`` refer to the extracted text that the rules saw, not the HTML.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING, Any

from .article import Article
from .gaps import restore_gaps
from .page_metadata import page_metadata, read_fields

if TYPE_CHECKING:
    from .pipeline import Cleaner

# Elements whose content is not shown; an unclosed one hides the rest of the page.
INVISIBLE_OPEN = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)
INVISIBLE_CLOSE = {
    tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style", "noscript", "template")
}
COMMENT_CLOSE = re.compile("-->")
BLOCK_TAGS = re.compile(
    r"<(?:/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|nav|aside|"
    r"blockquote|pre|figure|figcaption|dd|dt|main)\b)[^>]*>",
    re.I,
)
ANY_TAG = re.compile(r"<[^>]*>")


class HtmlError(ValueError):
    """HTML that could not be read at all."""


def visible_text(page: str) -> str:
    """The page's visible text, one block a line; tag soup and deep nesting are fine.

    >>> visible_text("<p>One &amp; two</p><script>x()</script><div>Three</div>")
    'One & two\\nThree'
    """
    text = _without_invisible(page)
    text = ANY_TAG.sub(" ", BLOCK_TAGS.sub("\n", text))
    lines = (" ".join(html_lib.unescape(line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _without_invisible(page: str) -> str:
    """The page without comments, scripts and styles, in one pass (an unclosed one runs to
    the end of the page, as in a browser).

    >>> _without_invisible("a<script>x</script>b<!-- c -->d<STYLE>e")
    'a b d '
    """
    parts: list[str] = []
    position = 0
    while match := INVISIBLE_OPEN.search(page, position):
        parts.append(page[position : match.start()])
        tag = match.group(1)
        closing = COMMENT_CLOSE if tag is None else INVISIBLE_CLOSE[tag.lower()]
        end = closing.search(page, match.end())
        if end is None:
            return "".join(parts) + " "
        parts.append(" ")
        position = end.end()
    parts.append(page[position:])
    return "".join(parts)


def _parse(page: str) -> Any:
    from trafilatura.utils import load_html

    try:
        return load_html(page)
    except Exception:
        return None  # unparseable: the caller falls back to the page's visible text


def _extract(tree: Any, url: str | None, focus: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=focus == "precision",
            favor_recall=focus == "recall",
            include_comments=False,
            include_tables=True,
        )
    except Exception:  # odd markup trips the extractor's checks: the visible text is used
        return None


def _fields(tree: Any, url: str | None) -> Any:
    try:
        return read_fields(tree, url)
    except Exception:  # odd markup trips the readers' own checks; metadata is best effort
        return None


def clean_html(cleaner: Cleaner, page: str, *, url: str | None = None) -> Article:
    """Extract the article from HTML and clean it with the text rules."""
    tree = _parse(page)
    hints = page_metadata(None if tree is None else _fields(tree, url), page, url)
    extracted = None if tree is None else _extract(tree, url, cleaner.config.html_focus)
    text = extracted.text if extracted is not None and extracted.text else ""
    if text and cleaner.config.html_focus == "precision":
        text = restore_gaps(tree, text)
    if not text.strip():
        return cleaner.clean_text(visible_text(page), hints=hints, mode="html")
    return cleaner.clean_text(text, hints=hints, mode="html", find_article=False)
