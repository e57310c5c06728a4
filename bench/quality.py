"""Score cleaner beside its peers on the three dev corpora, in every input mode, in one run.

Inputs (``--modes``): ``text`` (the page's text dump, all corpora), ``seed`` (seed-like
text: aeb-dev and wcxb-dev articles) and ``html`` (the page, all corpora). Systems
(``--systems``): cleaner (``cleaner.Cleaner(**options)``, text or HTML mode), ``c4``
(datatrove's C4QualityFilter line rules, page-level filters off), ``nothing`` (the input
itself), ``trafilatura`` (``extract()`` default) and ``trafilatura-precision``
(``favor_precision=True``), both without comments on wcxb-dev and traf-dev as those
benchmarks' own evaluations run trafilatura (``TRAFILATURA_SETTINGS``); on request also
``readability``, ``justext-lines`` and ``trafilatura-lines`` (each dump line as a ``<p>``).

Figures follow the protocol of ../shared/bench/README.md: shingle F1 (aeb-dev, wcxb-dev),
word F1 (wcxb-dev), segments F1 (traf-dev), ``with`` kept and ``without`` left (wcxb-dev
case-insensitive, traf-dev case-sensitive after folding whitespace). CPU time is each
system's own, summed over the pages (``time.process_time`` around each call, one pass).

    python bench/quality.py [--corpora aeb-dev,wcxb-dev,traf-dev] [--modes text,seed,html]
        [--systems cleaner,c4,...] [--options html_focus=recall ...] [--limit N]
        [--workers 2] [--worst N] [--json FILE]
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import cleaner
from cleaner.evaluation.metrics import (
    PageScore,
    SnippetHits,
    WordScore,
    compare_shingles,
    compare_words,
    corpus_from_pages,
    segments_score,
    shingles,
    snippet_hits,
    snippet_rates,
    words,
)
from corpora import CORPORA, DATA, Page, ensure_dumps, population, sample, site_fold

Extractor = Callable[[str, Page], str]

MODES = ("text", "seed", "html")
MODE_LABELS = {"text": "text dump", "seed": "seed-like", "html": "HTML"}
TYPES = ("article", "documentation", "service", "forum", "product", "listing", "collection")
DEFAULT_SYSTEMS = "cleaner,c4,nothing,trafilatura,trafilatura-precision"
UNDER = 0.5
# trafilatura as the benchmarks' own figures run it: AEB's with extract()'s defaults, WCXB's
# and trafilatura's evaluation without comments (their gold leaves comments out).
TRAFILATURA_SETTINGS: dict[str, dict[str, Any]] = {
    "wcxb-dev": {"include_comments": False},
    "traf-dev": {"include_comments": False},
}


# Systems ---------------------------------------------------------------------------------


def c4_lines(options: dict[str, Any]) -> Extractor:
    """datatrove's C4QualityFilter line rules, page-level filters off."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    rules = C4QualityFilter(
        filter_lorem_ipsum=False, filter_curly_bracket=False, min_num_sentences=-1
    )

    def run(text: str, page: Page) -> str:
        doc = Document(text=text, id="x")
        return doc.text if rules.filter(doc) is True else ""

    return run


def nothing_removed(options: dict[str, Any]) -> Extractor:
    """The input itself."""
    return lambda text, page: text


def as_paragraphs(text: str) -> str:
    """Each line as an HTML paragraph.

    >>> as_paragraphs("a < b\\nc")
    '<p>a &lt; b</p><p>c</p>'
    """
    return "".join(f"<p>{html_lib.escape(line)}</p>" for line in text.splitlines())


def trafilatura_on(favor_precision: bool, lines: bool) -> Callable[[dict[str, Any]], Extractor]:
    """trafilatura's ``extract()`` on the page, or on the text's lines as paragraphs, with
    the corpus's ``TRAFILATURA_SETTINGS``."""

    def build(options: dict[str, Any]) -> Extractor:
        import trafilatura

        def run(source: str, page: Page) -> str:
            html = f"<html><body>{as_paragraphs(source)}</body></html>" if lines else source
            settings = TRAFILATURA_SETTINGS.get(page.corpus, {})
            return trafilatura.extract(html, favor_precision=favor_precision, **settings) or ""

        return run

    return build


def justext_lines(options: dict[str, Any]) -> Extractor:
    """jusText (English stop words) on the text's lines as paragraphs."""
    import justext

    stoplist = justext.get_stoplist("English")

    def run(text: str, page: Page) -> str:
        paragraphs = justext.justext(as_paragraphs(text) or "<p></p>", stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def readability(options: dict[str, Any]) -> Extractor:
    """readability-lxml's summary (the article's own element, not a new page), as text by
    html-text."""
    import html_text
    from readability import Document

    def run(source: str, page: Page) -> str:
        return str(html_text.extract_text(Document(source).summary(html_partial=True)))

    return run


# The option that names a folder of fold models (bench/train.py --folds): each page is
# cleaned with the line model fitted without its site's fold.
FOLD_MODELS = "fold_models"


def cleaner_in(mode: str) -> Callable[[dict[str, Any]], Extractor]:
    """cleaner in text or HTML mode, with the run's options."""

    def build(options: dict[str, Any]) -> Extractor:
        options = dict(options)
        folder = options.pop(FOLD_MODELS, None)
        engines: dict[int, cleaner.Cleaner] = {}

        def engine(page: Page) -> cleaner.Cleaner:
            fold = site_fold(page.site) if folder else -1
            if fold not in engines:
                models = {}
                if folder:
                    models["line_model"] = f"{folder}/fold-{fold}.json"
                    if Path(f"{folder}/html-fold-{fold}.json").exists():
                        models["html_line_model"] = f"{folder}/html-fold-{fold}.json"
                engines[fold] = cleaner.Cleaner(**options, **models)
            return engines[fold]

        def run(source: str, page: Page) -> str:
            return engine(page).clean(source, mode=mode, url=page.url).text

        return run

    return build


# system -> input kind -> builder
SYSTEMS: dict[str, dict[str, Callable[[dict[str, Any]], Extractor]]] = {
    "cleaner": {"text": cleaner_in("text"), "html": cleaner_in("html")},
    "c4": {"text": c4_lines},
    "nothing": {"text": nothing_removed},
    "justext-lines": {"text": justext_lines},
    "trafilatura-lines": {"text": trafilatura_on(False, True)},
    "trafilatura": {"html": trafilatura_on(False, False)},
    "trafilatura-precision": {"html": trafilatura_on(True, False)},
    "readability": {"html": readability},
}


def kind(mode: str) -> str:
    """The input kind a mode feeds systems: text for dumps and seed-like text, else html."""
    return "html" if mode == "html" else "text"


def source(page: Page, mode: str) -> str | None:
    """The page's input for a mode (None where the mode has none for this page)."""
    if mode == "html":
        return page.html
    if mode == "seed":
        return page.seed
    return page.dump


# Scoring one page ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    """One system's output on one page in one mode, scored against the page's gold."""

    corpus: str
    id: str
    site: str
    page_type: str | None
    language: str | None
    mode: str
    system: str
    cpu: float
    chars_in: int
    chars_out: int
    error: str | None
    shingle: PageScore | None
    word: WordScore | None
    hits: SnippetHits | None

    def to_json(self) -> dict[str, Any]:
        """A flat record: identity, cost and every score of the page."""
        out: dict[str, Any] = {
            "corpus": self.corpus,
            "id": self.id,
            "site": self.site,
            "page_type": self.page_type,
            "language": self.language,
            "mode": self.mode,
            "system": self.system,
            "cpu": round(self.cpu, 6),
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "error": self.error,
        }
        if self.shingle is not None:
            s = self.shingle
            out.update(
                shingle_tp=s.tp,
                shingle_fp=s.fp,
                shingle_fn=s.fn,
                shingle_p=s.precision,
                shingle_r=s.recall,
                shingle_f1=s.f1,
            )
        if self.word is not None:
            out.update(word_p=self.word.precision, word_r=self.word.recall, word_f1=self.word.f1)
        if self.hits is not None:
            h = self.hits
            out.update(
                with_found=h.with_found,
                with_total=h.with_total,
                without_found=h.without_found,
                without_total=h.without_total,
            )
        return out


@dataclass(frozen=True, slots=True)
class Truth:
    """A gold body's shingles and words, counted once for all the outputs of its page."""

    shingles: Counter[tuple[str, ...]]
    words: Counter[str]

    @classmethod
    def of(cls, page: Page) -> Truth | None:
        """The page's counts; None without a gold body."""
        if not page.body:
            return None
        return cls(shingles(page.body), Counter(words(page.body)))


def score(
    page: Page,
    truth: Truth | None,
    mode: str,
    system: str,
    output: str,
    cpu: float,
    error: str | None,
    chars_in: int,
) -> Result:
    """Score one output against the page's gold body and snippets."""
    has_snippets = bool(page.with_ or page.without)
    return Result(
        corpus=page.corpus,
        id=page.id,
        site=page.site,
        page_type=page.page_type,
        language=page.language,
        mode=mode,
        system=system,
        cpu=cpu,
        chars_in=chars_in,
        chars_out=len(output),
        error=error,
        shingle=compare_shingles(truth.shingles, shingles(output)) if truth else None,
        word=compare_words(truth.words, Counter(words(output))) if truth else None,
        hits=snippet_hits(
            output, page.with_, page.without, case_sensitive=page.snippets_case_sensitive
        )
        if has_snippets
        else None,
    )


_EXTRACTORS: dict[tuple[str, str], Extractor] = {}
WARM_UP = "<html><body><h1>Warm up</h1><p>One short paragraph of text to clean.</p></body></html>"


def _start(systems: Sequence[str], modes: Sequence[str], options: dict[str, Any]) -> None:
    """Build every extractor the run needs, once per process, and run each once, so that
    lazy imports and first-call set-up stay out of the timed calls."""
    _EXTRACTORS.clear()
    blank = Page("warm-up", "0", None, "-", None, None, Path(), Path())
    for system in systems:
        for input_kind, build in SYSTEMS[system].items():
            if any(kind(m) == input_kind for m in modes):
                extract = _EXTRACTORS[(system, input_kind)] = build(options)
                extract(WARM_UP, blank)


def _run_page(task: tuple[Page, tuple[str, ...], tuple[str, ...]]) -> list[Result]:
    page, modes, systems = task
    truth = Truth.of(page)
    results = []
    for mode in modes:
        text = source(page, mode)
        if text is None:
            continue
        for system in systems:
            extract = _EXTRACTORS.get((system, kind(mode)))
            if extract is None:
                continue
            error = None
            start = time.process_time()
            try:
                output = extract(text, page)
            except Exception as exc:
                output, error = "", f"{type(exc).__name__}: {str(exc)[:200]}"
            cpu = time.process_time() - start
            results.append(score(page, truth, mode, system, output, cpu, error, len(text)))
    return results


def run(
    pages: Sequence[Page],
    modes: tuple[str, ...],
    systems: tuple[str, ...],
    options: dict[str, Any],
    workers: int,
) -> Iterator[Result]:
    """Every system on every page in every mode, over ``workers`` processes."""
    # The largest pages first, so that no worker is left with a long one at the end.
    ordered = sorted(pages, key=lambda p: -p.html_path.stat().st_size)
    tasks = [(p, modes, systems) for p in ordered]
    if workers <= 1:
        _start(systems, modes, options)
        for task in tasks:
            yield from _run_page(task)
        return
    with Pool(workers, initializer=_start, initargs=(systems, modes, options)) as pool:
        for done, results in enumerate(pool.imap_unordered(_run_page, tasks), 1):
            if done % 250 == 0:
                print(f"  {done}/{len(tasks)} pages", file=sys.stderr, flush=True)
            yield from results


# Summaries -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """Every figure of one system on one set of pages in one mode."""

    pages: int
    errors: int
    cpu: float
    megabytes: float
    shingle_p: float | None
    shingle_r: float | None
    shingle_f1: float | None
    shingle_under: float | None
    word_f1: float | None
    seg_p: float | None
    seg_r: float | None
    seg_f1: float | None
    with_kept: float | None
    without_left: float | None
    with_under: float | None


def summarize(results: Sequence[Result]) -> Summary:
    """The corpus figures of a set of page results (one system, one mode)."""
    shingles = [r.shingle for r in results if r.shingle is not None]
    word = [r.word.f1 for r in results if r.word is not None]
    hits = [r.hits for r in results if r.hits is not None]
    with_rates = [h.with_rate for h in hits if h.with_rate is not None]
    corpus = corpus_from_pages(shingles) if shingles else None
    segments = segments_score(h.segments for h in hits) if hits else None
    rates = snippet_rates(hits)
    return Summary(
        pages=len(results),
        errors=sum(r.error is not None for r in results),
        cpu=sum(r.cpu for r in results),
        megabytes=sum(r.chars_in for r in results) / 1e6,
        shingle_p=corpus.precision if corpus else None,
        shingle_r=corpus.recall if corpus else None,
        shingle_f1=corpus.f1 if corpus else None,
        shingle_under=_share(s.f1 < UNDER for s in shingles),
        word_f1=sum(word) / len(word) if word else None,
        seg_p=segments.precision if segments else None,
        seg_r=segments.recall if segments else None,
        seg_f1=segments.f1 if segments else None,
        with_kept=rates.with_kept,
        without_left=rates.without_left,
        with_under=_share(rate < UNDER for rate in with_rates),
    )


def _share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(values) / len(values) if values else None


def _num(value: float | None, width: int = 7, percent: bool = False) -> str:
    if value is None:
        return f"{'-':>{width}}"
    return f"{value:>{width}.1%}" if percent else f"{value:>{width}.3f}"


def _speed(summary: Summary, system: str) -> str:
    if summary.cpu <= 0 or system == "nothing":
        return f"{'-':>9}{'-':>8}"
    return f"{summary.pages / summary.cpu:>9.1f}{summary.megabytes / summary.cpu:>8.2f}"


# Report ----------------------------------------------------------------------------------

FIGURES: dict[str, Callable[[Summary], float | None]] = {
    "shingle F1": lambda s: s.shingle_f1,
    "word F1": lambda s: s.word_f1,
    "segments F1": lambda s: s.seg_f1,
}

Groups = dict[tuple[str, str], list[Result]]


def _groups(results: Iterable[Result], keep: Callable[[Result], bool]) -> Groups:
    groups: Groups = defaultdict(list)
    for r in results:
        if keep(r):
            groups[(r.mode, r.system)].append(r)
    return groups


def _rows(
    groups: Groups, modes: Sequence[str], systems: Sequence[str]
) -> Iterator[tuple[str, str]]:
    for mode in modes:
        for system in systems:
            if (mode, system) in groups:
                yield mode, system


def _label(mode: str, system: str) -> str:
    return f"  {MODE_LABELS[mode]:<11}{system:<23}"


def report_bodies(
    title: str, groups: Groups, modes: Sequence[str], systems: Sequence[str], with_words: bool
) -> None:
    """Shingle F1 table (aeb-dev, wcxb-dev articles), with word F1 and snippets for wcxb."""
    extra = f"{'word F1':>8}" if with_words else ""
    snippets = f"{'with':>7}{'without':>8}" if with_words else ""
    print(f"\n{title}")
    print(
        f"  {'input':<11}{'system':<23}{extra}{'F1':>7}{'P':>7}{'R':>7}{snippets}"
        f"{'<0.5 F1':>8}{'pages/s':>9}{'MB/s':>8}{'errors':>7}"
    )
    for mode, system in _rows(groups, modes, systems):
        s = summarize(groups[(mode, system)])
        line = _label(mode, system)
        if with_words:
            line += _num(s.word_f1, 8)
        line += _num(s.shingle_f1) + _num(s.shingle_p) + _num(s.shingle_r)
        if with_words:
            line += _num(s.with_kept, 7, True) + _num(s.without_left, 8, True)
        print(line + _num(s.shingle_under, 8, True) + _speed(s, system) + f"{s.errors:>7}")


def report_segments(
    title: str, groups: Groups, modes: Sequence[str], systems: Sequence[str]
) -> None:
    """Segments F1 table (traf-dev)."""
    print(f"\n{title}")
    print(
        f"  {'input':<11}{'system':<23}{'F1':>7}{'P':>7}{'R':>7}{'with':>7}{'without':>8}"
        f"{'<½ with':>8}{'pages/s':>9}{'MB/s':>8}{'errors':>7}"
    )
    for mode, system in _rows(groups, modes, systems):
        s = summarize(groups[(mode, system)])
        print(
            _label(mode, system)
            + _num(s.seg_f1)
            + _num(s.seg_p)
            + _num(s.seg_r)
            + _num(s.with_kept, 7, True)
            + _num(s.without_left, 8, True)
            + _num(s.with_under, 8, True)
            + _speed(s, system)
            + f"{s.errors:>7}"
        )


def report_by(
    title: str,
    groups: Groups,
    modes: Sequence[str],
    systems: Sequence[str],
    column: Callable[[Result], str],
    columns: Sequence[str],
    figure: Callable[[Summary], float | None],
) -> None:
    """One figure per column value (page type, language), and over all pages."""
    counts = Counter(column(r) for r in next(iter(groups.values()), []))
    shown = [c for c in columns if counts[c]]
    print(f"\n{title}")
    labels = {c: f"{c} ({counts[c]})" for c in shown}
    widths = {c: max(len(label) + 2, 9) for c, label in labels.items()}
    everything = f"all ({sum(counts.values())})"
    width = max(len(everything) + 2, 9)
    heads = "".join(f"{labels[c]:>{widths[c]}}" for c in shown)
    print(f"  {'input':<11}{'system':<23}{everything:>{width}}{heads}")
    for mode, system in _rows(groups, modes, systems):
        results = groups[(mode, system)]
        line = _label(mode, system) + _num(figure(summarize(results)), width)
        for c in shown:
            part = [r for r in results if column(r) == c]
            line += _num(figure(summarize(part)) if part else None, widths[c])
        print(line)


def report_worst(title: str, results: Sequence[Result], n: int) -> None:
    """The n worst pages of one system in one mode, by the corpus's per-page figure."""
    if not results or n <= 0:
        return
    print(f"\n{title}")
    if results[0].shingle is not None:
        ranked = sorted(results, key=lambda r: (r.shingle.f1 if r.shingle else 0.0, r.id))
        print(f"    {'id':<16}{'site':<34}{'type':<15}{'F1':>7}{'P':>7}{'R':>7}{'word F1':>8}")
        for r in ranked[:n]:
            s = r.shingle
            assert s is not None
            word = _num(r.word.f1, 8) if r.word else ""
            print(
                f"    {r.id[:15]:<16}{r.site[:33]:<34}{(r.page_type or '-')[:14]:<15}"
                f"{_num(s.f1)}{_num(s.precision)}{_num(s.recall)}{word}"
            )
        return

    def key(r: Result) -> tuple[float, float, str]:
        h = r.hits or SnippetHits()
        return (h.with_rate if h.with_rate is not None else 1.0, -(h.without_rate or 0.0), r.id)

    print(f"    {'id':<32}{'site':<30}{'lang':<6}{'with':>7}{'without':>8}{'P':>7}{'R':>7}")
    for r in sorted(results, key=key)[:n]:
        h = r.hits or SnippetHits()
        seg = h.segments
        p = seg.tp / (seg.tp + seg.fp) if seg.tp + seg.fp else None
        rr = seg.tp / (seg.tp + seg.fn) if seg.tp + seg.fn else None
        print(
            f"    {r.id[:31]:<32}{r.site[:29]:<30}{(r.language or '-'):<6}"
            f"{_num(h.with_rate, 7, True)}{_num(h.without_rate, 8, True)}{_num(p)}{_num(rr)}"
        )


def report(results: list[Result], modes: Sequence[str], systems: Sequence[str], worst: int) -> None:
    """Print every table of the run."""
    corpora = [c for c in CORPORA if any(r.corpus == c for r in results)]
    for corpus in corpora:
        mine = [r for r in results if r.corpus == corpus]
        n = len({r.id for r in mine})
        if corpus == "aeb-dev":
            groups = _groups(mine, lambda r: True)
            report_bodies(f"aeb-dev ({n}): shingle F1", groups, modes, systems, False)
            what = "shingle F1"
        elif corpus == "wcxb-dev":
            articles = _groups(mine, lambda r: r.page_type == "article")
            count = len({r.id for r in mine if r.page_type == "article"})
            report_bodies(
                f"wcxb-dev articles ({count}): word F1, shingle F1, `with` kept and "
                "`without` left (case-insensitive)",
                articles,
                modes,
                systems,
                True,
            )
            # Seed-like text exists for articles only: it has no figure over all pages.
            groups = _groups(mine, lambda r: r.mode != "seed")
            report_bodies(
                f"wcxb-dev all ({n}): word F1, shingle F1, snippets", groups, modes, systems, True
            )
            for name in ("word F1", "shingle F1"):
                report_by(
                    f"wcxb-dev all ({n}) by type: {name}",
                    groups,
                    modes,
                    systems,
                    lambda r: r.page_type or "-",
                    TYPES,
                    FIGURES[name],
                )
            what = "word F1"
        else:
            groups = _groups(mine, lambda r: True)
            report_segments(
                f"traf-dev ({n}): segments F1, `with` kept and `without` left (case-sensitive, "
                "whitespace folded); <½ with = share of pages with under half their `with` found",
                groups,
                modes,
                systems,
            )
            what = "segments F1"
        counts = Counter(r.language or "-" for r in next(iter(groups.values()), []))
        languages = [lang for lang, c in counts.most_common() if c >= 3]
        report_by(
            f"{corpus} ({n}) by language (html lang, languages of 3+ pages): {what}",
            groups,
            modes,
            systems,
            lambda r: r.language or "-",
            languages,
            FIGURES[what],
        )
        if worst and "cleaner" in systems:
            for mode in modes:
                report_worst(
                    f"{corpus}: worst {worst} pages of cleaner, {MODE_LABELS[mode]}",
                    groups.get((mode, "cleaner"), []),
                    worst,
                )


# Command line ----------------------------------------------------------------------------


def parse_options(items: Sequence[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs as Cleaner options; values read as JSON when they parse.

    >>> parse_options(["html_focus=recall", "find_article=false", 'keep=["credit"]'])
    {'html_focus': 'recall', 'find_article': False, 'keep': ['credit']}
    """
    options: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ValueError(f"option {item!r} is not KEY=VALUE")
        try:
            options[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            options[key.strip()] = value
    return options


def _names(value: str, known: Iterable[str], what: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the corpus folder")
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--modes", default=",".join(MODES), help="text, seed, html")
    parser.add_argument("--systems", default=DEFAULT_SYSTEMS, help=f"of {', '.join(SYSTEMS)}")
    parser.add_argument(
        "--options",
        nargs="+",
        action="extend",
        default=[],
        metavar="KEY=VALUE",
        help="Cleaner options, e.g. html_focus=recall find_article=false",
    )
    parser.add_argument(
        "--fold-models",
        type=Path,
        help="a folder of bench/train.py --folds models: each page is cleaned with the model "
        "of the fold that held its site out (cross-validated figures)",
    )
    parser.add_argument("--limit", type=int, help="score N pages of each corpus (evenly spaced)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worst", type=int, default=0, help="list cleaner's N worst pages")
    parser.add_argument("--json", type=Path, help="write every per-page score here")
    args = parser.parse_args()

    corpora = _names(args.corpora, CORPORA, "corpora")
    modes = _names(args.modes, MODES, "modes")
    systems = _names(args.systems, SYSTEMS, "systems")
    try:
        options = parse_options(args.options)
        if args.fold_models:
            options[FOLD_MODELS] = str(args.fold_models.resolve())
        checked = {k: v for k, v in options.items() if k != FOLD_MODELS}
        cleaner.Cleaner(**checked)  # unknown or invalid options fail here, not in the workers
    except (TypeError, ValueError) as exc:
        sys.exit(f"--options: {exc}")

    wall, cpu = time.perf_counter(), time.process_time()
    pages = [p for c in corpora for p in sample(population(c, args.data), args.limit)]
    built = ensure_dumps(pages, args.workers) if {"text", "seed"} & set(modes) else 0
    results = list(run(pages, modes, systems, options, args.workers))
    results.sort(key=lambda r: (CORPORA.index(r.corpus), r.id, MODES.index(r.mode), r.system))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)

    print(f"cleaner {cleaner.__version__} from {Path(cleaner.__file__).parent}")
    print(
        f"options: {options or 'defaults'}; pages: "
        + ", ".join(f"{c} {sum(p.corpus == c for p in pages)}" for c in corpora)
    )
    if "html" in modes and any(s.startswith("trafilatura") for s in systems):
        print(f"trafilatura settings by corpus (else defaults): {TRAFILATURA_SETTINGS}")
    report(results, modes, systems, args.worst)
    print(
        f"\nwall {wall:.1f} s, CPU {cpu + children.ru_utime + children.ru_stime:.1f} s "
        f"(main {cpu:.1f} s, workers {children.ru_utime + children.ru_stime:.1f} s), "
        f"{args.workers} workers, {built} text dumps built"
    )
    by_system: dict[str, float] = defaultdict(float)
    for r in sorted(results, key=lambda r: (MODES.index(r.mode), systems.index(r.system))):
        by_system[f"{r.system} {MODE_LABELS[r.mode]}"] += r.cpu
    print("CPU s by system: " + ", ".join(f"{k} {v:.1f}" for k, v in by_system.items()))
    if args.json:
        payload = {
            "options": options,
            "corpora": corpora,
            "modes": modes,
            "systems": systems,
            "limit": args.limit,
            "wall": wall,
            "cpu": cpu + children.ru_utime + children.ru_stime,
            "results": [r.to_json() for r in results],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
