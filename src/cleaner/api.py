"""The façade: `Cleaner` holds the options and compiled rules; `clean` cleans one document.

Text goes straight through the text pipeline; HTML first goes through the HTML extractor,
whose text the same pipeline then cleans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from . import pipeline
from .article import Article, Metadata, WarningCode, warning
from .config import CleanerConfig, Mode, parse_mode
from .inputs import decode, looks_like_html
from .parallel import Driver
from .pipeline.classify import HTML_MODEL, LineModel, load_model
from .rules import CompiledRules
from .rules.sites import site_of

Source = str | bytes


class Cleaner:
    """Holds options and compiled rule packs once; cleans any number of documents.

    >>> text = "Getty Images\\n\\nThe council met on Monday to vote on the new budget."
    >>> Cleaner(keep=["credit"]).clean(text).text == text
    True
    """

    def __init__(self, config: CleanerConfig | None = None, **options: Any) -> None:
        self.config = config.with_options(**options) if config else CleanerConfig.build(**options)
        self.rules = CompiledRules.build(
            self.config.rules,
            builtin=self.config.builtin_rules,
            keep=self.config.keep,
            timeout=self.config.regex_timeout,
        )
        self._models: dict[Mode, LineModel | None] = {}
        if self.config.line_model or self.config.html_line_model:
            self.model(Mode.TEXT), self.model(Mode.HTML)  # a user's model file fails here

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cleaner, (self.config,))

    def clean(
        self, source: Source, *, mode: Mode | str | None = None, url: str | None = None
    ) -> Article:
        """Clean one document (text or HTML, str or bytes) into an Article.

        ``url`` is the document's address: it goes to ``metadata.url``, and its host is the
        document's site for rule packs limited to one site (unless the ``site`` option
        names the site of every document).
        """
        return self.clean_with_text(source, mode=mode, url=url)[1]

    def clean_with_text(
        self, source: Source, *, mode: Mode | str | None = None, url: str | None = None
    ) -> tuple[str, Article]:
        """Clean one document; return the text the rules saw with its Article.

        That text is the one the trail's offsets index: the decoded input, or for HTML the
        text extracted from the page.

        >>> page = "<html><body><p>Advertisement</p><p>The vote is on Monday.</p></body></html>"
        >>> text, article = Cleaner().clean_with_text(page)
        >>> text, [text[r.start : r.end] for r in article.removed], article.text
        ('Advertisement\\nThe vote is on Monday.', ['Advertisement'], 'The vote is on Monday.')
        """
        chosen = self.config.mode if mode is None else parse_mode(mode)
        warnings: list[str] = []
        if isinstance(source, (bytes, bytearray)):
            decoded = decode(bytes(source))
            text = decoded.text
            if decoded.guessed:
                warnings.append(
                    warning(
                        WarningCode.CHARSET_GUESSED,
                        f"no byte-order mark and not UTF-8: decoded as {decoded.encoding}",
                    )
                )
        elif isinstance(source, str):
            text = source
        else:
            raise TypeError(f"source must be str or bytes, not {type(source).__name__}")
        if chosen is Mode.HTML or (chosen is Mode.AUTO and looks_like_html(text)):
            from .html import extract_page

            extraction = extract_page(text, url=url, focus=self.config.html_focus)
            warnings.extend(extraction.warnings)
            model = self.model(Mode.TEXT if extraction.whole_page else Mode.HTML)
            article = self._run(
                extraction.text,
                extraction.metadata,
                model,
                Mode.HTML,
                warnings,
                url,
                extracted=not extraction.whole_page,
                verbatim=extraction.verbatim,
            )
            return extraction.text, article
        hints = Metadata(url=url) if url else None
        return text, self._run(text, hints, self.model(Mode.TEXT), Mode.TEXT, warnings, url)

    def model(self, kind: Mode) -> LineModel | None:
        """The line classifier for page dumps (``Mode.TEXT``) or for the text extracted from
        HTML (``Mode.HTML``), loaded on first use; None when ``find_article`` is off."""
        if not self.config.find_article:
            return None
        if kind not in self._models:
            if kind is Mode.HTML:
                self._models[kind] = load_model(self.config.html_line_model, HTML_MODEL)
            else:
                self._models[kind] = load_model(self.config.line_model)
        return self._models[kind]

    def _run(
        self,
        text: str,
        hints: Metadata | None,
        model: LineModel | None,
        mode: Mode,
        warnings: list[str],
        url: str | None,
        *,
        extracted: bool = False,
        verbatim: frozenset[str] = frozenset(),
    ) -> Article:
        site = self.config.site or site_of(url)
        doc = pipeline.run(
            text,
            self.rules,
            keep=self.config.keep,
            find_article=model is not None,
            hints=hints,
            model=model,
            site=site,
            extracted=extracted,
            verbatim=verbatim,
        )
        assert doc.metadata is not None, "the metadata stage always runs"
        trail = tuple(doc.removed) if self.config.explain else ()
        return Article(doc.body, doc.metadata, trail, (*warnings, *doc.warnings), mode.value)

    def clean_many(
        self,
        sources: Iterable[Source],
        *,
        workers: int = 1,
        return_exceptions: bool = False,
    ) -> Iterator[Article | Exception]:
        """Clean documents in input order, in ``workers`` processes when more than one.

        With ``return_exceptions`` a failing document yields its exception instead of
        stopping the run; in processes, a document that kills its worker fails with
        `WorkerDied` after it was tried again alone.
        """
        if workers <= 1:
            for source in sources:
                yield _outcome(self, source) if return_exceptions else self.clean(source)
            return
        with Driver(self, _CleanJob(), workers, weight=len) as driver:
            for result in driver.map(sources):
                if isinstance(result, Exception) and not return_exceptions:
                    raise result
                yield result


class _CleanJob:
    """`Cleaner.clean_many`'s job: a document's Article, or the exception it raised."""

    def run(self, cleaner: Cleaner, source: Source) -> Article | Exception:
        return _outcome(cleaner, source)


def _outcome(cleaner: Cleaner, source: Source) -> Article | Exception:
    try:
        return cleaner.clean(source)
    except Exception as exc:
        return exc


@lru_cache(maxsize=16)
def cached_cleaner(config: CleanerConfig) -> Cleaner:
    """One Cleaner per distinct config, so `clean()` compiles rule packs only once."""
    return Cleaner(config)


def clean(
    source: Source, *, mode: Mode | str = Mode.AUTO, url: str | None = None, **options: Any
) -> Article:
    """Clean one article: text or HTML in, an Article (body, metadata, removal trail) out.

    >>> article = clean("Most Popular\\n\\nThe bill passed 52 to 48 on a party-line vote.\\n")
    >>> article.text
    'The bill passed 52 to 48 on a party-line vote.'
    >>> [(r.category, r.rule) for r in article.removed]
    [('recommended', 'REC001')]
    """
    cleaner = cached_cleaner(CleanerConfig.build(mode=mode, **options))
    return cleaner.clean(source, url=url)
