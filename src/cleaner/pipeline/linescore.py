"""Cheap per-line scores: how much a line of a page dump reads like article prose."""

from __future__ import annotations

import re

from ..text.features import CLOSERS, CLOSING_QUOTES, SENTENCE_MARKS
from ..text.normalize import has_any

# Prose in any Latin-script language has many words that do not begin with a capital
# letter (function words, verbs); menus and headlines are mostly capitalised. Scripts
# without case count as uncapitalised, so they are judged on length alone. Capitals and
# link separators are counted in this many first characters of a line.
SCAN_CHARS = 400
# A teaser excerpt cut short ends in an ellipsis.
ELLIPSES = ("…", "...")
# A numbered list item ("1) ...", "2. ...") or a bare link: list content, not a menu entry.
LIST_ITEM = re.compile(r"\d{1,3}[.)] |https?://\S+$")
LIST_ITEM_START = "0123456789h"
# A row of links: at least MIN_LINK_SEPARATORS of these separators between words.
LINK_SEPARATORS = re.compile(r" (?:\||•|·|/|::) ")
SEPARATOR_CHARS = "|•·/:"  # a line without any of them has no link separator
MIN_LINK_SEPARATORS = 2
# A year or a clock time: on a short line, a dateline or a teaser's time stamp.
DATE_MARK = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")

# A line ending like a sentence with at least this many words is prose...
MIN_SENTENCE_WORDS = 5
# ... when at most this share of its words are capitalised (German nouns included).
MAX_SENTENCE_CAPITALS = 0.7
# A line without a sentence end is prose when it has this many words (a paragraph
# ending in a link or a credit)...
MIN_LONG_WORDS = 15
# ... and is a heading, menu entry or teaser headline when at least this share of its
# words are capitalised, or when it has at most two words.
MIN_HEADING_CAPITALS = 0.5
MAX_LABEL_WORDS = 2
# A line of at most this many words with a year or clock time is a dateline.
MAX_DATELINE_WORDS = 8
# What a line costs the region around it, in words of prose: a heading or a line a rule
# removed or the page repeats costs JUNK_COST; other short lines (list items, table rows)
# cost SOFT_COST.
JUNK_COST = 10.0
SOFT_COST = 3.0
# In a run of lines without prose, each further junk line costs JUNK_COST / GAP_GROWTH more
# than the one before: a long run of menus or teasers ends the article, a short one
# (a caption, an inline teaser) does not.
GAP_GROWTH = 4.0


def line_value(text: str, junk: bool) -> float:
    """What a line adds to a region: its words when prose, a cost otherwise.

    >>> line_value("The council approved the budget on Monday after a long debate.", False)
    11.0
    >>> line_value("Most Popular Stories", False), line_value("1) Lego Star Wars set", False)
    (-10.0, -3.0)
    """
    if junk or not text:
        return -JUNK_COST
    words = text.count(" ") + 1
    tail = text[-6:].rstrip(CLOSERS)
    if tail.endswith(ELLIPSES):
        return -SOFT_COST
    if words <= MAX_DATELINE_WORDS and DATE_MARK.search(text):
        return -JUNK_COST
    head = text[:SCAN_CHARS]
    if has_any(head, SEPARATOR_CHARS) and len(LINK_SEPARATORS.findall(head)) >= MIN_LINK_SEPARATORS:
        return -JUNK_COST
    if text[0] in LIST_ITEM_START and LIST_ITEM.match(text):
        return -SOFT_COST
    if text.endswith(CLOSING_QUOTES) or (tail and tail[-1] in SENTENCE_MARKS):
        if words >= MIN_LONG_WORDS:
            return float(words)
        if words >= MIN_SENTENCE_WORDS and capital_share(text) <= MAX_SENTENCE_CAPITALS:
            return float(words)
        return -SOFT_COST
    if words <= MAX_LABEL_WORDS or capital_share(text) >= MIN_HEADING_CAPITALS:
        return -JUNK_COST
    return float(words) if words >= MIN_LONG_WORDS else -SOFT_COST


def capital_share(text: str) -> float:
    """The share of words that begin with a capital letter (in the first characters).

    >>> capital_share("Real Estate and Homes")
    0.75
    """
    words = text[:SCAN_CHARS].split()
    return sum(1 for word in words if word[0].isupper()) / len(words)


def widen_gaps(values: list[float]) -> list[float]:
    """Make junk lines cost more the longer the run of lines without prose they stand in.

    >>> widen_gaps([5.0, -10.0, -10.0, -3.0, -10.0, 5.0, -10.0])
    [5.0, -10.0, -12.5, -3.0, -15.0, 5.0, -10.0]
    """
    widened: list[float] = []
    junk_run = 0
    for value in values:
        if value > 0:
            junk_run = 0
        elif value <= -JUNK_COST:
            value -= JUNK_COST * junk_run / GAP_GROWTH
            junk_run += 1
        widened.append(value)
    return widened


def best_run(values: list[float], begin: int = 0, end: int | None = None) -> tuple[int, int, float]:
    """The contiguous run of ``values[begin:end]`` with the largest sum: ``(first, last, total)``.

    An empty run (``last < first``, total 0) when no value is positive.

    >>> best_run([-1.0, 3.0, -1.0, 2.0, -5.0])
    (1, 3, 4.0)
    """
    best = (begin, begin - 1, 0.0)
    start, total = begin, 0.0
    for index in range(begin, len(values) if end is None else end):
        if total <= 0:
            start, total = index, 0.0
        total += values[index]
        if total > best[2]:
            best = (start, index, total)
    return best
