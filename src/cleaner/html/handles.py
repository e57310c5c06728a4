"""Usernames given back as the page writes them.

trafilatura's author normaliser reads a forum handle as a name: it cuts "insanesnow45" at
its first digit and turns "noah_b" into "Noah B". A name that could be such a cut handle
is looked up in the page: when the page writes exactly one handle that the name is cut
from (the name's words joined by "_" or ".", then optionally digits and more word
characters), that handle is the author. Only the text a reader sees counts: markup's
attributes and scripts hold slugs and ids ("matt_brooks", "fullysecret1dbb6551f4") that
name no one. Everything else is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

# A handle stands alone: not inside a longer word, an e-mail address or a path.
EDGE_BEFORE = r"(?<![\w@./-])"
EDGE_AFTER = r"(?![\w@-]|\.\w)"
MAX_WORDS = 3


def _cut_from(name: str) -> regex.Pattern[str] | None:
    """The handles ``name`` could have been cut from (case-insensitive), or None when the
    name is not shaped like a cut handle."""
    words = name.split()
    if not words or len(words) > MAX_WORDS or not all(word.isalpha() for word in words):
        return None
    joined = "[._]".join(regex.escape(word) for word in words)
    # One word: the cut took digits (and what follows them) away. Several: they were joined.
    tail = r"\d\w*" if len(words) == 1 else r"(?:\d\w*)?"
    return regex.compile(EDGE_BEFORE + f"({joined}{tail})" + EDGE_AFTER, regex.IGNORECASE)


def restore_handles(names: list[str], page: str, text: Callable[[], str]) -> list[str]:
    """``names`` with each cut handle given back as the page's visible ``text()`` writes
    it; ``text()`` is read only when the ``page``'s source holds such a handle at all.

    >>> page = "insanesnow45 said to noah_b: mail ann@x.org or mary.smith@x.org"
    >>> restore_handles(["Insanesnow", "Noah B", "Ann", "Mary Smith"], page, lambda: page)
    ['insanesnow45', 'noah_b', 'Ann', 'Mary Smith']
    >>> page = "<p>user12 and user977 wrote</p><a title='mira_k'>x</a>"
    >>> restore_handles(["User", "Mira K"], page, lambda: "user12 and user977 wrote x")
    ['User', 'Mira K']
    """
    restored = []
    for name in names:
        pattern = _cut_from(name)
        if pattern is None or pattern.search(page) is None:
            restored.append(name)
            continue
        found = {m.group(1) for m in pattern.finditer(text())}
        handles = {handle.lower() for handle in found}
        if len(handles) == 1 and next(iter(handles)) != name.lower():
            # The page's own spelling: the first in sorted order when it varies in case.
            name = min(found)
        restored.append(name)
    return restored
