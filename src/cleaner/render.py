"""Build the body from the input and the removal trail; the same function replays a trail."""

from __future__ import annotations

from collections.abc import Iterable

from .article import Removal
from .text import normalize


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
