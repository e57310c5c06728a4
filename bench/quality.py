"""Score cleaner's text and HTML modes beside the peers on one benchmark folder, in one run.

The folder is laid out like ../shared/bench/aeb-dev: html/ID.html.gz, text/ID.txt and
ground-truth.json ({ID: {"articleBody", "url"}}). Quality uses cleaner.scoring (the
benchmark's 4-token shingle metric); throughput is warm, best of --repeat passes, in CPU
seconds (time.process_time), with a fresh Cleaner per pass so no cache carries over.

    python bench/quality.py [--data DIR] [--modes text,html] [--peers c4,...] [--worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import cleaner
from cleaner.scoring import corpus_score, page_counts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb-dev"
Extractor = Callable[[str, str], str]


def c4_lines() -> Extractor:
    """datatrove's C4QualityFilter line rules, page-level filters off."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    rules = C4QualityFilter(
        filter_lorem_ipsum=False, filter_curly_bracket=False, min_num_sentences=-1
    )

    def run(text: str, url: str) -> str:
        doc = Document(text=text, id="x")
        return doc.text if rules.filter(doc) is True else ""

    return run


def as_paragraphs(text: str) -> str:
    return "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.splitlines())


def justext_lines() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(text: str, url: str) -> str:
        paragraphs = justext.justext(as_paragraphs(text) or "<p></p>", stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def trafilatura_on(favor_precision: bool, lines: bool) -> Extractor:
    import trafilatura

    def run(source: str, url: str) -> str:
        page = f"<html><body>{as_paragraphs(source)}</body></html>" if lines else source
        return trafilatura.extract(page, favor_precision=favor_precision) or ""

    return run


def readability() -> Extractor:
    import html_text
    from readability import Document

    def run(page: str, url: str) -> str:
        return str(html_text.extract_text(Document(page).summary()))

    return run


def cleaner_mode(mode: str) -> Callable[[], Extractor]:
    def build() -> Extractor:
        engine = cleaner.Cleaner()

        def run(source: str, url: str) -> str:
            return engine.clean(source, mode=mode, url=url).text

        return run

    return build


SYSTEMS: dict[str, tuple[str, Callable[[], Extractor]]] = {
    "cleaner-text": ("text", cleaner_mode("text")),
    "c4": ("text", c4_lines),
    "justext-lines": ("text", justext_lines),
    "trafilatura-lines": ("text", lambda: trafilatura_on(False, True)),
    "cleaner-html": ("html", cleaner_mode("html")),
    "trafilatura": ("html", lambda: trafilatura_on(False, False)),
    "trafilatura-precision": ("html", lambda: trafilatura_on(True, False)),
    "readability": ("html", readability),
}


def load(data: Path) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    inputs: dict[str, dict[str, str]] = {"text": {}, "html": {}}
    for page_id in truth:
        inputs["text"][page_id] = (data / "text" / f"{page_id}.txt").read_text("utf-8")
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        inputs["html"][page_id] = raw.decode("utf-8", "replace")
    return truth, inputs


def evaluate(
    build: Callable[[], Extractor],
    pages: dict[str, str],
    truth: dict[str, dict[str, str]],
    repeat: int,
) -> dict[str, object]:
    extract = build()
    predictions: dict[str, str] = {}
    errors = 0
    for page_id, source in pages.items():
        try:
            predictions[page_id] = extract(source, truth[page_id]["url"])
        except Exception:
            predictions[page_id], errors = "", errors + 1
    best = float("inf")
    for _ in range(repeat):
        extract = build()
        start = time.process_time()
        for page_id, source in pages.items():
            try:
                extract(source, truth[page_id]["url"])
            except Exception:
                continue
        best = min(best, time.process_time() - start)
    score = corpus_score((truth[i]["articleBody"], predictions[i]) for i in pages)
    megabytes = sum(len(s.encode("utf-8")) for s in pages.values()) / 1e6
    per_page = {i: page_counts(truth[i]["articleBody"], predictions[i]) for i in pages}
    return {
        "f1": score.f1,
        "precision": score.precision,
        "recall": score.recall,
        "pages_per_s": len(pages) / best,
        "mb_per_s": megabytes / best,
        "errors": errors,
        "pages": per_page,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--modes", default="text,html")
    parser.add_argument(
        "--peers",
        default="c4,justext-lines,trafilatura-lines,trafilatura,trafilatura-precision,readability",
    )
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    truth, inputs = load(args.data)
    wanted = [f"cleaner-{m}" for m in args.modes.split(",") if m] + [
        p for p in args.peers.split(",") if p
    ]
    results: dict[str, dict[str, object]] = {}
    for name in wanted:
        kind, build = SYSTEMS[name]
        try:
            results[name] = evaluate(build, inputs[kind], truth, args.repeat)
        except ImportError as exc:
            print(f"{name}: skipped ({exc})")
    for kind, peer in (("text", "c4"), ("html", "trafilatura")):
        rows = [n for n in results if SYSTEMS[n][0] == kind]
        if not rows:
            continue
        print(f"\n{kind} input ({len(inputs[kind])} pages)")
        print(f"{'system':<24}{'F1':>8}{'P':>8}{'R':>8}{'pages/s':>9}{'MB/s':>8}{'errors':>7}")
        for name in rows:
            r = results[name]
            print(
                f"{name:<24}{r['f1']:>8.4f}{r['precision']:>8.4f}{r['recall']:>8.4f}"
                f"{r['pages_per_s']:>9.1f}{r['mb_per_s']:>8.2f}{r['errors']:>7}"
            )
        mine = f"cleaner-{kind}"
        if mine in results and peer in results:
            a, b = results[mine], results[peer]
            print(
                f"{mine} vs {peer}: throughput ratio {a['pages_per_s'] / b['pages_per_s']:.2f}, "
                f"time per page ratio {b['pages_per_s'] / a['pages_per_s']:.2f}, "
                f"F1 {a['f1'] - b['f1']:+.4f}, recall {a['recall'] - b['recall']:+.4f}"
            )
        if mine in results and args.worst:
            print(f"worst {args.worst} pages for {mine}:")
            scores = results[mine]["pages"]
            for page_id in sorted(scores, key=lambda i: _f1(scores[i]))[: args.worst]:
                s = scores[page_id]
                host = urlparse(truth[page_id]["url"]).hostname
                print(
                    f"  {page_id[:10]} {host:<32} F1 {_f1(s):.3f} P {s.precision:.3f} "
                    f"R {s.recall:.3f}"
                )
    if args.json:
        out = {n: {k: v for k, v in r.items() if k != "pages"} for n, r in results.items()}
        args.json.write_text(json.dumps(out, indent=2), "utf-8")


def _f1(score: object) -> float:
    p, r = score.precision, score.recall  # type: ignore[attr-defined]
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main()
