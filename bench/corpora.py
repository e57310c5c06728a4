"""The three dev corpora (aeb-dev, wcxb-dev, traf-dev) as one list of pages, per the protocol.

Each ``Page`` holds its gold answers and reads its HTML (decoded as cleaner decodes bytes),
its text dump and its seed-like text lazily. Text dumps of aeb-dev are the ones it ships;
those of wcxb-dev and traf-dev are made with the corpus folder's ``make_text.py`` and cached
under ``bench/cache/dumps/<corpus>/<id>.txt`` (built in parallel on first use).

Populations (``population``): ``aeb-dev`` (88), ``wcxb-dev`` (all pages with a main content,
1,476), ``wcxb-dev-articles`` (the 791 article pages among them) and ``traf-dev`` (482).
``folds`` splits pages 5 ways by site for cross-validation.

    python bench/corpora.py [--build-dumps] [--workers 2]   # overview of the corpora
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleaner.evaluation.metrics import shingles
from cleaner.inputs import decode

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CLEANER_BENCH_DATA", ROOT.parent / "shared" / "bench"))
CACHE = ROOT / "bench" / "cache" / "dumps"
CORPORA = ("aeb-dev", "wcxb-dev", "traf-dev")
POPULATIONS = ("aeb-dev", "wcxb-dev", "wcxb-dev-articles", "traf-dev")
# How each corpus's snippets are matched: WCXB's evaluation ignores case, trafilatura's
# folds whitespace and keeps case.
SNIPPETS_CASE_SENSITIVE = {"wcxb-dev": False, "traf-dev": True}

ARTICLE_LINE_WORDS = 6
ARTICLE_LINE_SHARE = 0.6
SEED_LINES_BEFORE = 12
SEED_LINES_AFTER = 20

LANGUAGE_SNIFF_BYTES = 65536
HTML_TAG = re.compile(rb"<html\b([^>]*)>", re.IGNORECASE)
LANG_ATTRIBUTE = re.compile(rb"""(?:^|\s)(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]+)""", re.I)
ARCHIVED = re.compile(r"^/web/[^/]*/+(.+)$")
GOLD_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


@dataclass(frozen=True, slots=True)
class GoldMetadata:
    """Gold metadata as the corpus gives it (raw values), and whether it was annotated.

    ``has_metadata`` is False for records without metadata keys (aeb-dev, and the traf-dev
    records left unannotated); there an empty value means nothing, not "the page has none".
    """

    title: str | None = None
    author: str | list[str] | None = None
    date: str | None = None
    tags: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    has_metadata: bool = False

    @property
    def date_iso(self) -> str | None:
        """The gold date read leniently (see ``read_date``)."""
        return read_date(self.date)


@dataclass(eq=False)
class Page:
    """One dev page: where it comes from, its gold answers, and its inputs (read lazily).

    ``site`` follows the protocol (``corpus/id`` for a page without a URL); ``page_type``
    is WCXB's primary type ("article" for aeb-dev, None for traf-dev); ``language`` is
    the primary subtag of ``<html lang>``. ``body`` is the gold body (aeb-dev
    ``articleBody``, wcxb-dev ``main_content``; None for traf-dev), ``with_`` and
    ``without`` the gold snippets (``with`` is a Python keyword).
    """

    corpus: str
    id: str
    url: str | None
    site: str
    page_type: str | None
    language: str | None
    html_path: Path
    text_path: Path
    body: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    gold: GoldMetadata = field(default_factory=GoldMetadata)
    data: Path = field(default=DATA, repr=False)

    @property
    def key(self) -> str:
        """``corpus/id``, unique over all corpora."""
        return f"{self.corpus}/{self.id}"

    @property
    def is_article(self) -> bool:
        """An article page with a gold body (the pages seed-like text is made for)."""
        return self.page_type == "article" and bool(self.body)

    @property
    def snippets_case_sensitive(self) -> bool:
        """How this corpus's snippets are matched (see ``SNIPPETS_CASE_SENSITIVE``)."""
        return SNIPPETS_CASE_SENSITIVE.get(self.corpus, True)

    @cached_property
    def html(self) -> str:
        """The page's markup, decoded as cleaner decodes input bytes."""
        return decode(gzip.decompress(self.html_path.read_bytes())).text

    @cached_property
    def dump(self) -> str:
        """The text dump: shipped (aeb-dev) or cached, made here when missing."""
        if not self.text_path.exists():
            build_dump(self)
        return self.text_path.read_text("utf-8")

    @cached_property
    def seed(self) -> str | None:
        """Seed-like text (article pages with a gold body only, else None)."""
        if not self.is_article or self.body is None:
            return None
        return seed_text(self.dump, self.body)

    def __getstate__(self) -> dict[str, Any]:
        # Lazy inputs stay behind: a worker reads them again rather than unpickling them.
        lazy = ("html", "dump", "seed")
        return {k: v for k, v in self.__dict__.items() if k not in lazy}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


# Reading values ---------------------------------------------------------------------------


def site_of(url: str | None) -> str | None:
    """The URL's host, lower-cased, without a leading ``www.``; for web.archive.org the
    archived URL's; None without a usable URL.

    >>> site_of("https://WWW.Example.com:8080/a"), site_of("hard::page.html"), site_of("")
    ('example.com', None, None)
    >>> site_of("https://web.archive.org/web/2016id_/http://www.peptalks.de/haben/")
    'peptalks.de'
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        match = ARCHIVED.match(parts.path)
        if match:
            archived = match.group(1)
            archived = re.sub(r"^(https?):/+", r"\1://", archived)
            return site_of(archived if "://" in archived else f"http://{archived}")
    return host.removeprefix("www.") or None


def html_language(markup: bytes) -> str | None:
    """Primary subtag of the ``<html lang>`` attribute, lower-cased; None without one.

    >>> html_language(b'<!doctype html><HTML class="x" lang="de-AT">'), html_language(b"<html>")
    ('de', None)
    >>> html_language(b'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="EN_us">')
    'en'
    """
    tag = HTML_TAG.search(markup)
    if not tag:
        return None
    lang = LANG_ATTRIBUTE.search(tag.group(1))
    return lang.group(1).decode("ascii").lower() if lang else None


def read_date(value: str | None) -> str | None:
    """A gold date read leniently: zero padding added, a month above 12 taken for a
    YYYY-DD-MM swap, month-only dates kept as YYYY-MM; None when empty or unreadable.

    >>> read_date("2022-11-1"), read_date("2022-29-11"), read_date("2015-11"), read_date("")
    ('2022-11-01', '2022-11-29', '2015-11', None)
    >>> read_date("2022-02-30"), read_date("soon")
    (None, None)
    """
    if not value or not value.strip():
        return None
    match = GOLD_DATE.fullmatch(value.strip())
    if not match:
        return None
    year, first = int(match.group(1)), int(match.group(2))
    if match.group(3) is None:
        return f"{year:04d}-{first:02d}" if 1 <= first <= 12 else None
    month, day = first, int(match.group(3))
    if month > 12 >= day:
        month, day = day, month
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _language_of(path: Path) -> str | None:
    with gzip.open(path, "rb") as handle:
        return html_language(handle.read(LANGUAGE_SNIFF_BYTES))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _site(corpus: str, page_id: str, url: str | None) -> str:
    # A page without a URL is a site of its own.
    return site_of(url) or f"{corpus}/{page_id}"


# Loading ----------------------------------------------------------------------------------


def _load_aeb(root: Path, data: Path) -> list[Page]:
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, record in truth.items():
        url = record.get("url") or None
        html_path = root / "html" / f"{page_id}.html.gz"
        pages.append(
            Page(
                corpus="aeb-dev",
                id=page_id,
                url=url,
                site=_site("aeb-dev", page_id, url),
                page_type="article",
                language=_language_of(html_path),
                html_path=html_path,
                text_path=root / "text" / f"{page_id}.txt",
                body=record["articleBody"],
                data=data,
            )
        )
    return pages


def _load_wcxb(root: Path, data: Path) -> list[Page]:
    pages = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        gold = record.get("ground_truth") or {}
        page_id = path.stem
        url = (record.get("url") or "").strip() or None
        html_path = root / "html" / f"{page_id}.html.gz"
        pages.append(
            Page(
                corpus="wcxb-dev",
                id=page_id,
                url=url,
                site=_site("wcxb-dev", page_id, url),
                page_type=((record.get("_internal") or {}).get("page_type") or {}).get("primary"),
                language=_language_of(html_path),
                html_path=html_path,
                text_path=CACHE / "wcxb-dev" / f"{page_id}.txt",
                body=gold.get("main_content") or None,
                with_=_strings(gold.get("with")),
                without=_strings(gold.get("without")),
                gold=GoldMetadata(
                    title=gold.get("title"),
                    author=gold.get("author"),
                    date=gold.get("publish_date"),
                    has_metadata=True,
                ),
                data=data,
            )
        )
    return pages


def _load_traf(root: Path, data: Path) -> list[Page]:
    records = json.loads((root / "evaldata.json").read_text("utf-8"))
    pages = []
    for key, record in records.items():
        page_id = record["file"].removesuffix(".html")
        url = key.strip() if key.strip().startswith(("http://", "https://")) else None
        html_path = root / "html" / f"{record['file']}.gz"
        annotated = any(k in record for k in ("title", "author", "date"))
        pages.append(
            Page(
                corpus="traf-dev",
                id=page_id,
                url=url,
                site=_site("traf-dev", page_id, url),
                page_type=None,
                language=_language_of(html_path),
                html_path=html_path,
                text_path=CACHE / "traf-dev" / f"{page_id}.txt",
                with_=_strings(record.get("with")),
                without=_strings(record.get("without")),
                gold=GoldMetadata(
                    title=record.get("title"),
                    author=record.get("author"),
                    date=record.get("date"),
                    tags=_strings(record["tags"]) if "tags" in record else None,
                    categories=_strings(record["categories"]) if "categories" in record else None,
                    has_metadata=annotated,
                ),
                data=data,
            )
        )
    return pages


LOADERS: dict[str, Callable[[Path, Path], list[Page]]] = {
    "aeb-dev": _load_aeb,
    "wcxb-dev": _load_wcxb,
    "traf-dev": _load_traf,
}


@cache
def load(corpus: str, data: Path = DATA) -> tuple[Page, ...]:
    """Every page of one corpus, sorted by id (loaded once per process)."""
    if corpus not in LOADERS:
        raise ValueError(f"unknown corpus {corpus!r}; one of {', '.join(CORPORA)}")
    return tuple(sorted(LOADERS[corpus](data / corpus, data), key=lambda p: p.id))


def population(name: str, data: Path = DATA) -> list[Page]:
    """The pages of a protocol population (see the module docstring), sorted by id."""
    if name == "wcxb-dev":
        return [p for p in load("wcxb-dev", data) if p.body]
    if name == "wcxb-dev-articles":
        return [p for p in load("wcxb-dev", data) if p.is_article]
    if name in ("aeb-dev", "traf-dev"):
        return list(load(name, data))
    raise ValueError(f"unknown population {name!r}; one of {', '.join(POPULATIONS)}")


def sample(pages: Sequence[Page], limit: int | None) -> list[Page]:
    """``limit`` pages evenly spaced in id order (all of them without a limit).

    Spacing the picks over the sorted ids spreads a sample over the corpus's sites.

    >>> class P:
    ...     def __init__(self, i): self.id = i
    >>> [p.id for p in sample([P(f"{i:02d}") for i in range(10)], 3)]
    ['00', '03', '06']
    """
    ordered = sorted(pages, key=lambda p: p.id)
    if limit is None or limit >= len(ordered):
        return ordered
    return [ordered[i * len(ordered) // limit] for i in range(max(limit, 0))]


def select(names: Iterable[str], limit: int | None = None, data: Path = DATA) -> list[Page]:
    """The pages of several populations, each sampled to ``limit`` pages."""
    return [page for name in names for page in sample(population(name, data), limit)]


# Cross-validation ------------------------------------------------------------------------


def site_fold(site: str, k: int = 5) -> int:
    """The fold of a site: a stable hash of its name, modulo k.

    >>> site_fold("example.com") == site_fold("example.com"), 0 <= site_fold("a.org", 3) < 3
    (True, True)
    """
    digest = hashlib.sha1(site.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % k


def folds(pages: Sequence[Page], k: int = 5) -> list[tuple[list[Page], list[Page]]]:
    """k (train, test) splits grouped by site: each site's pages are tested in one fold.

    A site's fold depends only on its name (``site_fold``), so any subset of the dev
    pages, in any order, is split the same way; pages keep their order within a split.

    >>> pages = [Page("c", str(i), None, f"s{i % 7}.org", None, None, Path(), Path())
    ...          for i in range(30)]
    >>> splits = folds(pages)
    >>> sum(len(test) for _, test in splits)
    30
    >>> all(not {p.site for p in train} & {p.site for p in test} for train, test in splits)
    True
    """
    test: dict[int, list[Page]] = defaultdict(list)
    for page in pages:
        test[site_fold(page.site, k)].append(page)
    return [([p for p in pages if site_fold(p.site, k) != f], test[f]) for f in range(k)]


# Text dumps and seed-like text ------------------------------------------------------------


@cache
def _page_text(data: Path) -> Callable[[str], str]:
    """``page_text`` of the corpus folder's make_text.py, imported from where it is."""
    spec = importlib.util.spec_from_file_location("make_text", data / "make_text.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {data / 'make_text.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page_text: Callable[[str], str] = module.page_text
    return page_text


def build_dump(page: Page) -> None:
    """Make the page's text dump with make_text.py and write it to the cache."""
    text = _page_text(page.data)(page.html)
    page.text_path.parent.mkdir(parents=True, exist_ok=True)
    partial = page.text_path.with_name(f"{page.text_path.name}.{os.getpid()}.part")
    partial.write_text(f"{text}\n" if text else "", "utf-8")
    partial.replace(page.text_path)


def _build(page: Page) -> str:
    build_dump(page)
    return page.key


def ensure_dumps(pages: Iterable[Page], workers: int = 2) -> int:
    """Build the missing text dumps in ``workers`` processes; the number built."""
    missing = [p for p in pages if not p.text_path.exists()]
    if not missing:
        return 0
    if workers <= 1:
        for page in missing:
            build_dump(page)
    else:
        with ProcessPoolExecutor(workers) as pool:
            for _ in pool.map(_build, missing, chunksize=8):
                pass
    return len(missing)


def article_line(line: str, body_shingles: set[tuple[str, ...]]) -> bool:
    """A dump line of at least 6 words whose 4-token shingles are at least 60% in the body.

    The share counts the line's shingles with their repeats.

    >>> body = set(shingles("the council met on monday to vote on the budget"))
    >>> article_line("The council met on Monday to vote", body)
    False
    >>> article_line("the council met on monday to vote today", body)
    True
    """
    if len(line.split()) < ARTICLE_LINE_WORDS:
        return False
    own = shingles(line)
    total = sum(own.values())
    found = sum(n for s, n in own.items() if s in body_shingles)
    return total > 0 and found >= ARTICLE_LINE_SHARE * total


def seed_text(dump: str, body: str) -> str:
    """The dump cut to the article: 12 lines before the first article line to 20 after the
    last; the whole dump when no line is an article line.

    >>> dump = "\\n".join([f"menu {i}" for i in range(15)] + ["a b c d e f g"] + ["x"] * 25)
    >>> seed = seed_text(dump, "a b c d e f g").splitlines()
    >>> len(seed), seed[0], seed[12]
    (33, 'menu 3', 'a b c d e f g')
    >>> seed_text("one line only", "other words") == "one line only"
    True
    """
    body_shingles = set(shingles(body))
    lines = dump.splitlines()
    hits = [i for i, line in enumerate(lines) if article_line(line, body_shingles)]
    if not hits:
        return dump
    start = max(0, hits[0] - SEED_LINES_BEFORE)
    return "\n".join(lines[start : hits[-1] + SEED_LINES_AFTER + 1])


# Overview ---------------------------------------------------------------------------------


def _overview(data: Path, workers: int, build: bool) -> None:
    everything = [p for corpus in CORPORA for p in load(corpus, data)]
    for name in POPULATIONS:
        pages = population(name, data)
        sites = len({p.site for p in pages})
        print(f"{name:<18} {len(pages):>5} pages  {sites:>5} sites")
    print("pages without URL:", ", ".join(p.key for p in everything if p.url is None) or "none")
    urls = Counter(p.url for p in everything if p.url)
    print("URLs on more than one page:", [u for u, n in urls.items() if n > 1] or "none")
    for corpus in CORPORA:
        pages = load(corpus, data)
        languages = Counter(p.language or "-" for p in pages).most_common(8)
        print(f"{corpus} languages (html lang): {languages}")
        if corpus == "wcxb-dev":
            print(f"{corpus} page types: {Counter(p.page_type for p in pages).most_common()}")
        odd = [
            (p.id, p.gold.date, p.gold.date_iso)
            for p in pages
            if p.gold.date and p.gold.date != p.gold.date_iso
        ]
        if odd:
            print(f"{corpus} gold dates read leniently (raw -> read): {odd}")
        annotated = sum(p.gold.has_metadata for p in pages)
        print(f"{corpus} records with metadata keys: {annotated}/{len(pages)}")
    not_utf8 = []
    for page in everything:
        try:
            gzip.decompress(page.html_path.read_bytes()).decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(page.key)
    print(f"pages not in UTF-8 ({len(not_utf8)}): {not_utf8}")
    tests = [len(test) for _, test in folds(everything)]
    print(f"5 folds by site over all {len(everything)} pages: {tests}")
    if build:
        built = ensure_dumps(everything, workers)
        print(f"text dumps built: {built}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--build-dumps", action="store_true", help="make missing dumps")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no corpus folder at {args.data}")
    _overview(args.data, args.workers, args.build_dumps)


if __name__ == "__main__":
    main()
