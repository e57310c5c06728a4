"""Rules limited to the document's site (the packs `cleaner learn` writes), applied last.

They run after every other rule and after the article region is chosen, on the lines
those kept: line and block-start rules everywhere, header and footer rules in the zones of
what is left. So a site pack only ever removes more of its site's lines: it never changes
what the other rules, the zones or the region remove, nor the metadata they read.
"""

from __future__ import annotations

from ...rules import Scope
from ..document import Document
from .line_rules import label_lines
from .zones import label_zone


def label_site_lines(doc: Document) -> None:
    """Label the lines the rules of the document's site match (none without a site)."""
    if not doc.use_site_rules():
        return
    label_lines(doc)
    for scope in (Scope.FOOTER, Scope.HEADER):
        if doc.matchers[scope].rules:
            label_zone(doc, scope)
