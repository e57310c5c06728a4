"""Text-mode throughput against datatrove's C4 line rules, in one run on the same inputs.

Two inputs: the benchmark's page text dumps (MB of input per CPU second) and seed-like
articles (documents per CPU second: the seed articles in fixtures/seeds/ with paragraphs
swapped and dropped, boilerplate lines and a fresh sentence each, so no two are equal).
Warm, best of --repeat passes, CPU seconds (time.process_time); each pass gets a fresh
Cleaner, so nothing a pass remembers carries over to the next.

With --floor, parts of text mode's work are timed alone too, against the C4 rules:
splitting the input into normalised lines; that and the region's value of each line it
scores (the lines a first, untimed run scored); all that and the rule gate's scan of the
case-folded lines. Text mode does all three for these inputs, so they bound from below
what text mode can reach in this design.

    python bench/throughput.py [--data DIR] [--articles 3000] [--repeat 3] [--floor]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cleaner
from cleaner.pipeline.linescore import line_value
from cleaner.pipeline.stages import region
from cleaner.rules.linegate import LineGate
from cleaner.text.lines import segment

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


def segment_run() -> Run:
    def run(texts: list[str]) -> None:
        for text in texts:
            segment(text)

    return run


def scored_lines(engine: cleaner.Cleaner, texts: list[str]) -> dict[str, list[str]]:
    """The lines the region scores in each text, from one text-mode run."""
    scored: dict[str, list[str]] = {}
    current: list[str] = []

    def recorded(key: str, junk: bool) -> float:
        current.append(key)
        return line_value(key, junk)

    region.line_value = recorded  # type: ignore[assignment]
    try:
        for text in texts:
            current = scored[text] = []
            engine.clean(text)
    finally:
        region.line_value = line_value
    return scored


def line_values_run(
    scored: dict[str, list[str]], gate: LineGate | None = None
) -> Callable[[], Run]:
    """Segmentation and the scored lines' values, and with ``gate`` its scan of the keys."""

    def build() -> Run:
        def run(texts: list[str]) -> None:
            for text in texts:
                lines = segment(text)
                for key in scored[text]:
                    line_value(key, False)
                if gate is not None:
                    gate.admit([line.key for line in lines])

        return run

    return build


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
    parser.add_argument("--floor", action="store_true", help="also time parts of the work alone")
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
        if args.floor:
            engine = cleaner.Cleaner(mode="text", explain=False)
            scored = scored_lines(engine, texts)
            gate = engine.rules.line_gate
            floor = (
                ("normalised lines", segment_run),
                ("lines + region values", line_values_run(scored)),
                ("lines + region values + rule gate", line_values_run(scored, gate)),
            )
            for part, build in floor:
                seconds = best_seconds(build, texts, args.repeat)
                print(f"  only {part}: {seconds / peer:.2f}x C4's time")


if __name__ == "__main__":
    main()
