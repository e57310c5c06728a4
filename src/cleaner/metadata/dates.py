"""Parse the dates that articles print into ISO ``YYYY-MM-DD``; ambiguous dates give None.

Month names are the hand-written table below, then dateparser's for more languages
(``months``). Numeric dates are read day first unless only the other order is a date;
a two-digit year is read only after dots ("31.10.23", the German and Central European
form) or with a written month.
"""

from __future__ import annotations

import datetime as dt

import regex

from .months import month_names

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    [
        "january jan janvier janv januar jän enero ene gennaio gen janeiro januari",
        "february feb février févr fevrier februar febrero febbraio fevereiro fev februari",
        "march mar mars märz maerz marzo março marco maart",
        "april apr avril abril aprile",
        "may mai mayo maggio mag maio mei",
        "june jun juin juni junio giugno giu junho",
        "july jul juillet juil juli julio luglio lug julho",
        "august aug août aout agosto ago augustus",
        "september sep sept septembre septiembre settembre set setembro",
        "october oct octobre oktober octubre ottobre ott outubro out",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre dezember dic diciembre dicembre dezembro dez",
    ],
    start=1,
):
    for name in names.split():
        MONTHS.setdefault(name, number)
for number, names in enumerate(
    [
        "stycznia styczeń января январь",
        "lutego luty февраля февраль",
        "marca marzec марта март",
        "kwietnia kwiecień апреля апрель",
        "maja maj мая май",
        "czerwca czerwiec июня июнь",
        "lipca lipiec июля июль",
        "sierpnia sierpień августа август",
        "września wrzesień сентября сентябрь",
        "października październik октября октябрь",
        "listopada listopad ноября ноябрь",
        "grudnia grudzień декабря декабрь",
    ],
    start=1,
):  # Polish and Russian, in the genitive dates print and the nominative
    for name in names.split():
        MONTHS.setdefault(name, number)

ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH_YEAR = regex.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\.?\s*(?:de\s+|of\s+)?(\p{L}{3,12})\.?,?\s+"
    r"(?:de\s+)?('?\d{4}|'\d{2})(?![\d.:])"
)
MONTH_DAY_YEAR = regex.compile(
    r"(?<!\p{L})(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+('?\d{4}|'\d{2})(?![\d.:])"
)
CJK = regex.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
DOTTED_SHORT = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])")
SLASHED_YMD = regex.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# A token holding "://" or "www.": read from its start only, so a long run without spaces
# costs one pass, not one per character.
URL = regex.compile(r"(?<!\S)\S*?(?:://|www\.)\S*")
NUMERIC = regex.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")


def _month(name: str) -> int | None:
    name = name.lower()
    return MONTHS.get(name) or month_names().get(name)


def _year(text: str) -> int:
    """A year as written: four digits, or two after an apostrophe ('19 -> 2019; a year
    two-digit 70 or more is of the 1900s)."""
    digits = int(text.lstrip("'"))
    if digits >= 100:
        return digits
    return 1900 + digits if digits >= 70 else 2000 + digits


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None) -> str | None:
    """The date in ``text`` as ``YYYY-MM-DD``, or None if there is none or it is ambiguous.

    >>> parse_date("Published: Nov. 15, 2021 at 3:04 p.m. ET")
    '2021-11-15'
    >>> parse_date("15 novembre 2021"), parse_date("2021-11-15T10:00:00Z")
    ('2021-11-15', '2021-11-15')
    >>> parse_date("03/04/2021") is None, parse_date("25/12/2021")
    (True, '2021-12-25')
    """
    if not text:
        return None
    text = URL.sub(" ", text)  # digits in a URL are not a date the article states
    if m := ISO.search(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := SLASHED_YMD.search(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := CJK.search(text):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    for m in DAY_MONTH_YEAR.finditer(text):
        if month := _month(m[2]):
            return _iso(_year(m[3]), month, int(m[1]))
    for m in MONTH_DAY_YEAR.finditer(text):
        if month := _month(m[1]):
            return _iso(_year(m[3]), month, int(m[2]))
    if m := NUMERIC.search(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    if m := DOTTED_SHORT.search(text):
        return _iso(_year(m[3]), int(m[2]), int(m[1]))
    return None


def find_dates(text: str | None) -> frozenset[str]:
    """Every date ``text`` writes, as ``YYYY-MM-DD``; a numeric date that reads both day
    first and month first gives both readings (for checking that a date is stated, not
    for choosing one).

    >>> sorted(find_dates("6. August 2009 · 29 décembre 2019 · December 29th 2019"))
    ['2009-08-06', '2019-12-29']
    >>> sorted(find_dates("Aktualisiert am 31.10.23, erschienen 03/04/2021"))
    ['2021-03-04', '2021-04-03', '2023-10-31']
    """
    if not text:
        return frozenset()
    text = URL.sub(" ", text)
    found: set[str | None] = set()
    for m in ISO.finditer(text):
        found.add(_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in SLASHED_YMD.finditer(text):
        found.add(_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in CJK.finditer(text):
        found.add(_iso(int(m[1]), int(m[2]), int(m[3])))
    for m in DAY_MONTH_YEAR.finditer(text, overlapped=True):
        if month := _month(m[2]):
            found.add(_iso(_year(m[3]), month, int(m[1])))
    for m in MONTH_DAY_YEAR.finditer(text, overlapped=True):
        if month := _month(m[1]):
            found.add(_iso(_year(m[3]), month, int(m[2])))
    for m in NUMERIC.finditer(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        found.update((_iso(year, second, first), _iso(year, first, second)))
    for m in DOTTED_SHORT.finditer(text):
        found.add(_iso(_year(m[3]), int(m[2]), int(m[1])))
    return frozenset(d for d in found if d)
