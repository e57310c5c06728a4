"""Text-mode throughput against datatrove's C4 line rules, in one run on the same inputs.

Two inputs: the benchmark's page text dumps (MB of input per CPU second) and seed-like
articles (documents per CPU second: the seed articles in fixtures/seeds/ with paragraphs
swapped and dropped, boilerplate lines and a fresh sentence each, so no two are equal).
Warm, best of --repeat passes, CPU seconds (time.process_time); each pass gets a fresh
Cleaner, so nothing a pass remembers carries over to the next.

    python bench/throughput.py [--data DIR] [--articles 3000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb-dev" / "text"
sys.path.insert(0, str(ROOT / "bench"))

from memory import article_text, seed_paragraphs  # noqa: E402

Run = Callable[[list[str]], None]


def cleaner_run() -> Run:
    engine = cleaner.Cleaner(mode="text", explain=False)

    def run(texts: list[str]) -> None:
        for text in texts:
            engine.clean(text)

    return run


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


def best_seconds(build: Callable[[], Run], texts: list[str], repeat: int) -> float:
    build()(texts[:20])  # warm: imports done, patterns compiled
    best = float("inf")
    for _ in range(repeat):
        run = build()
        start = time.process_time()
        run(texts)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    dumps = [p.read_text("utf-8") for p in sorted(args.data.glob("*.txt"))]
    rng = random.Random(1)
    seeds = seed_paragraphs()
    articles = [article_text(rng, seeds, n) for n in range(args.articles)]
    for name, texts in (("page text dumps", dumps), ("seed-like articles", articles)):
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        mine = best_seconds(cleaner_run, texts, args.repeat)
        peer = best_seconds(c4_run, texts, args.repeat)
        print(f"{name}: {len(texts)} documents, {megabytes:.2f} MB")
        for system, seconds in (("cleaner text mode", mine), ("C4 line rules", peer)):
            print(
                f"  {system:18} {megabytes / seconds:6.2f} MB/CPU-s "
                f"{len(texts) / seconds:8.0f} docs/CPU-s"
            )
        print(f"  throughput ratio cleaner / C4: {peer / mine:.2f}")


if __name__ == "__main__":
    main()
