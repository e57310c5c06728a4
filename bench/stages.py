"""Where text mode spends its time: CPU time per pipeline stage, on the inputs of throughput.py.

The stages are `cleaner.pipeline.STAGES`, run one by one on each document with a CPU timer
around each, so the table follows the pipeline as it is. The line gate's scan, which the
first whole-line stage would start, is run and timed just before it. Warm, one pass after
a warm-up pass, one Cleaner. The timers cost a little, so the stages add up to a bit more
than a plain run. With --profile N, cProfile's N most expensive functions (own time)
follow each table.

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
from pathlib import Path

import cleaner
from cleaner.pipeline import STAGES, Document
from cleaner.pipeline.stages.line_rules import label_lines
from cleaner.rules import Scope

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb-dev" / "text"
sys.path.insert(0, str(ROOT / "bench"))

from memory import article_text, seed_paragraphs  # noqa: E402

GATE = "line gate"
Spent = defaultdict[str, float]  # CPU seconds per stage


def timed_clean(engine: cleaner.Cleaner, text: str, spent: Spent) -> None:
    """Run the text pipeline's stages on ``text``, adding each one's CPU time to ``spent``."""
    config = engine.config
    model = engine.model(cleaner.Mode.TEXT)  # the line classifier, as Cleaner.clean runs it
    doc = Document.of(
        text, engine.rules, keep=config.keep, find_article=config.find_article, model=model
    )
    clock = time.process_time
    for stage in STAGES:
        if stage is label_lines:
            start = clock()
            doc.candidates(Scope.LINE)
            spent[GATE] += clock() - start
        start = clock()
        stage(doc)
        spent[stage.__name__] += clock() - start


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
    engine = cleaner.Cleaner(mode="text", explain=False)
    for name, texts in (("page text dumps", dumps), ("seed-like articles", articles)):
        for text in texts:  # warm: every line memo and cache as a second pass finds them
            engine.clean(text)
        spent.clear()
        start = time.process_time()
        for text in texts:
            timed_clean(engine, text, spent)
        total = time.process_time() - start
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"{name}: {len(texts)} documents, {megabytes:.2f} MB, {total * 1000:.0f} ms CPU")
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
