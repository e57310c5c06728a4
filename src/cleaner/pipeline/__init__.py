"""The text pipeline: one document's lines through the stages, in order.

Each stage is a function of the `Document`: it splits, labels lines, cuts spans, or
makes the trail, the body and the metadata from what the stages before it found.
`STAGES` lists them in the order they run; `run` runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..article import Metadata
from ..categories import Category
from ..rules import CompiledRules
from .classify import LineModel
from .document import Document
from .render import compose_body
from .stages.line_rules import label_lines
from .stages.metadata import build_metadata
from .stages.region import select_article
from .stages.site_lines import label_site_lines
from .stages.split import split_lines
from .stages.thread import label_thread
from .stages.tokens import cut_tokens
from .stages.zones import label_footer, label_header
from .trail import collect_removals

Stage = Callable[[Document], None]

STAGES: tuple[Stage, ...] = (
    split_lines,  # stages/split.py: normalised lines with input offsets
    cut_tokens,  # stages/tokens.py: inline tokens such as {mosads} cut out
    label_lines,  # stages/line_rules.py: whole-line and teaser-block rules
    label_footer,  # stages/zones.py: footer rules after the last prose
    label_header,  # stages/zones.py: header rules and heuristics before the first prose
    select_article,  # stages/region.py: the article of a page dump (classify/)
    label_thread,  # stages/thread.py: the comment thread under the article
    label_site_lines,  # stages/site_lines.py: rules of the document's site (learned packs)
    collect_removals,  # trail.py: the removal trail
    compose_body,  # render.py: the body
    build_metadata,  # stages/metadata.py: metadata from hints, captures and notes
)


def run(
    text: str,
    rules: CompiledRules,
    *,
    keep: frozenset[Category] = frozenset(),
    find_article: bool = True,
    hints: Metadata | None = None,
    model: LineModel | None = None,
    site: str | None = None,
    extracted: bool = False,
    verbatim: frozenset[str] = frozenset(),
) -> Document:
    """Clean ``text`` with ``rules`` (and the line classifier ``model`` for page dumps):
    the document after every stage of `STAGES`.

    ``site`` is the document's site, for rules limited to one (see `cleaner.rules.sites`);
    ``extracted`` says the text is an article extracted from HTML, not a page dump;
    ``verbatim`` holds the keys of its page's preformatted lines (code).
    """
    doc = Document.of(
        text,
        rules,
        keep=keep,
        find_article=find_article,
        hints=hints,
        model=model,
        site=site,
        extracted=extracted,
        verbatim=verbatim,
    )
    for stage in STAGES:
        stage(doc)
    return doc


__all__ = ["STAGES", "Document", "Stage", "run"]
