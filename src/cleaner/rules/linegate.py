"""One gate over the whole-line rules of every scope, read once per document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .gate import Folded, Gate
from .literals import Literals
from .matcher import ScopeMatcher
from .model import Scope

Candidates = dict[Scope, dict[int, tuple[int, ...]]]


class LineGate:
    """The literals of every whole-line rule (line, block-start, header, footer) in one gate.

    Rules are named by their index in the matchers the gate was built from.
    """

    def __init__(self, matchers: Mapping[Scope, ScopeMatcher]) -> None:
        self.matchers = dict(matchers)
        self.owners: list[tuple[Scope, int]] = []
        literals: list[Sequence[Literals]] = []
        for scope in Scope:
            if not scope.whole_line:
                continue
            for index, found in enumerate(matchers[scope].literals):
                self.owners.append((scope, index))
                literals.append(found)
        self.gate = Gate(literals)

    def admit(
        self, keys: Sequence[str], folded: Folded | None = None, changed: Sequence[int] = ()
    ) -> Candidates:
        """For each scope, the lines that hold some of its rules' literals, with those rules.

        ``folded`` and ``changed`` are as for `Gate.admit`.
        """
        result: Candidates = {scope: {} for scope in Scope if scope.whole_line}
        owners = self.owners
        for line, rules in self.gate.admit(keys, folded, changed).items():
            for scope, index in (owners[g] for g in rules):
                per_scope = result[scope]
                per_scope[line] = (*per_scope.get(line, ()), index)
        return result
