"""Find the article in a full-page text dump (menus, teasers and footers around it).

The line classifier (`cleaner.pipeline.classify`) scores every line from its shape, its
words and its neighbourhood, and its sequence step keeps the article's lines; the page text
around and inside it goes. Short documents and hard-wrapped text are left alone.

Cleaning stays idempotent: the classifier is run again over the lines it kept, as a
second cleaning would see them (no rule labels, no page around them), until it keeps
them all; zone rules are applied at the region's edges, and the comment thread under the
article is cut, each time.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...article import WarningCode, warning
from ...rules import Scope
from ...text.features import is_prose
from ..classify import decide
from ..document import Document
from ..heuristics import OUTSIDE, TITLE
from ..labels import Label
from .line_rules import label_zone_rules
from .site_lines import template_lines
from .thread import label_thread

# Documents with fewer non-blank lines than this are left alone.
MIN_LINES = 8
# A document whose lines are all at most this long has no paragraph on a line of its own:
# it is hard-wrapped text (or a list), not a dump of one block a line, and is left alone.
MAX_WRAPPED_WIDTH = 100
# Rounds of the classifier over the lines it kept, at most.
MAX_ROUNDS = 4
# The page title (<title>) is looked for among this many first lines...
TITLE_LINES = 3
# ... and is "headline | site" or "site | headline" (or only "headline" on the first line)
# with a headline of at least this many characters and this share of the title, repeated
# (the h1) above the article.
MIN_HEADLINE_CHARS = 15
MIN_HEADLINE_SHARE = 0.5
# A table row as the HTML extractor writes it ("| a | b | c |", its first bar read as a list
# marker): at least three cells.
TABLE_CELL = " | "
MIN_TABLE_CELLS = 2
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": ", " « ", " » ")


def select_article(doc: Document) -> None:
    """Label the page text outside (and inside) the article with ``OUTSIDE``, when the
    document asks to find the article and reads as a page dump. The lines of the site's
    template (`template_lines`) are not part of the page it reads."""
    if not doc.find_article or doc.model is None:
        return
    template = template_lines(doc)
    open_lines = [line.index for line in doc.lines if line.text and line.index not in template]
    if not is_page_like(doc, open_lines):
        label_region_zones(doc, [i for i in open_lines if doc.labels[i] is None])
        return
    lines = open_lines
    for _ in range(MAX_ROUNDS):
        kept = classify(doc, lines)
        label_region_zones(doc, kept)
        label_thread(doc)
        remaining = [i for i in kept if doc.labels[i] is None]
        if remaining == lines or not is_page_like(doc, remaining):
            return
        lines = remaining  # what a second cleaning reads: only the kept lines, unlabelled


def is_page_like(doc: Document, lines: list[int]) -> bool:
    """Enough lines, and a line too long to be hard-wrapped text."""
    if len(lines) < MIN_LINES:
        return False
    return any(len(doc.lines[i].text) > MAX_WRAPPED_WIDTH for i in lines)


def classify(doc: Document, lines: list[int]) -> list[int]:
    """Run the classifier over ``lines``; label the headline and the lines it drops.

    The lines are read with the labels they have, except when they are what a second
    cleaning would read (all unlabelled already). The lines kept, in order.
    """
    assert doc.model is not None
    keys = [doc.lines[i].key for i in lines]
    labels = [doc.labels[i] for i in lines]
    decision = decide(doc.model, keys, labels, [doc.lines[i].listed for i in lines])
    keeps = decision.keep
    if doc.extracted:
        keeps = with_block_lines(keys, labels, keeps, doc.verbatim)
    kept = [index for index, keep in zip(lines, keeps, strict=True) if keep]
    if not kept:
        return keep_the_page(doc, lines)
    headline = find_headline(keys, lines.index(kept[0]))
    if headline is not None and doc.labels[lines[headline]] is None:
        doc.label(lines[headline], TITLE)
        if not any(name == "title" for name, _, _ in doc.captures):
            doc.notes["title"] = (keys[headline], TITLE.rule)
    run_label: Label | None = None
    for position, index in enumerate(lines):
        if keeps[position] or doc.labels[index] is not None:
            run_label = None
            continue
        if run_label is None:  # one reason for a run of dropped lines: its first line's
            reason = f"{OUTSIDE.reason} Line classifier: {decision.reasons(doc.model, position)}."
            run_label = Label(OUTSIDE.category, OUTSIDE.rule, reason)
        doc.label(index, run_label)
    return [i for i in kept if doc.labels[i] is None]


def with_block_lines(
    keys: list[str], labels: list[Label | None], keep: Sequence[bool], verbatim: frozenset[str]
) -> list[bool]:
    """``keep`` with the lines of the blocks an HTML extractor took into the article kept
    too: the rows of its tables and the lines of the page's preformatted blocks
    (``verbatim``: code). Read one by one, the classifier takes a row of short cells or a
    line of code for page text.

    >>> with_block_lines(["Week | Monday | Tuesday |", "Home | News", "1 | Rest | 5 km |"],
    ...                  [None, None, None], [False, False, False], frozenset())
    [True, False, True]
    >>> with_block_lines(["x = 1", "Share", "print(x)"], [None, None, None],
    ...                  [False, False, False], frozenset({"x = 1", "print(x)"}))
    [True, False, True]
    """
    return [
        kept or (label is None and (_is_table_row(key) or key in verbatim))
        for key, label, kept in zip(keys, labels, keep, strict=True)
    ]


def _is_table_row(key: str) -> bool:
    return key.endswith("|") and key.count(TABLE_CELL) >= MIN_TABLE_CELLS


def keep_the_page(doc: Document, lines: list[int]) -> list[int]:
    """The classifier kept no line: it read the page wrong, not a page without an article.
    Keep the lines the rules left, and say so."""
    if not any(w.startswith(WarningCode.REGION_EMPTY) for w in doc.warnings):
        doc.warnings.append(
            warning(
                WarningCode.REGION_EMPTY,
                "the line classifier kept no line of the page dump; its text was kept",
            )
        )
    return [i for i in lines if doc.labels[i] is None]


def label_region_zones(doc: Document, region: list[int]) -> None:
    """Apply footer and header rules to the region's edges, up to its last and first prose.

    The zones of the cleaned text are the region's edges (without the lines rules removed),
    so this labels now what cleaning the cleaned text again would label: cleaning stays
    idempotent even where the zone stages stopped early or the region moved the edges.
    """
    for scope, order in ((Scope.FOOTER, region[::-1]), (Scope.HEADER, region)):
        for index in order:
            if doc.unlabeled(index):
                label_zone_rules(doc, scope, [index])
                if doc.unlabeled(index) and is_prose(doc.lines[index].text):
                    break


def find_headline(keys: list[str], before: int) -> int | None:
    """The headline that repeats the page title of a first line, before position ``before``."""
    for position, title in enumerate(keys[: min(TITLE_LINES, before)]):
        if len(title) < MIN_HEADLINE_CHARS:
            continue
        for k in range(position + 1, before + 1):
            if _is_title_of(title, keys[k], exact=position == 0):
                return k
    return None


def _is_title_of(title: str, line: str, exact: bool) -> bool:
    """True when ``line`` is the headline of ``title`` (equal to it only when ``exact``)."""
    if len(line) < max(MIN_HEADLINE_CHARS, MIN_HEADLINE_SHARE * len(title)):
        return False
    if len(line) >= len(title):
        return exact and line == title
    if title.startswith(line):
        return title[len(line) : len(line) + 4].startswith(TITLE_SEPARATORS)
    if title.endswith(line):
        rest = title[: len(title) - len(line)]
        return any(rest.endswith(sep) for sep in TITLE_SEPARATORS)
    return False
