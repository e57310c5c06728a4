"""Put back single blocks that a precision extraction dropped between two blocks it kept.

trafilatura's precision setting drops link-heavy blocks: most are page furniture, but some
sit inside the article (a heading that is a link, a list of links the article is about, a
paragraph with many links). A block that stands alone between two kept blocks of the page
is article text far more often than furniture, unless its markup or its text says
otherwise (a caption, a byline, a teaser box, CSS, an all-capitals promo line). The cleaner's
rules then run over the result as over any extracted text.
"""

from __future__ import annotations

import re
from typing import Any

# Block elements whose text trafilatura gives a line of its own (table cells come out as
# table rows, so they are left out).
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
# Elements whose text is not shown.
INVISIBLE_TAGS = ("script", "style", "noscript", "template")
VISIBLE_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
    "or ancestor::template)]"
)
# Containers whose blocks are furniture, by tag or by a class or id that names them.
FURNITURE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer", "header", "form"})
FURNITURE_NAMES = re.compile(
    r"caption|credit|byline|author|related|promo|newsletter|share|social|sponsor|advert|"
    r"sidebar|recirc|teaser|widget|gallery|slideshow|subscribe|signup|footer|navbar|"
    r"navigation|breadcrumb|comment|popup|banner|(?:^|[\s_-])ads?(?:$|[\s_-])",
    re.I,
)
# Text that is markup or style, not prose.
MARKUP_SIGNS = ("{", "}", "&lt;", "&amp;")
# A line of at least this many letters with at least this share of capitals is a promo
# line ("CLICK HERE TO GET THE APP"), not a dropped paragraph.
MIN_CAPS_LETTERS = 8
MAX_CAPITALS = 0.8
LIST_DASH = "- "


def restore_gaps(tree: Any, text: str) -> str | None:
    """``text`` with each dropped block that stood alone between two kept blocks put back;
    None when the page's blocks cannot be read.

    Only a block without blocks inside it comes back, and only when its text is not
    already in ``text`` (a quote or a table cell the extraction kept in another form).

    >>> from lxml import html
    >>> page = html.fromstring(
    ...     "<div><p>One kept.</p><p><a href='/x'>Linked line</a></p><p>Two kept.</p></div>")
    >>> restore_gaps(page, "One kept.\\nTwo kept.")
    'One kept.\\nLinked line\\nTwo kept.'
    """
    try:
        blocks = _blocks(tree)
    except (RecursionError, ValueError, MemoryError):
        return None
    position: dict[str, int] = {}
    for number, (block_text, _) in enumerate(blocks):
        position.setdefault(block_text, number)
    flat = " ".join(text.split())
    lines: list[str] = []
    previous: int | None = None
    for line in text.split("\n"):
        key = " ".join(line.split())
        index = position.get(key[len(LIST_DASH) :] if key.startswith(LIST_DASH) else key)
        if index is not None and previous is not None and index - previous == 2:
            gap = _gap_text(*blocks[previous + 1])
            if gap and gap not in flat:
                lines.append(gap)
        lines.append(line)
        if index is not None:
            previous = index
    return "\n".join(lines)


def _blocks(tree: Any) -> list[tuple[str, Any]]:
    """The page's text blocks in document order (a block nested in one with the same text
    counts once)."""
    blocks: list[tuple[str, Any]] = []
    last = None
    for element in tree.iter(*BLOCK_TAGS):
        block_text = " ".join(element.text_content().split())
        if block_text and block_text != last:
            blocks.append((block_text, element))
            last = block_text
    return blocks


def _gap_text(text: str, element: Any) -> str | None:
    """The text of a dropped block, when it is a block of its own that reads as article text."""
    if next(element.iterdescendants(*BLOCK_TAGS), None) is not None:
        return None  # a container (a quote, a list item with paragraphs): its parts decide
    if next(element.iterdescendants(*INVISIBLE_TAGS), None) is not None:
        text = " ".join(" ".join(element.xpath(VISIBLE_TEXT)).split())
    return text if text and _is_article_text(element, text) else None


def _is_article_text(element: Any, text: str) -> bool:
    if any(sign in text for sign in MARKUP_SIGNS):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    if len(letters) >= MIN_CAPS_LETTERS and capitals >= MAX_CAPITALS * len(letters):
        return False
    if text.startswith("[") and text.endswith("]"):
        return False
    for node in (element, *element.iterancestors()):
        if node.tag in FURNITURE_TAGS:
            return False
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip() and FURNITURE_NAMES.search(names):
            return False
    return True
