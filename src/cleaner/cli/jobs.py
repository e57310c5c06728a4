"""What the engine does with one record, wherever it runs: the part that is worth a worker.

A job splits a record into a task (what crosses to a worker process), runs the task with
the worker's Cleaner, and settles the record with the outcome in this process. Whole
documents come back as Articles, which this process renders. A JSON Lines record goes
as its raw line and comes back as its finished output line: parsing and encoding the JSON
happen in the worker too, so this process only reads and writes bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ..api import Cleaner
from ..article import Article
from ..inputs import DecodeError
from ..parallel import WorkerDied
from .formats import json_line, jsonl_output
from .inputs import Record, parse_line

Clean = Callable[[Any, Any], Article]  # (payload, url) -> Article


def error_text(exc: BaseException) -> str:
    """How a cleaning failure reads in messages."""
    if isinstance(exc, DecodeError):
        return f"undecodable: {exc}"
    if isinstance(exc, WorkerDied):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class Job(Protocol):
    """Turns records into tasks, tasks into outcomes, and outcomes back into records."""

    def task(self, record: Record) -> Any:
        """What a worker needs of the record (None: nothing to clean, it already failed)."""

    def run(self, cleaner: Cleaner, task: Any) -> Any:
        """The outcome of a task; a document that fails to clean gives its error text."""

    def weight(self, task: Any) -> int:
        """How much of a chunk's budget the task takes: the length of its document."""

    def settle(self, record: Record, outcome: Any) -> Record:
        """The record with its outcome; ``outcome`` is an exception when the task was lost."""


class DocumentJob:
    """Clean a whole document; the Article comes back to be rendered here."""

    def task(self, record: Record) -> tuple[str | bytes, str | None] | None:
        if record.error is not None or record.payload is None:
            return None
        return record.payload, record.url

    def weight(self, task: tuple[str | bytes, str | None] | None) -> int:
        return 0 if task is None else len(task[0])

    def run(self, cleaner: Cleaner, task: tuple[str | bytes, str | None] | None) -> Any:
        if task is None:
            return None
        try:
            return cleaner.clean(task[0], url=task[1])
        except Exception as exc:
            return error_text(exc)

    def settle(self, record: Record, outcome: Any) -> Record:
        if record.error is not None:  # failed before cleaning: it was never sent
            outcome = None
        if isinstance(outcome, Article):
            record.article = outcome
            record.warnings = outcome.warning_codes()
        elif isinstance(outcome, BaseException):  # lost: its worker died, or pickling
            record.error = error_text(outcome)
        elif isinstance(outcome, str):
            record.error = outcome
        record.payload = None  # the document is no longer needed; free it early
        return record


@dataclass(frozen=True, slots=True)
class JsonlJob:
    """Parse, clean and encode one JSON Lines record: its raw line in, its output line out."""

    field: str
    url_field: str | None
    into: str | None
    metadata_key: str
    explain: bool

    def task(self, record: Record) -> tuple[str, int | None, bytes] | None:
        if record.error is not None or record.payload is None:
            return None
        assert isinstance(record.payload, bytes)
        return record.source, record.line, record.payload

    def weight(self, task: tuple[str, int | None, bytes] | None) -> int:
        return 0 if task is None else len(task[2])

    def run(self, cleaner: Cleaner, task: tuple[str, int | None, bytes] | None) -> Any:
        if task is None:
            return None
        return self.output(task, lambda payload, url: cleaner.clean(payload, url=url))

    def settle(self, record: Record, outcome: Any) -> Record:
        task = self.task(record)
        if task is None:  # failed before cleaning (its file broke off): it was never sent
            return record
        if isinstance(outcome, BaseException):  # lost: its worker died, or pickling
            outcome = self.output(task, _raising(outcome))
        record.output, record.error, record.warnings = outcome
        record.payload = None
        return record

    def output(
        self, task: tuple[str, int | None, bytes], clean: Clean
    ) -> tuple[bytes, str | None, tuple[str, ...]]:
        """The output line of a raw line, the record's error (None when it was cleaned) and
        the codes of its article's warnings."""
        source, number, line = task
        record = parse_line(source, number or 0, line, self.field, self.url_field)
        article = None
        if record.error is None:
            try:
                article = clean(record.payload, record.url)
            except Exception as exc:
                record.error = error_text(exc)
        value = jsonl_output(
            record.data,
            record.raw,
            article,
            record.error,
            field=self.field,
            into=self.into,
            metadata_key=self.metadata_key,
            explain=self.explain,
        )
        codes = () if article is None else article.warning_codes()
        return json_line(value), record.error, codes


def _raising(exc: BaseException) -> Clean:
    def clean(payload: Any, url: Any) -> Article:
        raise exc

    return clean
