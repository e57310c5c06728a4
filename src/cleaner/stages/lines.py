"""Whole-line rules: a line that a rule's pattern matches from start to end goes."""

from __future__ import annotations

from ..document import Document, Label
from ..rules import Scope
from .teasers import teaser_extent


def label_lines(doc: Document, max_chars: int) -> None:
    """Apply line rules to every line and block-start rules with their teaser blocks."""
    has_blocks = bool(doc.matchers[Scope.BLOCK_START].rules)
    for line in doc.lines:
        if not doc.unlabeled(line.index) or len(line.key) > max_chars:
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


def label_zone_rules(doc: Document, scope: Scope, indexes: list[int], max_chars: int) -> None:
    """Apply header or footer rules to the given lines (one zone of the document)."""
    if not doc.matchers[scope].rules:
        return
    for index in indexes:
        line = doc.lines[index]
        if doc.unlabeled(index) and len(line.key) <= max_chars:
            hit = doc.fullmatch(scope, line.key, index)
            if hit is not None:
                doc.label(index, Label.of(hit.rule))
                doc.capture(hit)
