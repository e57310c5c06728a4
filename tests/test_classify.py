"""The line classifier: its model file, its scores, its path and what the trail says of it."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.pipeline.classify import decide
from cleaner.pipeline.classify.features import (
    CONTEXT_FEATURES,
    LOCAL_FEATURES,
    context_features,
    local_features,
)
from cleaner.pipeline.classify.model import TEXT_MODEL, LineModel, ModelError, load_model
from cleaner.pipeline.classify.sequence import best_path

from .test_region import ENGLISH_ARTICLE, ENGLISH_PAGE

MODEL_FILE = Path(cleaner.__file__).parent / "models" / TEXT_MODEL


def model_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MODEL_FILE.read_text("utf-8"))
    return data


def constant_model(tmp_path: Path, base: float) -> Path:
    """A model file whose final score is ``base`` for every line."""
    data = model_data()
    data["final"] = {
        "base": base,
        "steps": {n: {"at": [], "values": [0.0]} for n in LOCAL_FEATURES + CONTEXT_FEATURES},
    }
    path = tmp_path / "constant.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def tree(**change: Any) -> dict[str, Any]:
    """A model file's tree of one split: lines over 40 characters get -5, the others +5."""
    made = {
        "features": ["log_chars"],
        "at": [math.log1p(40)],
        "left": [-1],
        "right": [-2],
        "leaves": [5.0, -5.0],
    }
    made.update(change)
    return made


def test_the_shipped_model_names_every_feature_in_order() -> None:
    data = model_data()
    assert tuple(data["local"]["weights"]) == LOCAL_FEATURES
    assert tuple(data["final"]["steps"]) == LOCAL_FEATURES + CONTEXT_FEATURES
    assert data["command"].startswith("python bench/train.py")
    model = load_model()
    assert model.switch_cost == data["switch_cost"] and model.lexicon.weights
    assert model.final.trees and len(model.final.trees) == len(data["final"]["trees"])


def test_a_tree_adds_its_leaf_and_the_trail_names_its_first_split(tmp_path: Path) -> None:
    data = json.loads(constant_model(tmp_path, 0.0).read_text("utf-8"))
    data["final"]["trees"] = [tree()]
    path = tmp_path / "tree.json"
    path.write_text(json.dumps(data), "utf-8")
    model = load_model(str(path))
    texts = ["A short line", "A line of prose that is longer than forty characters, by far."]
    decision = decide(model, texts, [None, None], [False, False])
    assert decision.scores == [5.0, -5.0]
    assert decision.reasons(model, 1) == "score -5.0 (log_chars -5.0)"
    old = json.loads(MODEL_FILE.read_text("utf-8"))
    old.update(schema=2)
    del old["final"]["trees"]  # a model file of the schema before trees: steps only
    (tmp_path / "old.json").write_text(json.dumps(old), "utf-8")
    assert load_model(str(tmp_path / "old.json")).final.trees == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema=99), "schema"),
        (lambda d: d["local"]["weights"].pop("log_chars"), "missing \\['log_chars'\\]"),
        (lambda d: d["final"]["steps"].update(bogus={"at": [], "values": [0]}), "unknown"),
        (lambda d: d.update(switch_cost=-1), "switch_cost"),
        (
            lambda d: d["final"]["steps"]["log_chars"].update(at=[2.0, 1.0], values=[0, 0, 0]),
            "increasing",
        ),
        (lambda d: d["lexicon"]["words"].update(the="x"), "weight of 'the'"),
        (lambda d: d["final"].update(trees={}), "trees must be a list"),
        (lambda d: d["final"].update(trees=[tree(right=[0])]), "child out of range"),
        (lambda d: d["final"].update(trees=[tree(right=[-3])]), "child out of range"),
        (lambda d: d["final"].update(trees=[tree(features=["bogus"])]), "unknown features"),
        (lambda d: d["final"].update(trees=[tree(at=[])]), "two children per split"),
        (lambda d: d["final"].update(trees=[tree(leaves=[1.0, "x"])]), "leaf of"),
    ],
)
def test_a_model_file_that_does_not_fit_is_refused(
    tmp_path: Path, change: Any, message: str
) -> None:
    data = model_data()
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ModelError, match=message):
        cleaner.Cleaner(line_model=str(path))
    with pytest.raises(ModelError, match="cannot read"):
        cleaner.Cleaner(line_model=str(tmp_path / "missing.json"))


def test_a_users_model_decides_the_region(tmp_path: Path) -> None:
    page = "\n".join(ENGLISH_PAGE)
    keep_all = cleaner.Cleaner(mode="text", line_model=str(constant_model(tmp_path, 5.0)))
    assert "HEUR-REGION" not in {r.rule for r in keep_all.clean(page).removed}
    data = json.loads(constant_model(tmp_path, 0.0).read_text("utf-8"))
    data["final"]["steps"]["ends_sentence"] = {"at": [0.5], "values": [-5.0, 5.0]}
    half = tmp_path / "sentences.json"
    half.write_text(json.dumps(data), "utf-8")
    article = cleaner.Cleaner(mode="text", line_model=str(half)).clean(page)
    assert "HEUR-REGION" in {r.rule for r in article.removed}
    assert article.text and all(
        p.endswith((".", "?", "!", '"', "”")) for p in article.text.split("\n\n")
    )


def test_a_page_the_classifier_keeps_nothing_of_is_kept_with_a_warning(tmp_path: Path) -> None:
    page = "\n".join(ENGLISH_PAGE)
    drop_all = cleaner.Cleaner(mode="text", line_model=str(constant_model(tmp_path, -5.0)))
    article = drop_all.clean(page)
    assert "HEUR-REGION" not in {r.rule for r in article.removed}
    assert article.warning_codes() == ("region-empty",)
    assert article.text == cleaner.clean(page, mode="text", find_article=False).text
    assert drop_all.clean(article.text).text == article.text


def test_the_trail_names_the_classifier_decision() -> None:
    article = cleaner.clean("\n".join(ENGLISH_PAGE), mode="text")
    region = [r for r in article.removed if r.rule == "HEUR-REGION"]
    assert region
    for removal in region:
        assert "Line classifier: score -" in removal.reason
    assert article.text == "\n\n".join(ENGLISH_ARTICLE)


def test_scores_are_the_same_in_any_order_of_evaluation() -> None:
    model = load_model()
    texts = [line.lstrip("- ") for line in ENGLISH_PAGE]
    labels = [None] * len(texts)
    listed = [line.startswith("- ") for line in ENGLISH_PAGE]
    first = decide(model, texts, labels, listed)
    again = decide(LineModel.from_dict(model_data(), "copy"), texts, labels, listed)
    assert first.scores == again.scores and first.keep == again.keep
    rows, shapes = local_features(texts, labels, listed)
    assert len(rows[0]) == len(LOCAL_FEATURES)
    lexical = [model.lexicon.score(t) for t in texts]
    assert len(context_features(first.local, lexical, shapes)[0]) == len(CONTEXT_FEATURES)


@pytest.mark.parametrize(
    ("scores", "switch", "path"),
    [
        ([], 1.0, []),
        ([-1.0], 1.0, [False]),
        ([2.0, -0.5, 2.0], 1.0, [True, True, True]),  # a weak line between two strong ones
        ([2.0, -3.0, 2.0], 1.0, [True, False, True]),
        ([0.5, -3.0, 0.5], 1.0, [False, False, False]),  # leaving costs more than 0.5 adds
        ([3.0, -4.0, 0.5], 1.0, [True, False, False]),  # a second entry costs more than it adds
    ],
)
def test_the_sequence_step_trades_scores_against_switches(
    scores: list[float], switch: float, path: list[bool]
) -> None:
    assert best_path(scores, switch) == path
