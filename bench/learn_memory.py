"""How `cleaner learn` scales: a stream of synthetic documents through its stdin.

Each of ``--sites`` sites has a template of 15 lines (one with a number that changes on
every page), on every page; each page adds ``--lines`` lines of its own (random words, as
article lines are: nearly all unique). Documents go out interleaved across sites, so no
site's pages come together. The bench reports the learner's peak memory (its maximum
resident set), its time, whether the counts stayed exact, and how many template lines of
how many were learned, and how many other lines were (none should be).

    python bench/learn_memory.py [--documents 1000000] [--sites 20000] [--lines 25]
        [--max-lines N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import string
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_LINES = 15


def words(rng: random.Random, count: int) -> list[str]:
    letters = string.ascii_lowercase
    return ["".join(rng.choices(letters, k=rng.randint(2, 9))) for _ in range(count)]


def template(site: int) -> list[str]:
    return [f"Section {name} of site {site}" for name in "ABCDEFGHIJKLMN"]


def documents(count: int, sites: int, own: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    vocabulary = words(rng, 50_000)
    for n in range(count):
        site = n % sites
        lines = [*template(site), f"Updated {rng.randint(1, 59)} minutes ago"]
        article = [
            " ".join(rng.choices(vocabulary, k=rng.randint(6, 20))) + "." for _ in range(own)
        ]
        text = "\n".join(lines[:8] + article + lines[8:])
        record = {"url": f"https://site{site:05d}.test/{n}", "text": text}
        yield (json.dumps(record) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=20_000)
    parser.add_argument("--lines", type=int, default=25)
    parser.add_argument("--max-lines", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pack", type=Path, default=Path("/tmp/learn-memory.toml"))
    args = parser.parse_args()
    extra = ["--max-lines", str(args.max_lines)] if args.max_lines else []
    command = [sys.executable, "-m", "cleaner", "learn", "--jsonl", "--url-field", "url"]
    command += [*extra, "-o", str(args.pack), "-q", "-"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    assert child.stdin is not None
    for data in documents(args.documents, args.sites, args.lines, args.seed):
        child.stdin.write(data)
    child.stdin.close()
    status = child.wait()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pack = tomllib.loads(args.pack.read_text("utf-8"))
    learned = {(r["site"], r["examples"][0]) for r in pack.get("rules", [])}
    expected = {(f"site{s:05d}.test", line) for s in range(args.sites) for line in template(s)}
    dated = sum(1 for _, line in learned if line.startswith("Updated "))
    print(
        f"{args.documents} documents of {args.sites} sites, {args.lines} own lines each: "
        f"exit {status}, {seconds:.0f} s, peak memory {peak:.0f} MB, "
        f"exact = {pack['pack']['learned']['exact']}"
    )
    print(
        f"template lines learned: {len(learned & expected)} of {len(expected)}, "
        f"changing-number lines: {dated} of {args.sites}, "
        f"other lines learned: {len(learned - expected) - dated}"
    )


if __name__ == "__main__":
    main()
