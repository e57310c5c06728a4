"""A learned template as a rule pack: ids, categories, patterns and the TOML text.

Each learned line becomes a case-sensitive whole-line rule of its site, whose pattern is
the line with its digit runs as ``\\d+`` (an exact-line pattern, matched by table lookup;
see `cleaner.rules.exact`). Its category is the built-in rules' when one of them matches
the line, else ``template``. Rule ids hash the site and the line, so a line keeps its id
when the pack is learned again from more pages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ..categories import Category
from ..rules import CompiledRules, RuleTimeout, Scope
from ..rules.exact import exact_pattern
from ..rules.loader import example_key
from ..rules.model import DEFAULT_MAX_CHARS
from .lines import MAX_LINE_CHARS

ID_PREFIX = "TPL"
SITE_HASH_CHARS = 8
LINE_HASH_CHARS = 6
GUESS_TIMEOUT = 0.25
# Whole-line scopes in the order a category is looked for among the built-in rules.
GUESS_SCOPES = (Scope.LINE, Scope.BLOCK_START, Scope.HEADER, Scope.FOOTER)


@dataclass(frozen=True, slots=True)
class LearnedLine:
    """A line of a site's template: seen on ``count`` of the site's ``pages``."""

    site: str
    template: str
    example: str
    count: int
    pages: int
    category: Category
    scope: Scope
    id: str = ""


@cache
def _builtin() -> CompiledRules:
    return CompiledRules.build((), builtin=True, keep=frozenset(), timeout=GUESS_TIMEOUT)


def guess(line: str) -> tuple[Category, Scope]:
    """The category of the first built-in whole-line rule that matches the line, with
    ``block_start`` when that rule opens a teaser block (the learned heading takes its
    teaser items too); else ``template`` and ``line``.

    A site's rules apply after the built-in ones, which read the metadata of header and
    footer lines where they apply; the learned rule removes the line anywhere.

    >>> guess("Sign up for our newsletter")
    (<Category.NEWSLETTER: 'newsletter'>, <Scope.LINE: 'line'>)
    >>> guess("More from The Example Times")
    (<Category.RECOMMENDED: 'recommended'>, <Scope.BLOCK_START: 'block_start'>)
    >>> guess("Example Times Store")
    (<Category.TEMPLATE: 'template'>, <Scope.LINE: 'line'>)
    """
    rules = _builtin()
    key = example_key(line)
    admitted = rules.line_gate.admit([key])
    for scope in GUESS_SCOPES:
        matcher = rules.matchers[scope]
        candidates = sorted(matcher.always.union(admitted[scope].get(0, ())))
        try:
            hit = matcher.first(key, candidates) if candidates else None
        except RuleTimeout:  # no guess from that scope
            hit = None
        if hit is not None:
            return (
                hit.rule.category,
                Scope.BLOCK_START if scope is Scope.BLOCK_START else Scope.LINE,
            )
    return Category.TEMPLATE, Scope.LINE


def _hash(text: str, chars: int) -> str:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return digest[:chars].upper()


class RuleIds:
    """Rule ids, ``TPL-<site hash>-<line hash>``, with the line hash made longer where two
    lines would share an id (given in the order the pack lists them).

    >>> ids = RuleIds()
    >>> ids.new("a.org", "Home"), ids.new("a.org", "Home")
    ('TPL-2557CE5C-5FDB21', 'TPL-2557CE5C-5FDB2189')
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def new(self, site: str, template: str) -> str:
        """The id of a site's line."""
        prefix = f"{ID_PREFIX}-{_hash(site, SITE_HASH_CHARS)}-"
        chars = LINE_HASH_CHARS
        rule_id = prefix + _hash(template, chars)
        while rule_id in self.taken:
            chars += 2
            rule_id = prefix + _hash(template, chars)
        self.taken.add(rule_id)
        return rule_id


def toml_string(text: str) -> str:
    """``text`` as a TOML string: a basic string, or a literal string when that spares
    escapes (patterns hold backslashes).

    >>> print(toml_string("It's"), toml_string(r"Page \\d+"), toml_string(r'a\\b"c'))
    "It's" 'Page \\d+' 'a\\b"c'
    """
    if text.isprintable() and "\\" not in text and '"' not in text:
        return f'"{text}"'
    if text.isprintable() and "'" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def toml_value(value: object) -> str:
    """A header value as TOML: a boolean, a number or a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return toml_string(str(value))


def render_rule(line: LearnedLine) -> list[str]:
    """The TOML lines of one learned rule."""
    out = [
        "[[rules]]",
        f"id = {toml_string(line.id)}",
        f"site = {toml_string(line.site)}",
        f'category = "{line.category.value}"',
        f'scope = "{line.scope.value}"',
        "description = "
        + toml_string(f"Template line of {line.site}: on {line.count} of {line.pages} pages."),
        "case_sensitive = true",
    ]
    if len(line.example) > DEFAULT_MAX_CHARS // 2:  # room for longer digit runs
        out.append(f"max_chars = {max(DEFAULT_MAX_CHARS, 2 * MAX_LINE_CHARS)}")
    out += [
        f"patterns = [{toml_string(exact_pattern(line.example))}]",
        f"examples = [{toml_string(line.example)}]",
    ]
    return out


def render_pack(
    description: str, header: dict[str, object], lines: Iterable[LearnedLine]
) -> Iterator[str]:
    """The TOML text of a learned pack, a rule at a time: ``[pack]`` with ``learned`` (what
    was seen and the settings), then one rule per line. The pack has no name: it is named
    after its file."""
    out = ["[pack]", f"description = {toml_string(description)}", "", "[pack.learned]"]
    out += [f"{key} = {toml_value(value)}" for key, value in header.items()]
    yield "\n".join(out) + "\n"
    for line in lines:
        yield "\n" + "\n".join(render_rule(line)) + "\n"
