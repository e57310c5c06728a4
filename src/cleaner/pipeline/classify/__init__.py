"""The line classifier: which lines of a page are article text.

Each line gets a local score from its own shape and a lexical score from its words, then
a final score from those and its neighbourhood (`features`), with weights learned from
the dev corpora (`model`, the data file in ``cleaner/models/``, made by
``bench/train.py``); the sequence step (`sequence`) turns the scores into the article's
lines. Lines the rules already removed
inform their neighbours' scores but take no part in the path.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ... import native
from ..labels import Label
from .features import context_features, local_features
from .model import HTML_MODEL, TEXT_MODEL, LineModel, ModelError, load_model
from .sequence import best_path


@dataclass(frozen=True, slots=True)
class Decision:
    """What the classifier made of each line: its local and final score, its features
    (local then context) and whether the path keeps it (False for labelled lines)."""

    local: list[float]
    scores: list[float]
    vectors: Sequence[Sequence[float]]
    keep: list[bool]

    def reasons(self, model: LineModel, index: int, count: int = 3) -> str:
        """The line's final score and the features that weighed most, as a phrase."""
        if native.compiled is not None and isinstance(self.vectors, native.compiled.Vectors):
            parts = self.vectors.reasons(_compiled_model(model), index, count, model.final.names)
        else:
            parts = model.final.reasons(self.vectors[index], count)
        named = ", ".join(f"{name} {value:+.1f}" for name, value in parts)
        return f"score {self.scores[index]:+.1f} ({named})"


def decide(
    model: LineModel,
    texts: Sequence[str],
    labels: Sequence[Label | None],
    listed: Sequence[bool],
) -> Decision:
    """Score the lines and find the article's lines among those no rule removed.

    The compiled path (`cleaner.native`) computes the same, step for step.
    """
    compiled = _compiled_model(model) if native.compiled is not None else None
    if compiled is not None:
        assert native.compiled is not None
        local, scores, vectors, keep = native.compiled.decide(
            compiled, list(texts), list(labels), list(listed)
        )
        return Decision(local, scores, vectors, keep)
    rows, shapes = local_features(texts, labels, listed)
    local = [model.local.score(row) for row in rows]
    lexical = [model.lexicon.score(text) for text in texts]
    contexts = context_features(local, lexical, shapes)
    vectors = [row + context for row, context in zip(rows, contexts, strict=True)]
    scores = [model.final.score(vector) for vector in vectors]
    open_lines = [i for i, label in enumerate(labels) if label is None]
    path = best_path([scores[i] for i in open_lines], model.switch_cost)
    keep = [False] * len(texts)
    for index, kept in zip(open_lines, path, strict=True):
        keep[index] = kept
    return Decision(local, scores, vectors, keep)


# The compiled path's copy of each model in use, by identity (the model kept alive with it).
_COMPILED: dict[int, tuple[LineModel, Any]] = {}
MAX_COMPILED = 8


def _compiled_model(model: LineModel) -> Any:
    """The compiled path's copy of ``model``; None (with a warning, and the pure path from
    then on) when the extension computes other features than this source."""
    entry = _COMPILED.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_COMPILED) >= MAX_COMPILED:
            _COMPILED.clear()
        assert native.compiled is not None
        try:
            entry = _COMPILED[id(model)] = (model, native.compiled.Model(model))
        except ImportError as exc:
            warnings.warn(f"cleaner: {exc}; running the pure-Python path", stacklevel=3)
            native.compiled = None
            return None
    return entry[1]


__all__ = [
    "HTML_MODEL",
    "TEXT_MODEL",
    "Decision",
    "LineModel",
    "ModelError",
    "decide",
    "load_model",
]
