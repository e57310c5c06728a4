"""Unicode and whitespace normalisation: NFC, one line break kind, no invisible
characters, single spaces."""

from __future__ import annotations

import re
import unicodedata

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
# ZWNJ and ZWJ join the characters on both sides; next to a space or a line's edge they
# join nothing (a line of them alone, or padding runs after a newsletter's preheader).
JOINERS = "\u200c\u200d"
IDLE_JOINERS = re.compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)")
# Whitespace other than a single plain space between words.
ODD_SPACE = re.compile(r"[^\S\n ][^\S\n]*| [^\S\n]+")
EDGE_SPACES = re.compile(r" \n ?|\n ")


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
    >>> normalize("\\u200d\\nx \\u200c \\u200c\\ny\\u200dz")
    '\\nx\\ny\\u200dz'
    """
    if has_any(text, OTHER_BREAK_CHARS):
        text = OTHER_BREAK.sub("\n", text)
    if text.isascii():
        if ASCII_INVISIBLE.search(text):
            text = ASCII_INVISIBLE.sub("", text)
    else:
        text = INVISIBLE.sub("", text)
        if has_any(text, JOINERS):
            text = IDLE_JOINERS.sub("", text)
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


def char_map(raw: str) -> tuple[str, list[int]]:
    """Normalise one raw line and map each normalised character to its raw offset.

    >>> char_map(" a\\u200b  b")
    ('a b', [1, 3, 5])
    """
    out: list[str] = []
    origin: list[int] = []
    idle = _idle_joiners(raw)
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if INVISIBLE.match(ch) or i in idle:
            i += 1
            continue
        if ch.isspace():
            j = i
            while j < n and (raw[j].isspace() or INVISIBLE.match(raw[j]) or j in idle):
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


def _idle_joiners(raw: str) -> set[int]:
    """The offsets of the joiners `normalize` drops from ``raw`` (`IDLE_JOINERS`, read
    once the other invisible characters are gone)."""
    if not has_any(raw, JOINERS):
        return set()
    visible = [i for i, ch in enumerate(raw) if not INVISIBLE.match(ch)]
    text = "".join(raw[i] for i in visible)
    return {visible[k] for m in IDLE_JOINERS.finditer(text) for k in range(m.start(), m.end())}
