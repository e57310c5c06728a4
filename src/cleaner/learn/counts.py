"""On how many pages of each site each line stands, counted in bounded memory.

Counts are exact while the table holds at most ``max_lines`` lines (over all sites): the
counts, and so the pack, then depend only on the set of documents, not on their order.
When the table outgrows that budget, it forgets: the lines seen on one page go into a
*seen-once filter* (a Bloom filter of 64 MiB), and from then on a line enters the table only
when the filter says it was seen before (with a count of 2). Lines seen on many pages (the
template) stay and keep counting exactly; the unique lines of articles, which are most
lines, cost a few bits each instead of a table entry. If the repeated lines alone still
fill the table, the lines seen on the fewest pages are forgotten too (``floor``). See
`LineCounts.exact` for what each step costs in exactness.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

# About 280 bytes a line of 90 characters (the text, its count, the table's slot): ~140 MB.
DEFAULT_MAX_LINES = 500_000
FILTER_BITS_LOG2 = 29  # 2**29 bits = 64 MiB
FILTER_HASHES = 4


class SeenOnce:
    """A Bloom filter of (site, line) pairs: never misses a pair it holds, and answers
    "seen" for a pair it does not hold with a small probability (below 1% up to about 50
    million pairs with the default size)."""

    def __init__(self, bits_log2: int = FILTER_BITS_LOG2) -> None:
        self.mask = (1 << bits_log2) - 1
        self.bits = bytearray(1 << max(0, bits_log2 - 3))

    def add(self, site: str, line: str) -> bool:
        """Put a pair in the filter; True when it (probably) was there already."""
        data = f"{site}\n{line}".encode("utf-8", "surrogatepass")
        digest = hashlib.blake2b(data, digest_size=16).digest()
        first = int.from_bytes(digest[:8], "little")
        step = int.from_bytes(digest[8:], "little") | 1
        bits, mask = self.bits, self.mask
        held = True
        for i in range(FILTER_HASHES):
            at = (first + i * step) & mask
            byte, bit = at >> 3, 1 << (at & 7)
            if not bits[byte] & bit:
                held = False
                bits[byte] |= bit
        return held


class Entry:
    """A line template of one site: the pages that hold it, and its example line."""

    __slots__ = ("example", "pages")

    def __init__(self, pages: int, example: str) -> None:
        self.pages = pages
        self.example = example


class LineCounts:
    """Per site: its pages, and for each line template the pages that hold it with the
    first of its lines in sort order (the example a rule shows)."""

    def __init__(self, max_lines: int = DEFAULT_MAX_LINES, filter_bits_log2: int | None = None):
        if max_lines < 1:
            raise ValueError(f"max_lines must be at least 1, not {max_lines}")
        self.max_lines = max_lines
        self.filter_bits_log2 = filter_bits_log2 or FILTER_BITS_LOG2
        self.pages: dict[str, int] = {}
        self.lines: dict[str, dict[str, Entry]] = {}
        self.size = 0
        self.seen_once: SeenOnce | None = None
        self.floor = 0  # lines seen on at most this many pages were forgotten at some point

    @property
    def exact(self) -> bool:
        """True while nothing was forgotten: every count is exact and every example is the
        first line in sort order of all the lines with its template.

        Once lines seen on one page were forgotten (``floor`` 1), a line's count can be one
        too high, when the filter took its first page for a second; its example is the
        first of the lines seen after its first page; and both can depend on the order of
        the documents. Once repeated lines were forgotten too (``floor`` above 1), a count
        can be up to ``floor - 1`` too low.
        """
        return self.seen_once is None

    def add(self, site: str, lines: Mapping[str, str]) -> None:
        """Count one page of ``site``: its line templates, each with its example line."""
        self.pages[site] = self.pages.get(site, 0) + 1
        table = self.lines.get(site)
        if table is None:
            table = self.lines[site] = {}
        once = self.seen_once
        for shape, text in lines.items():
            entry = table.get(shape)
            if entry is not None:
                entry.pages += 1
                if text < entry.example:
                    entry.example = text
            elif once is None:
                table[shape] = Entry(1, text)
                self.size += 1
            elif once.add(site, shape):
                table[shape] = Entry(2, text)
                self.size += 1
        if self.size > self.max_lines:
            self._forget()

    def _forget(self) -> None:
        """Bring the table down to half its budget, forgetting the lines seen on the
        fewest pages first (into the seen-once filter)."""
        if self.seen_once is None:
            self.seen_once = SeenOnce(self.filter_bits_log2)
        once = self.seen_once
        level = 0
        while self.size > self.max_lines // 2:
            level += 1
            for site, table in self.lines.items():
                gone = [shape for shape, entry in table.items() if entry.pages <= level]
                for shape in gone:
                    del table[shape]
                    once.add(site, shape)
                self.size -= len(gone)
        self.floor = max(self.floor, level)

    def sites(self) -> Iterator[tuple[str, int, dict[str, tuple[int, str]]]]:
        """Each site (in sort order) with its pages and its lines: template -> (pages,
        example)."""
        for site in sorted(self.pages):
            table = self.lines.get(site, {})
            yield site, self.pages[site], {s: (e.pages, e.example) for s, e in table.items()}
