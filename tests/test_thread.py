"""The comment thread under an article goes from its heading on; a forum's posts stay."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.pipeline.stages.thread import MIN_ARTICLE_WORDS, THREAD_REASON
from cleaner.text.features import word_count

from .test_region import ENGLISH_ARTICLE as ARTICLE
from .test_region import ENGLISH_PAGE

COMMENTS = [
    "Frank",
    "2 days ago at 07:52 am",
    "I have lived in this city for forty years and I have never seen a budget that cared so "
    "little about the people who actually pay for it.",
    "Rating: 36 Votes",
    "Maria",
    "2 days ago at 08:10 am",
    "Thanks for the detailed report, it is good to finally read what the money is spent on.",
]


def clean(lines: list[str], **options: object) -> cleaner.Article:
    return cleaner.clean("\n".join(lines), mode="text", **options)  # type: ignore[arg-type]


def body(lines: list[str]) -> str:
    return "\n\n".join(lines)


def test_the_article_is_long_enough_to_have_a_thread() -> None:
    assert sum(word_count(line) for line in ARTICLE) >= MIN_ARTICLE_WORDS


@pytest.mark.parametrize(
    "heading",
    [
        "[ 167 comments ]",
        "Top Rated Comments",
        "3 thoughts on “Council approves new budget”",
        "Leave a Reply",
        "12 Kommentare",
        "Schreibe einen Kommentar",
        "Commentaires (4)",
        "Deja un comentario",
        "Lascia un commento",
        "Komentarze",
    ],
)
def test_comments_under_the_article_go_with_their_heading(heading: str) -> None:
    article = clean([*ARTICLE, heading, *COMMENTS], explain=True, find_article=False)
    assert article.text == body(ARTICLE)
    thread = [r for r in article.removed if r.reason == THREAD_REASON]
    assert thread, "the thread is in the trail"
    assert all(r.category == "comments" for r in thread)
    assert COMMENTS[2] in "".join(r.text for r in thread)


def test_the_trail_gives_the_heading_rule_and_the_spans() -> None:
    text = "\n".join([*ARTICLE, "12 Comments", *COMMENTS])
    article = cleaner.clean(text, mode="text", explain=True, find_article=False)
    heading = next(r for r in article.removed if r.text == "12 Comments")
    thread = [r for r in article.removed if r.reason == THREAD_REASON]
    assert {r.rule for r in thread} == {heading.rule}
    for removal in thread:
        assert text[removal.start : removal.end] == removal.text
        assert removal.start > heading.end


def test_a_heading_above_little_prose_keeps_what_follows() -> None:
    """A forum thread: a short first post, then the replies, which are the page."""
    post = ["Has anyone tried the new bus routes yet? Are they any faster in the morning?"]
    article = clean([*post, "12 Comments", *COMMENTS], find_article=False)
    assert COMMENTS[2] in article.text and COMMENTS[-1] in article.text
    assert "12 Comments" not in article.text


def test_a_heading_repeated_below_heads_each_item_and_keeps_them() -> None:
    """'6 Comments' under each post of a question page: per-post comment counts."""
    answer = "You can take the river road; the new cycle lane opened last week and it is fast."
    lines = [*ARTICLE, "6 Comments", *COMMENTS[:4], answer, "3 Comments", *COMMENTS[4:]]
    article = clean(lines, find_article=False)
    assert answer in article.text
    assert "6 Comments" not in article.text and "3 Comments" not in article.text


def test_a_bare_reply_or_said_line_is_not_a_thread_heading() -> None:
    lines = [*ARTICLE, "Reply", "The minister said:", *COMMENTS[2:3]]
    assert COMMENTS[2] in clean(lines, find_article=False).text


@pytest.mark.parametrize(
    "dateline",
    [
        "Thursday, November 9, 2023 4:41AM",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Wien - Mittwoch, 02.02.2022, 11:17 Uhr",
        "von Anja Beispiel am 14. Mai 2014, 15:40 Uhr",
    ],
)
def test_a_dateline_with_a_time_is_no_comment_header(dateline: str) -> None:
    """A weekday, a place or a byline before the date and time makes a dateline, not a
    comment's header: the article under it is not read as a thread."""
    page = [ENGLISH_PAGE[0], *ENGLISH_PAGE[2:10], dateline, *ARTICLE, *ENGLISH_PAGE[-4:]]
    article = clean(page)
    assert article.text == body(ARTICLE)
    assert dateline not in article.text
    assert not [r for r in article.removed if r.category == "comments"]


def test_a_page_dump_keeps_the_article_without_its_thread() -> None:
    article = clean([*ARTICLE, "Top Rated Comments", *COMMENTS])
    assert article.text == body(ARTICLE)


def test_cleaning_a_cleaned_thread_page_changes_nothing() -> None:
    once = clean([*ARTICLE, "Top Rated Comments", *COMMENTS]).text
    assert cleaner.clean(once, mode="text").text == once


def test_keep_comments_keeps_the_thread() -> None:
    article = clean([*ARTICLE, "12 Comments", *COMMENTS], keep=["comments"], find_article=False)
    assert COMMENTS[2] in article.text


HEADINGS = [
    "12 Comments",
    "6 Comments",
    "Comments",
    "Top Rated Comments",
    "Leave a Reply",
    "Kommentare (3)",
    "3 Gedanken zu „Haushalt“",
    "Laisser un commentaire",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from([*ARTICLE, *COMMENTS, *HEADINGS]), min_size=1, max_size=30),
    st.booleans(),
)
def test_cleaning_pages_with_thread_headings_is_idempotent(lines: list[str], region: bool) -> None:
    """Headings anywhere, repeated or not, above more or less prose: a second cleaning
    changes nothing, and the body's lines are the input's, in order."""
    once = clean(lines, find_article=region).text
    assert clean(once.split("\n\n"), find_article=region).text == once
    it = iter(lines)
    assert all(any(line == source for source in it) for line in once.split("\n\n") if line)
