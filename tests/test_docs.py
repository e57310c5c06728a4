"""The generated rule reference matches the rule packs."""

from __future__ import annotations

from cleaner.cli.ruledocs import render_rule_docs
from cleaner.rules import builtin_packs

from .conftest import ROOT


def test_rule_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert committed == render_rule_docs(builtin_packs()), (
        "docs/rules.md is stale: run cleaner rules docs > docs/rules.md"
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


def _documented_options() -> set[str]:
    import re

    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    text = re.sub(r"\]\(#[^)]*\)", "]", text)  # links to sections are not options
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", text))


def _parser_options() -> tuple[set[str], set[str]]:
    """The option strings of ``cleaner`` and of its subcommands' parsers."""
    import argparse

    from cleaner.cli.args import build_parser
    from cleaner.cli.audit import build_report_parser
    from cleaner.cli.learn import build_parser as learn_parser
    from cleaner.cli.rules import _parser as rules_parser

    def options(parser: argparse.ArgumentParser) -> set[str]:
        found = {s for action in parser._actions for s in action.option_strings}
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found |= options(sub)
        return found

    subcommands = options(rules_parser()) | options(build_report_parser())
    return options(build_parser()), subcommands | options(learn_parser())


def test_every_option_of_the_command_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    main, _ = _parser_options()
    missing = sorted(o for o in main if f"`{o}" not in text)
    assert not missing, f"options of cleaner --help missing from docs/cli.md: {missing}"


def test_every_option_of_cleaner_report_is_documented_in_its_section() -> None:
    from cleaner.cli.audit import build_report_parser

    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    section = text.split("## `cleaner report`", 1)[1].split("\n## ", 1)[0]
    parser = build_report_parser()
    options = {s for action in parser._actions for s in action.option_strings}
    missing = sorted(o for o in options - {"-h", "--help"} if f"`{o}" not in section)
    assert not missing, f"options of cleaner report missing from docs/cli.md: {missing}"


def test_every_option_of_cleaner_learn_is_documented_in_its_section() -> None:
    from cleaner.cli.learn import build_parser as learn_parser

    text = (ROOT / "docs" / "cli.md").read_text("utf-8").split("## `cleaner learn`", 1)[1]
    options = {s for action in learn_parser()._actions for s in action.option_strings}
    missing = sorted(o for o in options - {"-h", "--help"} if f"`{o}" not in text)
    assert not missing, f"options of cleaner learn missing from docs/cli.md: {missing}"


def test_docs_name_no_option_the_command_lacks() -> None:
    main, subcommands = _parser_options()
    unknown = sorted(_documented_options() - main - subcommands)
    assert not unknown, f"docs/cli.md documents options the command lacks: {unknown}"
