"""The lines of a document as `cleaner learn` counts them: the keys the line rules match.

A document is split and normalised as the pipeline splits it (`cleaner.text.lines`), and
each line is read as a whole-line rule reads it (its key: no list marker in front). Lines
that differ only in their digits share one template (`cleaner.rules.exact`), so a counter,
a date or a year counts as one line. Each template counts once per document.
"""

from __future__ import annotations

from ..rules.exact import template
from ..text.lines import segment

# Longer lines are never learned (a template line is a menu entry, a heading, a notice).
MAX_LINE_CHARS = 500


def document_lines(text: str) -> dict[str, str]:
    """The templates of a document's lines, each with the first of its lines in sort order.

    >>> document_lines("Page 2 of 9\\n\\n• Home\\nPage 10 of 12\\n")
    {'Page \\ue001 of \\ue001': 'Page 10 of 12', 'Home': 'Home'}
    """
    found: dict[str, str] = {}
    for line in segment(text):
        key = line.key
        if not key or len(key) > MAX_LINE_CHARS:
            continue
        shape = template(key)
        seen = found.get(shape)
        if seen is None or key < seen:
            found[shape] = key
    return found
