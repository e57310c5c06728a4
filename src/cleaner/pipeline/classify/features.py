"""What the line classifier reads of each line: its own shape, then its neighbourhood.

Every feature is language-free: lengths, punctuation, capitals, digits, list and link
shapes, the rules' labels, repetition and position. The local features of a line give a
first score; the context features describe the scores and the prose around each line
(windows of neighbours, the prose before and after it, the page as a whole). Each list of
names is the order of the values in a feature vector, and the model file names them too.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...categories import Category
from ...text.features import CLOSERS, CLOSING_QUOTES, SENTENCE_MARKS
from ..document import Label

# Shapes are read in this many first characters of a line.
SCAN_CHARS = 400
LINK_SEPARATORS = re.compile(r" (?:\||•|·|/|::|»|›) ")
DATE_MARK = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")
NUMBERED = re.compile(r"\d{1,3}[.)] ")
WEB_MARKS = ("http", "www.", "@", ".com", ".org", ".net")
ELLIPSES = ("…", "...")
# A line is prose (for the context features) when it ends like a sentence with this many
# words, or has this many words whatever its end.
PROSE_SENTENCE_WORDS = 8
PROSE_WORDS = 25
# Categories of rule labels, in three groups the model weighs apart.
HEADER_CATEGORIES = frozenset({Category.HEADER, Category.FOOTER})
CREDIT_CATEGORIES = frozenset({Category.CREDIT})

LOCAL_FEATURES = (
    "log_chars",
    "log_words",
    "chars_under_30",
    "chars_30_to_80",
    "chars_over_150",
    "ends_sentence",
    "ends_question",
    "ends_colon",
    "ends_ellipsis",
    "ends_open",
    "capital_share",
    "all_capitals",
    "digit_share",
    "symbol_share",
    "mean_word_length",
    "commas_per_word",
    "dateline",
    "link_row",
    "list_marker",
    "numbered",
    "lower_start",
    "web_mark",
    "rule_header",
    "rule_credit",
    "rule_junk",
    "repeated",
    "title_line",
    "first_line",
    "position",
)
CONTEXT_FEATURES = (
    "score",
    "mean_score_1",
    "mean_score_3",
    "mean_score_10",
    "max_score_before_3",
    "max_score_after_3",
    "prose_near_5",
    "prose_before",
    "prose_after",
    "log_gap_to_prose",
    "log_junk_run",
    "page_prose_share",
    "page_rule_share",
    "log_page_lines",
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What the context features need of a line beyond its score."""

    prose: bool
    labelled: bool


def local_features(
    texts: Sequence[str], labels: Sequence[Label | None], listed: Sequence[bool]
) -> tuple[list[list[float]], list[Shape]]:
    """The `LOCAL_FEATURES` of each line, and its `Shape`.

    ``texts`` are the lines' keys (list markers off), ``labels`` what the rules made of
    them, ``listed`` whether each opened with a list marker.
    """
    count = len(texts)
    repeats = Counter(texts)
    title = texts[0] if texts else ""
    rows: list[list[float]] = []
    shapes: list[Shape] = []
    for index, (text, label, marked) in enumerate(zip(texts, labels, listed, strict=True)):
        head = text[:SCAN_CHARS]
        chars = len(text)
        words = text.split()
        nwords = len(words) or 1
        scanned = head.split() or [""]
        tail = text[-6:].rstrip(CLOSERS)
        last = tail[-1:] if tail else ""
        sentence = text.endswith(CLOSING_QUOTES) or last in SENTENCE_MARKS
        letters = sum(ch.isalpha() for ch in head) or 1
        capitals = sum(ch.isupper() for ch in head)
        digits = sum(ch.isdigit() for ch in head)
        symbols = sum(not ch.isalnum() and not ch.isspace() for ch in head)
        category = label.category if label is not None else None
        row = [
            math.log1p(chars),
            math.log1p(nwords),
            float(chars < 30),
            float(30 <= chars < 80),
            float(chars >= 150),
            float(sentence),
            float(last == "?"),
            float(last == ":"),
            float(tail.endswith(ELLIPSES)),
            float(last.isalnum()),
            sum(1 for w in scanned if w[:1].isupper()) / len(scanned),
            float(letters >= 4 and capitals >= 0.8 * letters),
            digits / (len(head) or 1),
            symbols / (len(head) or 1),
            min(sum(map(len, scanned)) / len(scanned), 20.0) / 10.0,
            min(head.count(",") / nwords, 1.0),
            float(nwords <= 8 and DATE_MARK.search(head) is not None),
            float(len(LINK_SEPARATORS.findall(head)) >= 2),
            float(marked),
            float(NUMBERED.match(text) is not None),
            float(text[:1].islower()),
            float(any(mark in head for mark in WEB_MARKS)),
            float(category in HEADER_CATEGORIES),
            float(category in CREDIT_CATEGORIES),
            float(category is not None and category not in HEADER_CATEGORIES | CREDIT_CATEGORIES),
            float(repeats[text] > 1),
            float(index > 0 and len(text) >= 15 and text in title),
            float(index == 0),
            index / count,
        ]
        rows.append(row)
        prose = nwords >= PROSE_WORDS or (sentence and nwords >= PROSE_SENTENCE_WORDS)
        shapes.append(Shape(prose and label is None, label is not None))
    return rows, shapes


def context_features(scores: Sequence[float], shapes: Sequence[Shape]) -> list[list[float]]:
    """The `CONTEXT_FEATURES` of each line, from every line's first score and shape."""
    count = len(scores)
    if not count:
        return []
    sums = [0.0]
    prose_sums = [0]
    for score, shape in zip(scores, shapes, strict=True):
        sums.append(sums[-1] + score)
        prose_sums.append(prose_sums[-1] + shape.prose)
    total_prose = prose_sums[-1]
    labelled = sum(shape.labelled for shape in shapes)
    page = [total_prose / count, labelled / count, math.log1p(count)]
    gaps = _gaps_to_prose(shapes)
    runs = _junk_runs(shapes)
    rows: list[list[float]] = []
    for index, score in enumerate(scores):
        before = scores[max(0, index - 3) : index]
        after = scores[index + 1 : index + 4]
        low5, high5 = max(0, index - 5), min(count, index + 6)
        rows.append(
            [
                score,
                _mean_around(sums, index, 1, count),
                _mean_around(sums, index, 3, count),
                _mean_around(sums, index, 10, count),
                max(before) if before else -5.0,
                max(after) if after else -5.0,
                (prose_sums[high5] - prose_sums[low5]) / (high5 - low5),
                prose_sums[index] / (total_prose + 1),
                (total_prose - prose_sums[index + 1]) / (total_prose + 1),
                math.log1p(gaps[index]),
                math.log1p(runs[index]),
                *page,
            ]
        )
    return rows


def _mean_around(sums: list[float], index: int, reach: int, count: int) -> float:
    """The mean score of the lines within ``reach`` of ``index``, the line itself left out."""
    low, high = max(0, index - reach), min(count, index + reach + 1)
    if high - low <= 1:
        return 0.0
    return (sums[high] - sums[low] - (sums[index + 1] - sums[index])) / (high - low - 1)


def _gaps_to_prose(shapes: Sequence[Shape]) -> list[int]:
    """How many lines separate each line from the nearest prose line (0 for prose; the
    page's length when it has none)."""
    count = len(shapes)
    gaps = [count] * count
    last = -count
    for index, shape in enumerate(shapes):
        if shape.prose:
            last = index
        gaps[index] = min(gaps[index], index - last)
    last = 2 * count
    for index in range(count - 1, -1, -1):
        if shapes[index].prose:
            last = index
        gaps[index] = min(gaps[index], last - index)
    return gaps


def _junk_runs(shapes: Sequence[Shape]) -> list[int]:
    """The length of the run of lines without prose that each line stands in (0 for prose)."""
    runs = [0] * len(shapes)
    start = 0
    for index in range(len(shapes) + 1):
        if index == len(shapes) or shapes[index].prose:
            for inside in range(start, index):
                runs[inside] = index - start
            start = index + 1
    return runs
