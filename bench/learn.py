"""The learn bench: synthetic sites made of real article bodies in real page templates.

Each site is a set of real article bodies from the dev corpora (aeb-dev ``articleBody``,
wcxb-dev ``main_content``), wrapped in that site's own template, taken from real pages'
junk (the text dumps' lines outside the article): the menu at the top of one donor page,
a newsletter box, a teaser heading (with teaser items: other pages' titles, different on
every page), the donor's footer, and lines with a number or date that changes on every
page. Each template line stands on 80-100% of the site's pages. Traps are real sentences
repeated on 15-25% of a site's articles: a quoted statement and a sign-off (the last
paragraph of another article), inside the article. Pages are text dumps: one block a line.

The corpus goes to ``cleaner learn --url-field url``, then through ``cleaner`` with and
without the pack (JSON Lines, ``--explain`` for the trail). Figures: the share of template
lines removed, the traps damaged (any character removed), and the mean shingle recall of
the article (body and traps). The pack is learned again from the corpus shuffled, and
must be the same bytes. ``--gate-rules N`` adds sites until the learned pack holds about N
rules and times loading it and cleaning the bench pages with it.

    python bench/learn.py [--sites 24] [--seed 1] [--workers 2] [--gate-rules 20000]
        [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import regex

import cleaner
from cleaner.evaluation.metrics import page_counts
from cleaner.learn.pack import guess
from corpora import article_line, population, shingles

ROOT = Path(__file__).resolve().parents[1]
PAGES = (20, 60)
TEMPLATE_SHARE = (0.8, 1.0)
TRAP_SHARE = (0.15, 0.25)
MAX_JUNK_CHARS = 120
NEWSLETTER = regex.compile(r"newsletter|subscribe|sign up|inbox|e-?mail updates", regex.I)
TEASER = regex.compile(
    r"^(?:more (?:from|on|in|stories)|related|recommended|most (?:popular|read)|trending|"
    r"read (?:more|next)|you (?:may|might) also|latest|top stories|editor)",
    regex.I,
)
QUOTE = regex.compile(r"[“\"«„]")
WORD = regex.compile(r"\w+")


@dataclass
class Sources:
    """What sites are made of: bodies, donors' menus and footers, pools of junk lines."""

    bodies: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    donors: list[tuple[list[str], list[str]]] = field(default_factory=list)
    newsletter: list[str] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    signoffs: list[str] = field(default_factory=list)


def _junk(line: str) -> bool:
    return 2 <= len(line) <= MAX_JUNK_CHARS and regex.search(r"\p{L}", line) is not None


def read_sources() -> Sources:
    """Bodies from aeb-dev and wcxb-dev articles; junk from the dumps of wcxb-dev pages."""
    src = Sources()
    pages = population("aeb-dev") + population("wcxb-dev")
    junk: set[str] = set()
    for page in pages:
        if page.is_article and page.body:
            lines = [line.strip() for line in page.body.splitlines() if line.strip()]
            src.bodies.append("\n".join(lines))
            for line in lines:
                words = len(WORD.findall(line))
                if QUOTE.search(line) and 10 <= words <= 40:
                    src.quotes.append(line)
            if 6 <= len(WORD.findall(lines[-1])) <= 30:
                src.signoffs.append(lines[-1])
        if page.corpus != "wcxb-dev" or not page.body:
            continue
        if page.gold.title:
            src.titles.append(page.gold.title.strip())
        body = set(shingles(page.body))
        dump = [line.strip() for line in page.dump.splitlines() if line.strip()]
        hits = [i for i, line in enumerate(dump) if article_line(line, body)]
        if not hits:
            continue
        head = [x for x in dump[1 : max(1, hits[0] - 3)] if _junk(x)][:8]
        foot = [x for x in dump[hits[-1] + 4 :] if _junk(x)][-8:]
        if len(head) >= 4 and len(foot) >= 3:
            src.donors.append((head, foot))
        junk.update(x for x in dump[: hits[0]] + dump[hits[-1] + 1 :] if _junk(x))
    for line in sorted(junk):
        if NEWSLETTER.search(line):
            src.newsletter.append(line)
        elif TEASER.match(line) and len(line) <= 60:
            src.teasers.append(line)
        elif regex.search(r"\d", line) and len(line) <= 80:
            src.numbered.append(line)
    extra = [x for x in sorted(junk) if len(x) <= 40 and guess(x)[0].value == "recommended"]
    src.teasers = sorted(set(src.teasers) | set(extra))
    return src


@dataclass
class SynthPage:
    """One page of a synthetic site, with where its template lines and traps stand."""

    site: str
    url: str
    text: str
    template: list[tuple[int, int, str]]  # start, end, kind
    traps: list[tuple[int, int]]
    truth: str


def _vary(line: str, rng: random.Random) -> str:
    def number(match: regex.Match[str]) -> str:
        size = len(match.group())
        return str(rng.randrange(10 ** (size - 1) if size > 1 else 0, 10**size))

    return str(regex.sub(r"\d+", number, line))


def _on(rng: random.Random, pages: int, share: tuple[float, float]) -> set[int]:
    """A random set of round(f * pages) page numbers, f drawn from ``share``."""
    count = max(2, round(rng.uniform(*share) * pages))
    return set(rng.sample(range(pages), min(count, pages)))


def build_site(src: Sources, index: int, rng: random.Random, pages: int) -> list[SynthPage]:
    """The pages of one site: its template around real bodies, with two traps."""
    site = f"site{index:02d}.test"
    head, foot = src.donors[index % len(src.donors)]
    template = [(line, "menu") for line in head]
    template += [(line, "newsletter") for line in rng.sample(src.newsletter, 2)]
    teaser = rng.choice(src.teasers)
    template += [(line, "footer") for line in foot]
    numbered = rng.sample(src.numbered, 2)
    lines = sorted({line for line, _ in template} | {teaser, *numbered})
    share = {line: _on(rng, pages, TEMPLATE_SHARE) for line in lines}
    bodies = rng.sample(src.bodies, pages)
    traps = [rng.choice(src.quotes), rng.choice(src.signoffs)]
    trap_pages = [_on(rng, pages, TRAP_SHARE) for _ in traps]
    result = []
    for n, body in enumerate(bodies):
        rows: list[tuple[str, str]] = [(x, k) for x, k in template if k == "menu" and n in share[x]]
        if n in share[numbered[0]]:
            rows.append((_vary(numbered[0], rng), "numbered"))
        paragraphs = body.split("\n")
        if n in trap_pages[0]:
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), traps[0])
        if n in trap_pages[1]:
            paragraphs.append(traps[1])
        rows += [(p, "trap" if p in traps else "body") for p in paragraphs]
        rows += [(x, k) for x, k in template if k == "newsletter" and n in share[x]]
        if n in share[teaser]:
            rows.append((teaser, "teaser"))
            rows += [(t, "item") for t in rng.sample(src.titles, 3)]
        rows += [(x, k) for x, k in template if k == "footer" and n in share[x]]
        if n in share[numbered[1]]:
            rows.append((_vary(numbered[1], rng), "numbered"))
        result.append(_page(site, n, rows))
    return result


def _page(site: str, n: int, rows: list[tuple[str, str]]) -> SynthPage:
    text, spans, traps, truth = "", [], [], []
    for line, kind in rows:
        start = len(text)
        text += line + "\n"
        if kind in ("body", "trap"):
            truth.append(line)
        if kind == "trap":
            traps.append((start, start + len(line)))
        elif kind not in ("body", "item"):
            spans.append((start, start + len(line), kind))
    url = f"https://www.{site}/story/{n}"
    return SynthPage(site, url, text, spans, traps, "\n".join(truth))


def build_corpus(src: Sources, sites: int, seed: int) -> list[SynthPage]:
    rng = random.Random(seed)
    return [p for i in range(sites) for p in build_site(src, i, rng, rng.randint(*PAGES))]


def write_jsonl(pages: list[SynthPage], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps({"url": page.url, "text": page.text}, ensure_ascii=False) + "\n")


def command(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = [sys.executable, "-m", "cleaner", *map(str, args)]
    done = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, run))} failed:\n{done.stderr}")
    return done


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right([s for s, _ in spans], start) - 1
    return i >= 0 and spans[i][1] >= end


def score(pages: list[SynthPage], output: Path) -> dict[str, object]:
    """Template lines removed (all and by kind), traps damaged, mean article recall."""
    removed = kept = damaged = 0
    by_kind: dict[str, list[int]] = {}
    culprits: dict[str, int] = {}
    recalls = []
    with output.open(encoding="utf-8") as lines:
        for page, line in zip(pages, lines, strict=True):
            record = json.loads(line)
            removals = record["cleaner"]["removed"]
            trail = sorted((r["start"], r["end"]) for r in removals)
            merged: list[tuple[int, int]] = []
            for start, end in trail:
                if merged and start <= merged[-1][1] + 1:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            for start, end, kind in page.template:
                gone = _covered(merged, start, end)
                removed += gone
                by_kind.setdefault(kind, [0, 0])[0] += gone
                by_kind[kind][1] += 1
            for start, end in page.traps:
                rules = [r["rule"] for r in removals if r["start"] < end and start < r["end"]]
                if rules:
                    damaged += 1
                    culprit = "learned" if rules[0].startswith("TPL-") else rules[0]
                    culprits[culprit] = culprits.get(culprit, 0) + 1
                else:
                    kept += 1
            recalls.append(page_counts(page.truth, record["text"]).recall)
    total = sum(len(p.template) for p in pages)
    return {
        "template_removed": removed / total,
        "template_lines": total,
        "by_kind": {k: round(v[0] / v[1], 4) for k, v in sorted(by_kind.items())},
        "traps_kept": kept,
        "traps_damaged": damaged,
        "traps_damaged_by": dict(sorted(culprits.items())),
        "recall": sum(recalls) / len(recalls),
    }


def gate_cost(src: Sources, pages: list[SynthPage], target: int, seed: int, work: Path) -> dict:
    """Learn a pack of about ``target`` rules (extra sites of 20 template lines each) and
    time loading it and cleaning the bench pages with it, against the bench pack and none."""
    rng = random.Random(seed + 1)
    pool = sorted({x for head, foot in src.donors for x in head + foot} | set(src.numbered))
    extra: list[SynthPage] = []
    for index in range(max(0, target // 20)):
        lines = rng.sample(pool, 20)
        for n in range(12):
            rows = [(x, "menu") for x in lines[:12]]
            rows.append((rng.choice(src.bodies).split("\n")[0], "body"))
            rows += [(x, "footer") for x in lines[12:]]
            extra.append(_page(f"extra{index:05d}.test", n, rows))
    corpus = work / "gate.jsonl"
    write_jsonl(pages + extra, corpus)
    command(
        "learn", "--input", "text", "--url-field", "url", corpus, "-o", work / "gate.toml", "-q"
    )
    result: dict[str, float] = {}
    for name, packs in (
        ("none", []),
        ("bench", [work / "pack.toml"]),
        ("gate", [work / "gate.toml"]),
    ):
        start = time.perf_counter()
        engine = cleaner.Cleaner(rules=packs, mode="text")
        result[f"{name}_load_s"] = round(time.perf_counter() - start, 3)
        best = 0.0
        for _ in range(3):
            cpu = time.process_time()
            for page in pages:
                engine.clean(page.text, url=page.url)
            best = max(best, len(pages) / (time.process_time() - cpu))
        result[f"{name}_pages_per_cpu_s"] = round(best, 1)
    result["gate_rules"] = sum(1 for x in (work / "gate.toml").open() if x == "[[rules]]\n")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--gate-rules", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    src = read_sources()
    pages = build_corpus(src, args.sites, args.seed)
    sizes = [sum(p.site == s for p in pages) for s in sorted({p.site for p in pages})]
    print(
        f"{len(sizes)} sites, {len(pages)} pages ({min(sizes)}-{max(sizes)} a site), "
        f"{sum(len(p.template) for p in pages)} template lines, "
        f"{sum(len(p.traps) for p in pages)} traps"
    )
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = work / "corpus.jsonl"
        write_jsonl(pages, corpus)
        start = time.perf_counter()
        learned = command(
            "learn", "--input", "text", "--url-field", "url", corpus, "-o", work / "pack.toml"
        )
        seconds = time.perf_counter() - start
        print(learned.stderr.strip(), f"({seconds:.1f} s)")
        shuffled = work / "shuffled.jsonl"
        rows = corpus.read_text("utf-8").splitlines(keepends=True)
        random.Random(args.seed).shuffle(rows)
        shuffled.write_text("".join(rows), "utf-8")
        again = work / "again" / "pack.toml"
        command("learn", "--input", "text", "--url-field", "url", shuffled, "-o", again, "-q")
        same = (work / "pack.toml").read_bytes() == again.read_bytes()
        results: dict[str, object] = {"pages": len(pages), "sites": len(sizes), "same_pack": same}
        for name, extra in (("without", []), ("with", ["--rules", work / "pack.toml"])):
            out = work / f"{name}.jsonl"
            command(
                corpus,
                "--input",
                "text",
                "--url-field",
                "url",
                "--explain",
                "-q",
                "-j",
                args.workers,
                *extra,
                "-o",
                out,
            )
            results[name] = score(pages, out)
        if args.gate_rules:
            results["gate"] = gate_cost(src, pages, args.gate_rules, args.seed, work)
    print(f"pack the same when learned from shuffled input: {same}")
    for name in ("without", "with"):
        r = results[name]
        assert isinstance(r, dict)
        print(
            f"{name:>7} pack: template lines removed {r['template_removed']:.2%} "
            f"of {r['template_lines']}, traps kept {r['traps_kept']}, damaged "
            f"{r['traps_damaged']} {r['traps_damaged_by']}, article recall {r['recall']:.4f}"
        )
        print(f"         by kind: {r['by_kind']}")
    if "gate" in results:
        print("gate cost:", results["gate"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
