"""Month names in the languages dates are read in, from dateparser's locale data.

dateparser (installed with htmldate) knows how some 200 languages write months; this
module is the only one that reads it. Names are lower-cased; a name two languages give
different months keeps the first language's (the order of ``LANGUAGES``). Languages whose
month names are numbers ("1月") are read by the date patterns themselves.
"""

from __future__ import annotations

from functools import cache

# The languages of the rule packs first, then other languages with Latin or Cyrillic
# month names that do not clash with them.
LANGUAGES = (
    "en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru",
    "sv", "da", "nb", "fi", "cs", "sk", "ro", "ca", "tr", "hu", "uk", "id",
)  # fmt: skip
MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MIN_NAME_CHARS = 3


@cache
def month_names() -> dict[str, int]:
    """Lower-cased month name or abbreviation -> month number (1-12).

    >>> names = month_names()
    >>> names["august"], names["décembre"], names["januar"], names["marca"], names["dic"]
    (8, 12, 1, 3, 12)
    """
    from dateparser.languages import default_loader

    names: dict[str, int] = {}
    for code in LANGUAGES:
        try:
            info = default_loader.get_locale(code).info
        except (KeyError, ValueError):  # a dateparser without this language
            continue
        for number, key in enumerate(MONTH_KEYS, start=1):
            for name in info.get(key, ()):
                name = name.lower().strip(".")
                if len(name) >= MIN_NAME_CHARS and name.isalpha():
                    names.setdefault(name, number)
    return names
