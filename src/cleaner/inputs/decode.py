"""Turn input bytes into text: BOMs, UTF-8, then charset detection; binary is refused."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_CONTROL_SHARE = 0.1
SNIFF_BYTES = 65536
WEB_DEFAULT = "cp1252"
TIE = 0.02


class DecodeError(ValueError):
    """Input bytes that are not text in any encoding we can tell."""


class Decoded(NamedTuple):
    """Decoded text, its encoding, and whether the encoding was guessed (no byte-order
    mark, not UTF-8)."""

    text: str
    encoding: str
    guessed: bool = False


def _looks_binary(data: bytes) -> bool:
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return b"\x00" in sample and controls / len(sample) > BINARY_CONTROL_SHARE


def decode(data: bytes) -> Decoded:
    """Decode input bytes to text: byte-order marks, UTF-8, then charset detection.

    >>> decode("café".encode("cp1252"))
    Decoded(text='café', encoding='cp1252', guessed=True)
    >>> decode(codecs.BOM_UTF16_LE + "hé".encode("utf-16-le")).text
    'hé'
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {exc}") from None
    if _looks_binary(data):
        raise DecodeError("input looks binary (NUL and control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("input is not text in any encoding that could be detected")
    best = matches[0]
    # Short Western text is often a near tie; the web's legacy default (WHATWG) wins ties.
    # BOM-less UTF-16 or UTF-32 without a single NUL byte is not plausible for short text.
    wide_guess = best.encoding.startswith(("utf_16", "utf_32")) and b"\x00" not in data
    try:
        web = data.decode(WEB_DEFAULT)
    except UnicodeDecodeError:
        return Decoded(str(best), best.encoding, True)
    for match in matches:
        same = match.encoding == WEB_DEFAULT or str(match) == web
        if same and (wide_guess or match.chaos <= best.chaos + TIE):
            return Decoded(web, WEB_DEFAULT, True)
    return Decoded(str(best), best.encoding, True)
