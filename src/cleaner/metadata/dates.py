"""Parse the dates that articles print into ISO ``YYYY-MM-DD``; ambiguous dates give None."""

from __future__ import annotations

import datetime as dt

import regex

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
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)"
)
MONTH_DAY_YEAR = regex.compile(
    r"(?<!\p{L})(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
)
SLASHED_YMD = regex.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
URL = regex.compile(r"\S*(?:://|www\.)\S*")
NUMERIC = regex.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")


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
    if (m := DAY_MONTH_YEAR.search(text)) and m[2].lower() in MONTHS:
        return _iso(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if (m := MONTH_DAY_YEAR.search(text)) and m[1].lower() in MONTHS:
        return _iso(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := NUMERIC.search(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
    return None
