"""Build the body from the input and the removal trail; the same function replays a trail."""

from __future__ import annotations

from collections.abc import Iterable

from ..article import Removal
from ..text.normalize import normalize
from .document import Document


def render(source: str, removed: Iterable[Removal]) -> str:
    """The input without the removed spans: normalised lines, one blank line between them.

    >>> render("Title\\n\\nBody {ad} text.\\nAdvertisement", [
    ...     Removal("header", "HEUR-TITLE", "Title", 0, 5),
    ...     Removal("ad", "AD001", "{ad}", 12, 16),
    ...     Removal("ad", "AD002", "Advertisement", 23, 36)])
    'Body text.'
    """
    parts: list[str] = []
    position = 0
    for removal in sorted(removed, key=lambda r: (r.start, r.end)):
        if removal.start > position:
            parts.append(source[position : removal.start])
        position = max(position, removal.end)
    parts.append(source[position:])
    lines = normalize("".join(parts)).split("\n")
    return "\n\n".join(line for line in lines if line)


def replay(source: str, removed: Iterable[Removal]) -> str:
    """Re-apply a removal trail to its input; equals the cleaned body it came from."""
    return render(source, removed)


def compose_body(doc: Document) -> None:
    """Give the document its body: its lines without the trail's spans."""
    doc.body = compose(doc, doc.removed)


def compose(doc: Document, removed: list[Removal]) -> str:
    """The body from a document's normalised lines: equal to ``render(doc.source, removed)``.

    Only lines with an inline cut are normalised again; the rest are already normal.
    One pass over lines and removals, both in input order.
    """
    spans = sorted((r.start, r.end) for r in removed)
    parts: list[str] = []
    first = 0
    for line in doc.lines:
        if not line.text:  # blank
            continue
        while first < len(spans) and spans[first][1] <= line.start:
            first += 1
        inside = []
        index = first
        while index < len(spans) and spans[index][0] < line.end:
            inside.append(spans[index])
            index += 1
        if not inside:
            parts.append(line.text)
        elif not (inside[0][0] <= line.start and inside[0][1] >= line.end):
            kept = render(doc.source[line.start : line.end], _shift(inside, line.start))
            if kept:
                parts.append(kept)
    return "\n\n".join(parts)


def _shift(spans: list[tuple[int, int]], offset: int) -> list[Removal]:
    return [Removal("", "", "", start - offset, end - offset) for start, end in spans]
