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

import regex

from ...categories import Category
from ...text.features import CLOSERS, CLOSING_QUOTES, SENTENCE_MARKS
from ..labels import Label

# Shapes are read in this many first characters of a line...
SCAN_CHARS = 200
# ... and lines up to this long are compared by their shape (digits as 0, lower case).
SHAPE_CHARS = 100
CAPITAL_WORD = regex.compile(r"(?<!\S)\p{Lu}")
SYMBOL = re.compile(r"[^\w\s]")
ASCII_DIGITS = "0123456789"
# The lexicon reads the words (runs of letters) of the first characters of a line.
LETTERS = re.compile(r"[^\W\d_]+")
LEXICON_CHARS = 300
LEXICON_WORDS = 40
LINK_SEPARATORS = re.compile(r" (?:\||•|·|/|::|»|›) ")
DATE_MARK = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")
NUMBERED = re.compile(r"\d{1,3}[.)] ")
DIGITS = re.compile(r"\d+")
# A run of at least this many lines without prose separates two parts of a page.
GAP_LINES = 4
WEB_MARK = re.compile(r"http|www\.|@|\.(?:com|org|net)\b")
ELLIPSES = ("…", "...")
# A line is prose (for the context features) when it ends like a sentence with this many
# words, or has this many words whatever its end.
PROSE_SENTENCE_WORDS = 8
PROSE_WORDS = 25
# Categories of rule labels, in three groups the model weighs apart.
HEADER_CATEGORIES = frozenset({Category.HEADER, Category.FOOTER})
CREDIT_CATEGORIES = frozenset({Category.CREDIT})
OTHER_GROUPS = HEADER_CATEGORIES | CREDIT_CATEGORIES

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
    "shape_repeated",
    "title_line",
    "first_line",
    "position",
)
CONTEXT_FEATURES = (
    "score",
    "words_score",
    "mean_words_score_2",
    "mean_words_score_6",
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
    "shape_repeats_near_5",
    "score_below_page_best",
    "mean_3_below_page_best",
    "in_best_run",
    "log_lines_before_best_run",
    "log_lines_after_best_run",
    "gaps_to_best_run",
    "rules_near_3",
    "log_rules_to_best_run",
    "comments_above",
    "page_prose_share",
    "page_rule_share",
    "log_page_lines",
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What the context features need of a line beyond its score."""

    prose: bool
    labelled: bool
    shape_repeated: bool = False
    comments: bool = False


def local_features(
    texts: Sequence[str], labels: Sequence[Label | None], listed: Sequence[bool]
) -> tuple[list[list[float]], list[Shape]]:
    """The `LOCAL_FEATURES` of each line, and its `Shape`.

    ``texts`` are the lines' keys (list markers off), ``labels`` what the rules made of
    them, ``listed`` whether each opened with a list marker.
    """
    count = len(texts)
    repeats = Counter(texts)
    shapes_of = [DIGITS.sub("0", t.lower()) if len(t) <= SHAPE_CHARS else t for t in texts]
    shape_repeats = Counter(shapes_of)
    title = texts[0] if texts else ""
    rows: list[list[float]] = []
    shapes: list[Shape] = []
    for index, (text, label, marked) in enumerate(zip(texts, labels, listed, strict=True)):
        head = text[:SCAN_CHARS]
        size = len(head) or 1
        chars = len(text)
        nwords = text.count(" ") + 1  # lines are normalised: one space between words
        head_words = head.count(" ") + 1
        tail = text[-6:].rstrip(CLOSERS)
        last = tail[-1:]
        sentence = text.endswith(CLOSING_QUOTES) or last in SENTENCE_MARKS
        category = label.category if label is not None else None
        shaped = shape_repeats[shapes_of[index]] > 1
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
            len(CAPITAL_WORD.findall(head)) / head_words,
            float(len(head) >= 4 and head.isupper()),
            sum(map(head.count, ASCII_DIGITS)) / size,
            len(SYMBOL.findall(head)) / size,
            min((size - head_words + 1) / head_words, 20.0) / 10.0,
            min(head.count(",") / nwords, 1.0),
            float(nwords <= 8 and DATE_MARK.search(head) is not None),
            float(len(LINK_SEPARATORS.findall(head)) >= 2),
            float(marked),
            float(NUMBERED.match(text) is not None),
            float(text[:1].islower()),
            float(WEB_MARK.search(head) is not None),
            float(category in HEADER_CATEGORIES),
            float(category in CREDIT_CATEGORIES),
            float(category is not None and category not in OTHER_GROUPS),
            float(repeats[text] > 1),
            float(shaped),
            float(index > 0 and len(text) >= 15 and text in title),
            float(index == 0),
            index / count,
        ]
        rows.append(row)
        prose = nwords >= PROSE_WORDS or (sentence and nwords >= PROSE_SENTENCE_WORDS)
        comments = category is Category.COMMENTS
        shapes.append(Shape(prose and label is None, label is not None, shaped, comments))
    return rows, shapes


def words_of(text: str) -> list[str]:
    """The words the lexicon reads: runs of letters, lower-cased, the first `LEXICON_WORDS`.

    >>> words_of("Sign up: 3 FREE e-mails!")
    ['sign', 'up', 'free', 'e', 'mails']
    """
    return LETTERS.findall(text.lower(), 0, LEXICON_CHARS)[:LEXICON_WORDS]


def context_features(
    scores: Sequence[float], lexical: Sequence[float], shapes: Sequence[Shape]
) -> list[list[float]]:
    """The `CONTEXT_FEATURES` of each line, from every line's local score, lexical score
    (what its words say) and shape."""
    count = len(scores)
    if not count:
        return []
    word_sums = [0.0]
    for value in lexical:
        word_sums.append(word_sums[-1] + value)
    sums = [0.0]
    prose_sums = [0]
    shape_sums = [0]
    rule_sums = [0]
    comments_at = count  # the first line a comments rule removed
    for index, (score, shape) in enumerate(zip(scores, shapes, strict=True)):
        sums.append(sums[-1] + score)
        prose_sums.append(prose_sums[-1] + shape.prose)
        shape_sums.append(shape_sums[-1] + shape.shape_repeated)
        rule_sums.append(rule_sums[-1] + shape.labelled)
        if shape.comments and comments_at == count:
            comments_at = index
    total_prose = prose_sums[-1]
    labelled = sum(shape.labelled for shape in shapes)
    page = [total_prose / count, labelled / count, math.log1p(count)]
    gaps = _gaps_to_prose(shapes)
    runs = _junk_runs(shapes)
    means3 = [_mean_around(sums, i, 3, count) for i in range(count)]
    best_score, best_mean3 = max(scores), max(means3)
    first, last = _best_run(scores)
    parts = _parts(runs)
    rows: list[list[float]] = []
    for index, score in enumerate(scores):
        before = scores[max(0, index - 3) : index]
        after = scores[index + 1 : index + 4]
        low5, high5 = max(0, index - 5), min(count, index + 6)
        low3, high3 = max(0, index - 3), min(count, index + 4)
        rows.append(
            [
                score,
                lexical[index],
                _mean_around(word_sums, index, 2, count),
                _mean_around(word_sums, index, 6, count),
                _mean_around(sums, index, 1, count),
                means3[index],
                _mean_around(sums, index, 10, count),
                max(before) if before else -5.0,
                max(after) if after else -5.0,
                (prose_sums[high5] - prose_sums[low5]) / (high5 - low5),
                prose_sums[index] / (total_prose + 1),
                (total_prose - prose_sums[index + 1]) / (total_prose + 1),
                math.log1p(gaps[index]),
                math.log1p(runs[index]),
                (shape_sums[high5] - shape_sums[low5]) / (high5 - low5),
                score - best_score,
                means3[index] - best_mean3,
                float(first <= index <= last),
                math.log1p(max(0, first - index)),
                math.log1p(max(0, index - last)),
                float(min(abs(parts[index] - parts[first]), abs(parts[index] - parts[last]))),
                (rule_sums[high3] - rule_sums[low3]) / (high3 - low3),
                math.log1p(
                    rule_sums[first] - rule_sums[index + 1]
                    if index < first
                    else rule_sums[index] - rule_sums[last + 1]
                    if index > last
                    else 0
                ),
                float(index > comments_at),
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


def _best_run(scores: Sequence[float]) -> tuple[int, int]:
    """The first and last line of the run of lines with the largest sum of scores; when no
    score is positive, of scores measured from the best one (at least that line)."""
    offset = min(0.0, max(scores) - 1.0)
    best, best_total = (0, 0), -math.inf
    start, total = 0, 0.0
    for index, score in enumerate(scores):
        if total <= 0:
            start, total = index, 0.0
        total += score - offset
        if total > best_total:
            best, best_total = (start, index), total
    return best


def _parts(runs: Sequence[int]) -> list[int]:
    """Which part of the page each line is in: parts are separated by runs of at least
    `GAP_LINES` lines without prose (``runs`` from `_junk_runs`)."""
    parts: list[int] = []
    part = 0
    inside = False
    for run in runs:
        gap = run >= GAP_LINES
        if gap and not inside:
            part += 1
        inside = gap
        parts.append(part)
    return parts


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
