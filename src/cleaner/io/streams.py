"""Open inputs as binary streams, gunzipping transparently (by content, not by name)."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import IO, cast

GZIP_MAGIC = b"\x1f\x8b"
GZIP_SUFFIXES = (".gz",)


def is_gzip_name(name: str | Path) -> bool:
    """True for a file name that asks for gzip output (``*.gz``)."""
    return str(name).endswith(GZIP_SUFFIXES)


def _gunzip_if_needed(stream: io.BufferedReader) -> IO[bytes]:
    if stream.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC:
        return cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    return stream


def open_binary_input(path: str | Path) -> IO[bytes]:
    """A binary stream of ``path``'s content (``-`` is stdin), gunzipped when it is gzip data.

    Closing the stream closes the file (never stdin).

    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> name = Path(folder.name) / "a.jsonl.gz"
    >>> name.write_bytes(gzip.compress(b'{"a": 1}\\n'))
    29
    >>> with open_binary_input(name) as stream:
    ...     stream.read()
    b'{"a": 1}\\n'
    >>> folder.cleanup()
    """
    if str(path) == "-":
        raw = sys.stdin.buffer
        if not isinstance(raw, io.BufferedReader):  # pragma: no cover - unusual stdin
            raw = io.BufferedReader(cast(io.RawIOBase, raw))
        return _gunzip_if_needed(raw)  # the caller must not close stdin
    raw_file = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    if raw_file.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] != GZIP_MAGIC:
        return raw_file
    raw_file.close()
    return cast(IO[bytes], gzip.open(path, "rb"))


class TooLarge(ValueError):
    """An input larger than the size limit."""


def read_limited(stream: IO[bytes], limit: int | None) -> bytes:
    """All of ``stream``, or TooLarge when it holds more than ``limit`` bytes (None: no limit)."""
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"larger than the {limit}-byte limit (--max-bytes)")
    return data
