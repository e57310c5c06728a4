"""Learn a site's template from a corpus of its pages: `cleaner learn`.

Lines that repeat across the pages of one site, and never as real article text, are its
template: menus, newsletter boxes, teaser headings, footers, in any language. `Learner`
counts each site's lines in one pass (`counts`, in bounded memory), keeps those that pass
the guards (`guards`) and writes them as a rule pack whose rules apply only to their site
(`pack`). Learned packs are the user's data: none ships with cleaner.

>>> learner = Learner(Guards(min_site_pages=3, min_pages=3))
>>> for story in ("The vote is on Monday.", "Rain is due.", "Fares rise.", "Schools shut."):
...     learner.add(f"Home | News\\n\\n{story}\\n", "a.org")
>>> [(line.example, line.count) for line in learner.result().lines]
[('Home | News', 4)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .counts import DEFAULT_MAX_LINES, LineCounts
from .guards import Guards, prose_like
from .lines import MAX_LINE_CHARS, document_lines
from .pack import LearnedLine, RuleIds, guess, render_pack

# --explain lists lines kept out only when they stand on at least this many pages.
EXPLAIN_MIN_PAGES = 2


@dataclass(frozen=True, slots=True)
class KeptOut:
    """A repeated line (or a whole site, ``line`` None) that was not learned, and why."""

    site: str
    pages: int
    reason: str
    line: str | None = None
    count: int = 0


@dataclass(slots=True)
class Learned:
    """What a corpus taught: the learned lines by site, what was kept out, what was seen,
    and the settings it was learned with."""

    guards: Guards
    max_lines: int
    lines: list[LearnedLine] = field(default_factory=list)
    kept_out: list[KeptOut] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)  # of each site
    documents: int = 0
    without_site: int = 0
    sites: int = 0
    exact: bool = True

    @property
    def sites_learned(self) -> int:
        """The number of sites with at least one learned line."""
        return len({line.site for line in self.lines})

    def pack(self) -> str:
        """The rule pack's TOML text, with a header that says what was seen."""
        return "".join(self.pack_parts())

    def pack_parts(self) -> Iterator[str]:
        """`pack` in parts, a rule at a time, to write a large pack without holding it."""
        description = (
            f"Site templates learned by cleaner learn: {len(self.lines)} lines of "
            f"{self.sites_learned} of {self.sites} sites, from {self.documents} documents."
        )
        header: dict[str, object] = {
            "documents": self.documents,
            "without_site": self.without_site,
            "sites": self.sites,
            "sites_learned": self.sites_learned,
            "rules": len(self.lines),
            "min_share": self.guards.min_share,
            "prose_share": self.guards.prose_share,
            "min_pages": self.guards.min_pages,
            "min_site_pages": self.guards.min_site_pages,
            "max_lines": self.max_lines,
            "exact": self.exact,
        }
        yield from render_pack(description, header, self.lines)


class Learner:
    """Counts the lines of documents by site, then tells their templates (`result`)."""

    def __init__(self, guards: Guards | None = None, max_lines: int = DEFAULT_MAX_LINES) -> None:
        self.guards = guards or Guards()
        self.max_lines = max_lines
        self.counts = LineCounts(max_lines)
        self.documents = 0
        self.without_site = 0

    def add(self, text: str, site: str | None) -> None:
        """Count one document of ``site``; a document without a site is only counted as one."""
        self.documents += 1
        if site is None:
            self.without_site += 1
            return
        self.counts.add(site, document_lines(text))

    def result(self) -> Learned:
        """The learned lines (by site, then most pages first, then text), with ids; and
        what was kept out, in the same order."""
        learned = Learned(
            self.guards,
            self.max_lines,
            documents=self.documents,
            without_site=self.without_site,
            sites=len(self.counts.pages),
            exact=self.counts.exact,
            pages=dict(self.counts.pages),
        )
        ids = RuleIds()
        for site, pages, table in self.counts.sites():
            reason = self.guards.site_reason(pages)
            if reason is not None:
                learned.kept_out.append(KeptOut(site, pages, reason))
                continue
            for shape, (count, example) in sorted(table.items(), key=_order):
                reason = self.guards.line_reason(example, count, pages)
                if reason is None:
                    category, scope = guess(example)
                    rule_id = ids.new(site, shape)
                    line = LearnedLine(site, shape, example, count, pages, category, scope, rule_id)
                    learned.lines.append(line)
                elif count >= EXPLAIN_MIN_PAGES:
                    learned.kept_out.append(KeptOut(site, pages, reason, example, count))
        return learned


def _order(item: tuple[str, tuple[int, str]]) -> tuple[int, str]:
    shape, (count, _) = item
    return -count, shape


def explain(learned: Learned) -> Iterator[str]:
    """What `cleaner learn --explain` prints: per site, its lines learned and kept out."""
    by_site: dict[str, list[KeptOut]] = {}
    for item in learned.kept_out:
        by_site.setdefault(item.site, []).append(item)
    counts: dict[str, int] = {}
    for line in learned.lines:
        counts[line.site] = counts.get(line.site, 0) + 1
    for site, pages in sorted(learned.pages.items()):
        items = by_site.get(site, [])
        whole = [item for item in items if item.line is None]
        if whole:
            yield f"{site}: nothing learned: {whole[0].reason}"
            continue
        yield f"{site}: {pages} pages, {counts.get(site, 0)} lines learned"
        for item in items:
            yield f"  kept out  {item.count:>5}/{item.pages:<5}  {item.reason:<40}  {item.line}"


__all__ = [
    "DEFAULT_MAX_LINES",
    "MAX_LINE_CHARS",
    "Guards",
    "KeptOut",
    "Learned",
    "LearnedLine",
    "Learner",
    "explain",
    "prose_like",
]
