"""``cleaner report INPUT... -o DIR``: a page per document with each removal highlighted.

Inputs are found and read as for cleaning (folders, globs, gzip, ``--max-bytes``, JSON
Lines records); each document is cleaned by the engine (in worker processes with
``--workers``), which also renders its page (`cleaner.audit`). Pages mirror the inputs'
paths under DIR: ``a/b.txt`` gives ``DIR/a/b.txt.html``, and each record of ``s.jsonl``
gives ``DIR/s/id-ID.html`` (its ``--id-field``) or ``DIR/s/line-N.html``. ``DIR/index.html``
lists them. A failed document or record is reported and has no page; the run goes on.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath
from typing import Any

from ..api import Cleaner
from ..audit import Summary, render_index, render_page
from ..categories import Category, parse_categories
from ..config import CleanerConfig, HtmlFocus, Mode
from ..io import AtomicFile, Interrupted, installed
from ..pipeline.heuristics import HEURISTICS
from ..rules import RulePackError
from .args import DEFAULT_MAX_BYTES, DOC_GLOBS, JSONL_GLOBS, _categories, _whole
from .engine import Engine
from .inputs import STDIN, InputFile, Record, discover, parse_line, read_document, read_jsonl
from .jobs import error_text
from .report import Counts, Reporter, where

INDEX = "index.html"
SAFE_ID = re.compile(r"[^\w.-]+")
SOURCES = {
    "html:trafilatura": "The page's markup (meta tags, JSON-LD, byline elements), read by "
    "trafilatura.",
    "html:headline": "The page's headline (<h1>), reconciled with its meta titles.",
    "caller": "Given by the caller (--url-field).",
}


def is_report_command(args: Sequence[str]) -> bool:
    """``report`` as the first argument is always the subcommand (a file named ``report``
    is given as ``./report``)."""
    return bool(args) and args[0] == "report"


def build_report_parser() -> argparse.ArgumentParser:
    """The parser of ``cleaner report [OPTIONS] [PATH ...] -o DIR``."""
    parser = argparse.ArgumentParser(
        prog="cleaner report",
        description="Write an HTML page per document that shows the input text with each "
        "removal highlighted in its category's colour, and DIR/index.html listing them.",
        epilog="examples:\n"
        "  cleaner report fixtures/seeds -o out/\n"
        "  cleaner report --jsonl --field text crawl.jsonl.gz --limit 200 -o audit/\n"
        "A file named 'report' is cleaned with 'cleaner ./report'. Full guide: docs/cli.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or '-' (stdin); none: stdin"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the report folder (created)"
    )
    parser.add_argument(
        "--limit", type=_whole, metavar="N", help="report on the first N documents or records"
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="inputs are JSON Lines (implied by *.jsonl names)"
    )
    parser.add_argument(
        "--field", default="text", metavar="NAME", help="the field to clean (default: text)"
    )
    parser.add_argument(
        "--id-field", default="id", metavar="NAME", help="names a record's page (default: id)"
    )
    parser.add_argument("--url-field", metavar="NAME", help="a field holding the record's URL")
    parser.add_argument(
        "--input",
        dest="mode",
        choices=[m.value for m in Mode],
        default="auto",
        help="what the documents are (default: auto)",
    )
    parser.add_argument(
        "--html-focus",
        choices=[f.value for f in HtmlFocus],
        default="balanced",
        help="how HTML is extracted (default: balanced)",
    )
    parser.add_argument(
        "--glob", action="append", metavar="PATTERN", help="which files to take from folders"
    )
    parser.add_argument(
        "--max-bytes",
        type=_whole,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse documents larger than N bytes (default: 64 MiB; 0: no limit)",
    )
    parser.add_argument(
        "--rules", action="append", default=[], metavar="PACK", help="an extra rule pack"
    )
    parser.add_argument(
        "--no-builtin-rules", action="store_true", help="use only the packs given with --rules"
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        type=_categories,
        metavar="CATEGORY",
        help="leave this category in the body (not highlighted)",
    )
    parser.add_argument(
        "-j", "--workers", type=_whole, default=1, metavar="N", help="processes (0: one per CPU)"
    )
    parser.add_argument("--errors", metavar="FILE", help="also write failures to FILE (JSONL)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    return parser


@dataclass(slots=True)
class PageRecord(Record):
    """A record with the summary of the page written for it."""

    summary: Summary | None = None

    @classmethod
    def of(cls, record: Record, dest: PurePosixPath | None) -> PageRecord:
        """The record, to get a page at ``dest`` (relative to the report folder)."""
        page = cls(**{f.name: getattr(record, f.name) for f in fields(Record)})
        page.dest = None if dest is None else Path(dest)
        return page


def describe(cleaner: Cleaner) -> dict[str, str]:
    """What each rule, heuristic and metadata source id means."""
    found = {rule.id: rule.description for pack in cleaner.rules.packs for rule in pack.rules}
    found.update((rule, label.reason) for rule, label in HEURISTICS.items())
    return {**found, **SOURCES}


@dataclass(frozen=True, slots=True)
class PageJob:
    """Clean a document and render its page, in whichever process the engine runs it."""

    def task(self, record: Record) -> tuple[str | bytes, str | None, str, str] | None:
        if record.error is not None or record.payload is None or record.dest is None:
            return None
        return record.payload, record.url, where(record), record.dest.as_posix()

    def weight(self, task: tuple[str | bytes, str | None, str, str] | None) -> int:
        return 0 if task is None else len(task[0])

    def run(self, cleaner: Cleaner, task: tuple[str | bytes, str | None, str, str] | None) -> Any:
        if task is None:
            return None
        payload, url, name, href = task
        try:
            text, article = cleaner.clean_with_text(payload, url=url)
            page, summary = render_page(
                text, article, name=name, href=href, describe=describe(cleaner)
            )
        except Exception as exc:
            return error_text(exc)
        return page.encode("utf-8"), summary

    def settle(self, record: Record, outcome: Any) -> Record:
        if record.error is not None:
            return record
        if isinstance(outcome, tuple):
            record.output, summary = outcome
            if isinstance(record, PageRecord):
                record.summary = summary
            record.warnings = summary.warnings
        elif isinstance(outcome, BaseException):  # lost: its worker died
            record.error = error_text(outcome)
        elif isinstance(outcome, str):
            record.error = outcome
        record.payload = None
        return record


def page_name(relative: PurePosixPath) -> PurePosixPath:
    """A document's page: its path with ``.html`` added.

    >>> str(page_name(PurePosixPath("2021/a.txt")))
    '2021/a.txt.html'
    """
    return relative.with_name(relative.name + ".html")


def record_folder(relative: PurePosixPath) -> PurePosixPath:
    """The folder of a JSONL input's pages: its path without the extensions.

    >>> str(record_folder(PurePosixPath("shards/a.jsonl.gz"))), str(record_folder(PurePosixPath("stdin")))
    ('shards/a', 'stdin')
    """  # noqa: E501
    name = relative.name.removesuffix(".gz")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return relative.with_name(stem)


def record_page(data: dict[str, Any] | None, id_field: str, line: int, taken: set[str]) -> str:
    """A record's page name: ``id-ID.html`` by its id field (made safe for a file name),
    or ``line-N.html`` when it has none, or another record has the same.

    >>> taken = set()
    >>> [record_page(d, "id", n, taken) for n, d in enumerate([{"id": "a/b"}, {"id": "a/b"}, {}], 1)]
    ['id-a_b.html', 'line-2.html', 'line-3.html']
    """  # noqa: E501
    value = None if data is None else data.get(id_field)
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        name = f"id-{SAFE_ID.sub('_', str(value))[:120]}.html"
        if name not in taken:
            taken.add(name)
            return name
    return f"line-{line}.html"


class ReportRun:
    """One ``cleaner report`` run: inputs to pages, counting and reporting as it goes."""

    def __init__(self, ns: argparse.Namespace, jsonl: bool, reporter: Reporter):
        self.ns = ns
        self.jsonl = jsonl
        self.reporter = reporter
        self.counts = reporter.counts
        self.folder = Path(ns.output)
        self.summaries: list[Summary] = []
        self.failures: list[tuple[str, str]] = []

    def files(self) -> Iterator[InputFile]:
        globs = tuple(self.ns.glob) if self.ns.glob else (JSONL_GLOBS if self.jsonl else DOC_GLOBS)
        return discover(tuple(self.ns.paths), globs, os.path.realpath(self.folder))

    def documents(self) -> Iterator[PageRecord]:
        taken: dict[PurePosixPath, str] = {PurePosixPath(INDEX): "the index"}
        for item in self.files():
            dest = None if item.error else page_name(item.relative)
            if dest is not None and dest in taken:
                yield PageRecord.of(Record(item.name, error=f"same page as {taken[dest]}"), None)
                continue
            if dest is not None:
                taken[dest] = item.name
            yield PageRecord.of(read_document(item, self.ns.max_bytes or None), dest)

    def records(self) -> Iterator[PageRecord]:
        folders: dict[PurePosixPath, str] = {}
        for item in self.files():
            folder = record_folder(item.relative)
            if item.error is None and folder in folders:
                error = f"same page folder as {folders[folder]}: {self.folder / folder}"
                yield PageRecord.of(Record(item.name, error=error, file_error=True), None)
                continue
            folders[folder] = item.name
            taken: set[str] = set()
            for raw in read_jsonl(item):
                if raw.error is not None:  # the file broke off or could not be opened
                    yield PageRecord.of(raw, None)
                    continue
                assert isinstance(raw.payload, bytes) and raw.line is not None
                ns = self.ns
                record = parse_line(raw.source, raw.line, raw.payload, ns.field, ns.url_field)
                name = record_page(record.data, ns.id_field, raw.line, taken)
                record.data = None
                yield PageRecord.of(record, None if record.error else folder / name)

    def limited(self, records: Iterator[PageRecord]) -> Iterator[PageRecord]:
        count = 0
        for record in records:
            if self.ns.limit is not None and count >= self.ns.limit and not record.file_error:
                return
            count += not record.file_error
            yield record

    def run(self, engine: Engine) -> None:
        records = self.limited(self.records() if self.jsonl else self.documents())
        for record in engine.run(records):
            assert isinstance(record, PageRecord)
            if not record.file_error:
                self.counts.read += 1
            self.counts.warnings.update(record.warnings)
            self.reporter.tick()
            if record.error is None:
                self.write(record)
            if record.error is not None:
                self.failures.append((where(record), record.error))
                self.reporter.failed(record)
        with AtomicFile(self.folder / INDEX) as stream:
            stream.write(render_index(self.summaries, self.failures).encode("utf-8"))

    def write(self, record: PageRecord) -> None:
        assert record.dest is not None and record.output is not None and record.summary
        try:
            with AtomicFile(self.folder / record.dest) as stream:
                stream.write(record.output)
        except OSError as exc:
            record.error = f"cannot write {self.folder / record.dest}: {exc.strerror or exc}"
            return
        self.counts.written += 1
        self.summaries.append(record.summary)
        record.output = None


def _check(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> bool:
    """Whether the inputs are JSON Lines; a usage error when options do not fit together."""
    if list(ns.paths).count(STDIN) > 1:
        parser.error("stdin ('-') can be read only once")
    if os.path.exists(ns.output) and not os.path.isdir(ns.output):
        parser.error(f"-o {ns.output}: is a file; the report needs a folder")
    names = tuple(g[1:] for g in JSONL_GLOBS)
    return bool(ns.jsonl or (ns.paths and all(p.endswith(names) for p in ns.paths)))


def main(args: Sequence[str]) -> int:
    """Run ``cleaner report ARGS``; return the exit status."""
    parser = build_report_parser()
    if not args and os.path.exists("report"):
        parser.error("needs -o DIR; to clean the file named 'report', write 'cleaner ./report'")
    ns = parser.parse_args(args)
    jsonl = _check(ns, parser)
    try:
        Path(ns.output).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        parser.error(f"-o {ns.output}: {exc.strerror or exc}")
    keep: frozenset[Category] = frozenset(c for names in ns.keep for c in parse_categories(names))
    try:
        config = CleanerConfig.build(
            rules=tuple(ns.rules),
            builtin_rules=not ns.no_builtin_rules,
            keep=keep,
            mode=ns.mode,
            html_focus=ns.html_focus,
            explain=True,
        )
        engine = Engine(config, PageJob(), ns.workers or os.cpu_count() or 1)
    except (RulePackError, ValueError) as exc:
        parser.error(str(exc))
    try:
        errors = open(ns.errors, "w", encoding="utf-8") if ns.errors else None  # noqa: SIM115
    except OSError as exc:
        parser.error(f"--errors {ns.errors}: {exc.strerror or exc}")
    counts = Counts()
    progress = not ns.quiet and sys.stderr.isatty()
    try:
        with installed(), Reporter(counts, progress=progress, errors=errors) as reporter, engine:
            ReportRun(ns, jsonl, reporter).run(engine)
    except Interrupted as stop:
        if not ns.quiet:
            name = signal.Signals(stop.signum).name
            print(f"cleaner: interrupted by {name}: {counts.summary()}", file=sys.stderr)
        return 128 + stop.signum
    if not ns.quiet:
        print(f"cleaner: {counts.summary()}", file=sys.stderr)
        print(f"cleaner: report in {Path(ns.output) / INDEX}", file=sys.stderr)
    return 1 if counts.errors else 0
