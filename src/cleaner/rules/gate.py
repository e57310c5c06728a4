"""Find, for every line of a document at once, the few rules that could match it.

Each pattern's literals (see `literals`) go into a table: prefixes a match starts with, or
else literals a match holds somewhere. Over the case-folded document, one compiled pattern
finds the line starts (past their list markers) that open with a prefix; a substring
search finds each symbol that opens a literal, where the literals are then matched; one
pattern finds the literals that open with a digit, and a substring search each of the few
others. Table lookups there name the rules. A pattern without literals makes its rule
tried on every line. The gate only ever admits more lines than its rules match, so
matching the admitted rules gives what matching every rule would.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

import regex

from ..text.lines import LIST_MARKS
from .literals import DIGIT, Literals, mark_digits, rarity

Table = dict[str, tuple[int, ...]]
Trie = dict[str, "Trie"]


def _table(entries: list[tuple[frozenset[str], int]]) -> Table:
    table: dict[str, set[int]] = {}
    for strings, rule in entries:
        for s in strings:
            table.setdefault(s, set()).add(rule)
    return {s: tuple(sorted(rules)) for s, rules in table.items()}


@lru_cache(maxsize=64)
def trie_pattern(strings: tuple[str, ...], digit: str = r"\d") -> str:
    """One pattern that matches any of ``strings``, shaped as a trie so matching is cheap.

    ``DIGIT`` in a string becomes ``digit``.

    >>> trie_pattern(("ad", "ads", "adverts"))
    'ad(?:(?:s|verts))?'
    """
    root: Trie = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: Trie) -> str:
        branches = [
            (digit if ch == DIGIT else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"

    return build(root)


def pattern_gate(found: Literals, whole_line: bool) -> tuple[bool, frozenset[str]] | None:
    """What admits lines for one pattern: (True, prefixes at the line start) or (False,
    literals held anywhere); None when the pattern is tried on every line."""
    if found.prefixes and whole_line:
        return True, found.prefixes
    if found.contains:
        return False, found.contains
    return None


def tried_everywhere(literals: Sequence[Sequence[Literals]], whole_line: bool) -> frozenset[int]:
    """The rules with a pattern no gate can admit lines for: they are tried on every line."""
    return frozenset(
        rule
        for rule, patterns in enumerate(literals)
        if any(pattern_gate(found, whole_line) is None for found in patterns)
    )


class Folded:
    """Lines joined after a line break each, case-folded, and the way back to line numbers."""

    def __init__(self, lines: Sequence[str], numbers: Sequence[int] | None = None) -> None:
        joined = "\n" + "\n".join(lines)
        self.ascii = joined.isascii()
        self.text = joined.lower() if self.ascii else joined.casefold()
        # Where each line starts, after the line break before it. Case folding that keeps
        # the length keeps every character in place (it never drops one).
        same = len(self.text) == len(joined)
        lengths = map(len, lines if same else self.text.split("\n")[1:])
        self.starts = [0, *accumulate(map((1).__add__, lengths), initial=1)]
        self.numbers = numbers

    def line(self, offset: int) -> int:
        """The number of the line that holds ``offset`` of the folded text."""
        line = bisect_right(self.starts, offset) - 2
        return line if self.numbers is None else self.numbers[line]


class Gate:
    """The literal tables and scanning patterns of one scope's rules."""

    def __init__(self, literals: Sequence[Sequence[Literals]], *, whole_line: bool = True) -> None:
        """``literals[i]`` holds the literals of each pattern of rule ``i``.

        Prefixes only count at line starts for ``whole_line`` rules; token rules match
        anywhere in a line, so for them only the contained literals count.
        """
        prefixed: list[tuple[frozenset[str], int]] = []
        inside: list[tuple[frozenset[str], int]] = []
        for rule, patterns in enumerate(literals):
            for found in patterns:
                gate = pattern_gate(found, whole_line)
                if gate is not None:
                    (prefixed if gate[0] else inside).append((gate[1], rule))
        self.always = tuple(sorted(tried_everywhere(literals, whole_line)))
        self.prefixes = _closed(_table(prefixed))
        # A key is its line without the list markers that open it: the scan of the lines
        # passes over them as `line_key` does, so it reads the texts or the keys alike.
        self.prefix_scan = _compile(f"\n{LIST_MARKS}*+({{}})", self.prefixes, re_digit())
        contains = _table(inside)
        self.rare = _closed({s: rules for s, rules in contains.items() if rarity(s) > 0})
        # A substring search reads digits as they are: a literal stops before its first DIGIT.
        common: dict[str, set[int]] = {}
        for s, rules in contains.items():
            if rarity(s) == 0:
                common.setdefault(s.split(DIGIT)[0], set()).update(rules)
        # A literal that holds another literal of the same rules adds nothing.
        self.common = sorted(
            (s, tuple(sorted(rules)))
            for s, rules in common.items()
            if not any(o != s and o in s and rules <= others for o, others in common.items())
        )
        # A literal that opens with a symbol is looked for where its first character is
        # (a substring search, far faster than a pattern's scan), then matched there.
        # Literals that open with a digit are scanned by a pattern: `regex` finds digits
        # faster than `re`, with the rules' own idea of a digit. In ASCII text a decimal
        # digit is one of 0-9, a class searched faster than \d.
        symbols = {s: r for s, r in self.rare.items() if not s.startswith(DIGIT)}
        numbers = {s: r for s, r in self.rare.items() if s.startswith(DIGIT)}
        self.symbol_starts = "".join(sorted({s[0] for s in symbols}))
        self.symbol_match = _compile("{}", symbols, re_digit())
        self.number_scan = _compile("{}", numbers, engine=regex)
        self.ascii_number_scan = _compile("{}", numbers, digit="[0-9]", engine=regex)

    def admit(
        self, lines: Sequence[str], folded: Folded | None = None, changed: Sequence[int] = ()
    ) -> dict[int, tuple[int, ...]]:
        """The lines that hold some rule's literals, each with those rules (in order).

        ``folded`` may bring the lines already folded, or lines that end with them (the
        text of a line before its list marker was cut off); ``changed`` names the lines
        whose text changed since. Rules without literals (``always``) are not listed:
        they apply to every line.
        """
        found: dict[int, set[int]] = {}
        self._find(folded or Folded(lines), found)
        if folded is not None and changed:
            self._find(Folded([lines[n] for n in changed], changed), found)
        return {line: tuple(sorted(rules)) for line, rules in found.items()}

    def _find(self, folded: Folded, found: dict[int, set[int]]) -> None:
        """Add the rules whose literals the folded lines hold to ``found``."""
        text = folded.text
        if self.prefix_scan is not None:
            for match in self.prefix_scan.finditer(text):
                rules = self.prefixes.get(_key(match.group(1)), ())
                # The match opens with the line break.
                found.setdefault(folded.line(match.start() + 1), set()).update(rules)
        rare = self.rare
        if self.symbol_match is not None:
            match_at = self.symbol_match.match
            for start in self.symbol_starts:
                at = text.find(start)
                while at != -1:
                    hit = match_at(text, at)
                    if hit is not None:
                        rules = rare.get(_key(hit.group()), ())
                        found.setdefault(folded.line(at), set()).update(rules)
                    at = text.find(start, at + 1)
        scan = self.ascii_number_scan if folded.ascii else self.number_scan
        if scan is not None:
            hit = scan.search(text)  # searched again one character on: literals overlap
            while hit is not None:
                at = hit.start()
                found.setdefault(folded.line(at), set()).update(rare.get(_key(hit.group()), ()))
                hit = scan.search(text, at + 1)
        for literal, rules in self.common:
            at = text.find(literal)
            while at != -1:
                found.setdefault(folded.line(at), set()).update(rules)
                at = text.find(literal, at + 1)


ASCII_DIGITS = str.maketrans(dict.fromkeys("0123456789", DIGIT))


def _key(matched: str) -> str:
    """The table key of a scan's match: its digits read as ``DIGIT``."""
    return matched.translate(ASCII_DIGITS) if matched.isascii() else mark_digits(matched)


@cache
def re_digit() -> str:
    """A class of the digits `regex` (the rules' engine) reads as digits, for `re`.

    `re` knows the digits of Python's Unicode version; `regex` may know newer ones.
    (Only the first two planes are read: no other plane holds decimal digits.)
    """
    planes = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x20000)))
    newer = sorted(set(regex.findall(r"\d", planes)) - set(re.findall(r"\d", planes)))
    # As ranges (digits come ten in a row): `re` searches a class of ranges far faster.
    runs: list[list[str]] = []
    for digit in newer:
        if runs and ord(digit) == ord(runs[-1][-1]) + 1:
            runs[-1][-1] = digit
        else:
            runs.append([digit, digit])
    return "[\\d" + "".join(f"{a}-{b}" for a, b in runs) + "]" if runs else r"\d"


def _compile(template: str, table: Table, digit: str = r"\d", engine: Any = re) -> Any:
    """The scan for a table's literals (None for an empty table), compiled by ``engine``."""
    if not table:
        return None
    return engine.compile(template.format(trie_pattern(tuple(sorted(table)), digit)))


def _closed(table: Table) -> Table:
    """Each literal with the rules of every literal it begins with: a scan matches the
    longest literal at a place, and that one lookup names the rules of the shorter ones."""
    closed: Table = {}
    for literal, rules in table.items():
        union = set(rules)
        for length in range(1, len(literal)):
            union.update(table.get(literal[:length], ()))
        closed[literal] = tuple(sorted(union))
    return closed
