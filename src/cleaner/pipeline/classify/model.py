"""The line classifier's weights: data in a JSON file, checked against the features at load.

Three parts, each a sum in a fixed order (so a score is the same in any process):

- ``local``: a linear score of a line's `LOCAL_FEATURES`, which its neighbours read;
- ``lexicon``: a weight per word, summed over a line's words (`words_of`) and divided by
  the square root of their count: what the line's vocabulary says;
- ``final``: the log-odds that the line is article text, a sum of one step function per
  feature (`LOCAL_FEATURES` then `CONTEXT_FEATURES`): for each feature, sorted thresholds
  and one value per interval (a value ``v[i]`` holds from ``t[i - 1]`` excluded to
  ``t[i]`` included); then the values of a few small trees over the same features, which
  weigh what features say together (a short line near prose, a list item among teasers).

``switch_cost`` is what the sequence step charges for entering or leaving the article.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from .features import CONTEXT_FEATURES, LOCAL_FEATURES, words_of

SCHEMA = 3
# Model files of this older schema (step functions only, no trees) are read too.
STEPS_ONLY_SCHEMA = 2
TEXT_MODEL = "text-lines.json"
HTML_MODEL = "html-lines.json"


class ModelError(ValueError):
    """A model file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Linear:
    """A bias and one weight per named feature."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, values: Sequence[float]) -> float:
        """``bias + sum(weight * value)``, summed in the order of the names."""
        total = self.bias
        for weight, value in zip(self.weights, values, strict=True):
            total += weight * value
        return total


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A weight per word; words not listed weigh nothing."""

    weights: Mapping[str, float]
    bias: float

    def score(self, text: str) -> float:
        """``bias`` plus the words' weights over the square root of their number."""
        words = words_of(text)
        if not words:
            return self.bias
        get = self.weights.get
        total = 0.0
        for word in words:
            total += get(word, 0.0)
        return self.bias + total / math.sqrt(len(words))


class Tree(NamedTuple):
    """A regression tree over a feature vector. Node ``k`` sends a vector whose feature
    ``features[k]`` is at most ``thresholds[k]`` to ``left[k]``, else to ``right[k]``; a
    child ``c`` below zero is the leaf ``-c - 1``, whose value the tree gives. Children
    come after their node, so a walk from node 0 always ends."""

    features: tuple[int, ...]
    thresholds: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaves: tuple[float, ...]

    def value(self, vector: Sequence[float]) -> float:
        """The value of the leaf the vector reaches.

        >>> Tree((0, 1), (0.5, 2.0), (1, -3), (-1, -2), (1.0, 2.0, 3.0)).value([0.2, 7.0])
        2.0
        """
        node = 0
        features, thresholds, left, right = self.features, self.thresholds, self.left, self.right
        while node >= 0:
            node = left[node] if vector[features[node]] <= thresholds[node] else right[node]
        return self.leaves[-node - 1]


@dataclass(frozen=True, slots=True)
class Additive:
    """A base, one step function per named feature, and trees over the features."""

    names: tuple[str, ...]
    thresholds: tuple[tuple[float, ...], ...]
    values: tuple[tuple[float, ...], ...]
    base: float
    trees: tuple[Tree, ...] = ()

    def parts(self, values: Sequence[float]) -> list[float]:
        """What each feature adds to the score: its step, plus the value of every tree
        whose first split reads it (added in the order of the trees)."""
        parts = [
            steps[bisect_left(cuts, value)] if cuts else steps[0]
            for cuts, steps, value in zip(self.thresholds, self.values, values, strict=True)
        ]
        for tree in self.trees:
            parts[tree.features[0]] += tree.value(values)
        return parts

    def score(self, values: Sequence[float]) -> float:
        """``base`` plus each feature's step, summed in the order of the names, then each
        tree's value, in the order of the trees."""
        total = self.base
        for cuts, steps, value in zip(self.thresholds, self.values, values, strict=True):
            total += steps[bisect_left(cuts, value)] if cuts else steps[0]
        for tree in self.trees:
            total += tree.value(values)
        return total

    def reasons(self, values: Sequence[float], count: int = 3) -> list[tuple[str, float]]:
        """The ``count`` features that moved the score most, with what each added."""
        ranked = sorted(
            zip(self.names, self.parts(values), strict=True), key=lambda p: (-abs(p[1]), p[0])
        )
        return [(name, round(value, 2)) for name, value in ranked[:count] if value]


@dataclass(frozen=True, slots=True)
class LineModel:
    """The three parts and the sequence step's switch cost, with where they came from."""

    local: Linear
    lexicon: Lexicon
    final: Additive
    switch_cost: float
    source: str = TEXT_MODEL

    @classmethod
    def from_dict(cls, data: Any, source: str) -> LineModel:
        """A model from the JSON structure of a model file; ModelError when it does not fit."""
        if not isinstance(data, dict) or data.get("schema") not in (SCHEMA, STEPS_ONLY_SCHEMA):
            raise ModelError(f"{source}: not a line model of schema {SCHEMA}")
        switch = data.get("switch_cost")
        if not isinstance(switch, (int, float)) or switch < 0:
            raise ModelError(f"{source}: switch_cost must be a number of at least 0")
        return cls(
            _linear(source, data.get("local"), LOCAL_FEATURES),
            _lexicon(source, data.get("lexicon")),
            _additive(source, data.get("final"), LOCAL_FEATURES + CONTEXT_FEATURES),
            float(switch),
            source,
        )


def _named(source: str, table: Any, key: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The entries of ``table[key]``, which must name exactly ``names`` in their order."""
    if not isinstance(table, dict) or not isinstance(table.get(key), dict):
        raise ModelError(f"{source}: expected a table of {key} by feature name")
    entries: dict[str, Any] = table[key]
    if tuple(entries) != names:
        missing = sorted(set(names) - set(entries))
        unknown = sorted(set(entries) - set(names))
        raise ModelError(
            f"{source}: the {key} do not name the features this version computes, in its "
            f"order (missing {missing}, unknown {unknown})"
        )
    return entries


def _number(source: str, value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError(f"{source}: {what} must be a finite number")
    return float(value)


def _linear(source: str, data: Any, names: tuple[str, ...]) -> Linear:
    weights = _named(source, data, "weights", names)
    values = tuple(_number(source, weights[name], f"weight of {name}") for name in names)
    return Linear(names, values, _number(source, data.get("bias"), "bias"))


def _lexicon(source: str, data: Any) -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("words"), dict):
        raise ModelError(f"{source}: expected a lexicon with a table of words")
    words = {str(w): _number(source, v, f"weight of {w!r}") for w, v in data["words"].items()}
    return Lexicon(words, _number(source, data.get("bias"), "lexicon bias"))


def _additive(source: str, data: Any, names: tuple[str, ...]) -> Additive:
    steps = _named(source, data, "steps", names)
    thresholds: list[tuple[float, ...]] = []
    values: list[tuple[float, ...]] = []
    for name in names:
        entry = steps[name]
        if not isinstance(entry, dict):
            raise ModelError(f"{source}: steps of {name} must be a table")
        cuts = tuple(_number(source, v, f"threshold of {name}") for v in entry.get("at", []))
        levels = tuple(_number(source, v, f"value of {name}") for v in entry.get("values", []))
        if len(levels) != len(cuts) + 1 or list(cuts) != sorted(set(cuts)):
            raise ModelError(
                f"{source}: {name} needs increasing thresholds and one value more than them"
            )
        thresholds.append(cuts)
        values.append(levels)
    base = _number(source, data.get("base"), "base")
    trees = data.get("trees", [])
    if not isinstance(trees, list):
        raise ModelError(f"{source}: trees must be a list")
    index = {name: i for i, name in enumerate(names)}
    made = tuple(_tree(source, tree, index, n) for n, tree in enumerate(trees))
    return Additive(names, tuple(thresholds), tuple(values), base, made)


def _tree(source: str, data: Any, index: Mapping[str, int], number: int) -> Tree:
    """A tree of a model file: its nodes' feature names, thresholds and children, and its
    leaves' values; ModelError unless every walk from the first node ends at a leaf."""
    where = f"{source}: tree {number}"
    if not isinstance(data, dict):
        raise ModelError(f"{where} must be a table")
    keys = ("features", "at", "left", "right", "leaves")
    if not all(isinstance(data.get(key), list) for key in keys):
        raise ModelError(f"{where} needs the lists {', '.join(keys)}")
    names, cuts, left, right, leaves = (data[key] for key in keys)
    nodes = len(names)
    if not nodes or not len(cuts) == len(left) == len(right) == nodes:
        raise ModelError(f"{where}: needs a split, and a threshold and two children per split")
    unknown = [name for name in names if name not in index]
    if unknown:
        raise ModelError(f"{where} reads unknown features {sorted(set(unknown))}")
    for node, children in enumerate(zip(left, right, strict=True)):
        for child in children:
            ok = isinstance(child, int) and not isinstance(child, bool)
            if not ok or not (node < child < nodes or -len(leaves) <= child < 0):
                raise ModelError(f"{where}: node {node} has a child out of range")
    return Tree(
        tuple(index[name] for name in names),
        tuple(_number(source, v, f"threshold of {where}") for v in cuts),
        tuple(left),
        tuple(right),
        tuple(_number(source, v, f"leaf of {where}") for v in leaves),
    )


def load_model(path: str | None = None, builtin: str = TEXT_MODEL) -> LineModel:
    """The model of a file (read each time), or a built-in one (read once per process)."""
    return _builtin(builtin) if path is None else _read(path, Path(path))


@cache
def _builtin(name: str) -> LineModel:
    return _read(name, resources.files("cleaner") / "models" / name)


def _read(name: str, path: Any) -> LineModel:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(f"{name}: cannot read: {exc}") from None
    return LineModel.from_dict(data, name)
