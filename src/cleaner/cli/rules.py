"""``cleaner rules list``, ``cleaner rules test PACK...`` and ``cleaner rules docs``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..pipeline.heuristics import HEURISTICS
from ..rules import RulePackError, builtin_packs, load_pack, load_packs
from .ruledocs import render_rule_docs

SUBCOMMANDS = ("list", "test", "docs")
HELP_WORDS = ("-h", "--help")


def is_rules_command(args: Sequence[str]) -> bool:
    """``rules`` followed by ``list``, ``test``, ``docs`` or ``--help`` is the subcommand.

    Anything else (``cleaner rules``, ``cleaner ./rules``, ``cleaner -- rules list``) names
    files.
    """
    return len(args) >= 2 and args[0] == "rules" and args[1] in (*SUBCOMMANDS, *HELP_WORDS)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner rules",
        description="List the rules and heuristics, or check rule packs.",
        epilog=(
            "examples:\n"
            "  cleaner rules list\n"
            "  cleaner rules list --rules mine.toml --format jsonl\n"
            "  cleaner rules test mine.toml\n"
            "  cleaner rules docs > docs/rules.md\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{list,test,docs}")
    listing = sub.add_parser("list", help="every rule (id, category, scope, pack, description)")
    listing.add_argument("--rules", action="append", default=[], metavar="PACK")
    listing.add_argument("--no-builtin-rules", action="store_true")
    listing.add_argument("--format", choices=("text", "jsonl"), default="text")
    test = sub.add_parser("test", help="load packs, run their examples, report OK or the fault")
    test.add_argument("packs", nargs="+", metavar="PACK")
    sub.add_parser("docs", help="print the rule reference (Markdown) of the built-in packs")
    return parser


def _rows(paths: Sequence[str], builtin: bool) -> list[dict[str, str]]:
    rows = [
        {
            "id": rule.id,
            "category": rule.category.value,
            "scope": rule.scope.value,
            "pack": pack.name,
            "description": rule.description,
        }
        for pack in load_packs(paths, builtin=builtin)
        for rule in pack.rules
    ]
    if builtin:
        rows += [
            {
                "id": label.rule,
                "category": label.category.value,
                "scope": "heuristic",
                "pack": "-",
                "description": label.reason,
            }
            for label in HEURISTICS.values()
        ]
    return rows


def list_rules(paths: Sequence[str], builtin: bool, fmt: str) -> int:
    """Print one row per rule and heuristic."""
    try:
        rows = _rows(paths, builtin)
    except RulePackError as exc:
        print(f"cleaner rules list: {exc}", file=sys.stderr)
        return 2
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    columns = ("id", "category", "scope", "pack")
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    print("  ".join(c.upper().ljust(widths[c]) for c in columns) + "  DESCRIPTION")
    for row in rows:
        print("  ".join(row[c].ljust(widths[c]) for c in columns) + "  " + row["description"])
    return 0


def test_packs(paths: Sequence[str]) -> int:
    """Load each pack (which checks every example and counterexample); 0 when all pass."""
    failed = 0
    for path in paths:
        try:
            pack = load_pack(path)
            load_packs([path])  # its ids must not clash with the built-in rules
        except RulePackError as exc:
            failed += 1
            print(f"FAIL {exc}", file=sys.stderr)
            continue
        examples = sum(len(r.examples) for r in pack.rules)
        counter = sum(len(r.counterexamples) for r in pack.rules)
        print(
            f"OK {path}: pack {pack.name!r}, {len(pack.rules)} rules, "
            f"{examples} examples and {counter} counterexamples pass"
        )
    if not failed and len(paths) > 1:
        try:
            load_packs(paths)
        except RulePackError as exc:
            print(f"FAIL {exc}", file=sys.stderr)
            return 1
    return 1 if failed else 0


def main(args: Sequence[str]) -> int:
    """Run ``cleaner rules ARGS``."""
    ns = _parser().parse_args(args)
    if ns.command == "list":
        return list_rules(ns.rules, not ns.no_builtin_rules, ns.format)
    if ns.command == "docs":
        print(render_rule_docs(builtin_packs()), end="")
        return 0
    return test_packs(ns.packs)
