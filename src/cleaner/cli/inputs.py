"""Find the input files and read them into records: whole documents, or JSON Lines."""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ..article import Article
from ..io import TooLarge, open_binary_input, read_limited

STDIN = "-"
STDIN_NAME = "<stdin>"
READ_ERRORS = (OSError, EOFError, TooLarge, zlib.error, gzip.BadGzipFile)


@dataclass(slots=True)
class Record:
    """One thing to clean and what became of it.

    ``payload`` is the document (bytes of a file, the string of a JSON field, or the raw
    JSONL line before it is parsed); ``data`` the JSON object of a JSONL line; ``raw`` a
    line that could not be parsed; ``output`` the finished output line of a JSONL record;
    ``warnings`` the code of each warning of its article. A record that failed before or
    during cleaning has ``error`` set; ``file_error`` marks a JSONL input that could not
    be read at all (it is no record of the input, only an error).
    """

    source: str
    line: int | None = None
    payload: str | bytes | None = None
    url: str | None = None
    data: dict[str, Any] | None = None
    raw: str | None = None
    error: str | None = None
    dest: Path | None = None
    article: Article | None = None
    output: bytes | None = None
    warnings: tuple[str, ...] = ()
    file_error: bool = False


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input: ``path`` to open (``-`` for stdin) and ``relative``, its name under -o."""

    path: str
    relative: PurePosixPath
    error: str | None = None

    @property
    def name(self) -> str:
        """How messages name this input."""
        return STDIN_NAME if self.path == STDIN else self.path


def _matches(relative: PurePosixPath, globs: tuple[str, ...]) -> bool:
    name = relative.name
    return any(fnmatch.fnmatchcase(str(relative) if "/" in g else name, g) for g in globs)


def _walk(top: str, globs: tuple[str, ...], exclude: str | None) -> Iterator[InputFile]:
    """Files under ``top`` that match ``globs``, sorted, hidden names and ``exclude`` skipped."""
    failures: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=failures.append):
        while failures:
            exc = failures.pop(0)
            yield InputFile(str(exc.filename or root), PurePosixPath(), _reason(exc))
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (exclude is None or os.path.realpath(os.path.join(root, d)) != exclude)
        )
        base = PurePosixPath(Path(os.path.relpath(root, top)).as_posix())
        for name in sorted(files):
            relative = base / name if str(base) != "." else PurePosixPath(name)
            if not name.startswith(".") and _matches(relative, globs):
                yield InputFile(os.path.join(root, name), relative)
    for exc in failures:
        yield InputFile(str(exc.filename or top), PurePosixPath(), _reason(exc))


def discover(
    paths: tuple[str, ...], globs: tuple[str, ...], exclude: str | None = None
) -> Iterator[InputFile]:
    """The inputs in order: stdin when ``paths`` is empty, files as given, folders walked.

    A file named on the command line is taken whatever its name; ``globs`` filter only
    what is found in folders. ``exclude`` (a real path) is a folder not to descend into,
    the output folder when it lies inside an input folder.
    """
    if not paths:
        yield InputFile(STDIN, PurePosixPath("stdin"))
        return
    for path in paths:
        if path == STDIN:
            yield InputFile(STDIN, PurePosixPath("stdin"))
        elif os.path.isdir(path):
            yield from _walk(path, globs, exclude)
        else:
            yield InputFile(path, PurePosixPath(Path(path).name))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    return f"cannot read: {exc}" if str(exc) else f"cannot read: {type(exc).__name__}"


@contextlib.contextmanager
def _opened(path: str) -> Iterator[IO[bytes]]:
    stream = open_binary_input(path)
    try:
        yield stream
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def read_document(item: InputFile, max_bytes: int | None) -> Record:
    """The whole input as one record (its bytes are decoded when it is cleaned)."""
    if item.error is not None:
        return Record(item.name, error=item.error)
    try:
        with _opened(item.path) as stream:
            return Record(item.name, payload=read_limited(stream, max_bytes))
    except READ_ERRORS as exc:
        return Record(item.name, error=_reason(exc) if not isinstance(exc, TooLarge) else str(exc))


JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return JSON_TYPES.get(type(value), "a number")


def parse_line(source: str, number: int, line: bytes, field: str, url_field: str | None) -> Record:
    """One JSONL line as a record; a line that cannot be used carries its error."""
    try:
        data = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raw = line.decode("utf-8", "replace").rstrip("\r\n")
        return Record(source, number, raw=raw, error=f"malformed JSON: {exc}")
    except RecursionError:
        raw = line.decode("utf-8", "replace").rstrip("\r\n")
        return Record(source, number, raw=raw, error="malformed JSON: nested too deeply")
    if not isinstance(data, dict):
        raw = line.decode("utf-8", "replace").rstrip("\r\n")
        return Record(source, number, raw=raw, error=f"not a JSON object but {_kind(data)}")
    record = Record(source, number, data=data)
    if field not in data:
        record.error = f"missing field {field!r}"
    elif not isinstance(data[field], str):
        record.error = f"field {field!r} is {_kind(data[field])}, not a string"
    else:
        record.payload = data[field]
        url = data.get(url_field) if url_field else None
        record.url = url if isinstance(url, str) and url else None
    return record


def read_jsonl(item: InputFile) -> Iterator[Record]:
    """The records of a JSONL input, streamed line by line; blank lines are skipped.

    Each record holds its raw line as ``payload``; `parse_line` reads it where it is cleaned.

    A file that cannot be opened, or that breaks off (a truncated gzip), gives one record
    with the error and no line, or the line number where it broke off.
    """
    if item.error is not None:
        yield Record(item.name, error=item.error, file_error=True)
        return
    number = 0
    try:
        with _opened(item.path) as stream:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    yield Record(item.name, number, payload=line)
    except READ_ERRORS as exc:
        yield Record(item.name, number + 1 if number else None, error=_reason(exc), file_error=True)
