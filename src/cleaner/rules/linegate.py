"""One gate over the whole-line rules of every scope, read once per document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .exact import template
from .gate import Folded, Gate
from .literals import Literals
from .matcher import ScopeMatcher
from .model import Scope

Candidates = dict[Scope, dict[int, tuple[int, ...]]]


class LineGate:
    """The literals of every whole-line rule (line, block-start, header, footer) in one gate,
    and the templates of the exact-line rules (see `exact`) in one table.

    Rules are named by their index in the matchers the gate was built from.
    """

    def __init__(self, matchers: Mapping[Scope, ScopeMatcher]) -> None:
        self.matchers = dict(matchers)
        self.owners: list[tuple[Scope, int]] = []
        literals: list[Sequence[Literals]] = []
        # site -> template -> the rules with that template; site None for rules of any site.
        exact: dict[str | None, dict[str, list[int]]] = {}
        self.exact_chars = 0  # no exact-line rule matches a longer line
        for scope in Scope:
            if not scope.whole_line:
                continue
            matcher = matchers[scope]
            for index, found in enumerate(matcher.literals):
                owner = len(self.owners)
                self.owners.append((scope, index))
                literals.append(found)
                rule = matcher.rules[index]
                for key in matcher.templates[index] or ():
                    exact.setdefault(rule.site, {}).setdefault(key, []).append(owner)
                    self.exact_chars = max(self.exact_chars, rule.max_chars)
        self.gate = Gate(literals)
        self.exact = {
            site: {key: tuple(owners) for key, owners in table.items()}
            for site, table in exact.items()
        }

    def admit(
        self,
        keys: Sequence[str],
        folded: Folded | None = None,
        changed: Sequence[int] = (),
        site: str | None = None,
    ) -> Candidates:
        """For each scope, the lines that hold some of its rules' literals, or whose
        template is an exact-line rule's (of any site, or of ``site``), with those rules.

        ``folded`` and ``changed`` are as for `Gate.admit`.
        """
        result: Candidates = {scope: {} for scope in Scope if scope.whole_line}
        owners = self.owners
        gate = self.gate
        found = (
            gate.admit(keys, folded, changed) if gate.prefixes or gate.rare or gate.common else {}
        )
        tables = [self.exact[s] for s in dict.fromkeys((None, site)) if s in self.exact]
        if tables:
            # One substitution over the document gives every line's template.
            most = self.exact_chars
            for line, shape in enumerate(template("\n".join(keys)).split("\n")):
                if not shape or len(shape) > most:
                    continue  # a digit run is shorter in a template, never longer
                for table in tables:
                    rules = table.get(shape)
                    if rules is not None:
                        found[line] = tuple(sorted({*found.get(line, ()), *rules}))
        for line, rules in found.items():
            for scope, index in (owners[g] for g in rules):
                per_scope = result[scope]
                per_scope[line] = (*per_scope.get(line, ()), index)
        return result
