"""Load and validate rule packs (TOML). Loading never executes code."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from ..categories import Category
from ..text.lines import line_key
from ..text.normalize import normalize_line
from .exact import DIGIT_RUN, pattern_template, template
from .model import (
    ANY_LANGUAGE,
    CAPTURE_FIELDS,
    DEFAULT_MAX_CHARS,
    MAX_MAX_CHARS,
    Rule,
    RulePack,
    Scope,
)
from .sites import check_site

RULE_ID = regex.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# A pack's language: an ISO 639-1 code (two letters), a three-letter ISO 639-3 code for a
# language without one, or "mul".
LANGUAGE_CODE = regex.compile(r"[a-z]{2,3}")
GROUP_NAME = regex.compile(r"\(\?P?<([A-Za-z_]\w*)>")
RULE_KEYS = frozenset(
    {
        "id",
        "category",
        "scope",
        "patterns",
        "description",
        "examples",
        "counterexamples",
        "case_sensitive",
        "max_chars",
        "site",
    }
)
# The [pack] table: a name, a description, its language, the site its rules apply to, and
# what `cleaner learn` saw when it wrote the pack.
PACK_KEYS = frozenset({"name", "description", "language", "site", "learned"})
EXAMPLE_TIMEOUT = 1.0


class RulePackError(ValueError):
    """A rule pack that cannot be used; the message names the file, the rule and the reason."""


def compile_pattern(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    """Compile one rule pattern with the flags every rule gets."""
    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    return regex.compile(pattern, flags)


def example_key(example: str) -> str:
    """The text a whole-line rule sees for an example line."""
    return line_key(normalize_line(example))


def load_pack(path: str | Path, text: str | None = None) -> RulePack:
    """Read, validate and check one pack; raise RulePackError on any fault."""
    name = str(path)
    try:
        data = tomllib.loads(text if text is not None else Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{name}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{name}: invalid TOML: {exc}") from None
    unknown = set(data) - {"pack", "rules"}
    if unknown:
        raise RulePackError(f"{name}: unknown top-level keys {sorted(unknown)}")
    header = data.get("pack", {})
    raw_rules = data.get("rules")
    # A learned pack may hold no rules: none of its sites had a template to learn.
    learned = isinstance(header, dict) and "learned" in header
    if learned and raw_rules is None:
        raw_rules = []
    if not (isinstance(header, dict) and isinstance(raw_rules, list) and (raw_rules or learned)):
        raise RulePackError(f"{name}: expected a [pack] table and at least one [[rules]] entry")
    unknown = set(header) - PACK_KEYS
    if unknown:
        raise RulePackError(f"{name}: unknown keys in [pack] {sorted(unknown)}")
    language = header.get("language", ANY_LANGUAGE)
    if not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language):
        raise RulePackError(
            f"{name}: language must be an ISO 639-1 code such as 'de' (or 'mul'), got {language!r}"
        )
    if not isinstance(header.get("learned", {}), dict):
        raise RulePackError(f"{name}: [pack] learned must be a table")
    site = _site(f"{name}: [pack]", header.get("site"))
    pack_name = str(header.get("name") or Path(name).stem)
    rules = tuple(_parse_rule(name, pack_name, i, raw, site) for i, raw in enumerate(raw_rules))
    _check_unique(name, rules)
    return RulePack(pack_name, name, rules, str(header.get("description", "")), language)


def _site(where: str, value: object) -> str | None:
    if value is None:
        return None
    try:
        return check_site(value)
    except ValueError as exc:
        raise RulePackError(f"{where}: {exc}") from None


def _parse_rule(file: str, pack: str, index: int, raw: Any, site: str | None) -> Rule:
    where = f"{file}: rule #{index + 1}"
    if not isinstance(raw, dict):
        raise RulePackError(f"{where}: expected a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
        raise RulePackError(f"{where}: id must look like NEWS001, got {rule_id!r}")
    where = f"{file}: rule {rule_id}"
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown keys {sorted(unknown)}")
    try:
        category = Category(str(raw.get("category")))
    except ValueError:
        raise RulePackError(f"{where}: unknown category {raw.get('category')!r}") from None
    try:
        scope = Scope(str(raw.get("scope")))
    except ValueError:
        raise RulePackError(f"{where}: unknown scope {raw.get('scope')!r}") from None
    patterns = _strings(where, raw, "patterns", required=True)
    examples = _strings(where, raw, "examples", required=True)
    counterexamples = _strings(where, raw, "counterexamples", required=False)
    description = raw.get("description")
    if not isinstance(description, str) or not description.strip():
        raise RulePackError(f"{where}: a description is required")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise RulePackError(f"{where}: case_sensitive must be true or false")
    max_chars = raw.get("max_chars", DEFAULT_MAX_CHARS)
    if not isinstance(max_chars, int) or not 1 <= max_chars <= MAX_MAX_CHARS:
        raise RulePackError(f"{where}: max_chars must be a whole number from 1 to {MAX_MAX_CHARS}")
    site = _site(where, raw.get("site", site))
    if site is not None and scope is Scope.TOKEN:
        raise RulePackError(f"{where}: a token rule cannot be limited to a site")
    rule = Rule(
        rule_id,
        category,
        scope,
        patterns,
        description.strip(),
        examples,
        counterexamples,
        case_sensitive,
        pack,
        max_chars,
        site,
    )
    templates = exact_templates(rule)
    if templates is not None:  # literal text: checked without compiling (`exact`)
        _check_exact_examples(where, rule, templates)
        return rule
    compiled = [_compile(where, rule, p) for p in patterns]
    _check_examples(where, rule, compiled)
    return rule


def exact_templates(rule: Rule) -> frozenset[str] | None:
    """The templates of a case-sensitive whole-line rule whose patterns are all exact-line
    patterns (see `exact`); None for any other rule."""
    if not rule.case_sensitive or not rule.scope.whole_line:
        return None
    found = [pattern_template(p) for p in rule.patterns]
    return None if None in found else frozenset(t for t in found if t is not None)


def _check_exact_examples(where: str, rule: Rule, templates: frozenset[str]) -> None:
    for expected, lines in ((True, rule.examples), (False, rule.counterexamples)):
        for line in lines:
            key = example_key(line)
            if expected and len(key) > rule.max_chars:
                raise RulePackError(f"{where}: example {line!r} is longer than max_chars")
            fits = len(key) <= rule.max_chars and DIGIT_RUN not in key
            if (fits and template(key) in templates) != expected:
                verb = "does not match" if expected else "matches"
                kind = "example" if expected else "counterexample"
                raise RulePackError(f"{where}: {kind} {line!r} {verb}")


def _strings(where: str, raw: dict[str, Any], key: str, *, required: bool) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RulePackError(f"{where}: {key} must be a list of non-empty strings")
    if required and not value:
        raise RulePackError(f"{where}: {key} must not be empty")
    return tuple(value)


def _compile(where: str, rule: Rule, pattern: str) -> regex.Pattern[str]:
    try:
        compiled = compile_pattern(pattern, rule.case_sensitive)
    except (regex.error, TypeError, ValueError, OverflowError) as exc:
        raise RulePackError(f"{where}: invalid pattern {pattern!r}: {exc}") from None
    for group in GROUP_NAME.findall(pattern):
        if group not in CAPTURE_FIELDS:
            raise RulePackError(
                f"{where}: pattern captures {group!r}, which is not a metadata field "
                f"({', '.join(sorted(CAPTURE_FIELDS))})"
            )
    if rule.scope is Scope.TOKEN and compiled.search(""):
        raise RulePackError(f"{where}: token pattern {pattern!r} matches the empty string")
    return compiled


def rule_matches(rule: Rule, compiled: Sequence[regex.Pattern[str]], line: str) -> bool:
    """Whether the rule fires on a line, with its scope's semantics."""
    if rule.scope is Scope.TOKEN:
        text = normalize_line(line)
        return any(p.search(text, timeout=EXAMPLE_TIMEOUT) for p in compiled)
    key = example_key(line)
    if len(key) > rule.max_chars:
        return False
    return any(p.fullmatch(key, timeout=EXAMPLE_TIMEOUT) for p in compiled)


def _check_examples(where: str, rule: Rule, compiled: Sequence[regex.Pattern[str]]) -> None:
    if rule.scope.whole_line:
        for line in rule.examples:
            if len(example_key(line)) > rule.max_chars:
                raise RulePackError(f"{where}: example {line!r} is longer than max_chars")
    for expected, lines in ((True, rule.examples), (False, rule.counterexamples)):
        for line in lines:
            try:
                fired = rule_matches(rule, compiled, line)
            except TimeoutError:
                raise RulePackError(f"{where}: pattern timed out on example {line!r}") from None
            if fired != expected:
                verb = "does not match" if expected else "matches"
                kind = "example" if expected else "counterexample"
                raise RulePackError(f"{where}: {kind} {line!r} {verb}")


def _check_unique(file: str, rules: Iterable[Rule]) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulePackError(f"{file}: rule {rule.id} is defined twice")
        seen.add(rule.id)


@cache
def builtin_packs() -> tuple[RulePack, ...]:
    """The packs shipped with cleaner, in a fixed order (loaded once, immutable)."""
    folder = resources.files("cleaner.rules") / "packs"
    entries = sorted(
        (e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name
    )
    return tuple(load_pack(f"cleaner/rules/packs/{e.name}", e.read_text("utf-8")) for e in entries)


def load_packs(paths: Iterable[str | Path], *, builtin: bool = True) -> tuple[RulePack, ...]:
    """The built-in packs (unless ``builtin`` is false) followed by the user's packs."""
    packs = list(builtin_packs()) if builtin else []
    packs.extend(load_pack(p) for p in paths)
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                raise RulePackError(
                    f"{pack.path}: rule {rule.id} is already defined in {seen[rule.id]}"
                )
            seen[rule.id] = pack.path
    return tuple(packs)
