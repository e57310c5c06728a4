"""Rules limited to the document's site (the packs `cleaner learn` writes), applied last.

They run after every other rule and after the article region is chosen, on the lines
those kept: line and block-start rules everywhere, header and footer rules in the zones of
what is left. So a site pack never changes what the other rules and the zones remove, nor
the metadata they read. The region reads the page without the lines its site's line rules
match (`template_lines`): with the site's template out of the way, the article's edges are
plain (its last paragraph is no longer a short line among menus).
"""

from __future__ import annotations

from ...rules import RuleTimeout, Scope
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


def template_lines(doc: Document) -> frozenset[int]:
    """The lines a line rule of the document's site matches (none without a site), read
    without labelling them: `label_site_lines` labels them after the region. A rule that
    runs out of time matches nothing here (`label_site_lines` reports it)."""
    rules = doc.site_rules()
    if rules is None or not rules.site_matchers[Scope.LINE].rules:
        return frozenset()
    matcher = rules.site_matchers[Scope.LINE]
    keys = [line.key for line in doc.lines]
    admitted = rules.site_gate.admit(keys, doc.folded, doc.changed, doc.site)[Scope.LINE]
    found = set()
    for index in range(len(keys)) if matcher.always else sorted(admitted):
        candidates = matcher.tried(admitted.get(index, ()))
        try:
            if doc.lines[index].text and matcher.first(keys[index], candidates, doc.site):
                found.add(index)
        except RuleTimeout:
            continue
    return frozenset(found)
