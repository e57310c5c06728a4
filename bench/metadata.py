"""Metadata beside the peers: title, date, authors (and traf-dev's tags and categories).

HTML mode, in one run: cleaner (``cleaner.clean(page, mode="html", url=...)``),
trafilatura (``bare_extraction(page, url=..., with_metadata=True)``) and newspaper4k
(``Article(url).download(input_html=page).parse()``, images not fetched; a page without
a URL gets a placeholder URL with no path). Populations, per ../shared/bench/README.md:
wcxb-dev (the 1,476 pages with a main content; title, author, publish_date), reported
for all and per page type, and traf-dev (the 416 records with metadata keys; title,
author, date, tags, categories). cleaner's categories are its ``section``; newspaper4k
gives none.

Normalisation and counts are ``cleaner.evaluation.metadata``'s (the same for every
system): NFKC, dashes, quotes, whitespace and case unified; author lists split on ``;``,
``&``, `` and `` / `` und `` and on ``,`` only between names, a dot in a name a space;
strict = equal name sets, lenient = every gold name among the answer's; dates compared
as ``YYYY-MM-DD``, pages whose gold date is month-only or impossible left out (counted).
Per field: coverage (answered where the gold has a value), precision (right among those
answers), wrong (wrong answers among the pages with a gold value) and, apart, answers on
pages whose gold is empty (some are gaps in the gold).

The peers' answers are cached under bench/cache/metadata/ by version (``--fresh`` to
redo). ``--cost`` times, per page, cleaner's metadata readers alone (on the parsed page)
and the whole HTML clean; ``--show FIELD`` lists cleaner's wrong and missing answers.

    python bench/metadata.py [--corpora wcxb-dev,traf-dev] [--systems cleaner,...]
        [--limit N] [--workers 2] [--fresh] [--cost] [--show title|date|authors]
        [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import cleaner
from cleaner.evaluation.metadata import (
    FieldCount,
    answer_date,
    author_names,
    normal_text,
    score_authors,
    score_date,
    score_set,
    score_title,
)
from corpora import ROOT, Page, population, sample

SYSTEMS = ("cleaner", "trafilatura", "newspaper4k")
CACHE = ROOT / "bench" / "cache" / "metadata"
TYPES = ("article", "documentation", "service", "forum", "product", "listing", "collection")
FIELDS = {
    "wcxb-dev": ("title", "date", "authors"),
    "traf-dev": ("title", "date", "authors", "tags", "categories"),
}
PLACEHOLDER_URL = "https://page.invalid/"
Answer = dict[str, Any]


# Systems ---------------------------------------------------------------------------------


def run_cleaner(page: Page) -> Answer:
    meta = cleaner.clean(page.html, mode="html", url=page.url).metadata
    return {
        "title": meta.title,
        "date": meta.date,
        "updated": meta.updated,
        "authors": list(meta.authors),
        "tags": list(meta.tags),
        "categories": [meta.section] if meta.section else [],
        "sources": dict(meta.sources),
    }


def run_trafilatura(page: Page) -> Answer:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return {}
    return {
        "title": doc.title,
        "date": doc.date,
        "authors": doc.author,
        "tags": list(doc.tags or []),
        "categories": list(doc.categories or []),
    }


def run_newspaper(page: Page) -> Answer:
    from newspaper import Article
    from newspaper.configuration import Configuration

    config = Configuration()
    config.fetch_images = False
    config.memorize_articles = False
    article = Article(page.url or PLACEHOLDER_URL, config=config)
    article.download(input_html=page.html)
    article.parse()
    return {
        "title": article.title,
        "date": answer_date(article.publish_date),
        "authors": list(article.authors),
        "tags": sorted(article.tags or ()),
        "categories": [],
    }


RUNNERS: dict[str, Callable[[Page], Answer]] = {
    "cleaner": run_cleaner,
    "trafilatura": run_trafilatura,
    "newspaper4k": run_newspaper,
}


def version(system: str) -> str:
    if system == "trafilatura":
        import trafilatura

        return str(trafilatura.__version__)
    if system == "newspaper4k":
        from importlib.metadata import version as installed

        return installed("newspaper4k")
    return "dev"


def _answer(task: tuple[Page, str]) -> tuple[str, str, Answer, float]:
    page, system = task
    warnings.simplefilter("ignore")
    start = time.process_time()
    try:
        answer = RUNNERS[system](page)
    except Exception as exc:  # a peer failing on a page answers nothing there
        answer = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    return page.key, system, answer, time.process_time() - start


def answers(
    pages: list[Page], systems: Iterable[str], workers: int, fresh: bool
) -> tuple[dict[str, dict[str, Answer]], dict[str, float]]:
    """Every system's answer per page (peers from the cache when they are there), and
    each system's CPU seconds for the pages it ran on."""
    found: dict[str, dict[str, Answer]] = {}
    cpu: dict[str, float] = defaultdict(float)
    tasks = []
    for system in systems:
        path = CACHE / f"{system}-{version(system)}.json"
        cached = {} if fresh or system == "cleaner" else _read(path)
        found[system] = cached
        tasks += [(p, system) for p in pages if p.key not in cached]
    with Pool(workers) as pool:
        for key, system, answer, seconds in pool.imap_unordered(_answer, tasks, chunksize=4):
            found[system][key] = answer
            cpu[system] += seconds
    for system in systems:
        if system != "cleaner":
            path = CACHE / f"{system}-{version(system)}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({**_read(path), **found[system]}, default=str), "utf-8")
    return found, dict(cpu)


def _read(path: Path) -> dict[str, Answer]:
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


# Scores ----------------------------------------------------------------------------------


def score(
    pages: Iterable[Page], found: dict[str, Answer], fields: Iterable[str]
) -> dict[str, FieldCount]:
    counts = {name: FieldCount() for name in fields}
    for page in pages:
        answer = found.get(page.key, {})
        gold = page.gold
        for name, count in counts.items():
            if name == "title":
                score_title(count, page.key, gold.title, answer.get("title"))
            elif name == "date":
                score_date(count, page.key, gold.date, gold.date_iso, answer.get("date"))
            elif name == "authors":
                score_authors(count, page.key, gold.author, answer.get("authors"))
            elif name == "tags" and gold.tags is not None:
                score_set(count, page.key, gold.tags, answer.get("tags"))
            elif name == "categories" and gold.categories is not None:
                score_set(count, page.key, gold.categories, answer.get("categories"))
    return counts


def groups(corpus: str, pages: list[Page]) -> list[tuple[str, list[Page]]]:
    if corpus == "traf-dev":
        return [("traf-dev", [p for p in pages if p.gold.has_metadata])]
    named = [("wcxb-dev all", pages)]
    return named + [(f"wcxb-dev {t}", [p for p in pages if p.page_type == t]) for t in TYPES]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| pages | field | system | gold | exact | coverage | precision | lenient | wrong "
        "| answered / empty gold |\n" + "|---" * 10 + "|"
    )
    lines = [head]
    for row in rows:
        c: FieldCount = row["count"]
        lenient = _pct(c.lenient_precision) if row["field"] == "authors" else ""
        lines.append(
            f"| {row['group']} | {row['field']} | {row['system']} | {c.gold} "
            f"| {_pct(c.accuracy)} | {_pct(c.coverage)} | {_pct(c.precision)} | {lenient} "
            f"| {_pct(c.wrong)} | {c.extra} / {c.empty} |"
        )
    return "\n".join(lines)


def show(field: str, pages: list[Page], found: dict[str, Answer]) -> None:
    for page in pages:
        gold = page.gold
        answer = found.get(page.key, {})
        if field == "title":
            g, a = gold.title, answer.get("title")
            if normal_text(g) and normal_text(g) != normal_text(a):
                print(f"{page.key}\n   gold {g!r}\n   got  {a!r}")
        elif field == "date":
            g, a = gold.date_iso, answer.get("date")
            if (g or a) and g != a:
                source = answer.get("sources", {}).get("date")
                print(f"{page.key}  gold {g}  got {a} ({source}) updated {answer.get('updated')}")
        elif field == "authors":
            g, a = author_names(gold.author), author_names(answer.get("authors"))
            if (g or a) and g != a:
                source = answer.get("sources", {}).get("authors")
                print(f"{page.key}  gold {sorted(g)}  got {sorted(a)} ({source})")


# Cost ------------------------------------------------------------------------------------


def cost(pages: list[Page], repeat: int) -> None:
    """Per page CPU: cleaner's metadata readers on the parsed page, and the whole clean."""
    from trafilatura.utils import load_html

    from cleaner.html.metadata import page_metadata, read_fields

    readers = whole = 0.0
    for page in pages:
        html = page.html
        for _ in range(repeat):
            tree = load_html(html)
            start = time.process_time()
            found = read_fields(tree, page.url, [])
            page_metadata(found, html, page.url, tree)
            readers += time.process_time() - start
            start = time.process_time()
            cleaner.clean(html, mode="html", url=page.url)
            whole += time.process_time() - start
    n = len(pages) * repeat
    print(
        f"cost over {len(pages)} pages x {repeat}: metadata readers {1000 * readers / n:.2f} ms"
        f" a page, whole HTML clean {1000 * whole / n:.2f} ms a page "
        f"({100 * readers / whole:.1f}%)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default="wcxb-dev,traf-dev")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="run the peers again")
    parser.add_argument("--cost", type=int, metavar="PAGES", default=0)
    parser.add_argument("--repeat", type=int, default=3, help="passes of --cost")
    parser.add_argument("--show", choices=("title", "date", "authors"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    corpora = args.corpora.split(",")
    systems = [s for s in args.systems.split(",") if s]
    if unknown := set(systems) - set(SYSTEMS):
        sys.exit(f"unknown systems: {sorted(unknown)}")
    if args.cost:
        pages = [p for c in corpora for p in sample(population(c), args.cost)]
        cost(pages, args.repeat)
        return
    rows: list[dict[str, Any]] = []
    for corpus in corpora:
        pages = sample(population(corpus), args.limit)
        found, cpu = answers(pages, systems, args.workers, args.fresh)
        for system, seconds in cpu.items():
            print(f"{corpus} {system}: {1000 * seconds / len(pages):.1f} ms CPU a page")
        for group, members in groups(corpus, pages):
            counts = {s: score(members, found[s], FIELDS[corpus]) for s in systems}
            for field in FIELDS[corpus]:
                rows += [
                    {"group": group, "field": field, "system": s, "count": counts[s][field]}
                    for s in systems
                ]
        if args.show and "cleaner" in found:
            scored = [p for p in pages if corpus != "traf-dev" or p.gold.has_metadata]
            show(args.show, scored, found["cleaner"])
    print(table(rows))
    for row in rows:
        c = row["count"]
        if row["field"] == "date" and c.excluded and row["system"] == systems[0]:
            print(f"{row['group']}: {c.excluded} pages left out of the date score")
    if args.json:
        payload = [
            {k: v for k, v in row.items() if k != "count"}
            | {k: getattr(row["count"], k) for k in ("gold", "answered", "right", "lenient")}
            | {"empty": row["count"].empty, "extra": row["count"].extra}
            for row in rows
        ]
        args.json.write_text(json.dumps(payload, indent=1), "utf-8")


if __name__ == "__main__":
    main()
