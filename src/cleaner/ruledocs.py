"""Write the rule reference (docs/rules.md) from the rule packs themselves.

Run ``python -m cleaner.ruledocs > docs/rules.md``; a test checks the file is current.
"""

from __future__ import annotations

from collections.abc import Iterable

from .categories import Category
from .heuristics import HEURISTICS
from .rules import RulePack, Scope, builtin_packs


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_rule_docs(packs: Iterable[RulePack]) -> str:
    """The Markdown reference: categories, scopes, heuristics, then every rule with examples."""
    out = [
        "# Rule reference",
        "",
        "Generated from the rule packs by `python -m cleaner.ruledocs`.",
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
        for rule in pack.rules:
            out += ["", f"### {rule.id} ({rule.category.value}, {rule.scope.value})", ""]
            out += [rule.description, "", "Removes:", ""]
            out += [f"- `{_cell(e)}`" for e in rule.examples]
            if rule.counterexamples:
                out += ["", "Keeps:", ""]
                out += [f"- `{_cell(e)}`" for e in rule.counterexamples]
    return "\n".join(out) + "\n"


def main() -> None:
    """Print the reference for the built-in packs."""
    print(render_rule_docs(builtin_packs()), end="")


if __name__ == "__main__":
    main()
