"""Whole-line rules: a line that a rule's pattern matches from start to end goes."""

from __future__ import annotations

from ...rules import Hit, Scope
from ..document import Document
from ..labels import Label
from .teasers import teaser_extent


def label_lines(doc: Document) -> None:
    """Apply line rules to every line and block-start rules with their teaser blocks; label
    the headings of comment threads (`label_thread` takes the thread once the article is
    known)."""
    if doc.matchers[Scope.THREAD_START].rules:
        for index, heading in doc.match_lines(Scope.THREAD_START).items():
            doc.label(index, Label.of(heading.rule))
    line_hits = doc.match_lines(Scope.LINE)
    block_hits: dict[int, Hit] = {}
    if doc.matchers[Scope.BLOCK_START].rules:
        block_hits = doc.match_lines(Scope.BLOCK_START, skip=line_hits)
    for index in sorted(line_hits.keys() | block_hits.keys()):
        if not doc.unlabeled(index):
            continue
        hit = line_hits.get(index)
        if hit is not None:
            doc.label(index, Label.of(hit.rule))
            doc.capture(hit)
            continue
        if hit := block_hits.get(index):
            label = Label.of(hit.rule)
            doc.label(index, label)
            # A line of the block that a line rule matches keeps that rule's label and
            # what it captured (a copyright line at the end of a page still names the
            # holder).
            for later in teaser_extent(doc, index):
                own = line_hits.get(later)
                if own is not None and doc.unlabeled(later):
                    doc.capture(own)
                doc.label(later, label if own is None else Label.of(own.rule))


def label_zone_rules(doc: Document, scope: Scope, indexes: list[int]) -> None:
    """Apply header or footer rules to the given lines (one zone of the document)."""
    if not doc.matchers[scope].rules:
        return
    for index in indexes:
        if doc.unlabeled(index):
            hit = doc.match_line(scope, index)
            if hit is not None:
                doc.label(index, Label.of(hit.rule))
                doc.capture(hit)
