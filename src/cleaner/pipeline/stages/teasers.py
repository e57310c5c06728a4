"""How far a teaser block reaches after its heading ('Recommended Stories', 'Most Popular')."""

from __future__ import annotations

from ...text.features import ends_sentence, has_words, is_prose
from ..document import Document

MAX_HEADLINE_WORDS = 20
MAX_UNMARKED_ITEMS = 25
# A kicker: a short all-capitals label above a teaser headline ("EXCLUSIVE", "WATCH").
MAX_KICKER_WORDS = 4


def is_kicker(text: str) -> bool:
    """A short all-capitals line, as teaser lists put above each headline.

    >>> is_kicker("SHOCK CLAIM"), is_kicker("Most Read"), is_kicker("NATO")
    (True, False, True)
    """
    return text.isupper() and not has_words(text, MAX_KICKER_WORDS + 1)


def is_teaser_item(text: str) -> bool:
    """A short line that reads like a headline or a link, not a sentence of prose."""
    return not has_words(text, MAX_HEADLINE_WORDS + 1) and not (
        ends_sentence(text) and is_prose(text)
    )


def teaser_extent(doc: Document, heading: int) -> list[int]:
    """The lines after ``heading`` that belong to its teaser block.

    Items are list-marked or indented lines with their indented summaries, or short
    headline-like lines; the headline under an all-capitals kicker is an item even when
    it ends like a sentence. The block ends at the first line of prose at the heading's
    level.
    """
    lines = doc.lines
    base = lines[heading].indent
    taken: list[int] = []
    unmarked = 0
    in_item = False
    after_kicker = False
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        headline = after_kicker and not has_words(line.text, MAX_HEADLINE_WORDS + 1)
        after_kicker = False
        if line.listed and line.indent >= base:
            in_item = True
        elif line.indent > base and in_item:
            pass
        elif doc.labels[index] is not None:
            in_item = False
        elif (headline or is_teaser_item(line.text)) and unmarked < MAX_UNMARKED_ITEMS:
            unmarked += 1
            in_item = False
            after_kicker = is_kicker(line.text)
        else:
            break
        taken.append(index)
    return taken
