"""Compile the rules of one scope into a single combined pattern, and match with timeouts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from .gate import Folded, Gate, tried_everywhere
from .literals import pattern_literals
from .loader import GROUP_NAME, exact_templates
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
    """The rules of one scope, each compiled on its own; first rule in order wins a line.

    Callers name the candidate rules of a line (see `gate`); only those are tried, each
    with a timeout. Whole-line rules only see lines up to their ``max_chars``. Token rules
    are also compiled as one pattern, to find every token of a line in one pass.
    """

    def __init__(self, rules: Sequence[Rule], timeout: float) -> None:
        self.rules = tuple(rules)
        self.timeout = timeout
        # Exact-line rules (see `exact`) are found by their templates, the others by
        # their literals; a rule's pattern is compiled when it is first tried.
        self.templates = tuple(exact_templates(r) for r in self.rules)
        self.literals = tuple(
            () if exact is not None else tuple(pattern_literals(p) for p in r.patterns)
            for r, exact in zip(self.rules, self.templates, strict=True)
        )
        self._single: list[regex.Pattern[str] | None] = [None] * len(self.rules)
        self._combined: regex.Pattern[str] | None = None
        whole_line = all(rule.scope.whole_line for rule in self.rules)
        # Whole-line scopes share one gate (`LineGate`); token rules have their own.
        self.gate = None if whole_line else Gate(self.literals, whole_line=False)
        self.position = {rule.id: index for index, rule in enumerate(self.rules)}
        self.always = tried_everywhere(self.literals, whole_line)
        # Rules limited to a site: a document of another site never tries them.
        self.site_bound = any(rule.site is not None for rule in self.rules)
        self._memo: dict[str | tuple[str | None, str], Hit | None] = {}

    def tried(self, candidates: Sequence[int]) -> tuple[int, ...]:
        """The rules to try on a line: its ``candidates`` and the rules tried everywhere."""
        if not self.always:
            return tuple(candidates)
        return tuple(sorted(self.always.union(candidates)))

    def single(self, index: int) -> regex.Pattern[str]:
        """The compiled pattern of one rule (all its patterns as alternatives)."""
        pattern = self._single[index]
        if pattern is None:
            source = _rule_source(index, self.rules[index])
            pattern = self._single[index] = regex.compile(source, regex.V0)
        return pattern

    @property
    def combined(self) -> regex.Pattern[str] | None:
        """Every rule as one pattern, for `finditer` (None without rules)."""
        if self._combined is None and self.rules:
            sources = (_rule_source(i, r) for i, r in enumerate(self.rules))
            self._combined = regex.compile("|".join(sources), regex.V0)
        return self._combined

    def applies(self, index: int, site: str | None) -> bool:
        """Whether a rule applies to documents of ``site`` (rules without a site apply to all)."""
        bound = self.rules[index].site
        return bound is None or bound == site

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

    def first(self, text: str, candidates: Sequence[int], site: str | None = None) -> Hit | None:
        """The first of the ``candidates`` (rule indexes, in order) that matches all of ``text``.

        Only rules that apply to ``site`` are tried. Raises RuleTimeout naming the rule whose
        pattern ran out of time.
        """
        memo = len(text) <= MEMO_CHARS
        key: str | tuple[str | None, str] = text
        if self.site_bound:  # which rules apply depends on the document's site
            key = (site, text)
            candidates = [i for i in candidates if self.applies(i, site)]
        if memo and key in self._memo:
            return self._memo[key]
        hit = None
        length = len(text)
        for index in candidates:
            if length > self.rules[index].max_chars:
                continue
            try:
                match = self.single(index).fullmatch(text, timeout=self.timeout)
            except TimeoutError:
                raise RuleTimeout(self.rules[index]) from None
            if match is not None:
                hit = self._hit(match, index)
                break
        if memo:
            if len(self._memo) >= MEMO_ENTRIES:
                self._memo.clear()
            self._memo[key] = hit
        return hit

    def may_hold(self, texts: Sequence[str], folded: Folded | None = None) -> list[int]:
        """The indexes of the texts some rule of the scope may match somewhere in, in order.

        ``folded`` may bring the texts already case-folded (see `Folded`).
        """
        if not self.rules:
            return []
        if self.always or self.gate is None:
            return list(range(len(texts)))
        return sorted(self.gate.admit(texts, folded))

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every non-overlapping match of any rule in ``text``, left to right."""
        combined = self.combined
        if combined is None:
            return iter(())
        try:
            matches = list(combined.finditer(text, timeout=self.timeout))
        except TimeoutError:
            self._raise_culprit(text)
            raise
        return (self._hit(m, self._index(m)) for m in matches if m.end() > m.start())

    def _raise_culprit(self, text: str) -> None:
        for index, rule in enumerate(self.rules):
            pattern = self.single(index)
            try:
                for _ in pattern.finditer(text, timeout=self.timeout):
                    pass
            except TimeoutError:
                raise RuleTimeout(rule) from None
