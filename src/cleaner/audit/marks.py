"""The document's text with every removal highlighted: one ``<mark>`` per removal.

The text between removals is the kept text, shown as the body has it: normalised (NFC, no
invisible characters, single spaces) piece by piece, with a space kept at a piece's edge
where the input had whitespace there. So the page's text outside the marks, whitespace
folded, is the body, whitespace folded. A removed span is shown as it was in the input
(line breaks as ``\\n``; control characters made visible, see `escape`).

The text is cut into blocks of about `CHUNK` characters, at line breaks where it can be,
inside a line longer than that where it cannot. Blocks off screen are neither laid out nor
painted (``content-visibility: auto``), so a page of a 5 MB document, even one line long,
opens in a browser in about as little time as a short one. A mark is never cut: a removal
longer than a block is one block-level mark holding blocks of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..article import Removal
from ..text.normalize import INVISIBLE, normalize
from . import escape
from .style import css_class

CHUNK = 8192


def kept_text(raw: str) -> str:
    """A piece of input between removals as the body has it, edges kept as one space.

    >>> kept_text("  two\\u00a0 words\\u200b \\n\\n next "), kept_text("\\t"), kept_text("e\\u0301")
    (' two words\\n\\nnext ', ' ', 'é')
    """
    text = normalize(raw)
    if _edge_space(raw) and not text[:1].isspace():
        text = " " + text
    if _edge_space(reversed(raw)) and not text[-1:].isspace():
        text += " "
    return text


def _edge_space(chars: Iterable[str]) -> bool:
    """True when the first visible character of ``chars`` is whitespace."""
    for char in chars:
        if INVISIBLE.match(char):
            continue
        return char.isspace()
    return False


def segments(text: str, removed: Sequence[Removal]) -> Iterator[tuple[Removal | None, str]]:
    """The input in order: kept pieces (``None``, raw text) and removals with their text.

    A removal that overlaps the one before it is cut to start where that one ends, so the
    pieces never repeat input; it still gives its own segment (empty when it lay inside).

    >>> list(segments("ab{ad}cd", [Removal("ad", "AD001", "{ad}", 2, 6)]))
    [(None, 'ab'), (Removal(category='ad', rule='AD001', text='{ad}', start=2, end=6, reason=''), '{ad}'), (None, 'cd')]
    """  # noqa: E501
    position = 0
    for removal in sorted(removed, key=lambda r: (r.start, r.end)):
        start = min(max(removal.start, position), len(text))
        end = min(max(removal.end, start), len(text))
        if start > position:
            yield None, text[position:start]
        yield removal, text[start:end]
        position = end
    if position < len(text):
        yield None, text[position:]


def _pieces(text: str) -> Iterator[str]:
    """``text`` in lines (each with its line break), lines longer than `CHUNK` in pieces
    that end after a space where one is near the end."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        while end - start > CHUNK:
            cut = text.rfind(" ", start + CHUNK // 2, start + CHUNK) + 1 or start + CHUNK
            yield text[start:cut]
            start = cut
        yield text[start:end]
        start = end


def _mark_open(removal: Removal, index: int, long: bool) -> str:
    title = f"{removal.rule} · {removal.category}: {removal.reason}".rstrip(": ")
    kind = "rm long" if long else "rm"
    return (
        f'<mark id="r{index}" class="{kind} {css_class(removal.category)}" '
        f'data-category="{escape.attr(removal.category)}" data-rule="{escape.attr(removal.rule)}" '
        f'data-start="{removal.start}" data-end="{removal.end}" title="{escape.attr(title)}" '
        'dir="auto">'
    )


class _Blocks:
    """Collects the page's text into blocks of about `CHUNK` characters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0  # characters in the open block; 0 when none is open
        self.at_line_start = True

    def add(self, html: str, length: int, ends_line: bool) -> None:
        """Add a unit of ``length`` characters; a full block closes before it, at the
        start of a line if it can."""
        if self.size and self.size + length > CHUNK and (self.at_line_start or self.size >= CHUNK):
            self.close()
        if not self.size:
            self.parts.append('<span class="b">')
        self.parts.append(html)
        self.size += max(length, 1)
        self.at_line_start = ends_line

    def close(self) -> None:
        if self.size:
            self.parts.append("</span>")
            self.size = 0

    def kept(self, raw: str) -> None:
        for piece in _pieces(kept_text(raw)):
            self.add(escape.text(piece), len(piece), piece.endswith("\n"))

    def removal(self, removal: Removal, raw: str, index: int) -> None:
        shown = escape.visible(raw)
        if len(shown) <= CHUNK:
            html = _mark_open(removal, index, False) + escape.text(shown) + "</mark>"
            self.add(html, len(shown), shown.endswith("\n") if shown else self.at_line_start)
            return
        self.close()
        self.parts.append(_mark_open(removal, index, True))
        for piece in _pieces(shown):
            self.parts.append(f'<span class="b">{escape.text(piece)}</span>')
        self.parts.append("</mark>")
        self.at_line_start = True


def highlighted(text: str, removed: Sequence[Removal]) -> str:
    """The HTML of ``text`` with each removal as one ``<mark>`` carrying its category and
    rule (``data-category``, ``data-rule``), offsets and reason (``title``).

    >>> print(highlighted("Advertisement\\n\\nThe <b>vote</b>.",
    ...                   [Removal("ad", "AD002", "Advertisement", 0, 13, "An ad label.")]))
    <span class="b"><mark id="r0" class="rm c-ad" data-category="ad" data-rule="AD002" data-start="0" data-end="13" title="AD002 · ad: An ad label." dir="auto">Advertisement</mark>
    <BLANKLINE>
    The &lt;b&gt;vote&lt;/b&gt;.</span>
    """  # noqa: E501
    blocks = _Blocks()
    index = 0
    for removal, raw in segments(text, removed):
        if removal is None:
            blocks.kept(raw)
        else:
            blocks.removal(removal, raw, index)
            index += 1
    blocks.close()
    return "".join(blocks.parts)
