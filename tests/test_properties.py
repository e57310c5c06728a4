"""Properties that hold for any input: no exception, only removes, idempotent, deterministic."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.pipeline.render import render
from cleaner.text.normalize import normalize

from .strategies import PROSE, TOKEN_ON_JUNK, documents, page_dumps

TEXTS = st.one_of(documents(), st.text())
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


def assert_trail_replays(text: str, article: cleaner.Article) -> None:
    """Each removal names the text at its offsets, in order; replaying them gives the body."""
    previous_end = 0
    for removal in article.removed:
        assert text[removal.start : removal.end] == removal.text
        assert removal.start >= previous_end
        previous_end = removal.end
    assert cleaner.replay(text, article.removed) == article.text


@SETTINGS
@given(TEXTS)
def test_body_lines_are_input_lines_in_order(text: str) -> None:
    article = cleaner.clean(text, mode="text")
    inline = [r for r in article.removed if "\n" not in r.text and r.rule.startswith("AD0")]
    source_lines = [line for line in normalize(render(text, inline)).split("\n") if line]
    body_lines = article.text.split("\n\n") if article.text else []
    assert is_subsequence(body_lines, source_lines)


@SETTINGS
@given(TEXTS)
def test_cleaning_is_idempotent(text: str) -> None:
    once = cleaner.clean(text, mode="text").text
    assert cleaner.clean(once, mode="text").text == once


@settings(max_examples=50, deadline=None)
@given(TOKEN_ON_JUNK)
@example(f"{PROSE[0]}\n\n{{mosads}}Sign up for our daily newsletter!")
def test_cleaning_is_idempotent_with_a_token_on_a_junk_line(line: str) -> None:
    text = f"{PROSE[0]}\n\n{line}\n\n{PROSE[3]}"
    once = cleaner.clean(text, mode="text").text
    assert cleaner.clean(once, mode="text").text == once


@SETTINGS
@given(TEXTS)
def test_cleaning_is_deterministic(text: str) -> None:
    first = cleaner.clean(text, mode="text")
    second = cleaner.Cleaner().clean(text, mode="text")
    assert first == second


@SETTINGS
@given(TEXTS)
def test_removals_point_at_their_text_and_replay_to_the_body(text: str) -> None:
    assert_trail_replays(text, cleaner.clean(text, mode="text"))


@SETTINGS
@given(TEXTS)
def test_bytes_in_utf8_give_the_same_article(text: str) -> None:
    encoded = text.encode("utf-8", "surrogatepass")
    try:
        encoded.decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        from_bytes = cleaner.clean(encoded, mode="text").text
    except cleaner.DecodeError:  # refused as binary: it must really be mostly control bytes
        controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\x0c\x1b")
        assert "\x00" in text and controls / len(encoded) > 0.1
        return
    assert from_bytes == cleaner.clean(text, mode="text").text


@SETTINGS
@given(page_dumps())
def test_page_dumps_clean_idempotently_and_only_remove(text: str) -> None:
    """The line classifier runs on these (a page-like length and a long line)."""
    article = cleaner.clean(text, mode="text")
    assert cleaner.clean(article.text, mode="text").text == article.text
    inline = [r for r in article.removed if "\n" not in r.text and r.rule.startswith("AD0")]
    source_lines = [line for line in normalize(render(text, inline)).split("\n") if line]
    assert is_subsequence(article.text.split("\n\n") if article.text else [], source_lines)
    assert_trail_replays(text, article)
    assert cleaner.clean(text, mode="text") == article


def test_every_aeb_dev_page_dump_cleans_idempotently(bench_dir: Path) -> None:
    """Real page dumps, with the region, the comment threads and the zones: a second
    cleaning of each cleaned dump changes nothing."""
    engine = cleaner.Cleaner(mode="text", explain=False)
    dumps = sorted((bench_dir / "text").glob("*.txt"))
    assert len(dumps) == 88
    for path in dumps:
        once = engine.clean(path.read_text("utf-8")).text
        assert engine.clean(once).text == once, path.name
