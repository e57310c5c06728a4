"""Hostile text input: each case gives a clean result or a clear error, never a crash or a hang."""

from __future__ import annotations

import codecs

import pytest

import cleaner
from cleaner.text.normalize import char_map, normalize_line

ARTICLE = (
    "The council approved the budget on Monday after a long and heated debate.\n\n"
    "“We will not back down,” the mayor told reporters outside the town hall.\n"
)


@pytest.mark.parametrize("source", ["", " ", "\n\n\n", "\t \u00a0\u200b\n", b"", b"   \n"])
def test_empty_and_whitespace_only_give_an_empty_body(source: str | bytes) -> None:
    article = cleaner.clean(source)
    assert (article.text, article.removed, article.warnings) == ("", (), ())


def test_binary_bytes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(cleaner.DecodeError, match="binary"):
        cleaner.clean(b"\x00\x01\x02\x03PNG\x00\x00" * 1000)


def test_nul_and_control_characters_in_text_are_dropped() -> None:
    article = cleaner.clean("The council\x00 approved\x07 the budget on Monday after a debate.")
    assert article.text == "The council approved the budget on Monday after a debate."


def test_invalid_utf8_is_decoded_by_detection_not_refused() -> None:
    data = ARTICLE.encode("utf-8") + b"Caf\xe9 owners said the \x93rules\x94 were unfair to them.\n"
    text = cleaner.clean(data).text
    assert "The council approved the budget" in text
    assert "owners said the" in text


@pytest.mark.parametrize(
    "encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig", "utf-16-be", "utf-32"]
)
def test_legacy_and_bom_encodings_give_the_same_body(encoding: str) -> None:
    text = ARTICLE.replace("“", '"').replace("”", '"') + "Le café a fermé après la grève.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert cleaner.clean(data).text == cleaner.clean(text).text


def test_cp1252_smart_quotes_decode_as_quotes() -> None:
    data = "He said \u201cno\u201d to the plan on Monday, according to his aides.".encode("cp1252")
    assert cleaner.clean(data).text == "He said “no” to the plan on Monday, according to his aides."


def test_a_50_mb_single_line_is_kept_whole() -> None:
    line = "word " * 10_000_000
    article = cleaner.clean(line, mode="text")
    assert len(article.text) == len(line) - 1
    assert article.removed == ()


@pytest.mark.slow
def test_a_quarter_million_short_lines() -> None:
    lines = [f"Line {i} of a very long list" for i in range(250_000)]
    article = cleaner.clean("\n".join(lines), mode="text", find_article=False)
    assert article.text.count("\n\n") == len(lines) - 1
    assert article.text.endswith("Line 249999 of a very long list")


def test_lone_surrogates_and_odd_line_breaks_do_not_break_output() -> None:
    text = "First part\ud800 of text\u2028Second part\x85third part\r\nFourth part\rfifth part"
    body = cleaner.clean(text, mode="text").text
    body.encode("utf-8")
    assert body.split("\n\n") == [
        "First part of text",
        "Second part",
        "third part",
        "Fourth part",
        "fifth part",
    ]


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        cleaner.clean(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["{mosads}Cafe\u200b\u0301 is open again.", "{mosads}\u1100\u1161 The council met."],
    ids=["invisible-inside-accented-letter", "hangul-jamo"],
)
def test_tokens_are_cut_where_normalising_composes_letters(text: str) -> None:
    article = cleaner.clean(text, mode="text")
    assert "{mosads}" not in article.text and not article.warnings
    assert cleaner.replay(text, article.removed) == article.text
    assert cleaner.clean(article.text, mode="text").text == article.text


def test_a_page_with_a_long_run_without_spaces_reads_its_dates_in_one_pass() -> None:
    # The date reader looks for a written date in the page's visible text; its URL filter
    # once tried every character of a run without spaces as a start (minutes for this page).
    prose = "The council approved the budget on Monday after a long and heated debate. " * 6
    blob = "x" * 200_000
    page = (
        "<html><head><meta name='date' content='November 15, 2021'></head><body><article>"
        f"<p>{prose}</p><p>{blob}</p><p>{prose}</p><p>Published on November 15, 2021.</p>"
        "</article></body></html>"
    )
    article = cleaner.clean(page, mode="html")
    assert blob in article.text


@pytest.mark.parametrize(
    "raw",
    [
        "\u200d",
        " \u200c \u200d ",
        "Go on \u200c \u200c \u200c",
        "\u200dStart",
        "a\u200db \u200d",
        "x\u200b\u200c y",
    ],
)
def test_joiners_that_join_nothing_go_and_the_character_map_agrees(raw: str) -> None:
    text = normalize_line(raw)
    mapped, origin = char_map(raw)
    assert mapped == text
    assert all(raw[i] not in "\u200c\u200d" or 0 < i < len(raw) - 1 for i in origin)
    assert not text or (text[0] not in "\u200c\u200d" and text[-1] not in "\u200c\u200d")


def test_a_line_of_joiners_alone_is_blank_and_an_emoji_sequence_stays() -> None:
    prose = "The council met on Monday to vote on the new budget for the city, officials said."
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"{prose}\n\u200d\n{prose} {family}\n\u200c \u200c \u200c"
    article = cleaner.clean(text, mode="text")
    assert article.text == f"{prose}\n\n{prose} {family}"
    assert cleaner.clean(article.text, mode="text").text == article.text
