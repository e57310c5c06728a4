"""The literal text a pattern's matches must hold, read from the pattern's syntax tree.

A line that holds none of a rule's literals cannot match the rule, so the matcher need not
try the rule there. Literals are case-folded and only ever admit more lines than the rule
matches; a digit stands for any decimal digit (``DIGIT``). A pattern the parser cannot
read, or one without a literal every match holds, gets no literals and is tried on every
line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import regex

# Literal sets grow as a pattern's alternatives multiply; beyond these sizes a prefix stops
# growing (it stays a valid, shorter prefix).
MAX_LITERALS = 256
MAX_LENGTH = 12
# A character class of at most this many characters is read as alternative literals.
MAX_CLASS_CHARS = 8
# Any decimal digit, in literals and in the text they are looked for in (see `mark_digits`).
DIGIT = "\ue000"
DIGITS = regex.compile(r"\d")  # a digit as the rules (`regex`) read one

# `regex` syntax the standard parser lacks, rewritten to something it reads alike for
# this purpose: Unicode properties become a wide class, group names are dropped (the
# `regex` module allows a name twice).
PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
GROUP_NAME = re.compile(r"\(\?P?<(?![=!])[A-Za-z_]\w*>")
# Syntax the standard parser would misread as literal text: POSIX classes, fuzzy matching.
MISREAD = re.compile(r"\[:\^?[a-z]+:\]|(?<!\\)\{[^{}]*[<>=][^{}]*\}|(?<!\\)\{[edis](?:,[edis])*\}")

OP = sre_constants
REPEATS = (OP.MAX_REPEAT, OP.MIN_REPEAT, getattr(OP, "POSSESSIVE_REPEAT", OP.MAX_REPEAT))
GROUPS = (OP.SUBPATTERN, getattr(OP, "ATOMIC_GROUP", OP.SUBPATTERN))
LOOKS = (OP.ASSERT, OP.ASSERT_NOT)


@dataclass(frozen=True, slots=True)
class Literals:
    """What every match of a pattern holds, case-folded.

    ``prefixes``: a match starts with one of these (None: not known). ``contains``: a
    match holds one of these somewhere (None: not known).
    """

    prefixes: frozenset[str] | None
    contains: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class _Run:
    """How a piece of pattern can begin: strings it can match whole (``open``, which the
    next piece extends) and prefixes of longer matches (``closed``)."""

    open: frozenset[str]
    closed: frozenset[str] = frozenset()

    @property
    def exact(self) -> bool:
        return not self.closed

    @property
    def strings(self) -> frozenset[str]:
        return self.open | self.closed


EMPTY = _Run(frozenset({""}))


def mark_digits(text: str) -> str:
    """``text`` with each decimal digit replaced by ``DIGIT``, as literals hold them."""
    return str(DIGITS.sub(DIGIT, text))


@lru_cache(maxsize=4096)
def pattern_literals(pattern: str) -> Literals:
    """The prefixes and contained literals of one pattern (``regex`` syntax).

    Cached: reading a syntax tree costs milliseconds, and every Cleaner reads the same
    packs.
    """
    if MISREAD.search(pattern):
        return Literals(None, None)
    source = GROUP_NAME.sub("(?:", PROPERTY.sub(r"\\w", pattern))
    try:
        items = list(sre_parse.parse(source))
    except (re.error, OverflowError, RecursionError, ValueError):
        return Literals(None, None)
    run = _sequence(items)
    prefixes = None
    if run is not None and "" not in run.strings:
        prefixes = _folded(run.strings)
    contains = _best(_required(items) + ([prefixes] if prefixes else []))
    return Literals(prefixes, contains)


def _folded(strings: frozenset[str]) -> frozenset[str]:
    return frozenset(mark_digits(s.casefold()) for s in strings)


def _sequence(items: list[Any]) -> _Run | None:
    """How a sequence of nodes can begin; None when it can begin with anything."""
    run = EMPTY
    for op, av in items:
        if not run.open:
            break
        piece = _node(op, av)
        if piece is None:
            if "" in run.open:
                return None
            return _Run(frozenset(), run.strings)
        joined = _join(run, piece)
        if joined is None:
            return None
        run = joined
    return run


def _join(left: _Run, right: _Run) -> _Run | None:
    """``left`` followed by ``right``; None when the result has too many strings."""
    if len(left.open) * len(right.strings) <= MAX_LITERALS:
        open_ = {a + b for a, b in product(left.open, right.open)}
        closed = set(left.closed) | {a + b for a, b in product(left.open, right.closed)}
        long = {s for s in open_ if len(s) > MAX_LENGTH}
        closed = {s[:MAX_LENGTH] for s in closed | long}
        return _Run(frozenset(open_ - long), frozenset(closed))
    # Too many combinations: each left string is a prefix on its own, and where the left
    # part can be empty, the right part's strings are prefixes too.
    closed = set(left.closed) | {a for a in left.open if a}
    if "" in left.open:
        closed |= right.strings
    if "" in closed or len(closed) > MAX_LITERALS:
        return None
    return _Run(frozenset(), frozenset(closed))


def _node(op: Any, av: Any) -> _Run | None:
    """How one node can begin; None when with anything."""
    if op is OP.LITERAL:
        return _Run(frozenset({chr(av)}))
    if op is OP.IN:
        chars = _class_chars(av)
        return None if chars is None else _Run(frozenset(chars))
    if op is OP.AT or op in LOOKS:
        return EMPTY
    if op in GROUPS:
        return _sequence(_body(op, av))
    if op is OP.BRANCH:
        runs = [_sequence(list(branch)) for branch in av[1]]
        if any(r is None for r in runs):
            return None
        open_ = frozenset().union(*(r.open for r in runs if r))
        closed = frozenset().union(*(r.closed for r in runs if r))
        if len(open_) + len(closed) > MAX_LITERALS:
            return None
        return _Run(open_, closed)
    if op in REPEATS:
        low, high, body = av
        inner = _sequence(list(body))
        if inner is None:
            return None
        if low == high == 1:
            return inner
        if low == 0 and high == 1:
            return _Run(inner.open | {""}, inner.closed)
        if 1 < low <= MAX_LENGTH and inner.exact:
            run: _Run | None = inner
            for _ in range(low - 1):
                run = _join(run, inner) if run is not None else None
            if run is not None:
                return run if low == high else _Run(frozenset(), run.strings - {""})
        first = inner.strings - {""}
        return _Run(frozenset({""}) if low == 0 or "" in inner.open else frozenset(), first)
    return None


def _body(op: Any, av: Any) -> list[Any]:
    """The nodes inside a group (a capturing group's value also holds its number and flags)."""
    return list(av[-1] if op is OP.SUBPATTERN else av)


def _class_chars(items: list[Any]) -> set[str] | None:
    if len(items) == 1 and items[0] == (OP.CATEGORY, OP.CATEGORY_DIGIT):
        return {DIGIT}
    chars: set[str] = set()
    for op, av in items:
        if op is OP.LITERAL:
            chars.add(chr(av))
        elif op is OP.RANGE and av == (ord("0"), ord("9")):
            chars.add(DIGIT)
        elif op is OP.RANGE and av[1] - av[0] < MAX_CLASS_CHARS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
        if len(chars) > MAX_CLASS_CHARS:
            return None
    return chars


def _required(items: list[Any]) -> list[frozenset[str]]:
    """Literal sets of which a match must hold one member each, found along a sequence."""
    found: list[frozenset[str]] = []
    run = EMPTY
    for op, av in items:
        piece = _node(op, av) if op not in LOOKS else None
        joined = _join(run, piece) if piece is not None and piece.exact else None
        if joined is not None and joined.exact:
            run = joined
            continue
        if joined is not None:  # cut short: the cut strings are still held
            run = joined
        if run.strings != EMPTY.strings:
            found.append(_folded(run.strings))
        run = EMPTY
        if piece is not None and piece.exact:
            run = piece
            continue
        found.extend(_required_in(op, av))
    if run.strings != EMPTY.strings:
        found.append(_folded(run.strings))
    return [f for f in found if "" not in f]


def _required_in(op: Any, av: Any) -> list[frozenset[str]]:
    """Required literal sets inside one node that is not an exact string."""
    if op is OP.ASSERT and av[0] == 1:  # a lookahead holds within the line
        return _required(list(av[1]))
    if op in GROUPS:
        return _required(_body(op, av))
    if op in REPEATS and av[0] > 0:
        return _required(list(av[2]))
    if op is OP.BRANCH:
        sets = [_best(_required(list(branch)) + _prefix_set(branch)) for branch in av[1]]
        if any(s is None for s in sets):
            return []
        return [frozenset().union(*(s for s in sets if s))]
    return []


def _prefix_set(branch: Any) -> list[frozenset[str]]:
    run = _sequence(list(branch))
    if run is None or "" in run.strings:
        return []
    return [_folded(run.strings)]


# Literals this long or longer are rare enough in text that a longer one admits about as
# few lines: among them, the set with fewer literals is cheaper to search for.
SELECTIVE_CHARS = 6


def rarity(literal: str) -> int:
    """How rarely text holds a literal's first character: 2 for punctuation and symbols,
    1 for digits, 0 for letters and spaces (the most common)."""
    first = literal[:1]
    if first == DIGIT or first.isdigit():
        return 1
    return 0 if first.isalpha() or first.isspace() else 2


def _best(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The set that admits the fewest lines at the least cost: literals with rare first
    characters, then the longest shortest literal up to `SELECTIVE_CHARS` (longer ones
    admit about as few lines), then the fewest literals (each is one more search of the
    document), then the longest shortest literal.

    >>> sorted(_best([frozenset({"cookies"}), frozenset({"experience", "services"})]))
    ['cookies']
    """
    usable = [s for s in sets if s and "" not in s]
    if not usable:
        return None

    def key(literals: frozenset[str]) -> tuple[int, int, int, int]:
        shortest = min(map(len, literals))
        return (
            min(map(rarity, literals)),
            min(shortest, SELECTIVE_CHARS),
            -len(literals),
            shortest,
        )

    return max(usable, key=key)
