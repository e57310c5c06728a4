"""`cleaner.learn`: counting, the guards, determinism, bounded memory, and learned packs
applied to their site only."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.config import Mode
from cleaner.learn import Guards, Learned, Learner, explain
from cleaner.learn.counts import LineCounts
from cleaner.pipeline import STAGES, Document
from cleaner.pipeline.stages.region import select_article
from cleaner.pipeline.stages.site_lines import template_lines
from cleaner.rules import RulePackError, Scope, load_pack
from cleaner.rules.exact import exact_pattern, pattern_template, template

from .strategies import LINE, documents

STORIES = [
    f"Story {word} tells how the council of {town} voted on the budget after a long debate."
    for word, town in zip(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        [
            "Ayr",
            "Bath",
            "Cork",
            "Derby",
            "Ely",
            "Fife",
            "Goole",
            "Hull",
            "Ilford",
            "Jarrow",
            "Kent",
            "Leeds",
            "Louth",
            "March",
            "Neath",
            "Oban",
            "Poole",
            "Ripon",
            "Sale",
            "Troon",
        ],
        strict=True,
    )
]
QUOTE = "“We will not back down on this promise to every family,” the mayor told reporters."
MENU = "Home | Politics | Money | Weather"
STORE = "The Example Gazette Store"


def page(n: int, *, quote: bool = False, menu: str = MENU) -> str:
    """A page of example.com: its template around story ``n``."""
    lines = [menu, STORE, f"Page {n + 1} of {n + 7}", STORIES[n % len(STORIES)]]
    if quote:
        lines.append(QUOTE)
    lines += ["Subscribe to the Gazette Daily", f"© {2000 + n} Example Gazette Ltd"]
    return "\n\n".join(lines) + "\n"


def learned_from(pages: list[tuple[str, str]], **guards: object) -> Learned:
    learner = Learner(Guards(**guards))  # type: ignore[arg-type]
    for text, site in pages:
        learner.add(text, site)
    return learner.result()


def corpus(size: int = 20, site: str = "example.com") -> list[tuple[str, str]]:
    return [(page(n, quote=n % 4 == 0), site) for n in range(size)]


def write_pack(tmp_path: Path, learned: Learned, name: str = "sites.toml") -> Path:
    path = tmp_path / name
    path.write_text(learned.pack(), "utf-8")
    return path


# What is learned


def test_template_lines_are_learned_and_digits_count_as_one() -> None:
    learned = learned_from(corpus())
    examples = {line.example: line.count for line in learned.lines}
    assert examples == {
        MENU: 20,
        STORE: 20,
        "Page 1 of 7": 20,
        "Subscribe to the Gazette Daily": 20,
        "© 2000 Example Gazette Ltd": 20,
    }
    assert all(line.pages == 20 and line.site == "example.com" for line in learned.lines)


def test_categories_come_from_the_builtin_rules_else_template() -> None:
    categories = {line.example: line.category.value for line in learned_from(corpus()).lines}
    assert categories[STORE] == "template"
    assert categories["Subscribe to the Gazette Daily"] == "newsletter"
    assert categories["© 2000 Example Gazette Ltd"] == "copyright"


def test_a_site_with_too_few_pages_yields_nothing_and_says_why() -> None:
    learned = learned_from(corpus(9))
    assert learned.lines == []
    assert [(k.site, k.reason) for k in learned.kept_out] == [
        ("example.com", "9 pages, fewer than 10")
    ]
    assert list(explain(learned)) == ["example.com: nothing learned: 9 pages, fewer than 10"]


def test_a_repeated_sentence_needs_a_much_larger_share_than_a_menu_line() -> None:
    # The quote stands on 5 of 20 pages (25%); on 60% it is still kept out, while a menu
    # entry on 60% is learned; on 75% the quote is learned too.
    learned = learned_from(corpus())
    assert QUOTE not in {line.example for line in learned.lines}
    out = {k.line: k.reason for k in learned.kept_out}
    assert out[QUOTE] == "prose-like, on 25% of pages, under 70%"
    pages = [(page(n, quote=n < 12, menu=MENU if n < 12 else "Home"), "a.org") for n in range(20)]
    learned = learned_from(pages)
    assert MENU in {line.example for line in learned.lines}
    assert QUOTE not in {line.example for line in learned.lines}
    with_more = [(page(n, quote=n < 15), "a.org") for n in range(20)]
    assert QUOTE in {line.example for line in learned_from(with_more).lines}


def test_min_pages_and_min_share_are_bars() -> None:
    pages = [(page(n) if n < 6 else page(n, menu="Home"), "a.org") for n in range(20)]
    assert MENU in {x.example for x in learned_from(pages).lines}  # 6 of 20 = 30%
    assert MENU not in {x.example for x in learned_from(pages, min_share=0.31).lines}
    assert MENU not in {x.example for x in learned_from(pages, min_pages=7).lines}


def test_a_line_shared_by_two_sites_is_learned_for_each_on_its_own_counts(tmp_path: Path) -> None:
    shop = "The Example Gazette Shop"  # no built-in rule removes it
    pages = corpus(20, "a.org") + [
        (page(n, menu=shop if n < 3 else "Start"), "b.org") for n in range(20)
    ]
    pages += [(page(n, menu=shop), "c.org") for n in range(20)]
    learned = learned_from(pages)
    sites = [line.site for line in learned.lines if line.example == shop]
    assert sites == ["c.org"]  # on 3 of b.org's 20 pages: kept out there
    path = write_pack(tmp_path, learned)
    engine = cleaner.Cleaner(rules=[path], mode="text", find_article=False)
    text = f"{shop}\n\n{STORIES[0]}\n"
    assert engine.clean(text, url="https://www.C.org/x").text == STORIES[0]
    assert engine.clean(text, url="https://b.org/x").text == text.strip()
    assert engine.clean(text, url="https://a.org/x").text == text.strip()
    assert engine.clean(text).text == text.strip()  # no URL: no site rules
    by_option = cleaner.Cleaner(rules=[path], site="c.org", mode="text", find_article=False)
    assert by_option.clean(text).text == STORIES[0]


def test_lines_without_letters_are_never_learned() -> None:
    pages = [(f"{n} / {n + 1}\n\n{STORIES[n]}\n", "a.org") for n in range(20)]
    learned = learned_from(pages)
    assert learned.lines == []
    assert {k.reason for k in learned.kept_out} == {"no letters"}


# Determinism and memory


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_pack_is_the_same_whatever_the_order_of_the_documents(rng: random.Random) -> None:
    pages = corpus(20) + [(page(n, menu="Start | Shop"), "b.org") for n in range(12)]
    shuffled = pages[:]
    rng.shuffle(shuffled)
    assert learned_from(shuffled).pack() == learned_from(pages).pack()


def test_counts_forget_unique_lines_past_the_budget_and_keep_the_template() -> None:
    exact = learned_from(corpus(20) + corpus(15, "b.org"))
    learner = Learner(Guards(), max_lines=24)
    for text, site in corpus(20) + corpus(15, "b.org"):
        learner.add(text, site)
    small = learner.result()
    assert not small.exact and exact.exact
    assert learner.counts.size <= 24
    assert [(x.site, x.template) for x in small.lines] == [
        (x.site, x.template) for x in exact.lines
    ]
    assert "exact = false" in small.pack()


def test_the_seen_once_filter_counts_a_line_from_its_second_page() -> None:
    counts = LineCounts(max_lines=1, filter_bits_log2=16)
    counts.add("a.org", {"x": "x", "y": "y"})  # over budget: both go to the filter
    counts.add("a.org", {"x": "x"})
    counts.add("a.org", {"x": "x"})
    assert counts.floor == 1
    assert {s: e.pages for s, e in counts.lines["a.org"].items()} == {"x": 3}


# Exact-line patterns


LINES = st.text(alphabet="ab 1٣2.|()*+?\\[]{}^$-é©", min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(LINES, LINES)
def test_an_exact_pattern_matches_exactly_the_lines_of_its_template(line: str, other: str) -> None:
    pattern = exact_pattern(line)
    assert pattern_template(pattern) == template(line)
    compiled = regex.compile(pattern, regex.V0)
    assert compiled.fullmatch(line)
    assert bool(compiled.fullmatch(other)) == (template(other) == template(line))


def test_other_patterns_are_not_exact() -> None:
    for pattern in (r"a\d", r"\w+", "a|b", "a.b", r"\d+\d+", "", r"\n", "5 min"):
        assert pattern_template(pattern) is None, pattern


# Learned packs


def test_a_learned_pack_loads_and_cleans_with_the_usual_trail(tmp_path: Path) -> None:
    path = write_pack(tmp_path, learned_from(corpus()))
    pack = load_pack(path)
    assert pack.name == "sites" and {r.site for r in pack.rules} == {"example.com"}
    text = page(3, quote=True)
    article = cleaner.Cleaner(rules=[path], mode="text").clean(text, url="http://example.com/3")
    assert article.text == f"{STORIES[3]}\n\n{QUOTE}"
    store = next(r for r in article.removed if r.text == STORE)
    assert store.category == "template" and store.rule.startswith("TPL-")
    assert text[store.start : store.end] == STORE
    assert store.reason == "Template line of example.com: on 20 of 20 pages."
    assert cleaner.replay(text, article.removed) == article.text
    kept = cleaner.Cleaner(rules=[path], mode="text", keep=["template"])
    assert STORE in kept.clean(text, url="http://example.com/3").text


def test_a_site_pack_keeps_every_removal_of_the_other_rules(tmp_path: Path) -> None:
    path = write_pack(tmp_path, learned_from(corpus()))
    for n in range(20):
        text = page(n, quote=True)
        url = f"https://example.com/{n}"
        before = cleaner.clean(text, mode="text", url=url).removed
        after = cleaner.Cleaner(rules=[path], mode="text").clean(text, url=url).removed
        assert {r for r in before if r.rule != "HEUR-REGION"} <= set(after)


TOWNS = [story.split(" of ")[1].split()[0] for story in STORIES]
PARAGRAPHS = (
    "The council of {town} approved the new budget on Monday after a long and heated debate "
    "that ran late into the evening, with members split on the plan.",
    "Supporters in {town} said the spending plan would repair roads, fund two new libraries "
    "and hire more teachers for the crowded schools of the district next year.",
    "Critics in {town} argued that the tax increase needed to pay for it would fall hardest "
    "on renters and small shops already struggling with rising costs.",
)
HEADER = ["Example Gazette", "Home", "Politics", "Money", "Weather", "Sports", "Log in"]
FOOTER = ["Subscribe to our newsletter", "More Stories", "About us", "Contact", "Privacy"]


def dump(n: int) -> tuple[str, list[str]]:
    """A page dump of example.com (the region reads it) and its template lines."""
    town = TOWNS[n % len(TOWNS)]
    teasers = [f"Story {n + k} of the week in the valley" for k in range(3)]
    article = [f"Budget vote in {town}", *(p.format(town=town) for p in PARAGRAPHS)]
    return "\n".join(HEADER + article + FOOTER[:2] + teasers + FOOTER[2:]) + "\n", [
        *HEADER,
        *FOOTER,
        *teasers,
    ]


def test_the_region_reads_the_page_without_its_site_template(tmp_path: Path) -> None:
    path = write_pack(tmp_path, learned_from([(dump(n)[0], "example.com") for n in range(20)]))
    engine = cleaner.Cleaner(rules=[path], mode="text")
    for n in range(20):
        text, template = dump(n)
        article = engine.clean(text, url=f"https://example.com/{n}")
        alone = "\n".join(x for x in text.splitlines() if x not in template) + "\n"
        assert article.text == cleaner.clean(alone, mode="text").text
        assert {x for r in article.removed for x in r.text.splitlines()} >= set(template)


def test_the_region_does_not_read_a_learned_teaser_heading_nor_its_items(tmp_path: Path) -> None:
    # "More Stories" is learned as a teaser heading (a block-start rule); the headlines under
    # it change from page to page, so no rule names them, but they go with their heading.
    # Shown to the region as lines rules removed, they made the article's last paragraph
    # read like the end of a page.
    path = write_pack(tmp_path, learned_from([(dump(n)[0], "example.com") for n in range(20)]))
    engine = cleaner.Cleaner(rules=[path], mode="text")
    text, template = dump(3)
    doc = Document.of(text, engine.rules, model=engine.model(Mode.TEXT), site="example.com")
    for stage in STAGES:
        if stage is select_article:
            break
        stage(doc)
    hidden = {doc.lines[i].key for i in template_lines(doc)}
    teasers = [x for x in template if x.startswith("Story ")]
    assert {"More Stories", *teasers, *HEADER} <= hidden
    assert not hidden & {line.key for line in doc.lines if "budget" in line.key.lower()}


def test_a_learned_pack_without_rules_loads(tmp_path: Path) -> None:
    path = write_pack(tmp_path, learned_from(corpus(3)))
    assert load_pack(path).rules == ()
    assert "sites = 1" in path.read_text("utf-8")


@pytest.mark.parametrize(
    ("header", "rule", "reason"),
    [
        ('site = "https://example.com/"', "", "a site is a host name"),
        ("", 'site = "Bad Site"', "a site is a host name"),
        ("", 'site = "a.org"\nscope = "token"', "cannot be limited to a site"),
        ("colour = 1", "", "unknown keys in [pack] ['colour']"),
        ("learned = 3", "", "learned must be a table"),
    ],
)
def test_bad_site_keys_are_rejected(tmp_path: Path, header: str, rule: str, reason: str) -> None:
    scope = "" if "scope" in rule else 'scope = "line"\n'
    text = (
        f'[pack]\nname = "mine"\n{header}\n\n[[rules]]\nid = "MINE001"\ncategory = "ad"\n'
        f'{scope}{rule}\ndescription = "x"\npatterns = ["promo"]\nexamples = ["promo"]\n'
    )
    path = tmp_path / "mine.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(RulePackError, match=regex.escape(reason)):
        load_pack(path)


def test_a_pack_level_site_applies_to_its_rules(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[pack]\nname = "mine"\nsite = "WWW.Example.com"\n\n[[rules]]\nid = "MINE001"\n'
        'category = "ad"\nscope = "line"\ndescription = "Our promo."\n'
        "patterns = ['promo \\w+']\nexamples = ['Promo now']\n",
        "utf-8",
    )
    assert load_pack(path).rules[0].site == "example.com"
    engine = cleaner.Cleaner(rules=[path], mode="text")
    text = "The vote is due on Monday, officials said.\n\nPromo now\n"
    assert engine.clean(text, url="https://example.com/").text == text.split("\n")[0]
    assert engine.clean(text, url="https://example.org/").text == text.strip()


def test_a_case_sensitive_literal_rule_is_found_by_its_template(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[pack]\nname = "mine"\n\n[[rules]]\nid = "MINE001"\ncategory = "ad"\n'
        'scope = "line"\ndescription = "Our promo."\ncase_sensitive = true\n'
        "patterns = ['Promo \\d+ now \\(\\d+%\\)']\nexamples = ['Promo 5 now (10%)']\n"
        "counterexamples = ['promo 5 now (10%)', 'Promo now (10%)']\n",
        "utf-8",
    )
    engine = cleaner.Cleaner(rules=[path], mode="text", find_article=False)
    matcher = engine.rules.matchers[Scope.LINE]
    index = matcher.position["MINE001"]
    assert matcher.templates[index] == {template("Promo 1 now (1%)")}
    assert matcher.literals[index] == ()  # not in the literal gate
    prose = "The vote is due on Monday, officials said."
    text = f"{prose}\n\nPromo 12 now (50%)\n\npromo 12 now (50%)\n"
    assert engine.clean(text).text == f"{prose}\n\npromo 12 now (50%)"


KEYS = st.sampled_from(
    [
        MENU,
        STORE,
        "Page 1 of 7",
        "Page 10 of 70",
        "page 1 of 7",
        "Subscribe to the Gazette Daily",
        "© 2001 Example Gazette Ltd",
        "© Example Gazette Ltd",
        "Start",
        "Home",
    ]
)


@pytest.fixture(scope="module")
def site_engine(tmp_path_factory: pytest.TempPathFactory) -> cleaner.Cleaner:
    pages = corpus(20) + [(page(n, menu="Start"), "b.org") for n in range(20)]
    pack = write_pack(tmp_path_factory.mktemp("site"), learned_from(pages))
    return cleaner.Cleaner(rules=[pack], mode="text")


@settings(max_examples=100, deadline=None)
@given(st.lists(KEYS, min_size=1, max_size=8), st.sampled_from(["example.com", "b.org", None]))
def test_site_rules_through_the_table_equal_trying_every_rule(
    site_engine: cleaner.Cleaner, keys: list[str], site: str | None
) -> None:
    rules = site_engine.rules
    admitted = rules.site_gate.admit(keys, site=site)
    for scope in (Scope.LINE, Scope.BLOCK_START):
        matcher = rules.site_matchers[scope]
        everything = tuple(range(len(matcher.rules)))
        for index, key in enumerate(keys):
            matcher._memo.clear()
            through_table = matcher.first(key, admitted[scope].get(index, ()), site)
            matcher._memo.clear()
            assert through_table == matcher.first(key, everything, site), (scope, key, site)


@settings(max_examples=100, deadline=None)
@given(documents(st.one_of(KEYS, LINE, st.sampled_from(STORIES))))
def test_cleaning_with_a_site_pack_is_idempotent_and_replayable(
    site_engine: cleaner.Cleaner, text: str
) -> None:
    url = "https://example.com/a"
    once = site_engine.clean(text, url=url)
    assert site_engine.clean(once.text, url=url).text == once.text
    assert cleaner.replay(text, once.removed) == once.text
