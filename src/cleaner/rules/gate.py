"""Find, for every line of a document at once, the few rules that could match it.

Each pattern's literals (see `literals`) go into a table: prefixes a match starts with, or
else literals a match holds somewhere. Over the case-folded document, one compiled pattern
finds the line starts that open with a prefix, one finds the literals that begin with a
rare character, and a plain substring search finds each of the few others; table lookups
there name the rules. A pattern without literals makes its rule tried on every line. The
gate only ever admits more lines than its rules match, so matching the admitted rules
gives what matching every rule would.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

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
def trie_pattern(strings: tuple[str, ...]) -> str:
    """One pattern that matches any of ``strings``, shaped as a trie so matching is cheap.

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
            (r"\d" if ch == DIGIT else re.escape(ch)) + build(child)
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
        self.prefix_scan = _compile("\n(?:{})", self.prefixes)
        self.rare_scan = _compile("{}", self.rare)

    def admit(self, lines: Sequence[str]) -> dict[int, tuple[int, ...]]:
        """The lines that hold some rule's literals, each with those rules (in order).

        Rules without literals (``always``) are not listed: they apply to every line.
        """
        folded = ("\n" + "\n".join(lines)).casefold()
        starts = list(accumulate((len(x) + 1 for x in folded.split("\n")), initial=0))
        found: dict[int, set[int]] = {}
        if self.prefix_scan is not None:
            for match in self.prefix_scan.finditer(folded):
                at = match.start() + 1  # the match opens with the line break
                rules = self.prefixes[_key(match.group()[1:])]
                found.setdefault(bisect_right(starts, at) - 2, set()).update(rules)
        if self.rare_scan is not None:  # searched again one character on: literals overlap
            hit = self.rare_scan.search(folded)
            while hit is not None:
                at = hit.start()
                rules = self.rare[_key(hit.group())]
                found.setdefault(bisect_right(starts, at) - 2, set()).update(rules)
                hit = self.rare_scan.search(folded, at + 1)
        for literal, rules in self.common:
            at = folded.find(literal)
            while at != -1:
                found.setdefault(bisect_right(starts, at) - 2, set()).update(rules)
                at = folded.find(literal, at + 1)
        return {line: tuple(sorted(rules)) for line, rules in found.items()}


ASCII_DIGITS = str.maketrans(dict.fromkeys("0123456789", DIGIT))


def _key(matched: str) -> str:
    """The table key of a scan's match: its digits read as ``DIGIT``."""
    return matched.translate(ASCII_DIGITS) if matched.isascii() else mark_digits(matched)


def _compile(template: str, table: Table) -> re.Pattern[str] | None:
    return re.compile(template.format(trie_pattern(tuple(sorted(table))))) if table else None


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
