"""Command-line arguments: the parser, and the checked ``Options`` of one run."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..categories import Category, parse_categories
from ..config import HtmlFocus, Mode
from ..rules.sites import check_site

FORMATS = ("text", "json", "jsonl", "markdown")
DOC_GLOBS = ("*.txt", "*.text", "*.html", "*.htm")
JSONL_GLOBS = ("*.jsonl", "*.jsonl.gz", "*.ndjson", "*.ndjson.gz")
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

EXAMPLES = """\
examples:
  cat article.txt | cleaner > article.clean.txt     stdin to stdout
  cleaner page.html --format markdown                one file, Markdown on stdout
  cleaner a.txt b.txt c.html -o clean/               one output per input
  cleaner articles/ -o clean/ --workers 8            a folder, tree mirrored
  cleaner articles/ -o clean/ --skip-existing        resume an interrupted run
  cleaner articles/ --format jsonl -o all.jsonl.gz   every document, one JSON line each
  cleaner --jsonl --field text in.jsonl > out.jsonl  JSON Lines: clean one field
  cleaner --jsonl shards/ -o clean-shards/           a folder of JSONL shards
  cleaner article.txt --explain > /dev/null          what was removed, and by which rule
  cleaner rules list                                 every rule and heuristic
  cleaner rules test my_rules.toml                   check a rule pack
  cleaner report articles/ -o audit/                 HTML pages that show what was removed
  cleaner learn --jsonl --url-field url crawl.jsonl -o sites.toml
                                                     learn the sites' templates

exit status: 0 all documents cleaned, 1 some failed (see stderr / --errors),
2 usage error, 130 / 143 interrupted by SIGINT / SIGTERM.
Full guide: docs/cli.md
"""


class UsageError(Exception):
    """Options that do not fit together; reported like argparse errors (exit 2)."""


@dataclass(frozen=True, slots=True)
class Options:
    """A checked set of options for one cleaning run.

    ``output`` is None for stdout; ``tree`` says it is a folder receiving one output file
    per input file (else one stream). ``jsonl`` is JSON Lines input; ``max_bytes`` None
    means no size limit.
    """

    paths: tuple[str, ...]
    output: str | None
    tree: bool
    format: str
    jsonl: bool
    field: str
    into: str | None
    url_field: str | None
    metadata_key: str
    drop_errors: bool
    globs: tuple[str, ...]
    mode: str
    html_focus: str
    rules: tuple[str, ...]
    builtin_rules: bool
    keep: frozenset[Category]
    explain: bool
    color: str
    workers: int
    chunksize: int
    skip_existing: bool
    fsync: bool
    errors: str | None
    max_bytes: int | None
    quiet: bool
    site: str | None = None


def _at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``."""

    def whole(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return whole


_whole = _at_least(0)


def _categories(text: str) -> list[str]:
    names = [name for name in text.split(",") if name.strip()]
    try:
        parse_categories(names)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return names


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``cleaner [OPTIONS] [PATH ...]``."""
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description=(
            "Strip boilerplate from news articles. Reads text or HTML files, folders, "
            "stdin, or JSON Lines; writes the clean body (or JSON with metadata and the "
            "removal trail). Also: 'cleaner rules list', 'cleaner rules test PACK', "
            "'cleaner report PATH... -o DIR'."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders (searched recursively) or '-' for stdin; none reads stdin",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    out = parser.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="folder for one output per input (text/json/markdown); one file for jsonl "
        "output or --jsonl input (*.gz is compressed). Default: stdout",
    )
    out.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="text (default): the body; json: body, metadata and removal trail; "
        "jsonl: the same, one line per document; markdown: title, metadata, body",
    )
    out.add_argument(
        "--skip-existing",
        action="store_true",
        help="skip inputs whose output file already exists (resume a run); needs -o",
    )
    out.add_argument("--fsync", action="store_true", help="fsync each output before renaming it")
    out.add_argument(
        "--explain",
        action="store_true",
        help="list each removal (category, rule, text) on stderr; in JSONL mode, add the "
        "trail to each record",
    )
    out.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour --explain output: auto (a terminal, NO_COLOR unset), always, never",
    )
    out.add_argument(
        "--errors",
        metavar="FILE",
        help="also write each failed record to FILE as JSON Lines: {source, line, error}",
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no summary (errors still)"
    )
    inp = parser.add_argument_group("input")
    inp.add_argument(
        "--input",
        dest="mode",
        choices=[m.value for m in Mode],
        default="auto",
        help="what the documents are: auto (HTML is recognised by its markup), text, html",
    )
    inp.add_argument(
        "--html-focus",
        choices=[f.value for f in HtmlFocus],
        default="balanced",
        help="how HTML is extracted: balanced (the default), precision (less page furniture, "
        "less of the article) or recall (more text, more furniture)",
    )
    inp.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="which files to take from folders (repeatable; matched against the file name, "
        f"or the relative path when it has a '/'). Default: {' '.join(DOC_GLOBS)}; "
        f"with --jsonl: {' '.join(JSONL_GLOBS)}",
    )
    inp.add_argument(
        "--max-bytes",
        type=_whole,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse documents larger than N bytes (default: 64 MiB; 0: no limit)",
    )
    jsonl = parser.add_argument_group("JSON Lines")
    jsonl.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines (plain or gzip); clean one field of each record. "
        "Implied when every PATH is named *.jsonl or *.ndjson (or *.jsonl.gz, *.ndjson.gz)",
    )
    jsonl.add_argument(
        "--field", default="text", metavar="NAME", help="the field to clean (default: text)"
    )
    jsonl.add_argument(
        "--into",
        metavar="NAME",
        help="write the body to this field instead of replacing --field",
    )
    jsonl.add_argument(
        "--url-field", metavar="NAME", help="a field holding each record's URL (optional)"
    )
    jsonl.add_argument(
        "--metadata-key",
        default="cleaner",
        metavar="NAME",
        help="the field that receives metadata, removed_count and warnings (default: "
        "cleaner; '' for none)",
    )
    jsonl.add_argument(
        "--drop-errors",
        action="store_true",
        help="leave failed records out of the output (they are still reported)",
    )
    rules = parser.add_argument_group("cleaning")
    rules.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PACK",
        help="an extra rule pack (TOML); repeatable",
    )
    rules.add_argument(
        "--no-builtin-rules", action="store_true", help="use only the packs given with --rules"
    )
    rules.add_argument(
        "--site",
        metavar="NAME",
        help="the site of every document (example.com), for packs learned with 'cleaner learn'; "
        "default: the host of --url-field",
    )
    rules.add_argument(
        "--keep",
        action="append",
        default=[],
        type=_categories,
        metavar="CATEGORY",
        help="leave this category in the body (repeatable, or comma-separated): "
        + ", ".join(c.value for c in Category),
    )
    rules.add_argument(
        "-j",
        "--workers",
        type=_whole,
        default=1,
        metavar="N",
        help="clean in N processes (0: one per CPU); output order is kept",
    )
    rules.add_argument(
        "--chunksize",
        type=_whole,
        default=64,
        metavar="N",
        help="at most N documents sent to a worker at a time, fewer once they hold 1 MB "
        "(default 64)",
    )
    return parser


def _is_jsonl_name(path: str) -> bool:
    return path.endswith(tuple(g[1:] for g in JSONL_GLOBS))


def _tree_output(output: str | None, fmt: str, jsonl: bool, paths: tuple[str, ...]) -> bool:
    """Whether -o names a folder that receives one output file per input file."""
    if output is None:
        return False
    if not jsonl:
        return fmt != "jsonl"
    return (
        output.endswith(("/", os.sep))
        or Path(output).is_dir()
        or any(Path(p).is_dir() for p in paths if p != "-")
    )


def check(ns: argparse.Namespace) -> Options:
    """Options from parsed arguments; UsageError when they do not fit together."""
    paths = tuple(ns.paths)
    if paths.count("-") > 1:
        raise UsageError("stdin ('-') can be read only once")
    jsonl = ns.jsonl or (bool(paths) and all(_is_jsonl_name(p) for p in paths))
    fmt = ns.format
    if jsonl and fmt not in (None, "jsonl"):
        raise UsageError(f"--format {fmt} does not apply to JSON Lines input (--jsonl)")
    fmt = fmt or ("jsonl" if jsonl else "text")
    output = None if ns.output in (None, "-") else str(ns.output)
    tree = _tree_output(output, fmt, jsonl, paths)
    if ns.skip_existing and output is None:
        raise UsageError("--skip-existing needs -o (it skips inputs whose output exists)")
    if tree and (not paths or "-" in paths):
        raise UsageError("-o FOLDER takes file and folder inputs; write stdin with '>' instead")
    if tree and output is not None and os.path.isfile(output):
        raise UsageError(
            f"-o {output}: is a file, but one output per input needs a folder "
            "(use '>' to write one document to a file)"
        )
    if not tree and output is not None and os.path.isdir(output):
        raise UsageError(f"-o {output}: is a folder; {fmt} output goes to one file")
    if ns.into is not None and not ns.into:
        raise UsageError("--into needs a field name")
    keep = frozenset(c for names in ns.keep for c in parse_categories(names))
    site = None
    if ns.site is not None:
        if ns.url_field is not None:
            raise UsageError("--site names the site of every document; give it or --url-field")
        try:
            site = check_site(ns.site)
        except ValueError as exc:
            raise UsageError(f"--site: {exc}") from None
    return Options(
        paths=paths,
        output=output,
        tree=tree,
        format=fmt,
        jsonl=jsonl,
        field=ns.field,
        into=ns.into,
        url_field=ns.url_field,
        metadata_key=ns.metadata_key,
        drop_errors=ns.drop_errors,
        globs=tuple(ns.glob) if ns.glob else (JSONL_GLOBS if jsonl else DOC_GLOBS),
        mode=ns.mode,
        html_focus=ns.html_focus,
        rules=tuple(ns.rules),
        builtin_rules=not ns.no_builtin_rules,
        keep=keep,
        explain=ns.explain,
        color=ns.color,
        workers=ns.workers or os.cpu_count() or 1,
        chunksize=max(1, ns.chunksize),
        skip_existing=ns.skip_existing,
        fsync=ns.fsync,
        errors=ns.errors,
        max_bytes=ns.max_bytes or None,
        quiet=ns.quiet,
        site=site,
    )
