"""The article-extraction benchmark metric: 4-token shingles, per-page fractions, mean P and R."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

TOKEN = regex.compile(r"\w+")


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
    """
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < n:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


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


def page_counts(truth: str, prediction: str) -> PageScore:
    """Score one page.

    >>> page_counts("a b c d e", "a b c d").recall
    0.5
    """
    true, pred = shingles(truth), shingles(prediction)
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
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def corpus_score(pairs: Iterable[tuple[str, str]]) -> CorpusScore:
    """Score (truth, prediction) pairs the benchmark's way.

    >>> round(corpus_score([("a b c d e", "a b c d"), ("x y", "x y")]).f1, 3)
    0.857
    """
    precisions: list[float] = []
    recalls: list[float] = []
    pages = 0
    for truth, prediction in pairs:
        pages += 1
        score = page_counts(truth, prediction)
        perfect = score.fp == 0 and score.fn == 0
        if score.tp + score.fp > 0 or perfect:
            precisions.append(score.precision)
        if score.tp + score.fn > 0 or perfect:
            recalls.append(score.recall)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return CorpusScore(precision, recall, pages)
