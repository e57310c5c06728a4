"""The public API: result types, options, bytes input, batches."""

from __future__ import annotations

import json
import pickle

import pytest

import cleaner
from cleaner import Article, Category, Cleaner, Metadata, Removal

SEED_LIKE = (
    "By Jane Doe\n\n8 min read\n\n"
    "The council approved the budget on Monday after a long and heated debate.\n\n"
    "Sign up for our daily newsletter!\n\n"
    "Councillors will meet again in March to review spending.\n\n"
    "© 2024 Example Media Ltd. All rights reserved."
)


def test_clean_returns_body_metadata_and_trail() -> None:
    article = cleaner.clean(SEED_LIKE)
    assert isinstance(article, Article)
    assert article.text == (
        "The council approved the budget on Monday after a long and heated debate.\n\n"
        "Councillors will meet again in March to review spending."
    )
    assert article.metadata.authors == ["Jane Doe"]
    assert article.metadata.reading_time == 8
    assert article.metadata.copyright == "Example Media Ltd."
    assert [r.category for r in article.removed] == ["header", "header", "newsletter", "copyright"]
    assert all(isinstance(r, Removal) for r in article.removed)


def test_to_dict_is_json_safe_and_complete() -> None:
    data = cleaner.clean(SEED_LIKE).to_dict()
    again = json.loads(json.dumps(data))
    assert again["text"].startswith("The council")
    assert set(Metadata.field_names()) <= set(again["metadata"])
    assert again["removed"][0] == {
        "category": "header",
        "rule": "HDR002",
        "text": "By Jane Doe",
        "start": 0,
        "end": 11,
        "reason": again["removed"][0]["reason"],
    }


def test_bytes_are_decoded_whatever_the_encoding() -> None:
    text = "Le café a fermé après une longue grève des employés, selon la direction."
    for encoding in ("utf-8", "utf-16", "cp1252", "latin-1"):
        assert cleaner.clean(text.encode(encoding)).text == text


def test_undecodable_binary_is_a_clear_error() -> None:
    with pytest.raises(cleaner.DecodeError, match="binary"):
        cleaner.clean(bytes(range(256)) * 40)


def test_empty_and_blank_inputs_give_empty_articles() -> None:
    for text in ("", "   ", "\n\n\t\n", b""):
        article = cleaner.clean(text)
        assert (article.text, article.removed) == ("", ())


def test_explain_false_drops_the_trail_but_not_the_cleaning() -> None:
    article = cleaner.clean(SEED_LIKE, explain=False)
    assert article.removed == ()
    assert "newsletter" not in article.text


def test_unknown_option_and_bad_mode_are_errors() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        cleaner.clean("x", colour="red")
    with pytest.raises(ValueError, match="mode"):
        cleaner.clean("x", mode="pdf")
    with pytest.raises(ValueError, match="html_focus"):
        cleaner.clean("x", html_focus="fast")


def test_clean_many_keeps_order_and_can_return_errors() -> None:
    texts: list[str | bytes] = [SEED_LIKE, bytes(range(256)) * 40, "Plain text stays as it is."]
    results = list(Cleaner().clean_many(texts, return_exceptions=True))
    assert isinstance(results[0], Article) and results[0].text.startswith("The council")
    assert isinstance(results[1], cleaner.DecodeError)
    assert isinstance(results[2], Article) and results[2].text == "Plain text stays as it is."


def test_clean_many_in_processes_equals_one_process_in_order() -> None:
    texts: list[str | bytes] = [SEED_LIKE, f"Advertisement\n\n{SEED_LIKE}", bytes(range(256)) * 40]
    texts += [
        f"Paragraph {i} of the report, which the committee read out in full." for i in range(70)
    ]
    engine = Cleaner(keep=["newsletter"])
    serial = list(engine.clean_many(texts, return_exceptions=True))
    parallel = list(engine.clean_many(texts, workers=2, return_exceptions=True))
    assert len(parallel) == len(texts)
    assert isinstance(parallel[2], cleaner.DecodeError)
    assert [r for i, r in enumerate(parallel) if i != 2] == [
        r for i, r in enumerate(serial) if i != 2
    ]
    assert "Sign up for our daily newsletter!" in parallel[0].text  # the options reach workers
    yielded = []
    with pytest.raises(cleaner.DecodeError):
        for article in engine.clean_many(texts, workers=2):
            yielded.append(article)
    assert yielded == serial[:2]  # as in one process: every result before the failure


def test_a_kept_category_keeps_its_inline_tokens() -> None:
    text = "The council met on Monday {mosads} to vote on the new budget.\n\n{mosads}"
    article = cleaner.clean(text, mode="text", keep=["ad"])
    assert (
        article.text == "The council met on Monday {mosads} to vote on the new budget.\n\n{mosads}"
    )
    assert article.removed == ()
    assert cleaner.replay(text, article.removed) == article.text


def test_articles_pickle_to_equal_articles() -> None:
    article = cleaner.clean(SEED_LIKE, url="https://example.com/a")
    again = pickle.loads(pickle.dumps(article))
    assert again == article
    assert again.metadata.sources == article.metadata.sources


def test_cleaner_with_kept_category_and_custom_options() -> None:
    kept = Cleaner(keep=[Category.NEWSLETTER]).clean(SEED_LIKE)
    assert "Sign up for our daily newsletter!" in kept.text
    assert "newsletter" not in {r.category for r in kept.removed}


def test_removed_by_category_counts() -> None:
    assert cleaner.clean(SEED_LIKE).removed_by_category() == {
        "header": 2,
        "newsletter": 1,
        "copyright": 1,
    }


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"html_focus": "bogus"}, "html_focus"),
        ({"mode": "pdf"}, "mode"),
        ({"regex_timeout": -1}, "regex_timeout"),
        ({"regex_timeout": 0}, "regex_timeout"),
        ({"regex_timeout": "fast"}, "regex_timeout"),
        ({"keep": ["nonsense"]}, "unknown category"),
        ({"explain": "yes"}, "explain"),
    ],
)
def test_a_config_is_checked_however_it_is_made(options: dict[str, object], named: str) -> None:
    for make in (cleaner.CleanerConfig, cleaner.CleanerConfig.build):
        with pytest.raises(ValueError, match=named):
            make(**options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=named):
        cleaner.CleanerConfig().with_options(**options)


def test_config_values_come_out_in_their_checked_form() -> None:
    config = cleaner.CleanerConfig(mode="html", html_focus="recall", keep=["ad"], rules="a.toml")  # type: ignore[arg-type]
    assert config.mode is cleaner.Mode.HTML and config.html_focus is cleaner.HtmlFocus.RECALL
    assert config.keep == frozenset({Category.AD}) and config.rules == ("a.toml",)
    assert hash(config) == hash(
        cleaner.CleanerConfig.build(mode="html", html_focus="recall", keep=["ad"], rules=["a.toml"])
    )


def test_a_page_nested_too_deep_for_the_parser_falls_back_and_says_so() -> None:
    article = cleaner.clean("<div>" * 100_000 + "The council met on Monday to vote on the budget.")
    assert article.text == "The council met on Monday to vote on the budget."
    assert article.warning_codes() == ("html-unparsed",)
    assert "visible text" in article.warnings[0]
    bare = cleaner.clean("<div>" * 100_000 + "x")  # the acceptance's page: a result, a warning
    assert bare.mode == "html" and bare.warning_codes() == ("html-unparsed",)


def test_a_page_without_main_content_falls_back_and_says_so() -> None:
    article = cleaner.clean("<html><body><div></div></body></html>")
    assert article.warning_codes() == ("html-fallback",)


def test_a_guessed_charset_is_a_warning_and_utf8_is_not() -> None:
    text = "Le café a fermé après une longue grève des employés, selon la direction."
    guessed = cleaner.clean(text.encode("cp1252"))
    assert guessed.text == text and guessed.warning_codes() == ("charset-guessed",)
    assert "cp1252" in guessed.warnings[0]
    for encoding in ("utf-8", "utf-16"):
        assert cleaner.clean(text.encode(encoding)).warnings == ()
    assert cleaner.clean(text).warnings == ()
