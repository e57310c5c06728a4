"""Which lines of a text are lines of its gold body: labels for training the line classifier.

Each line is placed in the gold body by its word tokens: a line of four tokens or more by
the 4-token shingles it shares with the body (the placement most of them agree on), a
shorter line by where its tokens occur in the body. The placements that keep the lines
in the body's order with the most tokens win (a weighted longest increasing chain), so a
menu entry or a table of contents that repeats a heading of the article is not taken for
the heading. A placed line whose shingles are mostly in the body is article text; a line
that is neither clearly in nor clearly out is left out of training.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import regex

from cleaner.evaluation.metrics import fold_whitespace

TOKEN = regex.compile(r"\w+")
SHINGLE = 4
# A line is article text when this share of its shingles sits in its placement...
IN_SHARE = 0.5
# ... and page text when less than this share does (between them: not labelled).
OUT_SHARE = 0.2
# A short line that the body holds in more places than this is too common to place.
MAX_PLACES = 40

IN, OUT, UNSURE = 1, 0, -1


def place_lines(lines: Sequence[str], body: str) -> list[int]:
    """``IN``, ``OUT`` or ``UNSURE`` for each line, against ``body``.

    >>> body = "Intro line here now.\\nThe council met on Monday to vote.\\nDone."
    >>> place_lines(["Menu", "The council met on Monday to vote.", "Done.", "Intro"], body)
    [0, 1, 1, 0]
    """
    gold = TOKEN.findall(body)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for size in range(1, SHINGLE + 1):
        for start in range(len(gold) - size + 1):
            index[tuple(gold[start : start + size])].append(start)
    candidates: list[list[tuple[int, float, int]]] = []  # (start, share, tokens) per line
    for line in lines:
        tokens = TOKEN.findall(line)
        candidates.append(_placements(tokens, index))
    chosen = _best_chain(candidates)
    labels = []
    for options, pick in zip(candidates, chosen, strict=True):
        share = options[pick][1] if pick is not None else 0.0
        if pick is not None and share >= IN_SHARE:
            labels.append(IN)
        elif share < OUT_SHARE:
            labels.append(OUT)
        else:
            labels.append(UNSURE)
    return labels


def _placements(
    tokens: list[str], index: dict[tuple[str, ...], list[int]]
) -> list[tuple[int, float, int]]:
    """Where a line may start in the body: (start, share of its shingles there, tokens)."""
    if not tokens:
        return []
    if len(tokens) < SHINGLE:
        places = index.get(tuple(tokens), [])
        if len(places) > MAX_PLACES:
            return []
        return [(start, 1.0, len(tokens)) for start in places]
    votes: Counter[int] = Counter()
    shingles = len(tokens) - SHINGLE + 1
    for offset in range(shingles):
        for start in index.get(tuple(tokens[offset : offset + SHINGLE]), ())[:MAX_PLACES]:
            votes[start - offset] += 1
    best = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:3]
    return [(max(start, 0), count / shingles, len(tokens)) for start, count in best]


def _best_chain(candidates: list[list[tuple[int, float, int]]]) -> list[int | None]:
    """One placement per line (or none), starts increasing in line order, most tokens.

    The weight of a placement is its share times its tokens; a Fenwick tree over body
    positions gives the best chain ending before each start.
    """
    size = 1 + max((start for options in candidates for start, _, _ in options), default=0)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 2)  # (value, node) maxima
    nodes: list[tuple[int, int, int]] = []  # (line, option, parent node)

    def query(position: int) -> tuple[float, int]:  # best over starts < position
        found, i = (0.0, -1), position
        while i > 0:
            if tree[i][0] > found[0]:
                found = tree[i]
            i -= i & -i
        return found

    def update(position: int, entry: tuple[float, int]) -> None:
        i = position + 1
        while i < len(tree):
            if entry[0] > tree[i][0]:
                tree[i] = entry
            i += i & -i

    best = (0.0, -1)
    for line, options in enumerate(candidates):
        made = []
        for option, (start, share, tokens) in enumerate(options):
            value, parent = query(start)
            nodes.append((line, option, parent))
            made.append((start, (value + share * tokens, len(nodes) - 1)))
        for start, entry in made:
            update(start, entry)
            if entry[0] > best[0]:
                best = entry
    chosen: list[int | None] = [None] * len(candidates)
    node = best[1]
    while node != -1:
        line, option, node = nodes[node]
        chosen[line] = option
    return chosen


def snippet_lines(lines: Sequence[str], with_: Sequence[str], without: Sequence[str]) -> list[int]:
    """``IN`` for a line holding a ``with`` snippet, ``OUT`` for one holding a ``without``
    snippet (whitespace folded, case kept, as traf-dev is scored), else ``UNSURE``.

    >>> snippet_lines(["Menu", "The council met on  Monday.", "Other"], ["met on Monday"], ["Menu"])
    [0, 1, -1]
    """
    keep = [fold_whitespace(s) for s in with_]
    drop = [fold_whitespace(s) for s in without]
    labels = []
    for line in lines:
        text = fold_whitespace(line)
        inside = any(s and s in text for s in keep)
        outside = any(s and s in text for s in drop)
        labels.append(IN if inside and not outside else OUT if outside and not inside else UNSURE)
    return labels
