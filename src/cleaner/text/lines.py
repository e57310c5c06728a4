"""Segmentation into lines that keep their input offsets, and the key rules match."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .. import native
from .normalize import LINE_BREAK, OTHER_BREAK_CHARS, has_any, normalize_line

# List markers and dashes that open a line; rules match the line without them.
LIST_MARKS = r"(?:[-–—•·‣◦▪▫●○■□►▸▶»›>*+|~]+ ?)"
LIST_MARKER = regex.compile(f"^{LIST_MARKS}+")


@dataclass(slots=True)
class Line:
    """One input line: its normalised text and where it stands in the input."""

    index: int
    text: str
    key: str
    start: int
    end: int
    indent: int

    @property
    def blank(self) -> bool:
        """True when nothing but whitespace is on the line."""
        return not self.text

    @property
    def listed(self) -> bool:
        """True when the line opens with a list marker or dash."""
        return len(self.key) != len(self.text)


def raw_lines(source: str) -> Iterator[tuple[int, str]]:
    """The start offset and text of every line of ``source``, line breaks excluded.

    >>> list(raw_lines("a\\r\\nbc\\n"))
    [(0, 'a'), (3, 'bc'), (6, '')]
    """
    if not has_any(source, OTHER_BREAK_CHARS):  # only "\n": offsets from line lengths
        pos = 0
        for line in source.split("\n"):
            yield pos, line
            pos += len(line) + 1
        return
    pos = 0
    for match in LINE_BREAK.finditer(source):
        yield pos, source[pos : match.start()]
        pos = match.end()
    yield pos, source[pos:]


def _plain(text: str) -> bool:
    """True when a line has nothing to normalise: no control, format or odd space
    character, and no run of spaces."""
    return text.isprintable() and "  " not in text


def line_key(text: str) -> str:
    """The text rules match: the line without a leading list marker or dash.

    >>> line_key("• Read more"), line_key("Plain")
    ('Read more', 'Plain')
    """
    return LIST_MARKER.sub("", text, count=1) if text and not text[0].isalnum() else text


def segment(source: str) -> list[Line]:
    """Split ``source`` into normalised lines that keep their input offsets.

    >>> [(ln.text, ln.start, ln.end) for ln in segment(" a \\n\\n• b")]
    [('a', 1, 2), ('', 4, 4), ('• b', 5, 8)]
    """
    nfc = source.isascii() or unicodedata.is_normalized("NFC", source)
    if native.compiled is not None:  # the same, step for step, compiled
        found: list[Line] = native.compiled.segment(source, Line, LIST_MARKER, normalize_line, nfc)
        return found
    lines: list[Line] = []
    append = lines.append
    for index, (start, raw) in enumerate(raw_lines(source)):
        text = raw.strip(" ")
        if nfc and _plain(text):
            # Nothing to normalise but the line's edges.
            lead = len(raw) - len(raw.lstrip(" ")) if len(text) != len(raw) else 0
            end = start + lead + len(text)
        elif nfc and "\xa0" in text and _plain(spaced := text.replace("\xa0", " ").strip(" ")):
            # Only no-break spaces to make plain (the commonest leftover of HTML).
            text = spaced
            lead = len(raw) - len(raw.lstrip())
            end = start + len(raw.rstrip())
        else:
            text = normalize_line(raw)
            lead = len(raw) - len(raw.lstrip())
            end = start + len(raw.rstrip())
        if not text:
            append(Line(index, text, text, start, start, 0))
            continue
        key = text if text[0].isalnum() else LIST_MARKER.sub("", text, count=1)
        append(Line(index, text, key, start + lead, end, lead))
    return lines
