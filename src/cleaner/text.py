"""Unicode and whitespace normalisation, and segmentation into lines with input offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

# The same line boundaries as str.splitlines().
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
OTHER_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
OTHER_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Control, format and zero-width characters that carry no text, and lone surrogates.
# ZWNJ and ZWJ (U+200C, U+200D) stay: they shape emoji sequences and some scripts.
INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]+"
)
ASCII_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
# Whitespace other than a single plain space between words.
ODD_SPACE = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
EDGE_SPACES = re.compile(r" \n ?|\n ")
# List markers and dashes that open a line; rules match the line without them.
LIST_MARKS = r"(?:[-–—•·‣◦▪▫●○■□►▸▶»›>*+|~]+ ?)"
LIST_MARKER = regex.compile(f"^{LIST_MARKS}+")


def has_any(text: str, chars: str) -> bool:
    """True when ``text`` holds one of ``chars`` (a substring search per character).

    >>> has_any("a | b", "|/"), has_any("a b", "|/")
    (True, False)
    """
    for char in chars:  # noqa: SIM110 (a plain loop is faster than any() on a generator)
        if char in text:
            return True
    return False


def normalize(text: str) -> str:
    """Normalise text: NFC, one line break kind, no invisible characters, single spaces.

    Line count is preserved: line i of the result is line i of the input, normalised.
    Each step first checks cheaply whether it has anything to do.

    >>> normalize("  A\\u00a0 b\\u200b \\r\\nc\\u0301 ")
    'A b\\nć'
    """
    if has_any(text, OTHER_BREAK_CHARS):
        text = OTHER_BREAK.sub("\n", text)
    if text.isascii():
        if ASCII_INVISIBLE.search(text):
            text = ASCII_INVISIBLE.sub("", text)
    else:
        text = INVISIBLE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "  " in text or not text.isascii() or "\t" in text or "\x1f" in text:
        text = ODD_SPACE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = EDGE_SPACES.sub("\n", text)
    return text.strip(" ")


def normalize_line(line: str) -> str:
    """Normalise one line (no line breaks inside)."""
    return normalize(line)


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


def char_map(raw: str) -> tuple[str, list[int]]:
    """Normalise one raw line and map each normalised character to its raw offset.

    >>> char_map(" a\\u200b  b")
    ('a b', [1, 3, 5])
    """
    out: list[str] = []
    origin: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if INVISIBLE.match(ch):
            i += 1
            continue
        if ch.isspace():
            j = i
            while j < n and (raw[j].isspace() or INVISIBLE.match(raw[j])):
                j += 1
            if out and j < n:
                out.append(" ")
                origin.append(i)
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", INVISIBLE.sub("", raw[i:j]))
        out.extend(cluster)
        origin.extend([i] * len(cluster))
        i = j
    return "".join(out), origin
