"""The run loop: inputs through the engine into outputs, counting and reporting as it goes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import IO

from ..io import AtomicFile
from .args import Options
from .engine import Engine
from .explain import render_trail, use_color
from .formats import output_name, render_document
from .inputs import STDIN, InputFile, Record, discover, read_document, read_jsonl
from .report import Counts, Reporter


def _stdout() -> IO[bytes]:
    return sys.stdout.buffer


@contextlib.contextmanager
def _single_output(options: Options) -> Iterator[IO[bytes]]:
    """Stdout, or the one -o file written atomically (gzip when its name ends in .gz)."""
    if options.output is None:
        stream = _stdout()
        try:
            yield stream
        finally:
            stream.flush()
        return
    with AtomicFile(options.output, fsync=options.fsync) as stream:
        yield stream


def _exclusions(options: Options) -> str | None:
    """The output folder, when it must not be walked as input (it lies inside an input)."""
    return os.path.realpath(options.output) if options.tree and options.output else None


def _files(options: Options) -> Iterator[InputFile]:
    return discover(options.paths, options.globs, _exclusions(options))


class Run:
    """One invocation: options, the engine, the counts and the reporter."""

    def __init__(self, options: Options, engine: Engine, counts: Counts, reporter: Reporter):
        self.options = options
        self.engine = engine
        self.counts = counts
        self.reporter = reporter
        self.color = use_color(options.color, reporter.stream)
        self.flush_each = _stdout().isatty() if options.output is None else False

    def documents(self) -> None:
        """Document mode: each input file (or stdin) is one article."""
        records = self.engine.run(self._document_records())
        if self.options.tree:
            self._write_tree(records)
            return
        if self._skip_single_output():
            return
        headers = len(self.options.paths) > 1 or any(
            p != STDIN and os.path.isdir(p) for p in self.options.paths
        )
        with _single_output(self.options) as stream:
            for record in records:
                if self._settled(record):
                    continue
                assert record.article is not None
                data = render_document(record.source, record.article, self.options.format)
                if headers and self.options.format in ("text", "markdown"):
                    lead = b"\n" if self.counts.written else b""
                    data = lead + f"==> {record.source} <==\n".encode() + data
                stream.write(data)
                self._written(stream)

    def _document_records(self) -> Iterator[Record]:
        folder = Path(self.options.output) if self.options.tree and self.options.output else None
        parent: PurePosixPath | None = None
        taken: dict[PurePosixPath, str] = {}
        for item in _files(self.options):
            dest = None
            if folder is not None and item.error is None:
                relative = output_name(item.relative, self.options.format)
                if relative.parent != parent:  # outputs collide only within one folder
                    parent, taken = relative.parent, {}
                if relative in taken:
                    error = f"same output file as {taken[relative]}: {folder / relative}"
                    yield Record(item.name, error=error)
                    continue
                taken[relative] = item.name
                dest = folder / relative
                if self.options.skip_existing and dest.exists():
                    self.counts.skipped += 1
                    continue
            record = read_document(item, self.options.max_bytes)
            record.dest = dest
            yield record

    def _write_tree(self, records: Iterable[Record]) -> None:
        for record in records:
            if self._settled(record):
                continue
            assert record.article is not None and record.dest is not None
            data = render_document(record.source, record.article, self.options.format)
            with AtomicFile(record.dest, fsync=self.options.fsync) as stream:
                stream.write(data)
            self._written(None)

    def _settled(self, record: Record) -> bool:
        """Count a document read; report it if it failed (True), explain it if asked."""
        self.counts.read += 1
        self.counts.warnings.update(record.warnings)
        self.reporter.tick()
        if record.error is not None:
            self.reporter.failed(record)
            return True
        if self.options.explain and self.options.format in ("text", "markdown"):
            assert record.article is not None
            self.reporter.message(render_trail(record.source, record.article, self.color))
        return False

    def _written(self, stream: IO[bytes] | None) -> None:
        self.counts.written += 1
        if stream is not None and self.flush_each:
            stream.flush()

    def jsonl(self) -> None:
        """JSONL mode: one record per line; one output stream, or one output per input file."""
        if self.options.tree:
            for item in _files(self.options):
                self._jsonl_file(item)
            return
        if self._skip_single_output():
            return
        records = chain.from_iterable(self._jsonl_records(item) for item in _files(self.options))
        with _single_output(self.options) as stream:
            self._write_jsonl(self.engine.run(records), stream)

    def _skip_single_output(self) -> bool:
        output = self.options.output
        if self.options.skip_existing and output is not None and os.path.exists(output):
            self.counts.skipped += 1
            self.reporter.message(f"cleaner: {output} exists; nothing to do (--skip-existing)")
            return True
        return False

    def _jsonl_records(self, item: InputFile) -> Iterator[Record]:
        return read_jsonl(item)

    def _jsonl_file(self, item: InputFile) -> None:
        assert self.options.output is not None
        dest = Path(self.options.output) / item.relative
        if self.options.skip_existing and dest.exists():
            self.counts.skipped += 1
            return
        records = self.engine.run(self._jsonl_records(item))
        first = next(records, None)
        if first is not None and first.file_error and first.line is None:
            self.reporter.failed(first)  # cannot be opened: no output file at all
            return
        with AtomicFile(dest, fsync=self.options.fsync) as stream:
            self._write_jsonl(chain([first] if first else [], records), stream)

    def _write_jsonl(self, records: Iterable[Record], stream: IO[bytes]) -> None:
        for record in records:
            if record.file_error:
                self.reporter.failed(record)
                continue
            self.counts.read += 1
            self.counts.warnings.update(record.warnings)
            self.reporter.tick()
            if record.error is not None:
                self.reporter.failed(record)
                if self.options.drop_errors:
                    continue
            assert record.output is not None
            stream.write(record.output)
            self._written(stream)
