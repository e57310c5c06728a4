"""Properties of the command line's JSON Lines path over generated streams of good and bad records.

Runs ``cleaner.cli.main`` in this process (no subprocess per example) on a generated file
with ``-o`` and ``--errors`` files. For any stream: no exception; every record read is
written (or, with ``--drop-errors``, read == written + errors); each good record has its
body and metadata and every other field untouched, in its order; each bad record (malformed
JSON, not an object, missing or non-string field) carries its error and is not lost.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.cli import main
from cleaner.cli.jobs import error_text

from .strategies import documents, html_documents

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUMMARY = re.compile(
    r"^cleaner: (\d+) read, (\d+) written, (\d+) errors(?:, \d+ warnings \(.*\))?$", re.M
)
RESERVED = {"text", "clean_text", "cleaner", "meta", "error", "raw"}

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
EXTRA_FIELDS = st.dictionaries(
    st.text(max_size=10).filter(lambda key: key not in RESERVED), JSON_VALUES, max_size=5
)
NOT_STRINGS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
KINDS = {
    type(None): "null",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
    str: "a string",
}
MALFORMED = [
    b'{"id": 2, "text": "unterminated',
    b"{",
    b"}",
    b"not json at all",
    b"{'text': 'single quotes'}",
    b'{"text": "a"} trailing',
    b'{"text": "bad escape \\x"}',
    b'{"text": "a",}',
    b'\xff\xfe{"text": "x"}',
    b'{"text": "caf\xe9"}',  # latin-1 byte: not UTF-8
    b"\x00\x01\x02",
]


def kind(value: object) -> str:
    return KINDS.get(type(value), "a number")


@dataclass
class Line:
    """One generated input line and what must become of it."""

    data: bytes
    record: bool = True  # False: a blank line, no record
    source: dict[str, Any] | None = None  # the JSON object, when the line is one
    error: str | None = None  # the error it must get (a prefix for malformed JSON)


def dumps(value: object, ascii_only: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")


@st.composite
def good_lines(draw: st.DrawFn) -> Line:
    text = draw(st.one_of(documents(), html_documents(), st.text(max_size=200)))
    fields = draw(EXTRA_FIELDS)
    position = draw(st.integers(0, len(fields)))
    items = list(fields.items())
    items.insert(position, ("text", text))
    source = dict(items)
    return Line(dumps(source, draw(st.booleans())), source=source)


@st.composite
def missing_field_lines(draw: st.DrawFn) -> Line:
    source = draw(EXTRA_FIELDS)
    return Line(dumps(source, True), source=source, error="missing field 'text'")


@st.composite
def non_string_lines(draw: st.DrawFn) -> Line:
    value = draw(NOT_STRINGS)
    source = {**draw(EXTRA_FIELDS), "text": value}
    error = f"field 'text' is {kind(value)}, not a string"
    return Line(dumps(source, True), source=source, error=error)


@st.composite
def non_object_lines(draw: st.DrawFn) -> Line:
    value = draw(st.one_of(NOT_STRINGS.filter(lambda v: not isinstance(v, dict)), st.text()))
    data = dumps(value, False)
    if not data.strip():  # json.dumps never gives a blank line, but be explicit
        return Line(b"", record=False)
    return Line(data, error=f"not a JSON object but {kind(value)}")


MALFORMED_LINES = st.sampled_from(MALFORMED).map(lambda d: Line(d, error="malformed JSON"))
BLANK_LINES = st.sampled_from([b"", b"   ", b"\t"]).map(lambda d: Line(d, record=False))
LINES = st.one_of(
    good_lines(),
    good_lines(),
    missing_field_lines(),
    non_string_lines(),
    non_object_lines(),
    MALFORMED_LINES,
    BLANK_LINES,
)


@dataclass
class Result:
    status: int
    out: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    summary: tuple[int, int, int]


def run_cli(data: bytes, *args: str) -> Result:
    """``cleaner --jsonl --field text IN -o OUT --errors ERR ARGS`` in this process."""
    with tempfile.TemporaryDirectory() as folder:
        source, target, errors = (Path(folder) / n for n in ("in.jsonl", "out.jsonl", "e.jsonl"))
        source.write_bytes(data)
        stderr = io.StringIO()
        argv = ["--jsonl", "--field", "text", str(source), "-o", str(target)]
        with contextlib.redirect_stderr(stderr):
            status = main([*argv, "--errors", str(errors), *args])
        found = SUMMARY.findall(stderr.getvalue())
        assert len(found) == 1, stderr.getvalue()
        read, written, failed = (int(n) for n in found[0])
        out = [json.loads(line) for line in target.read_bytes().splitlines()]
        logged = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    return Result(status, out, logged, (read, written, failed))


def cleaning_error(text: str) -> str | None:
    """The error a record gets when the library raises on its text (None: it does not)."""
    try:
        cleaner.clean(text)
    except Exception as exc:
        return error_text(exc)
    return None


def expected_entry(text: str) -> dict[str, Any]:
    article = cleaner.clean(text)
    return {
        "metadata": article.metadata.to_dict(),
        "removed_count": len(article.removed),
        "warnings": list(article.warnings),
    }


@SETTINGS
@given(
    lines=st.lists(LINES, max_size=12),
    crlf=st.booleans(),
    final_newline=st.booleans(),
    drop_errors=st.booleans(),
    into=st.sampled_from([None, "clean_text"]),
    metadata_key=st.sampled_from(["cleaner", "meta", ""]),
)
def test_every_record_comes_out_cleaned_or_with_its_error(
    lines: list[Line],
    crlf: bool,
    final_newline: bool,
    drop_errors: bool,
    into: str | None,
    metadata_key: str,
) -> None:
    newline = b"\r\n" if crlf else b"\n"
    data = newline.join(line.data for line in lines) + (newline if final_newline else b"")
    args = ["--metadata-key", metadata_key]
    args += ["--into", into] if into else []
    args += ["--drop-errors"] if drop_errors else []
    result = run_cli(data, *args)

    records = [(number, line) for number, line in enumerate(lines, 1) if line.record]
    for _, line in records:  # a record whose cleaning raises gets the exception as its error
        if line.error is None and line.source is not None:
            line.error = cleaning_error(line.source["text"])
    bad = [(number, line) for number, line in records if line.error is not None]
    read, written, errors = result.summary
    assert read == len(records)
    assert errors == len(bad) == len(result.errors)
    assert written == len(result.out) == (read - errors if drop_errors else read)
    assert result.status == (1 if bad else 0)
    assert [
        (e["line"], e["error"].startswith(line.error or ""))
        for e, (_, line) in zip(result.errors, bad, strict=True)
    ] == [(number, True) for number, _ in bad]

    kept = [line for _, line in records if not (drop_errors and line.error is not None)]
    for out, line in zip(result.out, kept, strict=True):
        if line.error is None:  # good: body in its field, every other field untouched
            assert line.source is not None
            text = line.source["text"]
            expected = {**line.source, (into or "text"): cleaner.clean(text).text}
            if metadata_key:
                expected[metadata_key] = expected_entry(text)
            assert out == expected
            assert list(out) == list(expected)  # key order kept, new keys last
        elif line.source is not None:  # a JSON object with a bad field: kept, error added
            assert out == {**line.source, "error": line.error}
            assert list(out) == [*line.source, "error"]
        else:  # not a JSON object: the line itself is kept under "raw"
            raw = line.data.decode("utf-8", "replace")
            assert out == {"error": out["error"], "raw": raw}
            assert out["error"].startswith(line.error or "")


def test_a_deeply_nested_line_is_an_error_not_the_end_of_the_run() -> None:
    good = json.dumps({"id": 1, "text": "The vote is on Monday."}).encode()
    deep = b"[" * 100_000 + b"]" * 100_000
    result = run_cli(b"\n".join([good, deep, good]) + b"\n")
    assert result.summary == (3, 3, 1)
    assert [r.get("id") for r in result.out] == [1, None, 1]
    assert result.out[1]["error"] == "malformed JSON: nested too deeply"


def test_a_deep_but_readable_record_passes_through() -> None:
    deep = {"id": 2, "text": "The vote is on Monday.", "extra": json.loads("[" * 500 + "]" * 500)}
    result = run_cli(json.dumps(deep).encode() + b"\n")
    assert result.summary == (1, 1, 0)
    assert result.out[0]["extra"] == deep["extra"]
