"""What one cleaned document or record looks like in each output format."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from ..article import Article

EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
MARKDOWN_FIELDS = (
    ("date", "Date"),
    ("updated", "Updated"),
    ("authors", "Authors"),
    ("contributors", "Contributors"),
    ("section", "Section"),
    ("tags", "Tags"),
    ("reading_time", "Reading time"),
    ("copyright", "Copyright"),
    ("language", "Language"),
    ("url", "URL"),
    ("sitename", "Site"),
    ("description", "Description"),
)


def output_name(relative: PurePosixPath, fmt: str) -> PurePosixPath:
    """The output path of an input under the output folder: its extension is the format's.

    >>> str(output_name(PurePosixPath("2021/a.html"), "text"))
    '2021/a.txt'
    >>> str(output_name(PurePosixPath("b.txt.gz"), "markdown"))
    'b.md'
    """
    name = relative.name.removesuffix(".gz")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return relative.with_name(stem + EXTENSIONS[fmt])


def render_text(article: Article) -> str:
    """The body, ending with a newline (nothing at all for an empty body)."""
    return article.text + "\n" if article.text else ""


def _markdown_value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def render_markdown(article: Article) -> str:
    """``# title``, one ``- **Field:** value`` line per known metadata field, the body.

    >>> from cleaner import Metadata
    >>> print(render_markdown(Article("Body.", Metadata(title="T", tags=["a", "b"]))), end="")
    # T
    <BLANKLINE>
    - **Tags:** a, b
    <BLANKLINE>
    Body.
    """
    meta = article.metadata
    parts: list[str] = []
    if meta.title:
        parts.append(f"# {meta.title}")
    lines = []
    for name, label in MARKDOWN_FIELDS:
        value = getattr(meta, name)
        if value not in (None, "", []):
            suffix = " min" if name == "reading_time" else ""
            lines.append(f"- **{label}:** {_markdown_value(value)}{suffix}")
    if lines:
        parts.append("\n".join(lines))
    if article.text:
        parts.append(article.text)
    return "\n\n".join(parts) + "\n" if parts else ""


def document_dict(source: str, article: Article) -> dict[str, Any]:
    """``source`` followed by ``Article.to_dict()``: body, metadata, removals, warnings, mode."""
    return {"source": source, **article.to_dict()}


def render_json(source: str, article: Article) -> str:
    """The document as an indented JSON object."""
    return json.dumps(document_dict(source, article), ensure_ascii=False, indent=2) + "\n"


def json_line(value: Any) -> bytes:
    """One compact JSON line in UTF-8 (``\\u`` escapes only for text UTF-8 cannot hold).

    >>> json_line({"a": "é", "b": "\\ud800"})
    b'{"a":"\\\\u00e9","b":"\\\\ud800"}\\n'
    >>> json_line({"a": "é"}).decode()
    '{"a":"é"}\\n'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate, from a \\ud800 escape in the input
        return json.dumps(value, separators=(",", ":")).encode("ascii") + b"\n"


def cleaner_entry(article: Article, explain: bool) -> dict[str, Any]:
    """What a JSONL record gets under --metadata-key."""
    entry: dict[str, Any] = {
        "metadata": article.metadata.to_dict(),
        "removed_count": len(article.removed),
        "warnings": list(article.warnings),
    }
    if explain:
        entry["removed"] = [r.to_dict() for r in article.removed]
    return entry


def render_document(source: str, article: Article, fmt: str) -> bytes:
    """A document in ``text``, ``markdown``, ``json`` or ``jsonl`` format, as UTF-8 bytes."""
    if fmt == "jsonl":
        return json_line(document_dict(source, article))
    if fmt == "json":
        text = render_json(source, article)
    elif fmt == "markdown":
        text = render_markdown(article)
    else:
        text = render_text(article)
    return text.encode("utf-8", "replace")


def jsonl_output(
    record_data: dict[str, Any] | None,
    raw: str | None,
    article: Article | None,
    error: str | None,
    *,
    field: str,
    into: str | None,
    metadata_key: str,
    explain: bool,
) -> dict[str, Any]:
    """The output object of one JSONL record; its other fields keep their values and order.

    A cleaned record gets the body in ``field`` (or ``into``) and the metadata under
    ``metadata_key``; a failed one gets ``error``; a line that was no JSON object becomes
    ``{"error": ..., "raw": line}``.

    >>> from cleaner import Metadata
    >>> out = jsonl_output({"id": 1, "text": "x", "n": 2}, None, Article("y", Metadata()), None,
    ...                    field="text", into=None, metadata_key="", explain=False)
    >>> out
    {'id': 1, 'text': 'y', 'n': 2}
    """
    if error is not None:
        if record_data is None:
            return {"error": error, "raw": raw}
        record_data["error"] = error
        return record_data
    if record_data is None or article is None:
        raise ValueError("a record without an error needs its data and article")
    record_data[into or field] = article.text
    if metadata_key:
        record_data[metadata_key] = cleaner_entry(article, explain)
    return record_data
