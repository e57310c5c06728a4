"""Do two commits clean every dev page and the seeds the same? Snapshot, then compare.

Every page of the three dev corpora is cleaned in text mode (its text dump) and in HTML
mode (the page), and every seed article in text mode, by the code of ``--base`` (a git
worktree made for it) and by the code of this tree, in one run. The inputs are read
once, here, so both sides clean the same strings. Text, metadata and the removal trail
must be equal byte for byte. Warnings may differ only by the ``code: `` prefix they
gained and by new warnings whose codes ``--new-codes`` names (fallbacks that were silent
before).

    python bench/snapshot.py --base 08ba757 [--limit N] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "cache" / "snapshot"
SEEDS = ROOT / "fixtures" / "seeds"
CODE_PREFIX = re.compile(r"^[a-z]+(?:-[a-z]+)*: ")
NEW_CODES = "html-unparsed,html-fallback,html-gaps-skipped,metadata-unread,charset-guessed"


def inputs(limit: int | None) -> Iterator[dict[str, Any]]:
    """Every document to clean: (key, mode, url, source)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpora import CORPORA, ensure_dumps, load, sample

    for corpus in CORPORA:
        pages = sample(load(corpus), limit)
        ensure_dumps(pages)
        for page in pages:
            yield {"key": page.key, "mode": "text", "url": page.url, "source": page.dump}
            yield {"key": page.key, "mode": "html", "url": page.url, "source": page.html}
    for seed in sorted(SEEDS.glob("*.txt")):
        yield {"key": f"seed/{seed.stem}", "mode": "text", "url": None, "source": seed.read_text()}


_cleaner: Any = None


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    global _cleaner
    import cleaner

    if _cleaner is None:
        _cleaner = cleaner.Cleaner()
    try:
        result = _cleaner.clean(item["source"], mode=item["mode"], url=item["url"]).to_dict()
    except Exception as exc:  # recorded: a failure must fail the same way on both sides
        result = {"error": f"{type(exc).__name__}: {exc}"}
    return {"key": item["key"], "mode": item["mode"], "result": result}


def run(source: Path, out: Path, workers: int) -> None:
    """Clean every input of ``source`` with the ``cleaner`` this process imports."""
    items = [json.loads(line) for line in source.open(encoding="utf-8")]
    with ProcessPoolExecutor(workers) as pool, out.open("w", encoding="utf-8") as f:
        for result in pool.map(_clean, items, chunksize=8):
            f.write(json.dumps(result, ensure_ascii=False, sort_keys=True) + "\n")


def snapshot(src: Path, source: Path, out: Path, workers: int) -> float:
    """Run this script's ``--run`` with the package in ``src``; seconds taken."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--run", str(source), "--out", str(out)]
    start = time.perf_counter()
    subprocess.run([*command, "--workers", str(workers)], env=env, check=True, cwd=CACHE)
    return time.perf_counter() - start


def worktree(ref: str) -> Path:
    """A detached worktree of ``ref`` (made once per commit)."""
    sha = subprocess.run(
        ["git", "rev-parse", ref], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    path = CACHE / f"base-{sha[:12]}"
    if not path.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), sha], check=True, cwd=ROOT)
    return path


def compare(base: Path, head: Path, new_codes: set[str]) -> Counter[str]:
    """Differences per kind (text, metadata, removed, warnings, error) over all documents."""
    diffs: Counter[str] = Counter()
    added: Counter[str] = Counter()
    with base.open(encoding="utf-8") as a, head.open(encoding="utf-8") as b:
        for line_a, line_b in zip(a, b, strict=True):
            old, new = json.loads(line_a), json.loads(line_b)
            assert (old["key"], old["mode"]) == (new["key"], new["mode"])
            if "error" in old["result"] or "error" in new["result"]:
                if old["result"] != new["result"]:
                    diffs["error"] += 1
                    print(f"  {new['key']} {new['mode']}: error differs")
                continue
            for part in ("text", "metadata", "removed", "mode"):
                if old["result"][part] != new["result"][part]:
                    diffs[part] += 1
                    print(f"  {new['key']} {new['mode']}: {part} differs")
            kept = []
            for warning in new["result"]["warnings"]:
                code = warning.split(":", 1)[0]
                if code in new_codes:
                    added[code] += 1
                else:
                    kept.append(CODE_PREFIX.sub("", warning))
            if kept != old["result"]["warnings"]:
                diffs["warnings"] += 1
                print(f"  {new['key']} {new['mode']}: warnings differ")
    for code, count in sorted(added.items()):
        print(f"  new warnings {code}: {count}")
    return diffs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="the commit to compare with")
    parser.add_argument("--limit", type=int, help="pages per corpus (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--new-codes", default=NEW_CODES, help="warning codes new here")
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run(args.run, args.out, args.workers)
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    source = CACHE / "inputs.jsonl"
    count = 0
    with source.open("w", encoding="utf-8") as f:
        for item in inputs(args.limit):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    base_src = worktree(args.base) / "src"
    seconds = snapshot(base_src, source, CACHE / "base.jsonl", args.workers)
    print(f"{args.base}: {count} documents cleaned in {seconds:.0f} s")
    seconds = snapshot(ROOT / "src", source, CACHE / "head.jsonl", args.workers)
    print(f"this tree: {count} documents cleaned in {seconds:.0f} s")
    diffs = compare(CACHE / "base.jsonl", CACHE / "head.jsonl", set(args.new_codes.split(",")))
    changed = {kind: n for kind, n in diffs.items() if n}
    print(f"{count} documents; differences: {changed or 'none'}")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
