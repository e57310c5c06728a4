"""Find the article in a full-page text dump (menus, teasers and footers around it)."""

from __future__ import annotations

from ..document import Document


def select_article(doc: Document) -> None:
    """Label the page text outside the article region (not yet enabled: keeps every line)."""
    del doc
