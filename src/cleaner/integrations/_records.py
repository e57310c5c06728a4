"""Plain records of an Article, shared by the engine integrations."""

from __future__ import annotations

from typing import Any

from ..article import Article


def metadata_record(article: Article) -> dict[str, Any]:
    """The article's metadata fields (``Metadata.field_names()``) as a JSON-safe dict.

    >>> from cleaner import Article, Metadata
    >>> metadata_record(Article("body", Metadata(title="T", tags=["a"])))["tags"]
    ['a']
    """
    data = article.metadata.to_dict()
    return {name: data[name] for name in type(article.metadata).field_names()}


def error_message(exc: BaseException) -> str:
    """``"ExceptionType: message"`` for an error recorded instead of raised."""
    return f"{type(exc).__name__}: {exc}"
