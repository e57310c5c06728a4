"""Streaming memory check: peak resident memory of `cleaner --jsonl` on a large JSON Lines file.

Writes a JSONL file of --size-mb megabytes (default 2000, i.e. 2 GB) to a temporary folder,
one record at a time (the generator holds one record in memory, never the file): the seed
articles in fixtures/seeds/ cut, shuffled and mixed with boilerplate lines and numbered
sentences, a few as HTML pages and a few of about 1 MB. Then runs the installed
`cleaner --jsonl --field text FILE -o /dev/null` in a subprocess for each --workers value,
samples the resident memory (VmRSS, VmHWM in /proc) of the cleaner process and of its
worker processes, and takes the exact peak from wait4()'s ru_maxrss when it ends. Prints
wall time, CPU time, throughput and peak RSS, and exits 1 when a process's peak RSS goes
over --limit-mb (default 300) or the run does not read and write every record.

    python bench/memory.py [--size-mb 2000] [--workers 1,2] [--limit-mb 300] [--tmpdir DIR]
    python bench/memory.py --size-mb 200            # a quicker run
    python bench/memory.py --input big.jsonl        # an existing file instead
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
MB = 1_000_000
SUMMARY = re.compile(r"cleaner: (\d+) read, (\d+) written, (\d+) errors")
JUNK = [
    "Sign up for our daily newsletter!",
    "Advertisement",
    "{mosads}",
    "Recommended Stories",
    "Share this article: Facebook Twitter Email",
    "Photo: Getty Images",
    "© 2024 Example Media Ltd. All rights reserved.",
    "Oops! Something went wrong.",
    "Read more: The budget debate, explained",
    "8 min read",
]
WORDS = [
    "council", "budget", "minister", "vote", "reporters", "market", "prices", "energy",
    "court", "ruling", "election", "city", "police", "school", "health", "water", "housing",
]  # fmt: skip


def cleaner_command() -> list[str]:
    """The console script next to this Python, else ``python -m cleaner``."""
    script = Path(sys.executable).parent / "cleaner"
    if script.is_file():
        return [str(script)]
    found = shutil.which("cleaner")
    return [found] if found else [sys.executable, "-m", "cleaner"]


def seed_paragraphs() -> list[list[str]]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed articles in {SEEDS}")
    return [[p for p in s.read_text("utf-8").split("\n\n") if p.strip()] for s in seeds]


def sentence(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
    return f"Item {number}: the {words} report said on Monday."


def article_text(rng: random.Random, seeds: list[list[str]], number: int) -> str:
    """One article: seed paragraphs, some swapped or dropped, with junk and fresh sentences."""
    paragraphs = list(rng.choice(seeds))
    for _ in range(rng.randint(0, 4)):
        i, j = rng.randrange(len(paragraphs)), rng.randrange(len(paragraphs))
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    paragraphs = [p for p in paragraphs if rng.random() > 0.1] or paragraphs[:1]
    for _ in range(rng.randint(0, 5)):
        paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(JUNK))
    paragraphs.insert(rng.randint(0, len(paragraphs)), sentence(rng, number))
    return "\n\n".join(paragraphs)


def as_html(text: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        "<!DOCTYPE html><html><head><title>News</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article>{body}</article><footer>© 2024 Example Media</footer></body></html>"
    )


def records(seeds: list[list[str]], seed: int) -> Iterator[dict[str, object]]:
    """Endless varied records: about 2% HTML pages, 0.1% of about 1 MB, the rest text."""
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        roll = rng.random()
        if roll < 0.001:
            text = "\n\n".join(article_text(rng, seeds, number) for _ in range(150))
        elif roll < 0.02:
            text = as_html(article_text(rng, seeds, number))
        else:
            text = article_text(rng, seeds, number)
        yield {
            "id": number,
            "url": f"https://example.com/news/{number}",
            "text": text,
            "meta": {"lang": "en", "crawl": "2024-05", "score": round(rng.random(), 3)},
        }


def generate(path: Path, size_mb: float, seed: int) -> tuple[int, float]:
    """Stream records into ``path`` until it holds ``size_mb`` MB; (records, seconds)."""
    target = int(size_mb * MB)
    written = count = 0
    start = time.perf_counter()
    with path.open("wb", buffering=1 << 20) as out:
        for record in records(seed_paragraphs(), seed):
            line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
            out.write(line)
            written += len(line)
            count += 1
            if written >= target:
                break
    return count, time.perf_counter() - start


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        parent = int(stat[stat.rindex(b")") + 2 :].split()[1])  # after "pid (comm) state"
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _status_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KiB; zeros when it is gone."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, hwm


@dataclass
class Sampler:
    """Samples a process and its descendants until stopped."""

    pid: int
    interval: float
    main_kib: int = 0  # peak of the cleaner process itself
    any_kib: int = 0  # peak of any one process (cleaner or a worker)
    total_kib: int = 0  # peak of the sum over all of them at one time
    samples: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            tree = _children()
            pids, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo.extend(tree.get(pid, []))
            total = 0
            for pid in pids:
                rss, hwm = _status_kib(pid)
                total += rss
                self.any_kib = max(self.any_kib, hwm, rss)
                if pid == self.pid:
                    self.main_kib = max(self.main_kib, hwm, rss)
            self.total_kib = max(self.total_kib, total)
            self.samples += 1
            self.stop.wait(self.interval)


def measure(path: Path, workers: int, output: str, interval: float) -> dict[str, float | str]:
    """Run the cleaner on ``path``; wall and CPU time, peaks, the summary line."""
    cmd = [*cleaner_command(), "--jsonl", "--field", "text", str(path), "-o", output]
    cmd += ["--workers", str(workers)]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stderr=stderr)
        sampler = Sampler(proc.pid, interval)
        thread = threading.Thread(target=sampler.run, daemon=True)
        thread.start()
        _, status, usage = os.wait4(proc.pid, 0)  # its own rusage, workers included
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop.set()
        thread.join()
        stderr.seek(0)
        messages = stderr.read()
    peak_kib = max(usage.ru_maxrss, sampler.any_kib)
    found = SUMMARY.findall(messages)
    return {
        "workers": workers,
        "status": proc.returncode,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "main_mb": sampler.main_kib / 1024,
        "peak_mb": peak_kib / 1024,
        "total_mb": sampler.total_kib / 1024,
        "samples": sampler.samples,
        "summary": found[-1] if found else messages.strip()[-300:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=2000, help="JSONL size to generate")
    parser.add_argument("--workers", default="1", help="comma-separated --workers values")
    parser.add_argument("--limit-mb", type=float, default=300, help="peak RSS limit per process")
    parser.add_argument("--tmpdir", type=Path, help="where to write the file (default: $TMPDIR)")
    parser.add_argument("--input", type=Path, help="an existing JSONL file instead")
    parser.add_argument("--output", default=os.devnull, help="cleaner's -o (default: /dev/null)")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--interval", type=float, default=0.1, help="sampling interval, seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    folder = None
    if args.input is not None:
        path, count = args.input, sum(1 for line in args.input.open("rb") if line.strip())
        print(f"input {path}: {count} records")
    else:
        folder = Path(tempfile.mkdtemp(prefix="cleaner-memory-", dir=args.tmpdir))
        path = folder / "big.jsonl"
        free = shutil.disk_usage(folder).free
        if free < args.size_mb * MB * 1.2 + 1e9:
            sys.exit(f"not enough disk in {folder}: {free / MB:.0f} MB free")
        count, seconds = generate(path, args.size_mb, args.seed)
        print(f"generated {path}: {count} records in {seconds:.1f} s")
    size_mb = path.stat().st_size / MB
    failed = False
    rows = []
    try:
        for workers in (int(w) for w in args.workers.split(",")):
            row = measure(path, workers, args.output, args.interval)
            rows.append(row)
            expected = (str(count), str(count), "0")
            if row["status"] != 0 or row["summary"] != expected:
                print(f"workers={workers}: cleaner exited {row['status']}: {row['summary']}")
                failed = True
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    print(
        f"{'MB':>7} {'workers':>7} {'wall s':>8} {'CPU s':>8} {'MB/s':>6} {'MB/CPU-s':>8}"
        f" {'main RSS MB':>11} {'peak RSS MB':>11} {'all procs MB':>12}"
    )
    for row in rows:
        print(
            f"{size_mb:>7.0f} {row['workers']:>7} {row['wall']:>8.1f} {row['cpu']:>8.1f}"
            f" {size_mb / float(row['wall']):>6.2f} {size_mb / float(row['cpu']):>8.2f}"
            f" {row['main_mb']:>11.0f} {row['peak_mb']:>11.0f} {row['total_mb']:>12.0f}"
        )
    worst = max((float(r["peak_mb"]) for r in rows), default=0.0)
    verdict = "OK" if worst <= args.limit_mb else "OVER THE LIMIT"
    limit = f"limit {args.limit_mb:.0f} MB"
    print(f"largest peak RSS of one process {worst:.0f} MB ({limit}): {verdict}")
    if failed or worst > args.limit_mb:
        sys.exit(1)


if __name__ == "__main__":
    main()
