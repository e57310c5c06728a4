"""``cleaner learn INPUT... -o PACK.toml``: learn the templates of sites from a corpus.

One pass over the documents (text files, folders, JSON Lines, gzip too) counts each
site's lines (`cleaner.learn`); the lines that pass the guards are written as a rule pack
whose rules apply only to their site. ``learn`` is the subcommand whenever it is the first
argument; a file of that name is given as ``./learn``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import IO

from ..config import HtmlFocus, Mode
from ..inputs import DecodeError, decode, looks_like_html
from ..io import AtomicFile, Interrupted, installed
from ..learn import DEFAULT_MAX_LINES, Guards, Learned, Learner, explain
from ..rules.sites import check_site, site_of
from .args import DEFAULT_MAX_BYTES, DOC_GLOBS, JSONL_GLOBS, _at_least, _whole
from .inputs import Record, discover, parse_line, read_document, read_jsonl
from .report import Counts, Reporter

EXAMPLES = """\
examples:
  cleaner learn --jsonl --url-field url crawl.jsonl.gz -o sites.toml
  cleaner learn --site example.com pages/ -o example.toml --explain
  cleaner --rules sites.toml --jsonl --url-field url crawl.jsonl.gz -o clean.jsonl.gz

exit status: 0 the pack was written, 1 some documents failed (the pack was still
written), 2 usage error, 130 / 143 interrupted (no pack written).
Full guide: docs/cli.md
"""
DEFAULTS = Guards()

# Page and line counts of the guards: a repeat needs two pages at least.
_COUNT = _at_least(2)


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``cleaner learn``."""
    parser = argparse.ArgumentParser(
        prog="cleaner learn",
        description=(
            "Learn the template lines of sites (menus, newsletter boxes, teaser headings, "
            "footers) from a corpus of their pages, and write them as a rule pack whose "
            "rules apply only to their site."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or '-' for stdin; none reads stdin"
    )
    parser.add_argument(
        "-o", "--output", metavar="PACK", help="the rule pack to write (TOML). Default: stdout"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="list on stderr, per site, the repeated lines kept out of the pack and why",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    inp = parser.add_argument_group("input")
    inp.add_argument(
        "--site",
        metavar="NAME",
        help="the site of every document (example.com); needed for documents without a URL",
    )
    inp.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines (plain or gzip). Implied when every PATH is named *.jsonl "
        "or *.ndjson (or *.jsonl.gz, *.ndjson.gz)",
    )
    inp.add_argument(
        "--field", default="text", metavar="NAME", help="the text field (default: text)"
    )
    inp.add_argument(
        "--url-field",
        metavar="NAME",
        help="the field holding each record's URL; its host (lower-cased, no www.) is the site",
    )
    inp.add_argument(
        "--input",
        dest="mode",
        choices=[m.value for m in Mode],
        default="auto",
        help="what the documents are: auto (HTML is recognised by its markup and its text "
        "extracted as cleaner extracts it), text, html",
    )
    inp.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"which files to take from folders (repeatable). Default: {' '.join(DOC_GLOBS)}; "
        f"with --jsonl: {' '.join(JSONL_GLOBS)}",
    )
    inp.add_argument(
        "--max-bytes",
        type=_whole,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="skip documents larger than N bytes (default: 64 MiB; 0: no limit)",
    )
    guards = parser.add_argument_group("what is learned")
    guards.add_argument(
        "--min-share",
        type=_share,
        default=DEFAULTS.min_share,
        metavar="SHARE",
        help=f"a line must stand on this share of its site's pages (default {DEFAULTS.min_share})",
    )
    guards.add_argument(
        "--prose-share",
        type=_share,
        default=DEFAULTS.prose_share,
        metavar="SHARE",
        help=f"the share a line that reads like a sentence needs (default {DEFAULTS.prose_share})",
    )
    guards.add_argument(
        "--min-pages",
        type=_COUNT,
        default=DEFAULTS.min_pages,
        metavar="N",
        help=f"and at least this many pages (default {DEFAULTS.min_pages})",
    )
    guards.add_argument(
        "--min-site-pages",
        type=_COUNT,
        default=DEFAULTS.min_site_pages,
        metavar="N",
        help=f"a site with fewer pages yields nothing (default {DEFAULTS.min_site_pages})",
    )
    guards.add_argument(
        "--max-lines",
        type=_COUNT,
        default=DEFAULT_MAX_LINES,
        metavar="N",
        help="distinct lines counted exactly (about 280 bytes each) before lines seen once "
        f"are forgotten (default {DEFAULT_MAX_LINES})",
    )
    return parser


def _is_jsonl(paths: Sequence[str]) -> bool:
    return bool(paths) and all(p.endswith(tuple(g[1:] for g in JSONL_GLOBS)) for p in paths)


class _Reading:
    """The documents of the inputs as (text, url), failures reported as they come."""

    def __init__(self, ns: argparse.Namespace, reporter: Reporter) -> None:
        self.ns = ns
        self.reporter = reporter
        self.jsonl = ns.jsonl or _is_jsonl(ns.paths)
        self.mode = Mode(ns.mode)

    def documents(self) -> Iterator[tuple[str, str | None]]:
        globs = tuple(self.ns.glob) if self.ns.glob else (JSONL_GLOBS if self.jsonl else DOC_GLOBS)
        for item in discover(tuple(self.ns.paths), globs):
            if not self.jsonl:
                record = read_document(item, self.ns.max_bytes or None)
                yield from self._text(record, record.payload, None)
                continue
            for line in read_jsonl(item):
                if line.error is not None or not isinstance(line.payload, bytes):
                    self._failed(line)
                    continue
                assert line.line is not None
                record = parse_line(
                    line.source, line.line, line.payload, self.ns.field, self.ns.url_field
                )
                yield from self._text(record, record.payload, record.url)

    def _text(
        self, record: Record, payload: str | bytes | None, url: str | None
    ) -> Iterator[tuple[str, str | None]]:
        if record.error is not None or payload is None:
            self._failed(record)
            return
        try:
            text = decode(payload).text if isinstance(payload, bytes) else payload
        except DecodeError as exc:
            record.error = f"undecodable: {exc}"
            self._failed(record)
            return
        if self.mode is Mode.HTML or (self.mode is Mode.AUTO and looks_like_html(text)):
            from ..html import extract_page

            try:
                text = extract_page(text, url=url, focus=HtmlFocus.PRECISION).text
            except Exception as exc:  # reported like a cleaning failure; the run goes on
                record.error = f"{type(exc).__name__}: {exc}"
                self._failed(record)
                return
        self.reporter.counts.read += 1
        self.reporter.tick()
        yield text, url

    def _failed(self, record: Record) -> None:
        self.reporter.failed(record)


def _check(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> str | None:
    """The --site given (checked); a usage error when documents would have no site."""
    if ns.site is not None and ns.url_field is not None:
        parser.error("--site names the site of every document; give it or --url-field, not both")
    if ns.site is not None:
        try:
            return check_site(ns.site)
        except ValueError as exc:
            parser.error(f"--site: {exc}")
    if not (ns.jsonl or _is_jsonl(ns.paths)):
        parser.error("documents that are not JSON Lines have no URL: name their site with --site")
    if ns.url_field is None:
        parser.error("name each document's site: --url-field NAME (JSON Lines) or --site NAME")
    return None


def main(args: Sequence[str]) -> int:
    """Run ``cleaner learn ARGS``; return the exit status."""
    parser = build_parser()
    ns = parser.parse_args(args)
    site = _check(ns, parser)
    if ns.output and os.path.isdir(ns.output):
        parser.error(f"-o {ns.output}: is a folder; the pack is one file")
    guards = Guards(ns.min_share, ns.prose_share, ns.min_pages, ns.min_site_pages)
    learner = Learner(guards, ns.max_lines)
    counts = Counts()
    try:
        with installed():
            with Reporter(counts, progress=not ns.quiet and sys.stderr.isatty()) as reporter:
                for text, url in _Reading(ns, reporter).documents():
                    learner.add(text, site or site_of(url))
            learned = learner.result()
            if ns.output and os.path.exists(ns.output) and not os.path.isfile(ns.output):
                with open(ns.output, "wb") as stream:  # a device or a pipe: never replaced
                    _write(learned, stream)
            elif ns.output and ns.output != "-":
                with AtomicFile(ns.output) as stream:
                    _write(learned, stream)
            else:
                _write(learned, sys.stdout.buffer)
                sys.stdout.flush()
    except Interrupted as stop:
        if not ns.quiet:
            name = signal.Signals(stop.signum).name
            print(f"cleaner learn: interrupted by {name}", file=sys.stderr)
        return 128 + stop.signum
    except BrokenPipeError:  # the reader of stdout went away: stop quietly, as filters do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + getattr(signal, "SIGPIPE", 13)
    if ns.explain:
        for line in explain(learned):
            print(line, file=sys.stderr)
    if not ns.quiet:
        print(f"cleaner learn: {_summary(learned, counts)}", file=sys.stderr)
    return 1 if counts.errors else 0


def _write(learned: Learned, stream: IO[bytes]) -> None:
    for part in learned.pack_parts():
        stream.write(part.encode("utf-8"))


def _summary(learned: Learned, counts: Counts) -> str:
    """``67 documents, 2 sites, 0 errors; 5 lines learned for 1 site`` (and the documents
    without a site, and whether the counts were exact)."""
    text = f"{_count_of(learned.documents, 'document')}, {_count_of(learned.sites, 'site')}"
    if learned.without_site:
        text += f" ({learned.without_site} documents without a site)"
    text += f", {_count_of(counts.errors, 'error')}; {_count_of(len(learned.lines), 'line')} "
    text += f"learned for {_count_of(learned.sites_learned, 'site')}"
    return text if learned.exact else text + " (counts not exact: see --max-lines)"


def _count_of(number: int, noun: str) -> str:
    """``1 site``, ``2 sites``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
