"""The generated rule reference matches the rule packs."""

from __future__ import annotations

from cleaner.cli.ruledocs import render_rule_docs
from cleaner.rules import builtin_packs

from .conftest import ROOT


def test_rule_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert committed == render_rule_docs(builtin_packs()), (
        "docs/rules.md is stale: run python -m cleaner.ruledocs > docs/rules.md"
    )


def test_every_rule_is_documented_with_its_examples() -> None:
    text = render_rule_docs(builtin_packs())
    for pack in builtin_packs():
        for rule in pack.rules:
            assert f"### {rule.id} " in text
            assert all(example.replace("|", "\\|") in text for example in rule.examples)


def test_readme_keeps_its_sections_and_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    headings = {line[3:] for line in readme.splitlines() if line.startswith("## ")}
    for section in (
        "What it removes",
        "Guarantees",
        "The library",
        "Rule packs",
        "HTML in",
        "Benchmarks",
        "The command line",
        "At scale",
        "Dependencies and why",
    ):
        assert section in headings, section
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "cleaner fixtures/seeds" in first_block and "python -m pytest" in first_block
