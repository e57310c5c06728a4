"""The cleaning pipeline and the `Cleaner` that holds its options and compiled rules."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .article import Article, Metadata, Removal
from .categories import Category
from .config import CleanerConfig
from .decode import decode
from .detect import looks_like_html
from .document import Document, Label
from .render import compose
from .rules import RulePack, Scope, ScopeMatcher, load_packs
from .rules.linegate import LineGate
from .stages.lines import label_lines
from .stages.metadata import build_metadata
from .stages.tokens import cut_tokens
from .stages.zones import label_footer, label_header
from .text import segment

Source = str | bytes


class Cleaner:
    """Holds options and compiled rule packs once; cleans any number of documents.

    >>> text = "Getty Images\\n\\nThe council met on Monday to vote on the new budget."
    >>> Cleaner(keep=["credit"]).clean(text).text == text
    True
    """

    def __init__(self, config: CleanerConfig | None = None, **options: Any) -> None:
        self.config = config.with_options(**options) if config else CleanerConfig.build(**options)
        self.packs: tuple[RulePack, ...] = load_packs(
            self.config.rules, builtin=self.config.builtin_rules
        )
        rules = [rule for pack in self.packs for rule in pack.rules]
        # A kept category's tokens are not cut: the body keeps them as they are.
        rules = [
            r for r in rules if r.scope is not Scope.TOKEN or r.category not in self.config.keep
        ]
        self.matchers = {
            scope: ScopeMatcher([r for r in rules if r.scope is scope], self.config.regex_timeout)
            for scope in Scope
        }
        self.line_gate = LineGate(self.matchers)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cleaner, (self.config,))

    def clean(self, source: Source, *, mode: str | None = None, url: str | None = None) -> Article:
        """Clean one document (text or HTML, str or bytes) into an Article."""
        text = decode(source) if isinstance(source, (bytes, bytearray)) else source
        if not isinstance(text, str):
            raise TypeError(f"source must be str or bytes, not {type(source).__name__}")
        chosen = mode or self.config.mode
        if chosen not in ("auto", "text", "html"):
            raise ValueError(f"mode must be auto, text or html, not {chosen!r}")
        if chosen == "html" or (chosen == "auto" and looks_like_html(text)):
            from .html import clean_html

            return clean_html(self, text, url=url)
        return self.clean_text(text, hints=Metadata(url=url) if url else None)

    def clean_text(
        self,
        text: str,
        *,
        hints: Metadata | None = None,
        mode: str = "text",
        find_article: bool | None = None,
    ) -> Article:
        """Run the text pipeline; ``hints`` pre-fill metadata (HTML mode passes the page's).

        ``find_article`` overrides the config (HTML mode turns it off for text that an
        extractor already cut down to the article).
        """
        doc = Document(text, segment(text), dict(self.matchers), self.line_gate)
        cut_tokens(doc)
        label_lines(doc)
        label_footer(doc)
        label_header(doc)
        if self.config.find_article if find_article is None else find_article:
            from .stages.region import select_article

            select_article(doc)
        removed = removals(doc, self.config.keep)
        body = compose(doc, removed)
        metadata = build_metadata(doc, body, hints)
        trail = tuple(removed) if self.config.explain else ()
        return Article(body, metadata, trail, tuple(doc.warnings), mode)

    def clean_many(
        self,
        sources: Iterable[Source],
        *,
        workers: int = 1,
        return_exceptions: bool = False,
    ) -> Iterator[Article | Exception]:
        """Clean documents in input order, in ``workers`` processes when more than one.

        With ``return_exceptions`` a failing document yields its exception instead of
        stopping the run.
        """
        if workers <= 1:
            for source in sources:
                yield _clean_one(self, source, return_exceptions)
            return
        from .parallel import clean_in_processes

        yield from clean_in_processes(self, sources, workers, return_exceptions)


def _clean_one(cleaner: Cleaner, source: Source, return_exceptions: bool) -> Article | Exception:
    if not return_exceptions:
        return cleaner.clean(source)
    try:
        return cleaner.clean(source)
    except Exception as exc:
        return exc


def removals(doc: Document, keep: frozenset[Category]) -> list[Removal]:
    """The removal trail: runs of lines with the same label, and inline cuts, in input order.

    A run reaches across blank lines (and lines its tokens emptied); a cut inside a run is
    part of it.
    """
    result: list[Removal] = []
    covered: list[tuple[int, int]] = []  # first and last line index of each run
    run_label: Label | None = None
    run_start = run_end = run_first = run_last = 0
    for line, label in zip(doc.lines, doc.labels, strict=True):
        if not line.text:  # blank
            continue
        if label is not None and label == run_label:
            run_end, run_last = line.end, line.index
            continue
        if run_label is not None:
            result.append(_removal(doc.source, run_label, run_start, run_end))
            covered.append((run_first, run_last))
        run_label = label if label is not None and label.category not in keep else None
        run_start, run_end, run_first, run_last = line.start, line.end, line.index, line.index
    if run_label is not None:
        result.append(_removal(doc.source, run_label, run_start, run_end))
        covered.append((run_first, run_last))
    firsts = [first for first, _ in covered]
    for cut in doc.cuts:
        run = bisect_right(firsts, cut.line) - 1
        inside = run >= 0 and cut.line <= covered[run][1]
        if not inside and cut.label.category not in keep:
            result.append(_removal(doc.source, cut.label, cut.start, cut.end))
    result.sort(key=lambda r: (r.start, r.end))
    return result


def _removal(source: str, label: Label, start: int, end: int) -> Removal:
    return Removal(label.category.value, label.rule, source[start:end], start, end, label.reason)


@lru_cache(maxsize=16)
def cached_cleaner(config: CleanerConfig) -> Cleaner:
    """One Cleaner per distinct config, so `clean()` compiles rule packs only once."""
    return Cleaner(config)


def clean(source: Source, *, mode: str = "auto", url: str | None = None, **options: Any) -> Article:
    """Clean one article: text or HTML in, an Article (body, metadata, removal trail) out.

    >>> article = clean("Most Popular\\n\\nThe bill passed 52 to 48 on a party-line vote.\\n")
    >>> article.text
    'The bill passed 52 to 48 on a party-line vote.'
    >>> [(r.category, r.rule) for r in article.removed]
    [('recommended', 'REC001')]
    """
    cleaner = cached_cleaner(CleanerConfig.build(mode=mode, **options))
    return cleaner.clean(source, url=url)
