"""The removal trail: runs of lines with the same label, and inline cuts, in input order."""

from __future__ import annotations

from bisect import bisect_right

from ..article import Removal
from ..categories import Category
from .document import Document
from .labels import Label


def collect_removals(doc: Document) -> None:
    """Give the document its trail (`removals`), without the kept categories."""
    doc.removed = removals(doc, doc.keep)


def removals(doc: Document, keep: frozenset[Category]) -> list[Removal]:
    """The removal trail: runs of lines with the same label, and inline cuts, in input order.

    A run reaches across blank lines (and lines its tokens emptied); a cut inside a run is
    part of it.
    """
    result: list[Removal] = []
    covered: list[tuple[int, int]] = []  # first and last line index of each run
    run_label: Label | None = None
    run_start = run_end = run_first = run_last = 0
    for line, label in zip(doc.lines, doc.labels, strict=True):
        if not line.text:  # blank
            continue
        if label is not None and label == run_label:
            run_end, run_last = line.end, line.index
            continue
        if run_label is not None:
            result.append(_removal(doc.source, run_label, run_start, run_end))
            covered.append((run_first, run_last))
        run_label = label if label is not None and label.category not in keep else None
        run_start, run_end, run_first, run_last = line.start, line.end, line.index, line.index
    if run_label is not None:
        result.append(_removal(doc.source, run_label, run_start, run_end))
        covered.append((run_first, run_last))
    firsts = [first for first, _ in covered]
    for cut in doc.cuts:
        run = bisect_right(firsts, cut.line) - 1
        inside = run >= 0 and cut.line <= covered[run][1]
        if not inside and cut.label.category not in keep:
            result.append(_removal(doc.source, cut.label, cut.start, cut.end))
    result.sort(key=lambda r: (r.start, r.end))
    return result


def _removal(source: str, label: Label, start: int, end: int) -> Removal:
    return Removal(label.category.value, label.rule, source[start:end], start, end, label.reason)
