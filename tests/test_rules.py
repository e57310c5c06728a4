"""Rule packs: every example of every rule, loading errors, user packs and kept categories."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import cleaner
from cleaner.categories import Category
from cleaner.rules import RulePackError, Scope, builtin_packs, load_pack, rule_matches
from cleaner.rules.loader import compile_pattern

RULES = [rule for pack in builtin_packs() for rule in pack.rules]


def test_builtin_packs_cover_every_category_but_page_and_template() -> None:
    covered = {rule.category for rule in RULES}
    assert covered == set(Category) - {Category.PAGE, Category.TEMPLATE}


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_example_matches_and_no_counterexample_does(rule: cleaner.rules.Rule) -> None:
    compiled = [compile_pattern(p, rule.case_sensitive) for p in rule.patterns]
    assert rule.examples, "each rule needs examples"
    for line in rule.examples:
        assert rule_matches(rule, compiled, line), line
    for line in rule.counterexamples:
        assert not rule_matches(rule, compiled, line), line


@pytest.mark.parametrize("rule", [r for r in RULES if r.scope.whole_line], ids=lambda r: r.id)
def test_whole_line_rules_remove_their_examples_whole(rule: cleaner.rules.Rule) -> None:
    prose = "The council approved the budget on Monday after a long and heated debate."
    for line in rule.examples:
        if rule.scope is Scope.FOOTER:
            text = f"{prose}\n\n{line}"
        elif rule.scope is Scope.HEADER:
            text = f"{line}\n\n{prose}"
        else:
            text = f"{prose}\n\n{line}\n\n{prose}"
        article = cleaner.clean(text, mode="text", find_article=False)
        assert line.strip() not in article.text.split("\n\n"), line
        assert prose in article.text


PACK = """
[pack]
name = "mine"

[[rules]]
id = "MINE001"
category = "ad"
scope = "line"
description = "Our own promo line."
patterns = ['promo code \\w+']
examples = ["Promo code SAVE10"]
counterexamples = ["The promo code was leaked online last week, the retailer said."]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_user_pack_adds_rules(tmp_path: Path) -> None:
    path = write(tmp_path, PACK)
    text = "The store opened on Friday with long queues outside.\n\nPromo code SAVE10"
    article = cleaner.Cleaner(rules=[path]).clean(text)
    assert article.text == "The store opened on Friday with long queues outside."
    assert [(r.category, r.rule) for r in article.removed] == [("ad", "MINE001")]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (('id = "MINE001"', 'id = "mine 1"'), "id must look like"),
        (('category = "ad"', 'category = "spam"'), "unknown category 'spam'"),
        (('scope = "line"', 'scope = "page"'), "unknown scope 'page'"),
        ((r"'promo code \w+'", "'promo (code'"), "invalid pattern"),
        (('"Promo code SAVE10"', '"Coupon SAVE10"'), "example 'Coupon SAVE10' does not match"),
        (
            ('"The promo code', '"promo code x", "The promo code'),
            "counterexample 'promo code x' matches",
        ),
        ((r"'promo code \w+'", r"'promo code (?P<price>\w+)'"), "not a metadata field"),
        (('description = "Our own promo line."', 'descr = "x"'), "unknown keys"),
        (("[pack]", "[pack\n"), "invalid TOML"),
    ],
)
def test_malformed_packs_are_rejected_naming_file_rule_and_reason(
    tmp_path: Path, change: tuple[str, str], reason: str
) -> None:
    old, new = change
    assert old in PACK
    path = write(tmp_path, PACK.replace(old, new))
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    if "TOML" not in reason and "id must" not in reason:
        assert "MINE001" in message


def test_duplicate_rule_ids_across_packs_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, PACK.replace("MINE001", "NEWS001"))
    with pytest.raises(RulePackError, match="NEWS001 is already defined"):
        cleaner.Cleaner(rules=[path])


def test_kept_categories_stay_in_the_body_and_out_of_the_trail() -> None:
    text = "Getty Images\n\nThe council met on Monday to vote on the new budget plan."
    kept = cleaner.clean(text, mode="text", keep=["credit"])
    assert kept.text == text
    assert kept.removed == ()
    assert cleaner.clean(text, mode="text").text.startswith("The council")


def test_unknown_kept_category_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown category"):
        cleaner.Cleaner(keep=["credits"])


@pytest.mark.parametrize("pattern", ["(a|aa)+$", "(a+)+$"])
def test_a_catastrophic_user_pattern_is_stopped_and_reported(tmp_path: Path, pattern: str) -> None:
    pack = (
        PACK.replace(r"'promo code \w+'", f"'{pattern}'")
        .replace('"Promo code SAVE10"', '"aa"')
        .replace("The promo code was leaked online last week, the retailer said.", "ab")
    )
    path = write(tmp_path, pack)
    text = "Getty Images\n\n" + "a" * 60 + "!\n\nThe council met on Monday to vote on the budget."
    article = cleaner.Cleaner(rules=[path], regex_timeout=0.05).clean(text)
    if pattern == "(a|aa)+$":  # exponential in the regex module: must be stopped
        assert any("MINE001" in w and "timed out" in w for w in article.warnings)
        assert article.warning_codes() == ("rule-timeout",)
    assert "Getty Images" not in article.text
    assert "The council met on Monday" in article.text
    assert "a" * 60 + "!" in article.text


def test_line_rules_never_cut_inside_a_sentence() -> None:
    text = (
        "Officials said readers could sign up to receive our latest news alerts by text, "
        "a service that launched in May. Advertisement revenue rose."
    )
    assert cleaner.clean(text, mode="text").text == text


def test_patterns_compile_with_the_regex_module() -> None:
    for rule in RULES:
        for pattern in rule.patterns:
            assert isinstance(compile_pattern(pattern, rule.case_sensitive), regex.Pattern)


def test_a_user_pack_says_its_language(tmp_path: Path) -> None:
    pack = PACK.replace('name = "mine"', 'name = "mine"\nlanguage = "sv"')
    assert load_pack(write(tmp_path, pack)).language == "sv"
    assert load_pack(write(tmp_path, PACK)).language == "mul"


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ('language = "Swedish"', "language must be an ISO 639-1 code"),
        ("language = 46", "language must be an ISO 639-1 code"),
        ('lang = "sv"', "unknown keys in [pack]"),
    ],
)
def test_a_bad_pack_header_is_rejected(tmp_path: Path, header: str, reason: str) -> None:
    path = write(tmp_path, PACK.replace('name = "mine"', f'name = "mine"\n{header}'))
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_every_builtin_pack_states_its_language() -> None:
    from importlib import resources

    folder = resources.files("cleaner.rules") / "packs"
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            header = entry.read_text("utf-8").split("[[rules]]", 1)[0]
            assert "\nlanguage = " in header, entry.name


def test_a_user_pack_for_a_language_of_their_own_cleans_it(tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        '[pack]\nname = "sv"\nlanguage = "sv"\n\n[[rules]]\nid = "SV-NEWS001"\n'
        'category = "newsletter"\nscope = "line"\ndescription = "A newsletter prompt."\n'
        "patterns = ['(?:prenumerera på|anmäl dig till) (?:vårt |vår )?nyhetsbrev\\b.{0,80}']\n"
        'examples = ["Prenumerera på vårt nyhetsbrev"]\n'
        'counterexamples = ["Fler än 2 000 läsare valde att prenumerera på nyhetsbrevet."]\n',
    )
    prose = "Regeringen presenterade på tisdagen en ny budget för skolan och vården."
    text = f"{prose}\n\nPrenumerera på vårt nyhetsbrev"
    assert cleaner.clean(text, mode="text").text == text
    article = cleaner.Cleaner(rules=[pack]).clean(text, mode="text")
    assert article.text == prose
    assert [r.rule for r in article.removed] == ["SV-NEWS001"]
