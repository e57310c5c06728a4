"""What a run tells the user on stderr: failures, progress, the summary; and --errors."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from types import TracebackType
from typing import IO, Any, TextIO

from .inputs import Record


@dataclass(slots=True)
class Counts:
    """Records read, written, failed, inputs skipped because their output exists, and the
    warnings of the cleaned articles by code."""

    read: int = 0
    written: int = 0
    errors: int = 0
    skipped: int = 0
    warnings: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """``N read, N written, E errors`` (and ``, S skipped`` when any were, and
        ``, W warnings (code N, ...)`` when articles carry warnings).

        >>> counts = Counts(2, 2, 0, warnings=Counter({"html-fallback": 1}))
        >>> counts.summary()
        '2 read, 2 written, 0 errors, 1 warnings (html-fallback 1)'
        """
        text = f"{self.read} read, {self.written} written, {self.errors} errors"
        text += f", {self.skipped} skipped" if self.skipped else ""
        if self.warnings:
            codes = ", ".join(f"{code} {n}" for code, n in sorted(self.warnings.items()))
            text += f", {self.warnings.total()} warnings ({codes})"
        return text


def where(record: Record) -> str:
    """``source:line`` (or just ``source``), as compilers and grep name a place."""
    return record.source if record.line is None else f"{record.source}:{record.line}"


class Reporter:
    """Writes messages to stderr, around a progress bar shown once a second record comes.

    The bar appears only when ``progress`` is true (stderr is a terminal and not --quiet).
    ``errors`` is the --errors file, which receives each failure as a JSON line; the
    reporter closes it.
    """

    def __init__(
        self,
        counts: Counts,
        *,
        progress: bool,
        total: int | None = None,
        errors: IO[str] | None = None,
        stream: TextIO | None = None,
    ) -> None:
        self.counts = counts
        self.progress = progress
        self.total = total
        self.stream = stream or sys.stderr
        self._bar: Any = None
        self._seen = 0
        self._errors = errors

    def __enter__(self) -> Reporter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    def message(self, text: str) -> None:
        """A line (or lines) on stderr that does not break the progress bar."""
        if self._bar is not None:
            self._bar.write(text.rstrip("\n"), file=self.stream)
        else:
            self.stream.write(text if text.endswith("\n") else text + "\n")
            self.stream.flush()

    def failed(self, record: Record) -> None:
        """Count a failed record, name it on stderr and in the --errors file."""
        self.counts.errors += 1
        self.message(f"cleaner: {where(record)}: {record.error}")
        if self._errors is not None:
            entry = {"source": record.source, "line": record.line, "error": record.error}
            self._errors.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._errors.flush()

    def tick(self) -> None:
        """One more record done: move the bar (created at the second record)."""
        self._seen += 1
        if self._bar is not None:
            self._bar.update(1)
        elif self.progress and self._seen >= 2:
            from tqdm import tqdm

            self._bar = tqdm(
                total=self.total,
                initial=self._seen,
                unit="doc",
                file=self.stream,
                dynamic_ncols=True,
                mininterval=0.25,
                leave=False,
            )
