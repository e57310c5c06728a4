"""Split the input into normalised lines that keep their input offsets."""

from __future__ import annotations

from ...text.lines import segment
from ..document import Document


def split_lines(doc: Document) -> None:
    """Give the document its lines, none of them labelled yet."""
    doc.lines = segment(doc.source)
    doc.labels = [None] * len(doc.lines)
