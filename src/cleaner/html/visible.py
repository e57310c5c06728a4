"""The visible text of a page, one block a line, read without a parser.

The fallback when the parser or the extractor fails: a linear scan that copes with tag
soup, truncated pages and any depth of nesting.
"""

from __future__ import annotations

import html as html_lib
import re

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
