"""The report's pages (`cleaner.audit`): every removal one highlight, the kept text the body,
input text escaped, right-to-left text isolated, long documents in blocks."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Article, Metadata, Removal
from cleaner.audit import render_index, render_page
from cleaner.audit.marks import CHUNK, highlighted

from .report_dom import assert_page_shows, fold, read_page
from .strategies import documents, html_documents

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def page_of(source: str | bytes, **options: object) -> tuple[str, str, Article]:
    text, article = cleaner.Cleaner(**options).clean_with_text(source)  # type: ignore[arg-type]
    page, _ = render_page(text, article, name="doc", href="doc.html", describe={})
    return page, text, article


def hand_page(text: str, removed: list[Removal], body: str = "") -> str:
    article = Article(body, Metadata(), tuple(removed))
    return render_page(text, article, name="doc", href="doc.html", describe={})[0]


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_each_seed_removal_is_one_highlight_and_the_rest_is_the_body(name: str) -> None:
    page, _, article = page_of((SEEDS / name).read_bytes())
    assert article.removed
    shown = assert_page_shows(page, article)
    assert Counter(cat for cat, *_ in shown.trail()) == Counter(article.removed_by_category())


@SETTINGS
@given(st.one_of(documents(), st.text()))
def test_any_text_document_gives_one_highlight_per_removal(source: str) -> None:
    page, _, article = page_of(source, mode="text")
    assert_page_shows(page, article)
    for before, after in zip(article.removed, article.removed[1:], strict=False):
        assert before.end <= after.start  # the trail never overlaps, so no mark nests


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_any_html_document_gives_one_highlight_per_removal(source: str) -> None:
    page, text, article = page_of(source, mode="html")
    assert_page_shows(page, article)
    assert all(text[r.start : r.end] == r.text for r in article.removed)


def test_keep_leaves_a_category_unmarked() -> None:
    source = "Getty Images\n\nThe council met on Monday to vote on the new budget for roads."
    page, _, article = page_of(source, keep=["credit"])
    assert read_page(page).marked == []
    assert_page_shows(page, article)


def test_overlapping_removals_still_give_one_element_each() -> None:
    text = "Sign up now for the daily newsletter\n\nThe vote is on Monday."
    removed = [
        Removal("newsletter", "NEWS001", text[0:36], 0, 36),
        Removal("ad", "AD001", text[8:11], 8, 11),  # inside the first
        Removal("widget", "WID001", text[30:40], 30, 40),  # across its end
    ]
    page = read_page(hand_page(text, removed, "The vote is on Monday."))
    assert [a["data-rule"] for _, a in page.marked] == ["NEWS001", "AD001", "WID001"]


def test_markup_in_the_input_is_shown_as_text() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> & <b>bold</b>'
    text = f"{hostile}\n\nAdvertisement {hostile}\n\n</article></mark><style>*{{}}</style>"
    start = text.index("Advertisement")
    end = text.index("\n", start)
    removed = [Removal("ad", "X<1>", text[start:end], start, end, 'reason "quoted" <i>')]
    markup = hand_page(text, removed)
    page = read_page(markup)
    assert page.tags.isdisjoint({"script", "img", "b", "i"})
    assert markup.count("<style>") == 1 and markup.count("</article>") == 1
    assert "".join(page.inside) == text[start:end]
    assert fold("".join(page.outside)) == fold(hostile + " </article></mark><style>*{}</style>")
    assert page.marked[0][1]["data-rule"] == "X<1>"
    assert page.marked[0][1]["title"] == 'X<1> · ad: reason "quoted" <i>'


def test_control_characters_and_lone_surrogates_are_made_visible() -> None:
    text = "Bad\x00\x07\ud800\u202e line\r\n\nThe vote is on Monday."
    end = text.index("\r")
    markup = hand_page(text, [Removal("widget", "W", text[:end], 0, end)], "The vote is on Monday.")
    markup.encode("utf-8")  # no lone surrogate left
    page = read_page(markup)
    assert "".join(page.inside) == "Bad␀␇\ufffd line"
    assert page.kept() == "The vote is on Monday."


def test_right_to_left_text_is_isolated() -> None:
    source = (
        "اشترك في النشرة الإخبارية\n\n"
        "وافق المجلس على الميزانية يوم الاثنين بعد نقاش طويل حول الطرق والمدارس.\n\n"
        "Sign up for our daily newsletter!\n\n"
        "השר אמר ביום שני כי הממשלה תוריד את המסים בשנה הבאה, כך נמסר.\n"
    )
    page, _, article = page_of(source)
    assert_page_shows(page, article)
    assert '<article class="doc" dir="auto"' in page
    assert all('dir="auto"' in m for m in re.findall(r"<mark [^>]*>", page))
    assert "<h1><bdi>" in page
    assert "unicode-bidi:plaintext" in page


def test_the_pages_load_and_run_nothing() -> None:
    page, _, _ = page_of((SEEDS / "001_bd61e237c2cdf799.txt").read_bytes())
    summary = render_page("x", Article("x", Metadata()), name="a", href="a.html", describe={})[1]
    for markup in (page, render_index([summary], [("b.txt", "cannot read")])):
        dom = read_page(markup)
        assert dom.tags.isdisjoint({"script", "link", "iframe", "img", "object", "embed"})
        assert "Content-Security-Policy" in markup and "default-src 'none'" in markup
        assert not re.search(r"url\(|@import|javascript:", markup)
        for tag, name, value in dom.attributes:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert not re.match(r"[a-z]+:|//", value), value


def test_a_long_line_is_cut_into_blocks_and_a_long_removal_stays_one_mark() -> None:
    line = "word " * 500_000
    junk = "Oops! Something went wrong.\n" * 2000
    text = f"{junk}\n{line}\n"
    removed = [Removal("widget", "WID001", junk.rstrip("\n"), 0, len(junk) - 1)]
    started = time.perf_counter()
    markup = highlighted(text, removed)
    assert time.perf_counter() - started < 5
    blocks = re.findall(r'<span class="b">(.*?)</span>', markup, re.S)
    assert len(blocks) > len(text) // CHUNK
    assert max(len(b) for b in blocks) <= 2 * CHUNK
    assert markup.count("<mark ") == 1 and 'class="rm long' in markup
    page = read_page(f'<article class="doc">{markup}</article>')
    assert page.kept() == fold(line)


def test_the_index_charts_removed_characters_and_links_each_page() -> None:
    texts = [(SEEDS / p.name).read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    summaries = []
    for i, data in enumerate(texts):
        text, article = cleaner.Cleaner().clean_with_text(data)
        href = f"d/{i} a#b.txt.html"
        summaries.append(render_page(text, article, name=f"d/{i}", href=href, describe={})[1])
    markup = render_index(summaries, [("bad.txt", "undecodable: <binary>")])
    dom = read_page(markup)
    links = [v for tag, name, v in dom.attributes if tag == "a" and name == "href"]
    assert links == [f"d/{i}%20a%23b.txt.html" for i in range(len(texts))]
    chars = Counter[str]()
    for summary in summaries:
        chars.update(summary.chars)
    assert markup.count("<rect") == len(chars)
    for category, n in chars.items():
        assert f">{category}</text>" in markup and f"{n:,} (" in markup
    assert "undecodable: &lt;binary&gt;" in markup
