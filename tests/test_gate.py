"""The literal gate: literals read from patterns, and matching through the gate is exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.rules import Rule, Scope, ScopeMatcher, builtin_packs
from cleaner.rules.gate import Folded, Gate, trie_pattern
from cleaner.rules.literals import DIGIT, pattern_literals
from cleaner.text.lines import line_key
from cleaner.text.normalize import normalize_line

from .strategies import JUNK, PROSE

RULES = [rule for pack in builtin_packs() for rule in pack.rules]
ENGINE = cleaner.Cleaner()


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("Sign up", {"sign up"}),
        ("(?:the )?latest news", {"the latest n", "latest news"}),
        (r"[Bb]y\s+\w+", {"by"}),
        (r"(?:\d+\s+)?comments?", {DIGIT, "comment", "comments"}),
        (r"©\s*\d{4}", {"©"}),
        ("ads?|adverts?", {"ad", "ads", "advert", "adverts"}),
    ],
)
def test_prefixes_are_what_every_match_starts_with(pattern: str, prefixes: set[str]) -> None:
    assert pattern_literals(pattern).prefixes == prefixes


@pytest.mark.parametrize(
    ("pattern", "contains"),
    [
        (r"(?=.*cookies).{0,200}", {"cookies"}),
        (r".{10,400}\s\((?:ap|afp)\s*/", {"(ap", "(afp"}),
        (r"\w+ contributed to this report", {" contributed"}),
        (r"(?=.*\d{4})\w+", {DIGIT * 4}),
    ],
)
def test_contained_literals_are_held_by_every_match(pattern: str, contains: set[str]) -> None:
    found = pattern_literals(pattern)
    assert found.prefixes is None
    assert found.contains == contains


@pytest.mark.parametrize(
    "pattern",
    [
        r".{0,40}",  # no literal at all
        r"\X+ news",  # a `regex` escape the standard parser does not know
        r"(?:news){e<=1}",  # fuzzy matching: the literal may not be there
        r"[[:alpha:]]+ news",  # a POSIX class
        r"(?:a|.)bc?",  # a branch that can begin with anything and an optional tail
    ],
)
def test_patterns_without_a_sure_prefix_get_none(pattern: str) -> None:
    assert pattern_literals(pattern).prefixes is None


def test_fuzzy_and_unreadable_patterns_get_no_literals_at_all() -> None:
    for pattern in (r"(?:newsletter){e<=1}", r"\X newsletter", r"(?V1)[[a-z]--[aeiou]]+"):
        assert pattern_literals(pattern).prefixes is None
        assert pattern_literals(pattern).contains is None


def test_trie_pattern_matches_exactly_its_strings() -> None:
    import re

    words = ["ad", "ads", "adverts", "sign up", "sign in", "©", DIGIT + "ago"]
    scan = re.compile(trie_pattern(tuple(words)))
    assert scan.fullmatch("adverts") and scan.fullmatch("sign in") and scan.fullmatch("7ago")
    assert not scan.fullmatch("advert") and not scan.fullmatch("sign")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_gate_admits_every_example_of_its_rule(rule: Rule) -> None:
    gate = Gate([[pattern_literals(p) for p in rule.patterns]], whole_line=rule.scope.whole_line)
    for example in rule.examples:
        text = normalize_line(example)
        line = line_key(text) if rule.scope.whole_line else text
        admitted = gate.admit([line]) or {0: gate.always}
        assert admitted.get(0) == (0,) or gate.always == (0,), (rule.id, example)


def _lines() -> st.SearchStrategy[str]:
    """Lines near the rules' examples: cased, padded, cut, or joined with other text."""
    base = st.sampled_from(JUNK + PROSE)
    return st.one_of(
        base,
        base.map(str.upper),
        base.map(str.lower),
        st.builds(lambda a, b: a + " " + b, base, base),
        st.builds(lambda a, n: a[: max(1, n)], base, st.integers(1, 60)),
        st.builds(lambda d, a: d + " " + a, st.from_regex(r"\d{1,4}", fullmatch=True), base),
        st.text(alphabet="ſßẞKİı0123456789©()[]|/ abcdefgs", max_size=40),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(_lines(), min_size=1, max_size=12))
def test_matching_through_the_gate_equals_matching_every_rule(lines: list[str]) -> None:
    assert_gate_is_exact([line_key(normalize_line(line)) for line in lines])


def test_digits_only_the_rules_engine_knows_reach_their_rules() -> None:
    kawi_three = "\U00011f53"  # a digit since Unicode 15: `regex` reads it as one
    assert_gate_is_exact([f"{kawi_three} comments", f"{kawi_three}{kawi_three} Comments"])


def assert_gate_is_exact(keys: list[str]) -> None:
    """Matching the rules the gate admits gives what matching every rule gives."""
    admitted = ENGINE.rules.line_gate.admit(keys)
    for scope in (Scope.LINE, Scope.BLOCK_START, Scope.HEADER, Scope.FOOTER):
        matcher: ScopeMatcher = ENGINE.rules.matchers[scope]
        everything = tuple(range(len(matcher.rules)))
        for index, key in enumerate(keys):
            gated = tuple(sorted(matcher.always.union(admitted[scope].get(index, ()))))
            matcher._memo.clear()  # a remembered result would answer both calls
            through_gate = matcher.first(key, gated)
            matcher._memo.clear()
            assert through_gate == matcher.first(key, everything), (scope, key)


LIST_MARKERS = st.sampled_from(["", "• ", "- ", "—", "» ", "* ", "| ", "> • ", "~~ "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LIST_MARKERS, _lines()), min_size=1, max_size=12))
def test_the_gate_reads_texts_behind_their_list_markers_as_it_reads_keys(
    lines: list[tuple[str, str]],
) -> None:
    texts = [normalize_line(marker + line) for marker, line in lines]
    keys = [line_key(text) for text in texts]
    gate = ENGINE.rules.line_gate.gate
    from_keys = gate.admit(keys)
    from_texts = gate.admit(keys, Folded(texts))
    for line, rules in from_keys.items():
        assert set(rules) <= set(from_texts.get(line, ())), (texts[line], keys[line])


@settings(max_examples=200, deadline=None)
@given(st.lists(_lines(), min_size=1, max_size=8))
def test_token_gate_admits_every_line_with_a_token(lines: list[str]) -> None:
    texts = [normalize_line(line + " {mosads}" if i % 2 else line) for i, line in enumerate(lines)]
    matcher = ENGINE.rules.matchers[Scope.TOKEN]
    held = set(matcher.may_hold(texts))
    for index, text in enumerate(texts):
        may_hold = index in held
        if list(matcher.finditer(text)):
            assert may_hold, text


def test_a_user_rule_without_literals_is_tried_on_every_line(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    pack = tmp_path / "fuzzy.toml"
    pack.write_text(
        '[pack]\nname = "fuzzy"\n\n[[rules]]\nid = "FUZ001"\ncategory = "newsletter"\n'
        'scope = "line"\ndescription = "A misspelt newsletter prompt."\n'
        "patterns = ['''(?:newsletter){e<=1}''']\n"
        'examples = ["newsleter"]\n',
        "utf-8",
    )
    engine = cleaner.Cleaner(rules=[str(pack)])
    article = engine.clean("The vote is due on Monday, officials said.\n\nNewsleter\n")
    assert article.text == "The vote is due on Monday, officials said."
    assert [r.rule for r in article.removed] == ["FUZ001"]
