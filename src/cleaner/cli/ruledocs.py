"""The rule reference (docs/rules.md), written from the rule packs themselves.

Run ``cleaner rules docs > docs/rules.md``; a test checks the file is current.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..categories import Category
from ..pipeline.heuristics import HEURISTICS
from ..rules import RulePack, Scope


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rule_docs(packs: Iterable[RulePack]) -> str:
    """The Markdown reference: categories, scopes, heuristics, then every rule with examples."""
    out = [
        "# Rule reference",
        "",
        "Generated from the rule packs by `cleaner rules docs`.",
        "",
    ]
    out += ["## Categories", "", "| category | what it covers |", "| --- | --- |"]
    out += [f"| `{c.value}` | {_cell(c.description)} |" for c in Category]
    out += ["", "## Scopes", "", "| scope | what a rule of this scope removes |", "| --- | --- |"]
    out += [f"| `{s.value}` | {_cell(s.description)} |" for s in Scope]
    out += ["", "## Heuristics", "", "| id | category | what it removes |", "| --- | --- | --- |"]
    out += [
        f"| `{h.rule}` | `{h.category.value}` | {_cell(h.reason)} |" for h in HEURISTICS.values()
    ]
    for pack in packs:
        out += ["", f"## Pack `{pack.name}`", "", pack.description]
        out += ["", f"Language: `{pack.language}`."]
        for rule in pack.rules:
            out += ["", f"### {rule.id} ({rule.category.value}, {rule.scope.value})", ""]
            out += [rule.description, "", "Removes:", ""]
            out += [f"- `{_cell(e)}`" for e in rule.examples]
            if rule.counterexamples:
                out += ["", "Keeps:", ""]
                out += [f"- `{_cell(e)}`" for e in rule.counterexamples]
    return "\n".join(out) + "\n"
