"""Whole-line rules: a line that a rule's pattern matches from start to end goes."""

from __future__ import annotations

from ..document import Document, Label
from ..rules import Scope
from .teasers import teaser_extent


def label_lines(doc: Document) -> None:
    """Apply line rules to every line and block-start rules with their teaser blocks."""
    has_blocks = bool(doc.matchers[Scope.BLOCK_START].rules)
    for line in doc.lines:
        if not doc.unlabeled(line.index):
            continue
        hit = doc.fullmatch(Scope.LINE, line.key, line.index)
        if hit is not None:
            doc.label(line.index, Label.of(hit.rule))
            doc.capture(hit)
            continue
        if has_blocks and (hit := doc.fullmatch(Scope.BLOCK_START, line.key, line.index)):
            label = Label.of(hit.rule)
            doc.label(line.index, label)
            for index in teaser_extent(doc, line.index):
                doc.label(index, label)


def label_zone_rules(doc: Document, scope: Scope, indexes: list[int]) -> None:
    """Apply header or footer rules to the given lines (one zone of the document)."""
    if not doc.matchers[scope].rules:
        return
    for index in indexes:
        if doc.unlabeled(index):
            hit = doc.fullmatch(scope, doc.lines[index].key, index)
            if hit is not None:
                doc.label(index, Label.of(hit.rule))
                doc.capture(hit)
