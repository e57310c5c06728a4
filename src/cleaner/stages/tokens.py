"""Token rules: cut inline tokens such as ``{mosads}`` out of a line; the rest stays.

The line's text becomes the text without its tokens, so the later stages judge the line
as the body will hold it (a junk line with a token glued on is still junk).
"""

from __future__ import annotations

from ..article import Removal
from ..document import Cut, Document, Label
from ..render import render
from ..rules import Scope
from ..text import char_map, line_key


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
        spans = []
        for hit in hits:
            start = origin[hit.start]
            end = origin[hit.end - 1] + 1
            label = Label.of(hit.rule)
            doc.cuts.append(Cut(line.index, line.start + start, line.start + end, label))
            spans.append(Removal("", "", "", start, end))
        line.text = render(raw, spans)
        line.key = line_key(line.text)
