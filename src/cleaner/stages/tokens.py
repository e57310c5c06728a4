"""Token rules: cut inline tokens such as ``{mosads}`` out of a line; the rest stays."""

from __future__ import annotations

from ..document import Cut, Document, Label
from ..rules import Scope
from ..text import char_map


def cut_tokens(doc: Document) -> None:
    """Record a Cut for every token-rule match, with input offsets."""
    if not doc.matchers[Scope.TOKEN].rules:
        return
    for line in doc.lines:
        if line.blank:
            continue
        hits = doc.finditer(Scope.TOKEN, line.text, line.index)
        if not hits:
            continue
        raw = doc.source[line.start : line.end]
        if raw == line.text:
            origin = list(range(len(raw)))
        else:
            mapped, origin = char_map(raw)
            if mapped != line.text:
                doc.warnings.append(f"line {line.index + 1}: token offsets could not be mapped")
                continue
        for hit in hits:
            start = line.start + origin[hit.start]
            end = line.start + origin[hit.end - 1] + 1
            doc.cuts.append(Cut(line.index, start, end, Label.of(hit.rule)))
