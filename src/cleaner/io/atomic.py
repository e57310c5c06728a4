"""Write a file so that readers see either nothing or the whole of it.

The data goes to a temporary file in the target's folder, which replaces the target
(``os.replace``) only when everything was written; on any error, or an interrupt that
unwinds the stack, the temporary file is removed and the target is left as it was. A
target that exists and is not a regular file (``/dev/null``, a named pipe) is written
directly: renaming over it would replace the device with a file.
Creating, renaming and removing the temporary file run as ``protected()`` sections, so an
``Interrupted`` (see ``interrupts``) never lands between a step and its bookkeeping.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import IO, cast

from .interrupts import protected

TEMP_SUFFIX = ".cleaner-tmp"


def temp_name_pattern() -> str:
    """The glob that matches temporary files left only by a hard kill (SIGKILL, power loss)."""
    return f".*{TEMP_SUFFIX}"


@cache
def _file_mode() -> int:
    """Permission bits of a new file under the current umask (mkstemp would use 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile:
    """A binary file written in place of ``path`` only on a clean ``commit``.

    >>> folder = tempfile.TemporaryDirectory()
    >>> target = Path(folder.name) / "out" / "a.txt"
    >>> with AtomicFile(target) as out:
    ...     _ = out.write(b"hello")
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'hello', ['a.txt'])
    >>> folder.cleanup()

    Names ending in ``.gz`` (or ``compress=True``) are gzip-compressed. ``fsync`` makes the
    data durable before the rename. A device or pipe is written directly:

    >>> with AtomicFile("/dev/null") as out:
    ...     _ = out.write(b"gone")
    >>> Path("/dev/null").is_char_device()
    True
    """

    def __init__(self, path: str | Path, *, compress: bool | None = None, fsync: bool = False):
        self.path = Path(path)
        self.compress = self.path.name.endswith(".gz") if compress is None else compress
        self.fsync = fsync
        self.temp: Path | None = None
        self._raw: IO[bytes] | None = None
        self._stream: IO[bytes] | None = None

    def open(self) -> IO[bytes]:
        """Create the temporary file (and missing parent folders); return a stream to it."""
        if self.path.exists() and not self.path.is_file():
            raw = self._raw = self.path.open("wb")  # a device or a pipe: no rename over it
            return self._wrap(raw)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with protected():  # the file is never created without its name being recorded
            fd, name = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=TEMP_SUFFIX
            )
            self.temp = Path(name)
            raw = self._raw = os.fdopen(fd, "wb")
        return self._wrap(raw)

    def _wrap(self, raw: IO[bytes]) -> IO[bytes]:
        stream: IO[bytes] = raw
        if self.compress:
            # mtime=0 keeps the output byte-for-byte reproducible.
            stream = cast(IO[bytes], gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0))
        self._stream = stream
        return stream

    def commit(self) -> None:
        """Finish the temporary file and move it over the target."""
        if self._stream is None or self._raw is None:
            raise RuntimeError("AtomicFile.commit() before open()")
        if self._stream is not self._raw:
            self._stream.close()
        self._raw.flush()
        if self.temp is None:  # written directly
            self._raw.close()
            return
        if self.fsync:
            os.fsync(self._raw.fileno())
        os.fchmod(self._raw.fileno(), _file_mode())
        self._raw.close()
        with protected():
            os.replace(self.temp, self.path)
            self.temp = None

    def discard(self) -> None:
        """Close and delete the temporary file, leaving the target untouched."""
        with protected():
            for stream in (self._stream, self._raw):
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
            if self.temp is not None:
                with contextlib.suppress(FileNotFoundError):
                    self.temp.unlink()
                self.temp = None

    def __enter__(self) -> IO[bytes]:
        try:
            return self.open()
        except BaseException:
            self.discard()
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()
