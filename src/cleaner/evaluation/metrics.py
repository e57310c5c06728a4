"""The benchmark metrics, as the benchmarks define them.

- Shingle F1 (the article-extraction benchmark's): 4-token shingles, per-page fractions,
  mean precision and recall over pages, F1 of the two means. Case-sensitive.
- Word F1 (WCXB's): lower-cased ``\\w+`` words as multisets, F1 per page, mean over pages.
- Segments F1 (trafilatura's corpus): ``with`` / ``without`` snippets found in the output
  (whitespace folded, case-sensitive), counts summed over pages.
- Snippet rates: per page, the share of ``with`` snippets found and of ``without`` snippets
  found; each the mean over the pages that have any.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

TOKEN = regex.compile(r"\w+")
# WCXB's evaluation tokenizes with the standard library's re, whose \w differs from the
# regex module's on combining marks (Devanagari vowel signs split re's words).
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


# Shingle F1 ------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Unicode word tokens.

    >>> tokens("It’s 8:30!")
    ['It', 's', '8', '30']
    """
    return [str(t) for t in TOKEN.findall(text)]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Token n-grams as a multiset; fewer than n tokens make one shingle, none make none.

    >>> shingles("a b c") == Counter({("a", "b", "c"): 1})
    True
    >>> shingles("")
    Counter()
    """
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(zip(*(words[i:] for i in range(n)), strict=False))


@dataclass(frozen=True, slots=True)
class PageScore:
    """tp, fp and fn of one page, as fractions of their sum."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when fp and fn are both 0, 0 when tp and fp are both 0."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when fp and fn are both 0."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The page's own F1 (for ranking pages; the corpus F1 is made from the means).

        >>> page_counts("a b c d e", "a b c d").f1
        0.6666666666666666
        """
        return _f1(self.precision, self.recall)


def page_counts(truth: str, prediction: str) -> PageScore:
    """Score one page.

    >>> page_counts("a b c d e", "a b c d").recall
    0.5
    >>> page_counts("", "").precision, page_counts("a b", "").precision
    (1.0, 0.0)
    """
    return compare_shingles(shingles(truth), shingles(prediction))


def compare_shingles(true: Counter[tuple[str, ...]], pred: Counter[tuple[str, ...]]) -> PageScore:
    """Score one page from its shingle multisets (to reuse the truth's over many outputs).

    >>> compare_shingles(shingles("a b c d e"), shingles("a b c d")) == page_counts(
    ...     "a b c d e", "a b c d")
    True
    """
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Mean precision and recall over pages, and their F1."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        """2PR / (P + R)."""
        return _f1(self.precision, self.recall)


def corpus_score(pairs: Iterable[tuple[str, str]]) -> CorpusScore:
    """Score (truth, prediction) pairs the benchmark's way.

    >>> round(corpus_score([("a b c d e", "a b c d"), ("x y", "x y")]).f1, 3)
    0.857
    """
    return corpus_from_pages(page_counts(truth, prediction) for truth, prediction in pairs)


def corpus_from_pages(scores: Iterable[PageScore]) -> CorpusScore:
    """Mean P over pages with tp + fp > 0, mean R over pages with tp + fn > 0 (a page whose
    fp and fn are both 0 counts in both).

    >>> s = corpus_from_pages([PageScore(0.5, 0.5, 0.0), PageScore(0.0, 0.0, 0.0)])
    >>> s.precision, s.recall, s.pages
    (0.75, 1.0, 2)
    """
    precisions: list[float] = []
    recalls: list[float] = []
    pages = 0
    for score in scores:
        pages += 1
        perfect = score.fp == 0 and score.fn == 0
        if score.tp + score.fp > 0 or perfect:
            precisions.append(score.precision)
        if score.tp + score.fn > 0 or perfect:
            recalls.append(score.recall)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return CorpusScore(precision, recall, pages)


# Word F1 ---------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """WCXB's words: the text lower-cased, then ``\\w+`` (standard library ``re``).

    >>> words("It’s 8:30, Ça va!")
    ['it', 's', '8', '30', 'ça', 'va']
    """
    return WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class WordScore:
    """Word precision, recall and F1 of one page."""

    precision: float
    recall: float
    f1: float


def word_score(truth: str, prediction: str) -> WordScore:
    """WCXB's per-page score: multiset word overlap over predicted and over true words.

    An empty reference scores 1 if the prediction is empty too, else 0; an empty
    prediction scores 0.

    >>> word_score("The cat sat", "the cat ran away")
    WordScore(precision=0.5, recall=0.6666666666666666, f1=0.5714285714285715)
    >>> word_score("", ""), word_score("", "x").f1, word_score("x", "").f1
    (WordScore(precision=1.0, recall=1.0, f1=1.0), 0.0, 0.0)
    """
    return compare_words(Counter(words(truth)), Counter(words(prediction)))


def compare_words(true: Counter[str], pred: Counter[str]) -> WordScore:
    """Score one page from its word multisets (to reuse the truth's over many outputs).

    >>> compare_words(Counter(words("a b")), Counter(words("A c"))).f1
    0.5
    """
    true_total, pred_total = sum(true.values()), sum(pred.values())
    if not true_total:
        return WordScore(1.0, 1.0, 1.0) if not pred_total else WordScore(0.0, 0.0, 0.0)
    if not pred_total:
        return WordScore(0.0, 0.0, 0.0)
    overlap = sum((true & pred).values())
    precision, recall = overlap / pred_total, overlap / true_total
    return WordScore(precision, recall, _f1(precision, recall))


def mean_word_f1(pairs: Iterable[tuple[str, str]]) -> float:
    """The mean of per-page word F1 over (truth, prediction) pairs (0 for no pairs).

    >>> mean_word_f1([("a b", "a b"), ("a b", "")])
    0.5
    """
    scores = [word_score(truth, prediction).f1 for truth, prediction in pairs]
    return sum(scores) / len(scores) if scores else 0.0


# Snippets and segments F1 ----------------------------------------------------------------


def fold_whitespace(text: str) -> str:
    """Runs of whitespace as one space, ends stripped (trafilatura's evaluation).

    >>> fold_whitespace("  a\\n\\n b\\tc ")
    'a b c'
    """
    return SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class SnippetHits:
    """How many of a page's ``with`` and ``without`` snippets an output contains."""

    with_found: int = 0
    with_total: int = 0
    without_found: int = 0
    without_total: int = 0

    @property
    def with_rate(self) -> float | None:
        """Share of ``with`` snippets found; None for a page without any."""
        return self.with_found / self.with_total if self.with_total else None

    @property
    def without_rate(self) -> float | None:
        """Share of ``without`` snippets found (left in); None for a page without any."""
        return self.without_found / self.without_total if self.without_total else None

    @property
    def segments(self) -> Segments:
        """The page's segment counts: found ``with`` are tp, found ``without`` fp."""
        return Segments(
            tp=self.with_found,
            fp=self.without_found,
            fn=self.with_total - self.with_found,
            tn=self.without_total - self.without_found,
        )


def snippet_hits(
    output: str, with_: Sequence[str], without: Sequence[str], *, case_sensitive: bool
) -> SnippetHits:
    """Count the snippets found in ``output``.

    Case-sensitive matching is trafilatura's: snippets and output are whitespace-folded,
    then tested for containment. Case-insensitive matching is WCXB's: both are
    lower-cased and tested as they are.

    >>> snippet_hits("Le  chat\\ndort.", ["chat dort"], ["Le"], case_sensitive=True)
    SnippetHits(with_found=1, with_total=1, without_found=1, without_total=1)
    >>> snippet_hits("Le chat dort.", ["CHAT dort", "chien"], ["le"], case_sensitive=False)
    SnippetHits(with_found=1, with_total=2, without_found=1, without_total=1)
    >>> snippet_hits("Le chat dort.", ["CHAT dort"], ["le"], case_sensitive=True).with_rate
    0.0
    """
    if case_sensitive:
        text = fold_whitespace(output)
        found = [fold_whitespace(s) in text for s in with_]
        left = [fold_whitespace(s) in text for s in without]
    else:
        text = output.lower()
        found = [s.lower() in text for s in with_]
        left = [s.lower() in text for s in without]
    return SnippetHits(sum(found), len(found), sum(left), len(left))


@dataclass(frozen=True, slots=True)
class SnippetRates:
    """Mean ``with`` and ``without`` rates over the pages that have such snippets."""

    with_kept: float | None
    without_left: float | None
    with_pages: int
    without_pages: int


def snippet_rates(hits: Iterable[SnippetHits]) -> SnippetRates:
    """Average the per-page rates, each over the pages that have snippets of its kind.

    >>> snippet_rates([SnippetHits(1, 2, 0, 1), SnippetHits(1, 1, 0, 0)])
    SnippetRates(with_kept=0.75, without_left=0.0, with_pages=2, without_pages=1)
    >>> snippet_rates([]).with_kept is None
    True
    """
    kept: list[float] = []
    left: list[float] = []
    for page in hits:
        if page.with_rate is not None:
            kept.append(page.with_rate)
        if page.without_rate is not None:
            left.append(page.without_rate)
    return SnippetRates(
        sum(kept) / len(kept) if kept else None,
        sum(left) / len(left) if left else None,
        len(kept),
        len(left),
    )


@dataclass(frozen=True, slots=True)
class Segments:
    """Segment counts (one page or summed over pages) and their scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Segments) -> Segments:
        return Segments(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 without a found snippet."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 without a ``with`` snippet."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """2PR / (P + R)."""
        return _f1(self.precision, self.recall)


def segments_score(pages: Iterable[Segments]) -> Segments:
    """Sum page counts; the corpus precision, recall and F1 come from the sums.

    >>> total = segments_score([Segments(2, 1, 0, 1), Segments(1, 0, 1, 2)])
    >>> total, round(total.f1, 3)
    (Segments(tp=3, fp=1, fn=1, tn=3), 0.75)
    """
    return sum(pages, Segments())
