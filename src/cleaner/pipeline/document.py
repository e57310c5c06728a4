"""The working state of one document while the stages label its lines."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from ..article import Metadata, Removal, WarningCode, warning
from ..categories import Category
from ..rules import CompiledRules, Hit, Rule, RuleTimeout, Scope, ScopeMatcher
from ..rules.gate import Folded
from ..rules.linegate import Candidates, LineGate
from ..text.lines import Line
from .classify.model import LineModel
from .labels import Cut, Label


@dataclass(slots=True)
class Document:
    """One input as the stages see it: its lines and their labels, the inline cuts,
    captured metadata and warnings; then the trail, the body and the metadata they make.

    ``keep`` names the categories left in the body, ``find_article`` says whether to look
    for the article region of a page dump (with the line classifier ``model``), and
    ``hints`` pre-fill the metadata. ``site`` is the document's site (see
    `cleaner.rules.sites`): rules limited to another site, or to any site when it is None,
    do not apply. ``extracted`` says the text is an article an HTML extractor took from its
    page, not a page dump; ``verbatim`` holds the keys of the page's preformatted lines.
    """

    source: str
    matchers: dict[Scope, ScopeMatcher]
    line_gate: LineGate
    compiled: CompiledRules | None = None  # all the rules, the site rules among them
    keep: frozenset[Category] = frozenset()
    find_article: bool = True
    hints: Metadata | None = None
    model: LineModel | None = None
    site: str | None = None
    extracted: bool = False
    verbatim: frozenset[str] = frozenset()
    lines: list[Line] = field(default_factory=list)
    labels: list[Label | None] = field(default_factory=list)
    cuts: list[Cut] = field(default_factory=list)
    captures: list[tuple[str, str, str]] = field(default_factory=list)
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    admitted: Candidates | None = None
    folded: Folded | None = None  # the line texts as the token stage read them, case-folded
    changed: list[int] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    body: str = ""
    metadata: Metadata | None = None

    @classmethod
    def of(
        cls,
        source: str,
        rules: CompiledRules,
        *,
        keep: frozenset[Category] = frozenset(),
        find_article: bool = True,
        hints: Metadata | None = None,
        model: LineModel | None = None,
        site: str | None = None,
        extracted: bool = False,
        verbatim: frozenset[str] = frozenset(),
    ) -> Document:
        """A document of ``source`` to be cleaned with ``rules`` (not yet split into lines)."""
        matchers = dict(rules.matchers)
        return cls(
            source,
            matchers,
            rules.line_gate,
            rules,
            keep,
            find_article,
            hints,
            model,
            site,
            extracted,
            verbatim,
        )

    def site_rules(self) -> CompiledRules | None:
        """All the rules, when some are limited to the document's site; else None."""
        rules = self.compiled
        if rules is None or self.site is None or self.site not in rules.sites:
            return None
        return rules

    def use_site_rules(self) -> bool:
        """Make the rules limited to the document's site its rules, for the stages after the
        article region; False (and nothing changes) when none are for its site."""
        rules = self.site_rules()
        if rules is None:
            return False
        self.matchers = dict(rules.site_matchers)
        self.line_gate = rules.site_gate
        self.admitted, self.folded, self.changed = None, None, []
        return True

    def label(self, index: int, label: Label) -> None:
        """Mark a line as removed, unless an earlier stage already did."""
        if self.labels[index] is None and self.lines[index].text:
            self.labels[index] = label

    def unlabeled(self, index: int) -> bool:
        """True for a non-blank line no stage has removed."""
        return self.labels[index] is None and bool(self.lines[index].text)

    def capture(self, hit: Hit) -> None:
        """Keep the metadata fields a rule captured, with the rule's id."""
        self.captures.extend((name, value, hit.rule.id) for name, value in hit.fields)

    def match_line(self, scope: Scope, index: int) -> Hit | None:
        """The first rule of a whole-line scope that matches the line's key.

        Only the rules the line gate names for the line are tried; a rule that times out is
        dropped for the rest of the document. A line of the page's preformatted blocks
        (``verbatim``: code) is the page's content as written: no rule matches it.
        """
        if self.verbatim and self.lines[index].key in self.verbatim:
            return None
        while True:
            matcher = self.matchers[scope]
            candidates = self.candidates(scope).get(index, ())
            if matcher is not self.line_gate.matchers[scope]:  # a rule was dropped
                rules = self.line_gate.matchers[scope].rules
                ids = [rules[i].id for i in candidates]
                candidates = tuple(matcher.position[r] for r in ids if r in matcher.position)
            candidates = matcher.tried(candidates)
            if not candidates:
                return None
            try:
                return matcher.first(self.lines[index].key, candidates, self.site)
            except RuleTimeout as exc:
                self._drop(scope, exc.rule, index)

    def match_lines(self, scope: Scope, skip: Container[int] = ()) -> dict[int, Hit]:
        """`match_line` for every line no stage removed, but ``skip``; only the lines a
        rule matched are in the result."""
        every = self.matchers[scope].always
        lines = range(len(self.lines)) if every else sorted(self.candidates(scope))
        indexes = [i for i in lines if i not in skip and self.unlabeled(i)]
        hits = {}
        for index in indexes:
            hit = self.match_line(scope, index)
            if hit is not None:
                hits[index] = hit
        return hits

    def candidates(self, scope: Scope) -> dict[int, tuple[int, ...]]:
        """The lines the line gate admits for a scope, with their candidate rules.

        The gate reads the keys once, on first use (after the token cuts): for literals
        anywhere in a line it reads the texts the token stage folded, and again the lines
        a token cut changed.
        """
        if self.admitted is None:
            keys = [line.key for line in self.lines]
            self.admitted = self.line_gate.admit(keys, self.folded, self.changed, self.site)
        return self.admitted[scope]

    def finditer(self, scope: Scope, text: str, where: int) -> list[Hit]:
        """All matches of a scope's rules in ``text``, with the same timeout handling."""
        while True:
            matcher = self.matchers[scope]
            try:
                return list(matcher.finditer(text))
            except RuleTimeout as exc:
                self._drop(scope, exc.rule, where)
            except TimeoutError:
                self.warnings.append(
                    warning(
                        WarningCode.RULE_TIMEOUT,
                        f"line {where + 1}: {scope} rules timed out; line left as is",
                    )
                )
                return []

    def _drop(self, scope: Scope, rule: Rule, where: int) -> None:
        self.warnings.append(
            warning(
                WarningCode.RULE_TIMEOUT,
                f"rule {rule.id} ({rule.pack}) timed out on line {where + 1}; "
                "it is skipped for the rest of this document",
            )
        )
        self.matchers[scope] = self.matchers[scope].without(rule)
