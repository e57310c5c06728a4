"""Metadata scores: each system's answers and the gold normalised one way, then counted.

Normalisation, the same for every system and for the gold:

- **Text** (titles, tags, categories): Unicode NFKC, every dash (``‐ ‑ ‒ – — ― − －``) a
  hyphen-minus, every single quote or apostrophe (``‘ ’ ‚ ‛ ′ ʼ ` ´``) ``'``, every double
  quote (``“ ” „ ‟ ″ « »``) ``"``, runs of whitespace one space, no space at either end,
  case folded.
- **Authors**: a list is joined with ``;`` first; the text is normalised as above, then
  split on ``;``, ``&``, `` and `` and `` und ``, and on ``,`` only where the text on both
  sides is a name (two to six capitalised words or name particles, no digit, no role word:
  "Jane Doe, John Roe" is two names, "Jane Doe, Senior Editor" and "Dylan Bailey, MS, RD"
  are one entry each); then in each name a dot is a space (``J.R. Stone`` equals ``J R
  Stone``). Strict: the answer's set of names equals the gold's. Lenient: every gold name
  is among the answer's.
- **Dates**: ``YYYY-MM-DD`` (a datetime's date; a string's leading ISO date). The gold is
  read leniently (``read_date`` of bench/corpora.py: zero padding added, a month above 12
  taken for a day-month swap); a gold date whose day and month could be swapped is read
  as written. Gold dates that are month-only or impossible leave the page out of the date
  score, counted apart.
- **Tags, categories**: sets of normalised texts; strict: equal sets.

Counts per field: ``gold`` pages whose gold has a value; ``answered`` of those with an
answer; ``right`` of those with the right answer (strict); coverage = answered / gold,
precision = right / answered, wrong = (answered - right) / gold. ``empty`` pages whose gold
has no value and ``extra`` answers there (reported apart: some are gaps in the gold).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

DASHES = regex.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
SINGLE_QUOTES = regex.compile(r"[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]")
DOUBLE_QUOTES = regex.compile(r"[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]")
SPACE = regex.compile(r"\s+")
AUTHOR_SEPARATORS = regex.compile(r"\s*(?:;|&|\s(?:and|und)\s)\s*", regex.IGNORECASE)
ISO_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})")
NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}'.-]*|\p{Lu}\.)$")
NAME_PARTICLES = frozenset(
    ("al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
     "le", "st", "ten", "ter", "van", "von", "y", "zu")
)  # fmt: skip
ROLE_WORDS = frozenset(
    ("author", "autor", "autorin", "chef", "chief", "columnist", "contributor",
     "correspondent", "director", "editor", "educator", "expert", "founder", "head",
     "journalist", "manager", "president", "redakteur", "redakteurin", "reporter",
     "representative", "senior", "specialist", "staff", "team", "writer")
)  # fmt: skip
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 6


def normal_text(value: str | None) -> str:
    """A text for comparison: NFKC, dashes and quotes unified, whitespace folded, case
    folded.

    >>> normal_text("  Ça va — “fine”\\u00a0NOW ")
    'ça va - "fine" now'
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", value)
    text = DASHES.sub("-", text)
    text = SINGLE_QUOTES.sub("'", text)
    text = DOUBLE_QUOTES.sub('"', text)
    return str(SPACE.sub(" ", text)).strip().casefold()


def _is_name(part: str) -> bool:
    words = part.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or any(c.isdigit() for c in part):
        return False
    if any(w.lower().strip(".") in ROLE_WORDS for w in words):
        return False
    return NAME_WORD.match(words[0]) is not None and all(
        NAME_WORD.match(w) or w.lower() in NAME_PARTICLES for w in words
    )


def _split_commas(entry: str) -> list[str]:
    """Split at a comma only where the text before it and the text after it are names."""
    parts = [p.strip() for p in entry.split(",")]
    names: list[str] = []
    for part in parts:
        if names and _is_name(part) and _is_name(names[-1]):
            names.append(part)
        elif names:
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(part)
    return names


def author_names(value: str | Sequence[str] | None) -> frozenset[str]:
    """The names in an author value, normalised (see the module docstring).

    >>> sorted(author_names("Jane Doe, John Roe and Ann Lee"))
    ['ann lee', 'jane doe', 'john roe']
    >>> sorted(author_names("Jane Doe, Senior Editor")), sorted(author_names(["J.R. Stone"]))
    (['jane doe, senior editor'], ['j r stone'])
    >>> sorted(author_names("Lars Fischer und Alina Schadwinkel; Maria & Katerina"))
    ['alina schadwinkel', 'katerina', 'lars fischer', 'maria']
    """
    if not value:
        return frozenset()
    text = value if isinstance(value, str) else "; ".join(str(v) for v in value)
    text = unicodedata.normalize("NFKC", text)
    text = str(SPACE.sub(" ", DASHES.sub("-", SINGLE_QUOTES.sub("'", text))))
    names = set()
    for entry in AUTHOR_SEPARATORS.split(text):
        for name in _split_commas(entry.strip(" ,")):
            folded = normal_text(name.replace(".", " ")).strip(" ,")
            if folded:
                names.add(folded)
    return frozenset(names)


def answer_date(value: object) -> str | None:
    """A system's date as ``YYYY-MM-DD``: a date's or datetime's day, a string's leading
    ISO date; None otherwise.

    >>> answer_date("2021-11-15T10:00:00+01:00"), answer_date(dt.datetime(2020, 2, 1, 9))
    ('2021-11-15', '2020-02-01')
    >>> answer_date("15.11.2021"), answer_date(None)
    (None, None)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and (match := ISO_DATE.match(value.strip())):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return None


def text_set(values: Iterable[str] | None) -> frozenset[str]:
    """Normalised, non-empty texts of a tag or category list.

    >>> sorted(text_set(["News ", "NEWS", "", "Sport"]))
    ['news', 'sport']
    """
    return frozenset(t for t in (normal_text(v) for v in values or ()) if t)


@dataclass(slots=True)
class FieldCount:
    """The counts of one field over pages (see the module docstring)."""

    gold: int = 0
    answered: int = 0
    right: int = 0
    lenient: int = 0
    empty: int = 0
    extra: int = 0
    excluded: int = 0
    wrong_pages: list[str] = field(default_factory=list)

    def add(
        self, key: str, gold: object, answer: object, right: bool, lenient: bool | None = None
    ) -> None:
        """Count one page: ``gold`` and ``answer`` are normalised values (falsy = none)."""
        if not gold:
            self.empty += 1
            self.extra += bool(answer)
            return
        self.gold += 1
        if not answer:
            return
        self.answered += 1
        self.right += right
        self.lenient += right if lenient is None else lenient
        if not right:
            self.wrong_pages.append(key)

    @property
    def coverage(self) -> float:
        """Answered among the pages whose gold has a value."""
        return self.answered / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Right among the answers to pages whose gold has a value."""
        return self.right / self.answered if self.answered else 0.0

    @property
    def lenient_precision(self) -> float:
        """Lenient right (every gold name among the answer's) among the answers."""
        return self.lenient / self.answered if self.answered else 0.0

    @property
    def accuracy(self) -> float:
        """Right among the pages whose gold has a value (a title's "exact")."""
        return self.right / self.gold if self.gold else 0.0

    @property
    def wrong(self) -> float:
        """Wrong answers among the pages whose gold has a value."""
        return (self.answered - self.right) / self.gold if self.gold else 0.0

    @property
    def extra_rate(self) -> float:
        """Answers among the pages whose gold has no value."""
        return self.extra / self.empty if self.empty else 0.0


def score_title(count: FieldCount, key: str, gold: str | None, answer: str | None) -> None:
    """Title: exact after normalisation.

    >>> c = FieldCount(); score_title(c, "p", "Ça va – bien", "ÇA VA - bien"); c.right
    1
    """
    g, a = normal_text(gold), normal_text(answer)
    count.add(key, g, a, g == a)


def score_authors(
    count: FieldCount, key: str, gold: str | Sequence[str] | None, answer: Sequence[str] | None
) -> None:
    """Authors: strict (equal name sets) and lenient (gold names among the answer's).

    >>> c = FieldCount(); score_authors(c, "p", "Jane Doe", ["Jane Doe", "John Roe"])
    >>> c.right, c.lenient
    (0, 1)
    """
    g, a = author_names(gold), author_names(answer)
    count.add(key, g, a, g == a, bool(g) and g <= a)


def score_date(
    count: FieldCount, key: str, raw_gold: str | None, gold: str | None, answer: object
) -> None:
    """Date: equal ``YYYY-MM-DD``; a gold date that is month-only or impossible
    (``raw_gold`` set, ``gold`` not a full date) leaves the page out, counted.

    >>> c = FieldCount(); score_date(c, "p", "2015-11", "2015-11", "2015-11-02"); c.excluded
    1
    """
    if raw_gold and raw_gold.strip() and (gold is None or len(gold) != len("2000-01-01")):
        count.excluded += 1
        return
    a = answer_date(answer)
    count.add(key, gold, a, gold == a)


def score_set(
    count: FieldCount, key: str, gold: Iterable[str] | None, answer: Iterable[str] | None
) -> None:
    """Tags or categories: equal sets of normalised texts."""
    g, a = text_set(gold), text_set(answer)
    count.add(key, g, a, g == a, bool(g) and g <= a)
