"""Cheap per-line features: does a line read like prose, a headline or a person's name?"""

from __future__ import annotations

from functools import lru_cache

import regex

# Line tests compare word counts with small thresholds, so they read at most this much.
SCAN_CHARS = 1000
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*+")
# Scripts written without spaces between words: there a word is counted per this many
# characters (Chinese and Japanese words average about two characters; Thai, Lao, Khmer
# and Burmese words about four), so the word-count tests read their lines as other
# scripts' lines of the same content.
SPACELESS_RUNS = (
    (regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+"), 2),
    (regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+"), 4),
)
SPACELESS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# A line ends like a sentence with one of these marks, maybe followed by closing quotes or
# brackets, or with a closing quote.
SENTENCE_MARKS = frozenset(".!?…:;。！？")
CLOSERS = "\"'”’»)]"
CLOSING_QUOTES = ('"', "”", "»")
# Words are separated by at least one other character, so n words need 2n - 1 characters.
PROSE_WORDS = 25
SENTENCE_WORDS = 8
NAME_WORD = regex.compile(
    r"\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*|\p{Lu}\.|(?:Mc|Mac|O’|O')\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+"
)
NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "der",
        "den",
        "van",
        "von",
        "di",
        "du",
        "dos",
        "la",
        "le",
        "bin",
        "al",
        "ter",
        "y",
    }
)


def word_count(text: str) -> int:
    """Number of words (runs of letters and digits); in scripts written without spaces,
    a word per `SPACELESS_RUNS` characters.

    >>> word_count("It’s 8:30 — U.S. time."), word_count("市议会周一批准了预算。")
    (5, 5)
    """
    if text.isascii() or SPACELESS.search(text) is None:
        return len(WORD.findall(text))
    words = 0
    for pattern, chars in SPACELESS_RUNS:
        words += sum(-(-len(run) // chars) for run in pattern.findall(text))
        text = pattern.sub(" ", text)
    return words + len(WORD.findall(text))


def has_words(text: str, count: int, end: int | None = None) -> bool:
    """``word_count(text[:end]) >= count`` (``count`` at least 0), reading no further than
    the count-th word: a threshold test on a long line stops early.

    >>> has_words("It’s 8:30 — U.S. time.", 5), has_words("It’s 8:30 — U.S. time.", 6)
    (True, False)
    """
    if not text.isascii() and SPACELESS.search(text, 0, end) is not None:
        return word_count(text[:end]) >= count
    return _words(count).match(text, 0, end) is not None


@lru_cache(maxsize=64)
def _words(count: int) -> regex.Pattern[str]:
    """A pattern that matches the text up to its ``count``-th word, as `WORD` finds words."""
    return regex.compile(rf"(?:[^\p{{L}}\p{{N}}]*+{WORD.pattern}){{{count}}}")


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (., !, ?, … or a closing quote).

    >>> ends_sentence("He left."), ends_sentence("Most Popular")
    (True, False)
    """
    return text.endswith(CLOSING_QUOTES) or text.rstrip(CLOSERS)[-1:] in SENTENCE_MARKS


def is_prose(text: str) -> bool:
    """A line that reads like a paragraph of running text.

    >>> is_prose("The minister said on Tuesday that talks would resume next week.")
    True
    >>> is_prose("Treasury amends Russian sanctions to allow US tech exports")
    False
    """
    least = SENTENCE_WORDS if ends_sentence(text) else PROSE_WORDS
    return len(text) >= 2 * least - 1 and has_words(text, least, SCAN_CHARS)


def is_headline(text: str) -> bool:
    """A short line that could be a title or teaser headline (3 to 30 words)."""
    words = word_count(text[:SCAN_CHARS])
    return 3 <= words <= 30 and not text.endswith(":")


def is_person_name(text: str) -> bool:
    """A line that is only a person's name: 2 to 5 capitalised words.

    >>> is_person_name("Nahal Toosi"), is_person_name("Read more")
    (True, False)
    >>> is_person_name("Jean-Luc de la Tour")
    True
    """
    parts = text.split()
    if not 2 <= len(parts) <= 5:
        return False
    capitalised = 0
    for part in parts:
        if NAME_WORD.fullmatch(part):
            capitalised += 1
        elif part.lower() not in NAME_PARTICLES:
            return False
    return capitalised >= 2
