"""The sequence step: which lines are article, given every line's score.

A two-state path (in the article, out of it) through the lines: a line in the article adds
its score, a line out of it adds nothing, and every change of state costs ``switch``. The
best path keeps a short line between two paragraphs (a subhead, a list item, a quote) and
drops a short paragraph among menus: one line's score rarely pays for two switches.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_path(scores: Sequence[float], switch: float) -> list[bool]:
    """For each line, whether the best path keeps it (Viterbi; ties keep the state).

    >>> best_path([3.0, -1.0, 4.0, -6.0, -6.0], switch=2.0)
    [True, True, True, False, False]
    >>> best_path([3.0, -5.0, 4.0], switch=2.0)
    [True, False, True]
    """
    if not scores:
        return []
    inside, outside = scores[0], 0.0
    came: list[tuple[bool, bool]] = []  # per line: did "in" come from "in", "out" from "out"
    for score in scores[1:]:
        stay_in, enter = inside, outside - switch
        stay_out, leave = outside, inside - switch
        came.append((stay_in >= enter, stay_out >= leave))
        inside = max(stay_in, enter) + score
        outside = max(stay_out, leave)
    state = inside > outside
    path = [state]
    for from_in, from_out in reversed(came):
        state = state if (from_in if state else from_out) else not state
        path.append(state)
    path.reverse()
    return path
