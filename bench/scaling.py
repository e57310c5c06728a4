"""Size-doubling benchmark: time and memory of one document at 1, 2, 4, 8 MB of realistic text.

Each size runs in a fresh process, so the peak resident memory is that document's own.
Prints CPU seconds, the ratio to the previous size (linear means about 2.0) and peak RSS.

    python bench/scaling.py [--sizes 1,2,4,8] [--mode text] [--source DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "bench" / "aeb-dev" / "text"
MAX_RATIO = 2.2


def realistic_text(megabytes: float, source: Path) -> str:
    """Page dumps and seed articles repeated up to the size (a long scraped feed page)."""
    parts = [p.read_text("utf-8") for p in sorted(source.glob("*.txt"))]
    parts += [p.read_text("utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    chunks: list[str] = []
    size = 0
    while size < target:
        for part in parts:
            chunks.append(part)
            size += len(part)
            if size >= target:
                break
    return "\n\n".join(chunks)[:target]


def measure_one(megabytes: float, mode: str, source: Path) -> dict[str, float]:
    """Clean one document of the size in this process; report CPU time and peak RSS."""
    import cleaner

    text = realistic_text(megabytes, source)
    cleaner_ = cleaner.Cleaner(mode=mode)
    cleaner_.clean(text[:200_000])  # warm: rule packs compiled, caches filled
    start = time.process_time()
    article = cleaner_.clean(text)
    seconds = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": megabytes, "seconds": seconds, "peak_rss_mb": peak_mb, "out": len(article.text)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8")
    parser.add_argument("--mode", default="text")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.mode, args.source)))
        return
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(size), "--mode", args.mode]
        cmd += ["--source", str(args.source)]
        rows.append(json.loads(subprocess.run(cmd, check=True, capture_output=True).stdout))
    print(f"{'MB':>6} {'CPU s':>8} {'x prev':>7} {'MB/s':>7} {'peak RSS MB':>12}")
    worst = 0.0
    for i, row in enumerate(rows):
        ratio = row["seconds"] / rows[i - 1]["seconds"] if i else float("nan")
        worst = max(worst, ratio) if i else worst
        rate = row["mb"] / row["seconds"]
        print(
            f"{row['mb']:>6.0f} {row['seconds']:>8.2f} {ratio:>7.2f} {rate:>7.2f}"
            f" {row['peak_rss_mb']:>12.0f}"
        )
    verdict = "linear" if worst <= MAX_RATIO else "NOT linear"
    print(f"worst doubling ratio {worst:.2f} (limit {MAX_RATIO}): {verdict}")


if __name__ == "__main__":
    main()
