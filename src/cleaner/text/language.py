"""The language of a text (ISO 639-1), from a sample of it, with CLD2 (``pycld2``).

CLD2's model is compiled into the ``pycld2`` extension: nothing is downloaded or loaded
from a file, the model takes a few megabytes, a 2,000-character sample takes about a
tenth of a millisecond, and the scores are integer sums, so the same text gives the same
answer in any process. A hint (the page's ``<html lang>`` in HTML mode) only tips the
scores, and stands in when the text is too short or mixed to name a language reliably.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import regex

# The sample read from the start of the text: enough for a reliable answer on a body
# (on the dev pages, samples of 300 to 2,000 characters agree as often with the pages'
# declared language), cheap enough not to show in the throughput (about 20 µs).
SAMPLE_CHARS = 500
# Characters CLD2 refuses (controls, lone surrogates): read as spaces.
REFUSED = regex.compile(r"[\p{Cc}\p{Cs}]")
LETTER = regex.compile(r"\p{L}")
# A language tag's primary subtag: two or three letters.
PRIMARY_SUBTAG = regex.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
# CLD2's codes that are not today's ISO 639-1 codes.
CLD2_CODES = {"iw": "he", "jw": "jv", "in": "id", "zh-Hant": "zh", "mo": "ro"}
UNKNOWN = "un"

TEXT_SOURCE = "text:cld2"
HINT_SOURCE = "html:lang"


class Identified(NamedTuple):
    """A language code and what supplied it (`TEXT_SOURCE` or `HINT_SOURCE`)."""

    code: str
    source: str


def primary_subtag(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased; None when it has none.

    >>> primary_subtag("de-AT"), primary_subtag("EN_us"), primary_subtag("x"), primary_subtag("")
    ('de', 'en', None, None)
    """
    if not tag:
        return None
    match = PRIMARY_SUBTAG.match(tag.strip())
    return match.group(0).lower() if match else None


def identify(text: str, hint: str | None = None) -> Identified | None:
    """The language of ``text``, read from its first `SAMPLE_CHARS` characters.

    ``hint`` is a language code the text is likely in (the page's ``<html lang>``): it
    tips the scores, and is the answer when the text names no language reliably (too
    short, no letters, mixed). Without a reliable answer or a hint: None.

    >>> identify("Der Minister sagte am Montag, die Regierung werde die Steuern senken.")
    Identified(code='de', source='text:cld2')
    >>> identify("Ok", hint="fr"), identify("Ok")
    (Identified(code='fr', source='html:lang'), None)
    """
    hint = primary_subtag(hint)
    code = _detect(text[:SAMPLE_CHARS], hint)
    if code is not None:
        return Identified(code, TEXT_SOURCE)
    return Identified(hint, HINT_SOURCE) if hint else None


def _detect(sample: str, hint: str | None) -> str | None:
    """CLD2's reliable answer for the sample, or None."""
    if not LETTER.search(sample):
        return None
    cld2 = _cld2()
    options: dict[str, Any] = {"isPlainText": True, "bestEffort": True}
    if hint:
        options["hintLanguage"] = hint
    try:
        reliable, _, details = cld2.detect(sample, **options)
    except (cld2.error, UnicodeError):
        # Characters CLD2 refuses (a body holds none: normalising drops them) or a hint it
        # does not know: once more with those characters as spaces and without the hint.
        try:
            clean = REFUSED.sub(" ", sample)
            reliable, _, details = cld2.detect(clean, isPlainText=True, bestEffort=True)
        except (cld2.error, UnicodeError):
            return None
    code = str(details[0][1])
    if not reliable or code == UNKNOWN:
        return None
    return primary_subtag(CLD2_CODES.get(code, code))


@cache
def _cld2() -> Any:
    import pycld2

    return pycld2
