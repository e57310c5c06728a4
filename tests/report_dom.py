"""Read a report page as a browser's parser does: its marks, the text outside them, and
anything that would load or run (scripts, external references)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import cleaner

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "col", "embed"}


def fold(text: str) -> str:
    """Whitespace folded: runs of whitespace as one space, none at the ends."""
    return " ".join(text.split())


@dataclass
class Page:
    """What a page holds: every element with data-category (its tag and attributes), the
    text of the document outside and inside marks, and every tag name seen."""

    marked: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    inside: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)

    def trail(self) -> list[tuple[str, str, int, int]]:
        """(category, rule, start, end) of each highlighted element, in page order."""
        return [
            (a["data-category"], a["data-rule"], int(a["data-start"]), int(a["data-end"]))
            for _, a in self.marked
        ]

    def kept(self) -> str:
        """The document's text outside the highlights, whitespace folded."""
        return fold("".join(self.outside))


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.doc_depth: int | None = None  # stack depth of <article class="doc">
        self.mark_depth: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.page.tags.add(tag)
        self.page.attributes.extend((tag, k, v) for k, v in values.items())
        if "data-category" in values:
            self.page.marked.append((tag, values))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "article" and "doc" in values.get("class", "").split():
            self.doc_depth = len(self.stack)
        if tag == "mark" and self.mark_depth is None and self.doc_depth is not None:
            self.mark_depth = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        if self.mark_depth == len(self.stack):
            self.mark_depth = None
        if self.doc_depth == len(self.stack):
            self.doc_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.doc_depth is None:
            return
        (self.page.outside if self.mark_depth is None else self.page.inside).append(data)


def read_page(markup: str) -> Page:
    """Parse a page; its tags must nest (every end tag closes the last open one)."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.stack, f"unclosed: {reader.stack}"
    return reader.page


def expected_trail(article: cleaner.Article) -> list[tuple[str, str, int, int]]:
    return [(r.category, r.rule, r.start, r.end) for r in article.removed]


def assert_page_shows(markup: str, article: cleaner.Article) -> Page:
    """Each removal is one highlighted <mark> with its category, rule and offsets; nothing
    else has data-category; the text outside the marks, folded, is the body, folded."""
    page = read_page(markup)
    assert {tag for tag, _ in page.marked} <= {"mark"}
    assert all("data-rule" in attrs for _, attrs in page.marked)
    assert page.trail() == expected_trail(article)
    assert page.kept() == fold(article.text)
    return page
