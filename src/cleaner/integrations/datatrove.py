"""``CleanerStep``: a datatrove pipeline step that cleans each document's text.

Needs ``pip install 'cleaner[datatrove]'``. For each document the step:

- replaces ``doc.text`` with the clean body;
- stores ``doc.metadata["cleaner"]`` (the key is ``metadata_key``): the ``cleaner.Metadata``
  fields (``sources`` left out), plus ``removed_count`` and ``removed`` (removals per
  category). Every value is JSON-safe, so ``JsonlWriter`` writes it as it is;
- adds ``removed_<category>`` stats, one per removal (needs ``explain=True``, the default),
  and ``warning_<code>`` stats, one per warning (a fallback the cleaner took).

With ``drop_empty=True`` a document whose body comes out empty (or only whitespace) is
dropped (stats ``dropped`` and ``dropped_empty``). A document that raises while cleaning is
dropped too (``dropped`` and ``dropped_clean_error``), its error text in
``doc.metadata["cleaner"]["error"]``; the pipeline goes on. Dropped documents go to
``exclusion_writer`` when one is given, with their original text and
``metadata["filter_reason"]`` set to ``"empty"`` or ``"clean_error"``, as datatrove's
filters do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..api import cached_cleaner
from ..article import Article
from ..config import CleanerConfig
from ._records import error_message, metadata_record


class CleanerStep(PipelineStep):  # type: ignore[misc]  # datatrove has no type hints
    """Clean ``doc.text`` in place, put the metadata in ``doc.metadata[metadata_key]``.

    ``options`` are ``cleaner.clean``'s options (``mode``, ``keep``, ``rules``, ...).
    ``url_key`` names the metadata entry holding each document's URL (readers such as
    ``WarcReader`` set ``url``); ``None`` passes no URL.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        *,
        drop_empty: bool = False,
        exclusion_writer: Any = None,
        metadata_key: str = "cleaner",
        url_key: str | None = "url",
        **options: Any,
    ) -> None:
        super().__init__()
        self.config = CleanerConfig.build(**options)
        self.drop_empty = drop_empty
        self.exclusion_writer = exclusion_writer
        self.metadata_key = metadata_key
        self.url_key = url_key

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        """Yield the cleaned documents; drop (and maybe write out) the rest."""
        writer_context = self.exclusion_writer or contextlib.nullcontext()
        with writer_context as writer:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    reason = self.clean_document(doc)
                if reason is None:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update(StatHints.dropped, f"dropped_{reason}")
                if writer is not None:
                    doc.metadata["filter_reason"] = reason
                    writer.write(doc, rank)

    def clean_document(self, doc: Document) -> str | None:
        """Clean one document in place; return why to drop it, or None to keep it.

        A dropped document keeps its original text.
        """
        url = doc.metadata.get(self.url_key) if self.url_key else None
        try:
            article = cached_cleaner(self.config).clean(
                doc.text, url=url if isinstance(url, str) else None
            )
        except Exception as exc:
            doc.metadata[self.metadata_key] = {"error": error_message(exc)}
            return "clean_error"
        for category, count in article.removed_by_category().items():
            self.stat_update(f"removed_{category}", value=count)
        for code in article.warning_codes():
            self.stat_update(f"warning_{code}")
        doc.metadata[self.metadata_key] = cleaner_record(article)
        if self.drop_empty and not article.text.strip():
            return "empty"
        doc.text = article.text
        return None


def cleaner_record(article: Article) -> dict[str, Any]:
    """What ``CleanerStep`` stores in ``doc.metadata``: metadata fields and removal counts.

    >>> from cleaner import Article, Metadata, Removal
    >>> removal = Removal("ad", "AD001", "{mosads}", 0, 8)
    >>> record = cleaner_record(Article("body", Metadata(title="T"), (removal,)))
    >>> record["title"], record["removed_count"], record["removed"]
    ('T', 1, {'ad': 1})
    """
    return metadata_record(article) | {
        "removed_count": len(article.removed),
        "removed": article.removed_by_category(),
    }
