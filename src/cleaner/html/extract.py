"""Turn an HTML page into an `Extraction`: its main text, its metadata, and how it was read.

trafilatura extracts the main content from the parsed page; when the parser or the
extractor fails, or finds no main content, the page's visible text stands in, and the
extraction says so in its warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..article import Metadata, WarningCode, warning
from ..config import HtmlFocus
from ..text.lines import segment
from .gaps import restore_gaps
from .metadata import page_metadata, read_fields
from .visible import visible_text

# A preformatted block of fewer lines is a label or a one-line widget, not code.
MIN_VERBATIM_LINES = 2


class Method(StrEnum):
    """How the text of a page was obtained."""

    TRAFILATURA = "trafilatura"
    VISIBLE_TEXT = "visible-text"


@dataclass(frozen=True, slots=True)
class Extraction:
    """A page's text for the text pipeline, its metadata hints, and how the text was read.

    Text that trafilatura extracted is the article already; the visible text of the whole
    page still holds the page around it (``whole_page``). ``verbatim`` holds the keys of
    the lines of the page's preformatted blocks (code, ``<pre>``).
    """

    text: str
    metadata: Metadata
    method: Method
    warnings: tuple[str, ...] = ()
    verbatim: frozenset[str] = frozenset()

    @property
    def whole_page(self) -> bool:
        """True when the text is the whole page's, not an extracted article."""
        return self.method is Method.VISIBLE_TEXT


def extract_page(page: str, *, url: str | None, focus: HtmlFocus) -> Extraction:
    """Parse ``page`` once, read its metadata and extract its main text.

    >>> extraction = extract_page("<html><body><p>Hi</p></body></html>",
    ...                           url=None, focus=HtmlFocus.PRECISION)
    >>> extraction.method.value, extraction.text
    ('trafilatura', 'Hi')
    >>> extract_page("<html><body></body></html>", url=None, focus=HtmlFocus.PRECISION).warnings
    ("html-fallback: trafilatura found no main content; the page's visible text was cleaned",)
    """
    warnings: list[str] = []
    tree = _parse(page, warnings)
    found = None if tree is None else _fields(tree, url, warnings)
    hints = page_metadata(found, page, url, tree)
    text = "" if tree is None else _extract(tree, url, focus, warnings)
    if text and focus is HtmlFocus.PRECISION:
        restored = restore_gaps(tree, text)
        if restored is None:
            warnings.append(
                warning(
                    WarningCode.HTML_GAPS_SKIPPED,
                    "the page's blocks could not be read; no dropped block was put back",
                )
            )
        else:
            text = restored
    if text.strip():
        return Extraction(text, hints, Method.TRAFILATURA, tuple(warnings), verbatim_lines(tree))
    if tree is not None and not any(w.startswith(WarningCode.HTML_FALLBACK) for w in warnings):
        warnings.append(
            warning(
                WarningCode.HTML_FALLBACK,
                "trafilatura found no main content; the page's visible text was cleaned",
            )
        )
    return Extraction(visible_text(page), hints, Method.VISIBLE_TEXT, tuple(warnings))


def verbatim_lines(tree: Any) -> frozenset[str]:
    """The keys (``line_key``) of the lines of the page's preformatted blocks of two lines
    or more: code and other text laid out by hand.

    >>> from lxml import html
    >>> sorted(verbatim_lines(html.fromstring(
    ...     "<div><pre>x = 1\\n  print(x)</pre><pre>one line</pre><p>prose</p></div>")))
    ['print(x)', 'x = 1']
    """
    keys: set[str] = set()
    for block in tree.iter("pre"):
        lines = [line.key for line in segment(block.text_content()) if line.key]
        if len(lines) >= MIN_VERBATIM_LINES:
            keys.update(lines)
    return frozenset(keys)


def _parse(page: str, warnings: list[str]) -> Any:
    from trafilatura.utils import load_html

    try:
        tree = load_html(page)
    except Exception as exc:  # the parser's own failure, named in the warning
        tree, reason = None, f"{type(exc).__name__}: {exc}"
    else:
        reason = "no document tree"
    if tree is None:
        warnings.append(
            warning(
                WarningCode.HTML_UNPARSED,
                f"the page could not be parsed ({reason}); its visible text was cleaned",
            )
        )
    return tree


def _extract(tree: Any, url: str | None, focus: HtmlFocus, warnings: list[str]) -> str:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=focus is HtmlFocus.PRECISION,
            favor_recall=focus is HtmlFocus.RECALL,
            include_comments=False,
            include_tables=True,
        )
    except Exception as exc:  # odd markup trips the extractor's checks
        warnings.append(
            warning(
                WarningCode.HTML_FALLBACK,
                f"trafilatura failed ({type(exc).__name__}: {exc}); "
                "the page's visible text was cleaned",
            )
        )
        return ""
    return getattr(extracted, "text", None) or ""


def _fields(tree: Any, url: str | None, warnings: list[str]) -> Any:
    try:
        return read_fields(tree, url, warnings)
    except Exception as exc:  # odd markup trips the readers' own checks
        warnings.append(
            warning(
                WarningCode.METADATA_UNREAD,
                f"the page's metadata could not be read ({type(exc).__name__}: {exc})",
            )
        )
        return None
