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
    """The packs, a `ScopeMatcher` per scope and the `LineGate` over the whole-line scopes.

    Rules limited to a site (``site`` in their pack) are kept apart, with their own
    matchers and gate: they apply after the other rules and the article region (see
    `cleaner.pipeline.stages.site_lines`). ``sites`` names the sites they are for.
    """

    packs: tuple[RulePack, ...]
    matchers: Mapping[Scope, ScopeMatcher]
    line_gate: LineGate
    site_matchers: Mapping[Scope, ScopeMatcher]
    site_gate: LineGate
    sites: frozenset[str]

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
        general = [r for r in rules if r.site is None]
        matchers = {
            scope: ScopeMatcher([r for r in general if r.scope is scope], timeout)
            for scope in Scope
        }
        bound = [r for r in rules if r.site is not None]  # whole-line rules only (loader)
        site_matchers = {
            scope: ScopeMatcher([r for r in bound if r.scope is scope], timeout) for scope in Scope
        }
        sites = frozenset(r.site for r in bound if r.site is not None)
        return cls(
            packs, matchers, LineGate(matchers), site_matchers, LineGate(site_matchers), sites
        )
