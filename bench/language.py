"""How often ``metadata.language`` equals the primary subtag of the page's ``<html lang>``.

On the traf-dev and wcxb-dev pages that declare one, in text mode (the page's text dump
in, which never sees the attribute) and in HTML mode (the page in, where the attribute
is a hint). Also the CPU time of the language identification alone on the bodies, and
the pages where the two disagree (``--show``): many of them declare a language their
text is not in (a theme's ``lang="en"`` on a German blog).

    python bench/language.py [--corpora traf-dev,wcxb-dev] [--modes text,html]
        [--limit N] [--workers 2] [--show]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from multiprocessing import Pool
from typing import Any

import cleaner
from cleaner.text.language import identify
from corpora import Page, load, sample

ENGINE: cleaner.Cleaner | None = None


def _start() -> None:
    global ENGINE
    ENGINE = cleaner.Cleaner()


def _run(task: tuple[Page, tuple[str, ...]]) -> list[dict[str, Any]]:
    page, modes = task
    assert ENGINE is not None
    rows = []
    for mode in modes:
        source = page.dump if mode == "text" else page.html
        article = ENGINE.clean(source, mode=mode, url=page.url)
        start = time.process_time()
        for _ in range(10):
            identify(article.text)
        cpu = (time.process_time() - start) / 10
        rows.append(
            {
                "key": page.key,
                "corpus": page.corpus,
                "mode": mode,
                "declared": page.language,
                "found": article.metadata.language,
                "source": article.metadata.sources.get("language"),
                "cpu": cpu,
                "start": article.text[:70].replace("\n", " "),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", default="traf-dev,wcxb-dev")
    parser.add_argument("--modes", default="text,html")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="list the pages that disagree")
    args = parser.parse_args()
    modes = tuple(args.modes.split(","))
    pages = [
        p
        for corpus in args.corpora.split(",")
        for p in sample([p for p in load(corpus) if p.language], args.limit)
    ]
    tasks = [(p, modes) for p in pages]
    with Pool(args.workers, initializer=_start) as pool:
        rows = [row for rows in pool.imap(_run, tasks, chunksize=4) for row in rows]
    print(f"cleaner {cleaner.__version__}; pages that declare a language: {len(pages)}")
    print(f"  {'corpus':<10}{'mode':<6}{'pages':>6}{'agree':>7}{'share':>8}{'µs/id':>8}  sources")
    for corpus in args.corpora.split(","):
        for mode in modes:
            mine = [r for r in rows if r["corpus"] == corpus and r["mode"] == mode]
            if not mine:
                continue
            agree = sum(r["found"] == r["declared"] for r in mine)
            micro = 1e6 * sum(r["cpu"] for r in mine) / len(mine)
            sources = dict(Counter(r["source"] or "-" for r in mine).most_common())
            print(
                f"  {corpus:<10}{mode:<6}{len(mine):>6}{agree:>7}{agree / len(mine):>8.1%}"
                f"{micro:>8.0f}  {sources}"
            )
    if args.show:
        print("\npages that disagree (declared -> found):")
        for r in sorted(rows, key=lambda r: (r["key"], r["mode"])):
            if r["found"] != r["declared"]:
                print(
                    f"  {r['key'][:48]:<49}{r['mode']:<5}{r['declared']:>4} -> "
                    f"{r['found'] or '-':<4} {r['start']!r}"
                )


if __name__ == "__main__":
    main()
