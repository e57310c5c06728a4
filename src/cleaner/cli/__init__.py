"""The ``cleaner`` command: a Unix filter over text files, folders and JSON Lines streams.

One module per job: ``args`` (parsing), ``inputs`` (finding and reading inputs),
``engine`` (cleaning, in worker processes when asked), ``jobs`` (what a worker does with
a record), ``formats`` and ``explain`` (rendering), ``run`` (the loop), ``report``
(stderr, progress, --errors), ``rules`` (``cleaner rules list|test``), ``audit``
(``cleaner report``, the HTML pages of what was removed), ``learn`` (``cleaner learn``).
See docs/cli.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from ..config import CleanerConfig
from ..io import Interrupted, installed
from ..rules import RulePackError
from .args import Options, UsageError, build_parser, check
from .audit import is_report_command
from .audit import main as report_main
from .engine import Engine
from .jobs import DocumentJob, JsonlJob
from .learn import main as learn_main
from .report import Counts, Reporter
from .rules import is_rules_command
from .rules import main as rules_main
from .run import Run

EXIT_OK, EXIT_FAILED = 0, 1  # usage errors exit with 2, through argparse


def _stdout_gone() -> int:
    """The reader of stdout went away (``cleaner ... | head``): stop quietly, as filters do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 128 + getattr(signal, "SIGPIPE", 13)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if is_rules_command(args):
        return rules_main(args[1:])
    if is_report_command(args):
        return report_main(args[1:])
    if args[:1] == ["learn"]:  # a file named learn is ./learn
        return learn_main(args[1:])
    parser = build_parser()
    ns = parser.parse_args(args)
    if ns.paths == ["rules"] and not os.path.exists("rules"):
        parser.error("no file named 'rules'; did you mean 'cleaner rules list|test'?")
    try:
        options = check(ns)
    except UsageError as exc:
        parser.error(str(exc))
    counts = Counts()
    try:
        with installed():
            return _run(options, counts, parser)
    except Interrupted as stop:
        if not options.quiet:
            name = signal.Signals(stop.signum).name
            print(f"cleaner: interrupted by {name}: {counts.summary()}", file=sys.stderr)
        return 128 + stop.signum
    except BrokenPipeError:
        return _stdout_gone()


def jsonl_job(options: Options) -> JsonlJob:
    """The job of a JSONL run: which fields to read and how to write the output."""
    return JsonlJob(
        field=options.field,
        url_field=options.url_field,
        into=options.into,
        metadata_key=options.metadata_key,
        explain=options.explain,
    )


def _run(options: Options, counts: Counts, parser: argparse.ArgumentParser) -> int:
    try:
        config = CleanerConfig.build(
            rules=options.rules,
            builtin_rules=options.builtin_rules,
            keep=options.keep,
            mode=options.mode,
            html_focus=options.html_focus,
            explain=True,
            site=options.site,
        )
        job = jsonl_job(options) if options.jsonl else DocumentJob()
        engine = Engine(config, job, options.workers, options.chunksize)
    except (RulePackError, ValueError) as exc:
        parser.error(str(exc))
    try:
        errors = open(options.errors, "w", encoding="utf-8") if options.errors else None  # noqa: SIM115
    except OSError as exc:
        parser.error(f"--errors {options.errors}: {exc.strerror or exc}")
    total = None
    if not options.jsonl and options.paths and all(os.path.isfile(p) for p in options.paths):
        total = len(options.paths)
    progress = not options.quiet and sys.stderr.isatty()
    with (
        Reporter(counts, progress=progress, total=total, errors=errors) as reporter,
        engine,
    ):
        run = Run(options, engine, counts, reporter)
        if options.jsonl:
            run.jsonl()
        else:
            run.documents()
    if not options.quiet:
        print(f"cleaner: {counts.summary()}", file=sys.stderr)
    return EXIT_FAILED if counts.errors else EXIT_OK
