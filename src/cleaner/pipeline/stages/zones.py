"""The header zone (before the first prose) and footer zone (after the last prose).

Header and footer rules apply only there. In the header zone, heuristics also find the
title, the section label and a byline that is a bare name next to other header lines.
"""

from __future__ import annotations

from ...categories import Category
from ...rules import Scope
from ...text.features import is_headline, is_person_name, is_prose, word_count
from ..document import Document
from ..heuristics import BYLINE, SECTION, TITLE
from .line_rules import label_zone_rules

MAX_ZONE_LINES = 60  # lines no rule removed; a longer top or bottom is not a header
MAX_HEADER_CANDIDATES = 8


def _zone(doc: Document, scope: Scope, order: range) -> tuple[list[int], bool]:
    """Lines of a zone, scanning in ``order`` until the first unlabeled prose line.

    Also says whether the scan reached prose (False: the document ended or the zone got
    too long, so what follows the zone is not known to be an article).
    """
    zone: list[int] = []
    open_lines = 0
    for index in order:
        line = doc.lines[index]
        if line.blank:
            continue
        if open_lines >= MAX_ZONE_LINES:
            return zone, False
        if doc.unlabeled(index):
            open_lines += 1
            label_zone_rules(doc, scope, [index])
            if doc.unlabeled(index) and is_prose(line.text):
                return zone, True
        zone.append(index)
    return zone, False


def label_footer(doc: Document) -> None:
    """Apply footer rules from the bottom up to the last line of prose."""
    label_zone(doc, Scope.FOOTER)


def label_zone(doc: Document, scope: Scope) -> list[int]:
    """Apply header rules from the top down to the first line of prose no rule removed, or
    footer rules from the bottom up to the last; the lines of the zone."""
    lines = len(doc.lines)
    order = range(lines) if scope is Scope.HEADER else range(lines - 1, -1, -1)
    return _zone(doc, scope, order)[0]


def label_header(doc: Document) -> None:
    """Apply header rules and header heuristics from the top down to the first prose."""
    zone, reached_prose = _zone(doc, Scope.HEADER, range(len(doc.lines)))
    open_lines = [i for i in zone if doc.labels[i] is None]
    if not open_lines or len(open_lines) > MAX_HEADER_CANDIDATES:
        return
    _find_byline(doc, zone)
    has_title = any(name == "title" for name, _, _ in doc.captures)
    if reached_prose and not has_title and any(_is_title_signal(doc, i) for i in zone):
        _find_title(doc, [i for i in zone if doc.labels[i] is None])


def _find_byline(doc: Document, zone: list[int]) -> None:
    for position, index in enumerate(zone):
        if doc.labels[index] is not None or not is_person_name(doc.lines[index].key):
            continue
        neighbours = zone[max(0, position - 1) : position] + zone[position + 1 : position + 2]
        if any(_is_header_signal(doc, n) for n in neighbours):
            doc.label(index, BYLINE)
            doc.notes.setdefault("authors", (doc.lines[index].key, BYLINE.rule))


def _is_title_signal(doc: Document, index: int) -> bool:
    """Lines that stand around a headline: datelines, bylines, reading times, photo credits."""
    label = doc.labels[index]
    return label is not None and label.category in (Category.HEADER, Category.CREDIT)


def _is_header_signal(doc: Document, index: int) -> bool:
    label = doc.labels[index]
    return label is not None and label.category is Category.HEADER


def _find_title(doc: Document, candidates: list[int]) -> None:
    for position, index in enumerate(candidates):
        text = doc.lines[index].key
        if is_headline(text) and word_count(text) >= 4:
            doc.label(index, TITLE)
            doc.notes.setdefault("title", (text, TITLE.rule))
            if position > 0:
                previous = candidates[position - 1]
                label_text = doc.lines[previous].key
                if 1 <= word_count(label_text) <= 4 and not label_text.endswith((".", "!", "?")):
                    doc.label(previous, SECTION)
                    doc.notes.setdefault("section", (label_text, SECTION.rule))
            return
