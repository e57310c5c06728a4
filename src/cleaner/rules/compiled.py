"""The rule packs of one configuration, compiled once: a matcher per scope and one gate."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..categories import Category
from .linegate import LineGate
from .loader import load_packs
from .matcher import ScopeMatcher
from .model import RulePack, Scope


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """The packs, a `ScopeMatcher` per scope and the `LineGate` over the whole-line scopes."""

    packs: tuple[RulePack, ...]
    matchers: Mapping[Scope, ScopeMatcher]
    line_gate: LineGate

    @classmethod
    def build(
        cls,
        paths: Iterable[str | Path],
        *,
        builtin: bool,
        keep: frozenset[Category],
        timeout: float,
    ) -> CompiledRules:
        """Load and compile the packs. A kept category's token rules are left out: the
        body keeps its tokens as they are."""
        packs = load_packs(paths, builtin=builtin)
        rules = [rule for pack in packs for rule in pack.rules]
        rules = [r for r in rules if r.scope is not Scope.TOKEN or r.category not in keep]
        matchers = {
            scope: ScopeMatcher([r for r in rules if r.scope is scope], timeout) for scope in Scope
        }
        return cls(packs, matchers, LineGate(matchers))
