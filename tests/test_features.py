"""Line features: the cheap tests agree with their plain definitions."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.pipeline.stages.teasers import MAX_HEADLINE_WORDS, is_teaser_item
from cleaner.text.features import SCAN_CHARS, ends_sentence, has_words, is_prose, word_count

# A line ends like a sentence when a mark, maybe followed by closers, or a closing quote
# ends it.
SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”»]$")
# Characters that decide sentence ends and word counts, and a few that do not.
LINE_CHARS = st.sampled_from(list("ab É9 .!?…:;\"'”’»)]-–|"))
# Lines of 0 to 40 words with the same characters between and after them: word counts
# around every threshold.
WORDY_LINES = st.builds(
    lambda words, ends: "".join(w + e for w, e in zip(words, ends, strict=False)),
    st.lists(st.sampled_from(["a", "Bé", "9", "x.y", "it’s", "–"]), max_size=40),
    st.lists(st.sampled_from([" ", " ", ", ", ". ", "|", '." ', "’"]), min_size=40, max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LINE_CHARS, max_size=120))
def test_ends_sentence_is_a_mark_and_closers_at_the_end(line: str) -> None:
    assert ends_sentence(line) == bool(SENTENCE_END.search(line))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LINE_CHARS, max_size=120))
def test_prose_is_eight_words_and_a_sentence_end_or_twenty_five_words(line: str) -> None:
    words = word_count(line[:SCAN_CHARS])
    assert is_prose(line) == (words >= 25 or (words >= 8 and ends_sentence(line)))


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=LINE_CHARS, max_size=120),
    st.integers(min_value=0, max_value=30),
    st.none() | st.integers(min_value=0, max_value=130),
)
def test_has_words_stops_at_the_count_but_agrees_with_the_count(
    line: str, count: int, end: int | None
) -> None:
    assert has_words(line, count, end) == (word_count(line[:end]) >= count)


@settings(max_examples=500, deadline=None)
@given(WORDY_LINES)
def test_a_teaser_item_is_a_short_line_that_is_not_a_sentence_of_prose(line: str) -> None:
    words = word_count(line)
    expected = words <= MAX_HEADLINE_WORDS and not (ends_sentence(line) and is_prose(line))
    assert is_teaser_item(line) == expected


@pytest.mark.parametrize("words", range(MAX_HEADLINE_WORDS - 2, MAX_HEADLINE_WORDS + 3))
def test_teaser_items_have_at_most_the_headline_words(words: int) -> None:
    heading = " ".join(["Word"] * words)
    assert is_teaser_item(heading) == (words <= MAX_HEADLINE_WORDS)
    assert not is_teaser_item(heading + ".")  # a sentence of prose


def test_prose_is_judged_on_its_first_characters() -> None:
    line = "six short words of a " + "x" * SCAN_CHARS + " and a sentence after it ends."
    assert word_count(line[:SCAN_CHARS]) == 6 and word_count(line) >= 12
    assert not is_prose(line)


def test_sentence_ends_and_prose() -> None:
    assert ends_sentence('He said "no."') and ends_sentence("(See below.)")
    assert not ends_sentence("Most Popular") and not ends_sentence("")
    assert is_prose("The council met on Monday to vote on the new budget plan.")
    assert not is_prose("Short line.")


def test_scripts_without_spaces_count_words_by_characters() -> None:
    from cleaner.text.features import has_words, is_prose, word_count

    chinese = "市议会在经过长时间的激烈辩论后于周一批准了预算，新的预算将于明年一月开始实施。"
    assert word_count(chinese) >= 15 and has_words(chinese, 15)
    assert is_prose(chinese)
    assert not is_prose("市议会批准预算")  # a short heading
    thai = "สภาเมืองอนุมัติงบประมาณเมื่อวันจันทร์หลังจากการอภิปรายที่ยาวนานและดุเดือด" * 2
    assert word_count(thai) >= 25 and is_prose(thai)
    assert word_count("Tokyo 東京 rises") == 3


def test_a_chinese_article_keeps_its_paragraphs() -> None:
    import cleaner

    body = (
        "市议会在经过长时间的激烈辩论后于周一批准了预算，新的预算将于明年一月开始实施。\n\n"
        "市长表示，这笔资金将主要用于修建学校、医院和公共交通设施，以改善居民的生活。"
    )
    article = cleaner.clean(body, mode="text")
    assert article.text == body
    assert article.metadata.language == "zh"
