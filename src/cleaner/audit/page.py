"""One document's page: its text with the removals highlighted, a legend, and a panel with
the metadata (and where each value came from), the rules that fired and the warnings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..article import Article, Metadata, WarningCode
from ..categories import Category
from . import escape
from .marks import highlighted
from .style import css_class, shell

FALLBACKS = (WarningCode.HTML_FALLBACK.value, WarningCode.HTML_UNPARSED.value)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the index says about one page: its name and path under the report folder, the
    mode, the lengths of the text the rules saw and of the body, removals and removed
    characters per category, and the warning codes."""

    name: str
    href: str
    mode: str
    length: int
    body: int
    counts: dict[str, int]
    chars: dict[str, int]
    warnings: tuple[str, ...]

    @property
    def removed_chars(self) -> int:
        """Characters removed in all."""
        return sum(self.chars.values())


def summarize(text: str, article: Article, name: str, href: str) -> Summary:
    """The summary of a document's page."""
    counts: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for removal in article.removed:
        counts[removal.category] += 1
        chars[removal.category] += removal.end - removal.start
    return Summary(
        name,
        href,
        article.mode,
        len(text),
        len(article.text),
        dict(counts),
        dict(chars),
        article.warning_codes(),
    )


def index_link(href: str) -> str:
    """The link from a page at ``href`` (relative to the report folder) to the index.

    >>> index_link("a.txt.html"), index_link("shards/a/line-3.html")
    ('index.html', '../../index.html')
    """
    return "../" * href.count("/") + "index.html"


def _legend(counts: Mapping[str, int]) -> str:
    names = [c.value for c in Category] + sorted(set(counts) - set(Category._value2member_map_))
    items = []
    for name in names:
        count = counts.get(name, 0)
        dim = "" if count else " none"
        items.append(
            f'<li class="{css_class(name)}{dim}"><span class="swatch"></span>'
            f'{escape.text(name)} <span class="muted">{count}</span></li>'
        )
    return '<ul class="legend" aria-label="categories">' + "".join(items) + "</ul>"


def _value(value: object) -> str:
    if value is None or value == [] or value == "":
        return '<span class="muted">—</span>'
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return f"<bdi>{escape.text(str(value))}</bdi>"


def _metadata(meta: Metadata, describe: Mapping[str, str]) -> str:
    rows = []
    for name in Metadata.field_names():
        source = meta.sources.get(name)
        origin = ""
        if source:
            title = describe.get(source, "")
            origin = f'<code title="{escape.attr(title)}">{escape.text(source)}</code>'
        value = _value(getattr(meta, name))
        rows.append(f"<tr><th>{name}</th><td>{value}</td><td>{origin}</td></tr>")
    head = "<tr><th>Field</th><th>Value</th><th>From</th></tr>"
    return f"<section><h2>Metadata</h2><table>{head}{''.join(rows)}</table></section>"


def _rules(article: Article) -> str:
    fired: dict[tuple[str, str], list[int]] = {}
    reasons: dict[str, str] = {}
    for removal in article.removed:
        entry = fired.setdefault((removal.rule, removal.category), [0, 0])
        entry[0] += 1
        entry[1] += removal.end - removal.start
        reasons.setdefault(removal.rule, removal.reason)
    if not fired:
        return '<section><h2>Rules that fired</h2><p class="muted">None.</p></section>'
    rows = [
        f'<tr class="{css_class(category)}" title="{escape.attr(reasons[rule])}">'
        f'<td><span class="swatch"></span> <code>{escape.text(rule)}</code></td>'
        f'<td>{escape.text(category)}</td><td class="num">{n}</td>'
        f'<td class="num">{chars:,}</td></tr>'
        for (rule, category), (n, chars) in fired.items()
    ]
    head = (
        '<tr><th>Rule</th><th>Category</th><th class="num">Spans</th>'
        '<th class="num">Chars</th></tr>'
    )
    return f"<section><h2>Rules that fired</h2><table>{head}{''.join(rows)}</table></section>"


def _warnings(article: Article) -> str:
    if not article.warnings:
        return ""
    items = "".join(f"<li><bdi>{escape.text(w)}</bdi></li>" for w in article.warnings)
    return f"<section><h2>Warnings</h2><ul>{items}</ul></section>"


def _note(article: Article) -> str:
    if article.mode != "html":
        return (
            '<p class="note">The decoded input. Kept text is shown as the body has it '
            "(normalised: NFC, single spaces); removed text as the input had it. Hover over a "
            "highlight for its rule and reason.</p>"
        )
    fallback = any(code in FALLBACKS for code in article.warning_codes())
    source = (
        "the page's visible text (extraction failed, see the warnings)"
        if fallback
        else ("the text trafilatura extracted from the page")
    )
    return (
        f'<p class="note"><strong>HTML input.</strong> Shown is {source}: the text the rules '
        "saw, which the offsets count in; not the page's markup. Kept text is shown as the "
        "body has it; hover over a highlight for its rule and reason.</p>"
    )


def render_page(
    text: str, article: Article, *, name: str, href: str, describe: Mapping[str, str]
) -> tuple[str, Summary]:
    """The page of one document and its summary.

    ``text`` is the text the rules saw (`Cleaner.clean_with_text`), ``name`` how the page
    names the document, ``href`` the page's path under the report folder, and
    ``describe`` what each rule or metadata source id means (shown on hover).
    """
    summary = summarize(text, article, name, href)
    removed = summary.removed_chars
    facts = (
        f"{article.mode} input · {len(text):,} characters · {len(article.removed)} removals "
        f"({removed:,} characters) · body {len(article.text):,} characters"
    )
    tag = escape.language(article.metadata.language)
    lang = f' lang="{tag}"' if tag else ""
    body = (
        f'<header class="top"><a href="{index_link(href)}">← All documents</a>'
        f"<h1><bdi>{escape.text(name)}</bdi></h1>"
        f'<p class="muted">{facts}</p>{_note(article)}{_legend(summary.counts)}</header>\n'
        f'<div class="layout">\n<article class="doc" dir="auto"{lang}>'
        f"{highlighted(text, article.removed)}</article>\n"
        f'<aside class="panel">{_metadata(article.metadata, describe)}{_rules(article)}'
        f"{_warnings(article)}</aside>\n</div>"
    )
    page = shell(f"{name} · cleaner report", body)
    return page, summary
