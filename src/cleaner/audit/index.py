"""The report's index: a chart of removed characters per category over the batch, and a
table of the documents with their counts per category and links to their pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from ..categories import Category
from . import escape
from .page import Summary
from .style import colours, css_class, shell

BAR = 320  # pixels of the longest bar
LABEL = 110  # pixels left of the bars, for the category names
ROW = 24


def _order(names: Iterable[str]) -> list[str]:
    """Category names in the order of `Category`, unknown ones after."""
    known = [c.value for c in Category]
    present = set(names)
    return [n for n in known if n in present] + sorted(present - set(known))


def chart(chars: Counter[str]) -> str:
    """An inline SVG bar chart of removed characters per category, largest first.

    >>> svg = chart(Counter({"ad": 30, "header": 10}))
    >>> svg.count("<rect"), "ad" in svg and "75.0%" in svg
    (2, True)
    """
    rows = [(name, n) for name, n in chars.most_common() if n > 0]
    if not rows:
        return '<p class="muted">Nothing was removed.</p>'
    total = sum(n for _, n in rows)
    top = rows[0][1]
    height = ROW * len(rows) + 8
    width = LABEL + BAR + 150
    parts = [
        f'<svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        "<title>Removed characters per category</title>"
    ]
    for row, (name, n) in enumerate(rows):
        light, ink = colours(name)
        y = 4 + row * ROW
        length = max(1, round(BAR * n / top))
        label = escape.text(name)
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + 15}" text-anchor="end">{label}</text>'
            f'<rect x="{LABEL}" y="{y + 2}" width="{length}" height="{ROW - 6}" rx="3" '
            f'fill="{light}" stroke="{ink}"><title>{label}: {n:,} characters</title></rect>'
            f'<text x="{LABEL + length + 6}" y="{y + 15}">{n:,} ({100 * n / total:.1f}%)</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _row(summary: Summary, names: Sequence[str]) -> str:
    href = quote(summary.href)
    cells = [
        f'<td><a href="{escape.attr(href)}"><bdi>{escape.text(summary.name)}</bdi></a></td>',
        f"<td>{escape.text(summary.mode)}</td>",
        f'<td class="num">{summary.length:,}</td>',
        f'<td class="num">{summary.removed_chars:,}</td>',
        f'<td class="num">{summary.body:,}</td>',
    ]
    cells += [f'<td class="num">{summary.counts.get(name, 0) or ""}</td>' for name in names]
    warnings = escape.text(", ".join(summary.warnings))
    cells.append(f"<td>{warnings}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _failures(failures: Sequence[tuple[str, str]]) -> str:
    if not failures:
        return ""
    rows = "".join(
        f"<tr><td><bdi>{escape.text(where)}</bdi></td><td>{escape.text(error)}</td></tr>"
        for where, error in failures
    )
    return (
        f"<h2>Failed ({len(failures)})</h2><table><tr><th>Input</th><th>Error</th></tr>"
        f"{rows}</table>"
    )


def render_index(summaries: Sequence[Summary], failures: Sequence[tuple[str, str]]) -> str:
    """The index page of a report: ``summaries`` in input order, and the ``failures``
    (where, error) that have no page."""
    chars: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for summary in summaries:
        chars.update(summary.chars)
        counts.update(summary.counts)
    names = _order(counts)
    length = sum(s.length for s in summaries)
    removed = sum(chars.values())
    share = f" ({100 * removed / length:.1f}%)" if length else ""
    heads = "".join(
        f'<th class="num {css_class(name)}" title="removals"><span class="swatch"></span> '
        f"{escape.text(name)}</th>"
        for name in names
    )
    head = (
        '<tr><th>Document</th><th>Mode</th><th class="num">Characters</th>'
        f'<th class="num">Removed</th><th class="num">Body</th>{heads}<th>Warnings</th></tr>'
    )
    rows = "".join(_row(summary, names) for summary in summaries)
    body = (
        '<header class="top"><h1>What cleaner removed</h1>'
        f'<p class="muted">{len(summaries)} documents · {len(failures)} failed · '
        f"{removed:,} of {length:,} characters removed{share} · "
        f"{sum(counts.values()):,} removals</p></header>\n"
        '<main class="index"><h2>Removed characters per category</h2>'
        f"{chart(chars)}\n<h2>Documents</h2>"
        '<p class="note">Counts are removals per category; a document\'s page shows each '
        "one highlighted.</p>"
        f'<div class="scroll"><table>{head}{rows}</table></div>{_failures(failures)}</main>'
    )
    return shell("cleaner report", body)
