"""Parallel speed-up: a large batch cleaned by `Cleaner.clean_many` in 1 and N processes.

The batch is the benchmark's text dumps (and HTML pages with --html) repeated --repeat
times. Wall-clock time, since the point is using more than one core; the ratio is from one
run, the outputs are checked to be equal and in input order.

    python bench/parallel.py [--data DIR] [--repeat 10] [--workers 2] [--html]
"""

from __future__ import annotations

import argparse
import gzip
import os
import time
from pathlib import Path

import cleaner

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb-dev"


def batch(data: Path, repeat: int, html: bool) -> list[str]:
    """The documents of one batch, in a fixed order."""
    if html:
        pages = [
            gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
            for p in sorted((data / "html").glob("*.html.gz"))
        ]
    else:
        pages = [p.read_text("utf-8") for p in sorted((data / "text").glob("*.txt"))]
    return pages * repeat


def timed(mode: str, docs: list[str], workers: int) -> tuple[float, list[str]]:
    """Wall time and bodies of one pass with a fresh Cleaner (no cache carried over)."""
    engine = cleaner.Cleaner(mode=mode)
    start = time.perf_counter()
    bodies = [
        a.text for a in engine.clean_many(docs, workers=workers) if isinstance(a, cleaner.Article)
    ]
    return time.perf_counter() - start, bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--html", action="store_true", help="HTML pages instead of text dumps")
    args = parser.parse_args()
    docs = batch(args.data, args.repeat, args.html)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    mode = "html" if args.html else "text"
    serial, expected = timed(mode, docs, 1)
    parallel, got = timed(mode, docs, args.workers)
    if got != expected:
        raise SystemExit("parallel output differs from serial output")
    print(f"{len(docs)} documents, {megabytes:.1f} MB, {os.cpu_count()} CPUs")
    print(f"1 process:   {serial:7.2f} s  {megabytes / serial:6.2f} MB/s")
    print(f"{args.workers} processes: {parallel:7.2f} s  {megabytes / parallel:6.2f} MB/s")
    print(f"speed-up {serial / parallel:.2f}x")


if __name__ == "__main__":
    main()
