"""Throughput against the peers it replaces, in one run on the same inputs, on every dev corpus.

Text mode against datatrove's C4 line rules: on each dev corpus's page text dumps (MB of input
per CPU second) and on seed-like articles (documents per CPU second): each corpus's
seed-like texts (``bench/corpora.py``: the dump cut around the article, for pages with a
gold body) and the generated ones (the seed articles in fixtures/seeds/ with paragraphs
swapped and dropped, boilerplate lines and a fresh sentence each, so no two are equal).
HTML mode against trafilatura, time per page: its plain ``extract()`` and
``extract(with_metadata=True)`` (cleaner reads metadata too), on --html-pages pages of each
corpus evenly spaced by id (0: all).

Warm, best of --repeat passes, CPU seconds (time.process_time); each pass gets a fresh
Cleaner, so nothing a pass remembers carries over to the next. Which path runs (compiled or
pure Python, ``CLEANER_PURE_PYTHON=1``) is printed first. --floor times parts of text mode's
work alone against C4 (see the README).

    python bench/throughput.py [--corpora aeb-dev,wcxb-dev,traf-dev] [--articles 3000]
                               [--repeat 3] [--html-pages 60] [--no-html] [--floor]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cleaner
from cleaner import native

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpora  # noqa: E402
from memory import article_text, seed_paragraphs  # noqa: E402

Run = Callable[[list[str]], None]


def cleaner_run(mode: str = "text") -> Callable[[], Run]:
    def build() -> Run:
        engine = cleaner.Cleaner(mode=mode, explain=False)

        def run(texts: list[str]) -> None:
            for text in texts:
                engine.clean(text)

        return run

    return build


def c4_run() -> Run:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    rules = C4QualityFilter(
        filter_lorem_ipsum=False, filter_curly_bracket=False, min_num_sentences=-1
    )

    def run(texts: list[str]) -> None:
        for text in texts:
            rules.filter(Document(text=text, id="x"))

    return run


def trafilatura_run(with_metadata: bool) -> Callable[[], Run]:
    def build() -> Run:
        import trafilatura

        def run(pages: list[str]) -> None:
            for page in pages:
                trafilatura.extract(page, with_metadata=with_metadata)

        return run

    return build


def floor_runs() -> dict[str, Callable[[], Run]]:
    """Parts of text mode's work alone, each including the ones before it."""
    from cleaner.pipeline import Document
    from cleaner.pipeline.classify import decide
    from cleaner.pipeline.stages.split import split_lines
    from cleaner.pipeline.stages.tokens import cut_tokens
    from cleaner.text.lines import segment

    engine = cleaner.Cleaner(mode="text")
    rules, model = engine.rules, engine.model(cleaner.Mode.TEXT)
    assert model is not None

    def split() -> Run:
        def run(texts: list[str]) -> None:
            for text in texts:
                segment(text)

        return run

    def split_classify() -> Run:
        def run(texts: list[str]) -> None:
            for text in texts:
                lines = [line for line in segment(text) if line.text]
                keys = [line.key for line in lines]
                decide(model, keys, [None] * len(keys), [line.listed for line in lines])

        return run

    def split_classify_gate() -> Run:
        def run(texts: list[str]) -> None:
            for text in texts:
                doc = Document.of(text, rules, model=model)
                split_lines(doc)
                cut_tokens(doc)
                keys = [line.key for line in doc.lines]
                doc.line_gate.admit(keys, doc.folded, doc.changed, None)
                lines = [line for line in doc.lines if line.text]
                decide(model, [x.key for x in lines], [None] * len(lines), [False] * len(lines))

        return run

    return {
        "split into normalised lines": split,
        "... and the classifier": split_classify,
        "... and tokens, case folding and the gate": split_classify_gate,
    }


def best_seconds(build: Callable[[], Run], texts: list[str], repeat: int) -> float:
    build()(texts[:20])  # warm: imports done, patterns compiled
    best = float("inf")
    for _ in range(repeat):
        run = build()
        start = time.process_time()
        run(texts)
        best = min(best, time.process_time() - start)
    return best


def text_table(name: str, texts: list[str], repeat: int, floor: bool) -> None:
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    mine = best_seconds(cleaner_run(), texts, repeat)
    peer = best_seconds(c4_run, texts, repeat)
    print(f"{name}: {len(texts)} documents, {megabytes:.2f} MB")
    for system, seconds in (("cleaner text mode", mine), ("C4 line rules", peer)):
        print(
            f"  {system:18} {megabytes / seconds:6.2f} MB/CPU-s "
            f"{len(texts) / seconds:8.0f} docs/CPU-s"
        )
    print(f"  throughput ratio cleaner / C4: {peer / mine:.2f}")
    if floor:
        for part, build in floor_runs().items():
            seconds = best_seconds(build, texts, repeat)
            print(f"  floor: {part} alone takes {seconds / peer:.2f}x C4's time")


def html_table(name: str, pages: list[str], repeat: int) -> None:
    mine = best_seconds(cleaner_run("html"), pages, repeat)
    plain = best_seconds(trafilatura_run(False), pages, repeat)
    meta = best_seconds(trafilatura_run(True), pages, repeat)
    print(f"{name} HTML: {len(pages)} pages")
    for system, seconds in (
        ("cleaner HTML mode", mine),
        ("trafilatura extract()", plain),
        ("... with_metadata=True", meta),
    ):
        print(f"  {system:23} {1000 * seconds / len(pages):7.2f} ms/page (CPU)")
    print(
        f"  time ratio cleaner / extract(): {mine / plain:.2f}; / with metadata: {mine / meta:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=",".join(corpora.CORPORA))
    parser.add_argument("--data", type=Path, default=corpora.DATA)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--html-pages", type=int, default=60, help="per corpus (0: all)")
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--floor", action="store_true")
    args = parser.parse_args()

    path = "compiled" if native.compiled is not None else "pure Python"
    print(f"cleaner path: {path}; CPU seconds, best of {args.repeat}")
    names = [n for n in args.corpora.split(",") if n]
    pages = {name: corpora.load(name, args.data) for name in names}
    corpora.ensure_dumps([p for found in pages.values() for p in found])
    seeds: list[str] = []
    for name, found in pages.items():
        text_table(f"{name} page text dumps", [p.dump for p in found], args.repeat, args.floor)
        seeds += [p.seed for p in found if p.seed is not None]
    rng = random.Random(1)
    paragraphs = seed_paragraphs()
    generated = [article_text(rng, paragraphs, n) for n in range(args.articles)]
    text_table("seed-like texts of the dev corpora", seeds, args.repeat, args.floor)
    text_table("seed-like articles (generated)", generated, args.repeat, args.floor)
    if not args.no_html:
        for name, found in pages.items():
            chosen = corpora.sample(list(found), args.html_pages or None)
            html_table(name, [p.html for p in chosen], args.repeat)


if __name__ == "__main__":
    main()
