"""Rules limited to the document's site (the packs `cleaner learn` writes), applied last.

They run after every other rule and after the article region is chosen, on the lines
those kept: line and block-start rules everywhere, header and footer rules in the zones of
what is left. So a site pack never changes what the other rules and the zones remove, nor
the metadata they read. The region reads the page without the lines its site's rules
remove (`template_lines`: its template, and its teaser headings with their items): with
the site's template out of the way, the article's edges are plain (its last paragraph is
no longer a short line among menus, nor the line above a teaser list).
"""

from __future__ import annotations

from ...rules import RuleTimeout, Scope
from ..document import Document
from .line_rules import label_lines
from .teasers import teaser_extent
from .zones import label_zone


def label_site_lines(doc: Document) -> None:
    """Label the lines the rules of the document's site match (none without a site)."""
    if not doc.use_site_rules():
        return
    label_lines(doc)
    for scope in (Scope.FOOTER, Scope.HEADER):
        if doc.matchers[scope].rules:
            label_zone(doc, scope)


def template_lines(doc: Document) -> frozenset[int]:
    """The lines the rules of the document's site remove (none without a site), read
    without labelling them: `label_site_lines` labels them after the region. That is the
    lines a line rule matches, and a teaser heading a block-start rule matches with its
    items (`teaser_extent`, which varies from page to page). A rule that runs out of time
    matches nothing here (`label_site_lines` reports it)."""
    rules = doc.site_rules()
    if rules is None:
        return frozenset()
    scopes = [s for s in (Scope.LINE, Scope.BLOCK_START) if rules.site_matchers[s].rules]
    if not scopes:
        return frozenset()
    keys = [line.key for line in doc.lines]
    gate = rules.site_gate.admit(keys, doc.folded, doc.changed, doc.site)
    found: set[int] = set()
    for scope in scopes:
        matcher = rules.site_matchers[scope]
        admitted = gate[scope]
        for index in range(len(keys)) if matcher.always else sorted(admitted):
            if index in found or not doc.lines[index].text:
                continue
            candidates = matcher.tried(admitted.get(index, ()))
            try:
                hit = matcher.first(keys[index], candidates, doc.site)
            except RuleTimeout:
                continue
            if hit is not None:
                found.add(index)
                if scope is Scope.BLOCK_START:
                    found.update(teaser_extent(doc, index))
    return frozenset(found)
