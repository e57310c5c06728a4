"""How far a teaser block reaches after its heading ('Recommended Stories', 'Most Popular')."""

from __future__ import annotations

from ...text.features import ends_sentence, has_words, is_prose
from ..document import Document

MAX_HEADLINE_WORDS = 20
MAX_UNMARKED_ITEMS = 25


def is_teaser_item(text: str) -> bool:
    """A short line that reads like a headline or a link, not a sentence of prose."""
    return not has_words(text, MAX_HEADLINE_WORDS + 1) and not (
        ends_sentence(text) and is_prose(text)
    )


def teaser_extent(doc: Document, heading: int) -> list[int]:
    """The lines after ``heading`` that belong to its teaser block.

    Items are list-marked or indented lines with their indented summaries, or short
    headline-like lines; the block ends at the first line of prose at the heading's level.
    """
    lines = doc.lines
    base = lines[heading].indent
    taken: list[int] = []
    unmarked = 0
    in_item = False
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        if line.listed and line.indent >= base:
            in_item = True
        elif line.indent > base and in_item:
            pass
        elif doc.labels[index] is not None:
            in_item = False
        elif is_teaser_item(line.text) and unmarked < MAX_UNMARKED_ITEMS:
            unmarked += 1
            in_item = False
        else:
            break
        taken.append(index)
    return taken
