"""Where text mode spends its time: CPU time per pipeline stage, on the inputs of throughput.py.

Each stage function of `cleaner.pipeline` is wrapped with a CPU timer for the run, and so
is the line gate, whose time is taken out of the stage that first calls it (label_lines).
The stages are the ones `Cleaner.clean_text` calls, so the table follows the pipeline as
it is. Warm, one pass after a warm-up pass, one Cleaner. The timers cost a little, so the
stages add up to a bit more than a plain run. With --profile N, cProfile's N most
expensive functions (own time) follow each table.

    python bench/stages.py [--data DIR] [--articles 1000] [--profile 0]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cleaner
import cleaner.pipeline
from cleaner.document import Document
from cleaner.stages import region

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb-dev" / "text"
sys.path.insert(0, str(ROOT / "bench"))

from memory import article_text, seed_paragraphs  # noqa: E402

STAGES = (
    "segment",
    "cut_tokens",
    "label_lines",
    "label_footer",
    "label_header",
    "removals",
    "compose",
    "build_metadata",
)


GATE = "line gate"  # first called by label_lines; its time is taken out of label_lines


Spent = defaultdict[str, float]  # CPU seconds per stage


def timed(function: Callable[..., Any], name: str, spent: Spent) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return run


def instrument(spent: Spent) -> None:
    """Wrap the stages (and the line gate, inside label_lines) with timers."""
    for name in STAGES:
        setattr(cleaner.pipeline, name, timed(getattr(cleaner.pipeline, name), name, spent))
    region.select_article = timed(region.select_article, "select_article", spent)
    Document.candidates = timed(Document.candidates, GATE, spent)  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    dumps = [p.read_text("utf-8") for p in sorted(args.data.glob("*.txt"))]
    rng = random.Random(1)
    seeds = seed_paragraphs()
    articles = [article_text(rng, seeds, n) for n in range(args.articles)]
    spent: Spent = defaultdict(float)
    instrument(spent)
    engine = cleaner.Cleaner(mode="text", explain=False)
    for name, texts in (("page text dumps", dumps), ("seed-like articles", articles)):
        for text in texts:  # warm: every line memo and cache as a second pass finds them
            engine.clean(text)
        spent.clear()
        start = time.process_time()
        for text in texts:
            engine.clean(text)
        total = time.process_time() - start
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"{name}: {len(texts)} documents, {megabytes:.2f} MB, {total * 1000:.0f} ms CPU")
        spent["label_lines"] -= spent[GATE]
        for stage, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            share, per_doc = seconds / total, seconds / len(texts) * 1e6
            print(f"  {stage:16} {seconds * 1000:8.1f} ms {share:6.1%} {per_doc:8.0f} µs/doc")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for text in texts:
                engine.clean(text)
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
