"""Token rules: cut inline tokens such as ``{mosads}`` out of a line; the rest stays.

The line's text becomes the text without its tokens, so the later stages judge the line
as the body will hold it (a junk line with a token glued on is still junk).
"""

from __future__ import annotations

from ...article import Removal, WarningCode, warning
from ...rules import Scope
from ...rules.gate import Folded
from ...text.lines import line_key
from ...text.normalize import char_map
from ..document import Document
from ..labels import Cut, Label
from ..render import render


def cut_tokens(doc: Document) -> None:
    """Record a Cut for every token-rule match, with input offsets."""
    matcher = doc.matchers[Scope.TOKEN]
    if not matcher.rules:
        return
    texts = [line.text for line in doc.lines]
    doc.folded = Folded(texts)  # the line gate reads it again, with the lines cut here
    for index in matcher.may_hold(texts, doc.folded):
        line = doc.lines[index]
        if line.blank:
            continue
        hits = doc.finditer(Scope.TOKEN, line.text, line.index)
        if not hits:
            continue
        raw = doc.source[line.start : line.end]
        spans = _raw_spans(raw, line.text, [(hit.start, hit.end) for hit in hits])
        if spans is None:
            doc.warnings.append(
                warning(
                    WarningCode.TOKEN_UNMAPPED,
                    f"line {line.index + 1}: token offsets could not be mapped",
                )
            )
            continue
        for hit, span in zip(hits, spans, strict=True):
            label = Label.of(hit.rule)
            doc.cuts.append(Cut(line.index, line.start + span.start, line.start + span.end, label))
        line.text = render(raw, spans)
        line.key = line_key(line.text)
        doc.changed.append(line.index)


def _raw_spans(raw: str, text: str, hits: list[tuple[int, int]]) -> list[Removal] | None:
    """Where the hits in the normalised ``text`` stand in the ``raw`` line.

    Through the character map when normalising the raw line gives ``text``; else (an
    invisible character inside a composed letter) each hit's own text is looked up in the
    raw line, in order. None when a hit cannot be placed.
    """
    if raw == text:
        return [Removal("", "", "", start, end) for start, end in hits]
    mapped, origin = char_map(raw)
    if mapped == text:
        return [Removal("", "", "", origin[start], origin[end - 1] + 1) for start, end in hits]
    spans: list[Removal] = []
    position = 0
    for start, end in hits:
        found = raw.find(text[start:end], position)
        if found == -1:
            return None
        position = found + end - start
        spans.append(Removal("", "", "", found, position))
    return spans
