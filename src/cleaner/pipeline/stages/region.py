"""Find the article in a full-page text dump (menus, teasers and footers around it).

Every line gets a value (its words when it reads like prose, a cost when it is a heading,
a menu entry, a repeated line or a line a rule removed); the article is the contiguous run
of lines with the largest total. The document is only cut when the lines before that run
look like page chrome, so text that is already an article keeps every line.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple

from ...categories import Category
from ...rules import Scope
from ...text.features import is_prose
from ..document import Document
from ..heuristics import OUTSIDE, TITLE
from ..linescore import JUNK_COST, best_run, line_value, widen_gaps
from .line_rules import label_zone_rules

# Documents with fewer non-blank lines than this are left alone.
MIN_LINES = 8
# A document whose lines are all at most this long has no paragraph on a line of its own:
# it is hard-wrapped text (or a list), not a dump of one block a line, and is left alone.
MAX_WRAPPED_WIDTH = 100
# The document is a page dump when at least this many lines before the article region are
# page chrome (lines a rule removed, lines the page repeats, headings and menu entries),
# or when the page title and the headline that repeats it stand before the region.
MIN_CHROME = 5
# Lines of these categories open a part of the page that follows the article (comments):
# the region does not reach across them...
BARRIERS = frozenset({Category.COMMENTS})
# ... and the first part of the page whose best run holds at least this share of the best
# part's value is the article (comments can hold more prose than the article above them).
MIN_PART_SHARE = 0.25
# The page title (<title>) is looked for among this many first lines...
TITLE_LINES = 3
# ... and is "headline | site" or "site | headline" (or only "headline" on the first line)
# with a headline of at least this many characters and this share of the title, repeated
# (the h1) above the article.
MIN_HEADLINE_CHARS = 15
MIN_HEADLINE_SHARE = 0.5
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": ", " « ", " » ")


class Region(NamedTuple):
    """The article's first and last line and the headline line above it (input indexes)."""

    first: int
    last: int
    headline: int | None


def select_article(doc: Document) -> None:
    """Label the page text outside the article region with ``OUTSIDE`` (when the document
    asks to find the article).

    The region is looked for among all lines, then, when that finds no page, among the
    lines no rule removed: that is the text a second cleaning sees, so cleaning the
    cleaned text again finds nothing more to cut.
    """
    if not doc.find_article:
        return
    texts = body_keys(doc)
    open_lines = [line.index for line in doc.lines if texts[line.index]]
    values: dict[int, float] = {}
    region = find_region(doc, open_lines, texts, values)
    if region is None:
        unlabeled = [i for i in open_lines if doc.labels[i] is None]
        if len(unlabeled) < len(open_lines):
            region = find_region(doc, unlabeled, texts, values)
    if region is None:
        label_region_zones(doc, [i for i in open_lines if doc.labels[i] is None])
        return
    if region.headline is not None:
        doc.label(region.headline, TITLE)
        if not any(name == "title" for name, _, _ in doc.captures):
            doc.notes["title"] = (texts[region.headline], TITLE.rule)
    for line in doc.lines:
        if not region.first <= line.index <= region.last:
            doc.label(line.index, OUTSIDE)
    label_region_zones(doc, [i for i in open_lines if region.first <= i <= region.last])


def body_keys(doc: Document) -> list[str]:
    """Each line's key as the cleaned text will hold it (inline cuts are already out)."""
    return [line.key for line in doc.lines]


def find_region(
    doc: Document, lines: list[int], texts: list[str], prose: dict[int, float]
) -> Region | None:
    """The article region among ``lines``, or None when they do not look like a page dump.

    ``prose`` keeps the value of each line read as prose, for the next call.
    """
    if len(lines) < MIN_LINES:
        return None
    if not any(len(doc.lines[i].text) > MAX_WRAPPED_WIDTH for i in lines):
        return None
    keys = [texts[i] for i in lines]
    counts = Counter(keys)
    scores: list[float] = []
    barriers: list[int] = []
    for position, (index, key) in enumerate(zip(lines, keys, strict=True)):
        label = doc.labels[index]
        if label is not None or counts[key] > 1:
            scores.append(-JUNK_COST)
            if label is not None and label.category in BARRIERS:
                barriers.append(position)
            continue
        value = prose.get(index)
        if value is None:
            value = prose[index] = line_value(key, False)
        scores.append(value)
    scores = widen_gaps(scores)
    for position in barriers:
        scores[position] = -math.inf
    first, last, total = article_run(scores)
    if total <= 0:
        return None
    while last + 1 < len(scores) and -JUNK_COST < scores[last + 1] <= 0:
        last += 1  # list items, table rows and short lines that end the article
    headline = find_headline(keys, first + 1)
    chrome = sum(1 for value in scores[:first] if value <= -JUNK_COST)
    if headline is None and chrome < MIN_CHROME:
        return None
    return Region(lines[first], lines[last], None if headline is None else lines[headline])


def article_run(values: list[float]) -> tuple[int, int, float]:
    """The best run of the first part (between barriers) that holds enough of the best value."""
    parts: list[tuple[int, int, float]] = []
    begin = 0
    for index, value in enumerate([*values, -math.inf]):
        if value == -math.inf:
            parts.append(best_run(values, begin, index))
            begin = index + 1
    best = max(total for _, _, total in parts)
    return next(part for part in parts if part[2] >= MIN_PART_SHARE * best)


def label_region_zones(doc: Document, region: list[int]) -> None:
    """Apply footer and header rules to the region's edges, up to its last and first prose.

    The zones of the cleaned text are the region's edges (without the lines rules removed),
    so this labels now what cleaning the cleaned text again would label: cleaning stays
    idempotent even where the zone stages stopped early or the region moved the edges.
    """
    for scope, order in ((Scope.FOOTER, region[::-1]), (Scope.HEADER, region)):
        for index in order:
            if doc.unlabeled(index):
                label_zone_rules(doc, scope, [index])
                if doc.unlabeled(index) and is_prose(doc.lines[index].text):
                    break


def find_headline(keys: list[str], before: int) -> int | None:
    """The headline that repeats the page title of a first line, before position ``before``."""
    for position, title in enumerate(keys[: min(TITLE_LINES, before)]):
        if len(title) < MIN_HEADLINE_CHARS:
            continue
        for k in range(position + 1, before):
            if _is_title_of(title, keys[k], exact=position == 0):
                return k
    return None


def _is_title_of(title: str, line: str, exact: bool) -> bool:
    """True when ``line`` is the headline of ``title`` (equal to it only when ``exact``)."""
    if len(line) < max(MIN_HEADLINE_CHARS, MIN_HEADLINE_SHARE * len(title)):
        return False
    if len(line) >= len(title):
        return exact and line == title
    if title.startswith(line):
        return title[len(line) : len(line) + 4].startswith(TITLE_SEPARATORS)
    if title.endswith(line):
        rest = title[: len(title) - len(line)]
        return any(rest.endswith(sep) for sep in TITLE_SEPARATORS)
    return False
