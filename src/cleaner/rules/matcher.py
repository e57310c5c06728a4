"""Compile the rules of one scope into a single combined pattern, and match with timeouts."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from .loader import GROUP_NAME
from .model import Rule

# Whole-line results are remembered for lines up to this length (menus and footers repeat).
MEMO_CHARS = 200
MEMO_ENTRIES = 100_000
GROUP_REFERENCE = regex.compile(r"\(\?P=([A-Za-z_]\w*)\)|\\g<([A-Za-z_]\w*)>|\(\?&([A-Za-z_]\w*)\)")


class RuleTimeout(Exception):
    """A rule's pattern took longer than the per-match timeout."""

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule.id)
        self.rule = rule


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that fired, where, and the metadata fields it captured."""

    rule: Rule
    start: int
    end: int
    fields: tuple[tuple[str, str], ...] = ()


def _prefixed(pattern: str, prefix: str) -> str:
    def group(m: regex.Match[str]) -> str:
        return str(m.group(0)).replace(m.group(1), prefix + m.group(1))

    def ref(m: regex.Match[str]) -> str:
        name = next(g for g in m.groups() if g)
        return str(m.group(0)).replace(name, prefix + name)

    return str(GROUP_REFERENCE.sub(ref, str(GROUP_NAME.sub(group, pattern))))


def _rule_source(index: int, rule: Rule) -> str:
    flags = "" if rule.case_sensitive else "i"
    body = "|".join(f"(?:{_prefixed(p, f'r{index}__')})" for p in rule.patterns)
    return f"(?P<r{index}>(?{flags}:{body}))" if flags else f"(?P<r{index}>{body})"


class ScopeMatcher:
    """All rules of one scope as one pattern; first rule in order wins a line.

    Whole-line rules only see lines up to their ``max_chars``: for each length band the
    matcher compiles one pattern of the rules that accept lines of that length.
    """

    def __init__(self, rules: Sequence[Rule], timeout: float) -> None:
        self.rules = tuple(rules)
        self.timeout = timeout
        sources = [_rule_source(i, r) for i, r in enumerate(self.rules)]
        self.combined = regex.compile("|".join(sources), regex.V0) if sources else None
        self.single = tuple(regex.compile(s, regex.V0) for s in sources)
        self.bands = sorted({r.max_chars for r in self.rules})
        self.banded = tuple(
            regex.compile(
                "|".join(s for s, r in zip(sources, self.rules, strict=True) if r.max_chars >= b),
                regex.V0,
            )
            for b in self.bands
        )
        self._memo: dict[str, Hit | None] = {}

    def without(self, rule: Rule) -> ScopeMatcher:
        """The same matcher minus one rule (used after that rule timed out)."""
        return ScopeMatcher([r for r in self.rules if r.id != rule.id], self.timeout)

    def _hit(self, match: regex.Match[str], index: int) -> Hit:
        prefix = f"r{index}__"
        fields = tuple(
            (name[len(prefix) :], value.strip())
            for name, value in match.groupdict().items()
            if value and name.startswith(prefix)
        )
        return Hit(self.rules[index], match.start(), match.end(), fields)

    def _index(self, match: regex.Match[str]) -> int:
        name = match.lastgroup or ""
        if name[:1] == "r" and name[1:].isdigit():
            return int(name[1:])
        return next(i for i in range(len(self.rules)) if match.group(f"r{i}") is not None)

    def fullmatch(self, text: str) -> Hit | None:
        """The first rule (of those accepting lines this long) that matches all of ``text``."""
        memo = len(text) <= MEMO_CHARS
        if memo and text in self._memo:
            return self._memo[text]
        band = bisect_left(self.bands, len(text))
        if band == len(self.bands):
            return None
        try:
            match = self.banded[band].fullmatch(text, timeout=self.timeout)
        except TimeoutError:
            self._raise_culprit(text, whole=True)
            raise
        hit = None if match is None else self._hit(match, self._index(match))
        if memo:
            if len(self._memo) >= MEMO_ENTRIES:
                self._memo.clear()
            self._memo[text] = hit
        return hit

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every non-overlapping match of any rule in ``text``, left to right."""
        if self.combined is None:
            return iter(())
        try:
            matches = list(self.combined.finditer(text, timeout=self.timeout))
        except TimeoutError:
            self._raise_culprit(text, whole=False)
            raise
        return (self._hit(m, self._index(m)) for m in matches if m.end() > m.start())

    def _raise_culprit(self, text: str, *, whole: bool) -> None:
        for rule, pattern in zip(self.rules, self.single, strict=True):
            if whole and len(text) > rule.max_chars:
                continue
            try:
                if whole:
                    pattern.fullmatch(text, timeout=self.timeout)
                else:
                    for _ in pattern.finditer(text, timeout=self.timeout):
                        pass
            except TimeoutError:
                raise RuleTimeout(rule) from None
