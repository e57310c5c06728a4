"""Properties of HTML and auto mode over generated tag soup and article pages.

HTML mode extracts text (trafilatura, or the page's visible text when that finds no body)
and runs the text rules over it; ``Removal`` offsets refer to that extracted text. The
tests read it with a ``Cleaner`` that records what its text pipeline is given, so "it only
removes" and "offsets point at their text" are checked against the text the rules saw.
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.api import cached_cleaner
from cleaner.config import CleanerConfig, HtmlFocus
from cleaner.html import extract_page
from cleaner.inputs import looks_like_html
from cleaner.pipeline.render import render
from cleaner.rules import Scope, builtin_packs
from cleaner.text.normalize import normalize

from .strategies import documents, html_documents
from .test_properties import assert_trail_replays, is_subsequence

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKEN_RULES = {r.id for pack in builtin_packs() for r in pack.rules if r.scope is Scope.TOKEN}
# Elements htmldate's find_date drops from its copy of the tree (its CLEANING_LIST, then
# script and style): when the parsed page's root is one of them, lxml's drop_tree() fails
# an assertion. clean() must still give a result (the extractor's failures are contained).
DROPPED_BY_HTMLDATE = {
    "applet", "audio", "canvas", "datalist", "embed", "frame", "frameset", "iframe", "label",
    "map", "math", "noframes", "object", "picture", "rdf", "svg", "track", "video", "script",
    "style",
}  # fmt: skip


def root_is_dropped_by_htmldate(page: str) -> bool:
    """True for a page whose parsed root htmldate would drop (its lxml assertion fails)."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(page)
    except Exception:
        return False
    return tree is not None and tree.tag in DROPPED_BY_HTMLDATE


def safe_pages() -> st.SearchStrategy[str]:
    """Generated pages, those whose root htmldate drops included."""
    return html_documents()


def extracted(page: str) -> tuple[cleaner.Article, str, bool]:
    """The HTML-mode article, the text the rules saw and whether the region was looked for
    (only in the visible text of a whole page). One engine for all examples (building one
    compiles every rule pack); `test_html_cleaning_is_deterministic` builds fresh ones."""
    text, article = cached_cleaner(CleanerConfig.build()).clean_with_text(page, mode="html")
    extraction = extract_page(page, url=None, focus=HtmlFocus.BALANCED)
    assert extraction.text == text  # the default setting's extraction is what the rules read
    return article, text, extraction.whole_page


def letters(text: str) -> str:
    """Letters and digits only, decomposed (no accents, no markup punctuation)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if ch.isalnum())


@SETTINGS
@given(safe_pages())
def test_html_mode_only_removes_from_the_extracted_text(page: str) -> None:
    article, text, _ = extracted(page)  # bad HTML gives a best-effort result, never a crash
    assert article.mode == "html"
    inline = [r for r in article.removed if r.rule in TOKEN_RULES]
    source_lines = [line for line in normalize(render(text, inline)).split("\n") if line]
    body_lines = article.text.split("\n\n") if article.text else []
    assert is_subsequence(body_lines, source_lines)


@SETTINGS
@given(safe_pages())
def test_html_removals_point_into_the_extracted_text(page: str) -> None:
    article, text, _ = extracted(page)
    assert_trail_replays(text, article)


@SETTINGS
@given(safe_pages())
def test_html_body_invents_no_text(page: str) -> None:
    """Each paragraph's letters are letters of the page (entities decoded, tags kept).

    Not always in the page's order: on misnested markup (``<p><a><div>0<article>...``)
    trafilatura can put the text that follows an element after that element's text. The
    cleaner's own order guarantee is relative to the extracted text
    (`test_html_mode_only_removes_from_the_extracted_text`).
    """
    article = cleaner.clean(page, mode="html")
    source = Counter(letters(html.unescape(page)))
    for paragraph in article.text.split("\n\n") if article.text else []:
        assert not Counter(letters(paragraph)) - source, paragraph


def test_a_misnested_page_gives_letters_of_the_page() -> None:
    page = (
        "<!DOCTYPE html><body><P><A><DIV>0<article><p>The council approved the budget on "
        "Monday after a long and heated debate.</p></article>"
    )
    source = Counter(letters(page))
    article = cleaner.clean(page, mode="html")
    assert "The council approved the budget" in article.text
    assert all(not Counter(letters(p)) - source for p in article.text.split("\n\n"))


@SETTINGS
@given(safe_pages())
def test_html_cleaning_is_deterministic(page: str) -> None:
    first = cleaner.clean(page, mode="html").to_dict()
    assert cleaner.clean(page, mode="html").to_dict() == first
    assert cleaner.Cleaner().clean(page, mode="html").to_dict() == first


@SETTINGS
@given(safe_pages())
def test_text_rules_leave_an_html_body_as_it_is(page: str) -> None:
    """The text pipeline, run again with the same options over the body, changes nothing."""
    article, _, find_article = extracted(page)
    again = cleaner.clean(article.text, mode="text", find_article=find_article)
    assert again.text == article.text


@SETTINGS
@given(st.one_of(safe_pages(), documents()))
def test_auto_mode_is_html_mode_exactly_when_the_input_looks_like_html(source: str) -> None:
    mode = "html" if looks_like_html(source) else "text"
    article = cleaner.clean(source)
    assert article.mode == mode
    assert article.to_dict() == cleaner.clean(source, mode=mode).to_dict()
    if source.lstrip().lower().startswith(("<!doctype html", "<html")):
        assert mode == "html"


@pytest.mark.parametrize(
    "source",
    [
        # Text: the junk line that hid the <html> start is removed, so the body starts with it.
        "Advertisement\n<html><body><p>The council approved the budget on Monday after a "
        "long and heated debate.</p></body></html>",
        # HTML: escaped tags in an article about HTML come out as tags.
        "<html><body><article><p>Use the &lt;p&gt; tag, then &lt;div&gt;, &lt;span&gt;, "
        "&lt;a&gt; and &lt;li&gt; to lay out the page, the guide says.</p></article></body></html>",
    ],
    ids=["text-body-starts-with-html", "html-body-with-escaped-tags"],
)
def test_a_body_that_looks_like_html_is_stable_when_cleaned_again_as_text(source: str) -> None:
    """A body is text: cleaning it again as text changes nothing, markup in it or not."""
    once = cleaner.clean(source).text
    assert "<" in once
    assert cleaner.clean(once, mode="text").text == once


@pytest.mark.parametrize(
    "page",
    [
        "<svg><p><p>",
        "<math><p><p>",
        "<video><p><p>",
        "<body><html><script>x",
        "<body><svg><article><p>The council approved the budget on Monday after a long and "
        "heated debate.</p></article><p>Unfinished <b>tag",
    ],
)
def test_a_page_whose_root_htmldate_drops_gives_a_result(page: str) -> None:
    if not root_is_dropped_by_htmldate(page):  # the input must still exercise that case
        pytest.fail("the page no longer parses to a root that htmldate drops")
    assert isinstance(cleaner.clean(page, mode="html").text, str)
