"""The compiled hot path gives what the pure-Python path gives, byte for byte.

Each test runs both paths in one process: the pure path by setting ``cleaner.native.compiled``
to None, the compiled one with the extension imported directly (so these tests run the same
under ``CLEANER_PURE_PYTHON=1``). Compared: the body, the metadata, the warnings and the
whole trail (``Article.to_dict()`` as JSON), and for the classifier every score, feature
and reason. Without the extension built they skip and say why.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import native
from cleaner.categories import Category
from cleaner.pipeline.classify import decide
from cleaner.pipeline.classify.features import CONTEXT_FEATURES, LOCAL_FEATURES
from cleaner.pipeline.classify.model import HTML_MODEL, TEXT_MODEL, Tree, load_model
from cleaner.pipeline.labels import Label
from cleaner.text.lines import segment

from .conftest import FIXTURES, ROOT
from .strategies import PROSE, documents, page_dumps

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEV = ROOT.parent / "shared" / "bench"


@pytest.fixture(scope="module")
def extension() -> ModuleType:
    try:
        return importlib.import_module("cleaner._native")
    except ImportError as exc:
        pytest.skip(f"the compiled extension is not built: {exc}")


def both(extension: ModuleType, run: Callable[[], Any]) -> tuple[Any, Any]:
    """``run()`` on the compiled path, then on the pure path."""
    saved = native.compiled
    try:
        native.compiled = extension
        fast = run()
        native.compiled = None
        pure = run()
    finally:
        native.compiled = saved
    return fast, pure


def outputs(texts: list[str], mode: str = "text") -> list[str]:
    """Everything each text's cleaning returns, as JSON (explain on: the whole trail)."""
    engine = cleaner.Cleaner(mode=mode, explain=True)
    return [json.dumps(engine.clean(text).to_dict(), sort_keys=True) for text in texts]


def differing(texts: list[str], mode: str, extension: ModuleType | None = None) -> list[int]:
    """The positions of the texts whose outputs differ between the paths (the extension
    imported here when not given, as in a worker process)."""
    compiled = extension or importlib.import_module("cleaner._native")
    fast, pure = both(compiled, lambda: outputs(texts, mode))
    return [i for i, (a, b) in enumerate(zip(fast, pure, strict=True)) if a != b]


def assert_same(extension: ModuleType, texts: list[str], mode: str = "text") -> None:
    bad = differing(texts, mode, extension)
    assert not bad, f"paths differ on {texts[bad[0]][:200]!r}"


def assert_same_in_workers(texts: list[str], mode: str = "text") -> None:
    """`assert_same` over many texts, shared between a worker process per core."""
    workers = max(1, min(4, os.cpu_count() or 1))
    shares = [texts[start::workers] for start in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(differing, shares, [mode] * workers))
    for share, bad in zip(shares, results, strict=True):
        assert not bad, f"paths differ on {share[bad[0]][:200]!r}"


# Characters the features read: spaces of every kind, capitals of several scripts, digits
# of several scripts, marks, closers and separators, and lines in scripts without spaces.
ODD = st.sampled_from(
    [" ", "\u00a0", "\u2009", "\u3000", "\t", "A", "É", "Σ", "Ж", "ǅ", "ß", "a", "1", "٣", "१",
     "_", ",", ".", "...", "…", "?", ":", ";", "!", "。", "”", "’", "»", ")", "]", '"', " | ",
     " • ", " :: ", " / ", " › ", "http", "www.", "@", ".com", ".org ", ".net_", "2023", "12:30",
     "3. ", "12) ", "1234. ", "市议会", "ภาษาไทย", "İ", "\U0001d400", "😀", "\u0301", "\u200b"]
)  # fmt: skip
ODD_LINE = st.one_of(
    st.lists(ODD, max_size=40).map("".join),
    st.text(max_size=120),
    st.sampled_from(PROSE),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=150, max_size=400),
)
LABELS = st.one_of(st.none(), st.sampled_from(list(Category)).map(lambda c: Label(c, "X", "")))


@SETTINGS
@given(st.lists(st.tuples(ODD_LINE, LABELS, st.booleans()), max_size=40))
def test_the_classifier_gives_the_same_numbers(
    extension: ModuleType, lines: list[tuple[str, Label | None, bool]]
) -> None:
    texts = [text for text, _, _ in lines]
    labels = [label for _, label, _ in lines]
    listed = [marked for _, _, marked in lines]
    for name in (TEXT_MODEL, HTML_MODEL):
        model = load_model(builtin=name)

        def run(model: Any = model) -> Any:
            decision = decide(model, texts, labels, listed)
            vectors = [list(decision.vectors[i]) for i in range(len(texts))]
            reasons = [decision.reasons(model, i) for i in range(len(texts))]
            return decision.local, decision.scores, vectors, decision.keep, reasons

        fast, pure = both(extension, run)
        assert repr(fast) == repr(pure)  # repr: NaN-safe, and -0.0 differs from 0.0


@st.composite
def trees(draw: st.DrawFn, levels: int = 5) -> Tree:
    """A tree of up to ``levels`` levels, leaves at any level, over any feature."""
    features: list[int] = []
    cuts: list[float] = []
    left: list[int] = []
    right: list[int] = []
    leaves: list[float] = []

    def grow(level: int) -> int:
        if level == levels or (level and draw(st.booleans())):
            leaves.append(draw(st.floats(-4, 4, allow_nan=False)))
            return -len(leaves)
        node = len(features)
        features.append(draw(st.integers(0, len(LOCAL_FEATURES + CONTEXT_FEATURES) - 1)))
        cuts.append(draw(st.sampled_from([-1.0, 0.0, 0.05, 0.5, 1.0, 2.5, 4.0])))
        left.append(0)
        right.append(0)
        left[node] = grow(level + 1)
        right[node] = grow(level + 1)
        return node

    grow(0)
    return Tree(tuple(features), tuple(cuts), tuple(left), tuple(right), tuple(leaves))


@SETTINGS
@given(
    st.lists(trees(), min_size=1, max_size=6),
    st.lists(st.sampled_from([*PROSE, "Home", "Share this", "1 of 12"]), min_size=1, max_size=12),
)
def test_trees_of_any_shape_score_the_same(
    extension: ModuleType, made: list[Tree], texts: list[str]
) -> None:
    base = load_model()
    model = dataclasses.replace(base, final=dataclasses.replace(base.final, trees=tuple(made)))

    def run() -> Any:
        decision = decide(model, texts, [None] * len(texts), [False] * len(texts))
        reasons = [decision.reasons(model, i) for i in range(len(texts))]
        return decision.scores, decision.keep, reasons

    fast, pure = both(extension, run)
    assert repr(fast) == repr(pure)


def test_trees_too_deep_for_the_compiled_path_are_left_to_the_pure_one(
    extension: ModuleType,
) -> None:
    # 11 splits in a chain: node i goes left to node i + 1 (the last to leaf 0) and right
    # to leaf i + 1
    left = (*range(1, 11), -1)
    right = tuple(-i - 2 for i in range(11))
    chain = Tree((0,) * 11, (0.5,) * 11, left, right, tuple(float(i) for i in range(12)))
    base = load_model()
    deep = dataclasses.replace(base, final=dataclasses.replace(base.final, trees=(chain,)))
    with pytest.raises(ImportError, match="at most 10 levels"):
        extension.Model(deep)


BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\n\n"])
SPACES = st.sampled_from([" ", "  ", "\u00a0", " \u00a0 ", "\t", "\u200b", "\u3000", ""])


@SETTINGS
@given(
    st.one_of(
        documents(),
        st.text(),
        st.lists(st.tuples(SPACES, ODD_LINE, SPACES, BREAKS), max_size=20).map(
            lambda parts: "".join("".join(part) for part in parts)
        ),
    )
)
def test_splitting_gives_the_same_lines(extension: ModuleType, text: str) -> None:
    def run() -> list[tuple[Any, ...]]:
        lines = segment(text)
        return [(x.index, x.text, x.key, x.start, x.end, x.indent) for x in lines]

    fast, pure = both(extension, run)
    assert fast == pure


@SETTINGS
@given(st.one_of(documents(), page_dumps(), st.text()))
def test_generated_text_cleans_the_same(extension: ModuleType, text: str) -> None:
    assert_same(extension, [text])


def fixture_texts() -> Iterator[str]:
    yield from (p.read_text("utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt")))
    yield from (p.read_text("utf-8") for p in sorted((FIXTURES / "languages").glob("??.txt")))


def test_the_fixtures_clean_the_same(extension: ModuleType) -> None:
    texts = list(fixture_texts())
    assert_same(extension, texts)
    assert_same(extension, texts, mode="html")


def dev_texts(html: bool) -> list[str]:
    """The dev corpora's text dumps and seed-like texts (or a sample of their HTML pages)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        corpora = importlib.import_module("corpora")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    pages = [page for name in corpora.CORPORA for page in corpora.load(name, DEV)]
    if html:
        return [page.html for page in pages[::20]]
    texts = [page.dump for page in pages]
    return texts + [page.seed for page in pages if page.seed is not None]


@pytest.mark.slow
def test_the_dev_corpora_clean_the_same(extension: ModuleType) -> None:
    if not (DEV / "aeb-dev" / "ground-truth.json").is_file():
        pytest.skip(f"dev corpora not found at {DEV}")
    pytest.importorskip(
        "html_text", reason="the text dumps need html-text: pip install -e '.[bench]'"
    )
    assert_same_in_workers(dev_texts(html=False))
    assert_same_in_workers(dev_texts(html=True), mode="html")


def python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != native.PURE_ENV} | env
    return subprocess.run(
        [sys.executable, "-W", "always", "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )


def test_the_environment_forces_the_pure_path() -> None:
    done = python("import cleaner.native as n; print(n.compiled)", CLEANER_PURE_PYTHON="1")
    assert done.stdout.strip() == "None" and "Warning" not in done.stderr


def test_without_the_extension_the_pure_path_runs_with_a_warning() -> None:
    code = (
        "import sys; sys.modules['cleaner._native'] = None\n"
        "import cleaner\n"
        "from cleaner import native\n"
        "assert native.compiled is None\n"
        "print(cleaner.clean('Advertisement\\n\\nThe vote is on Monday.').text)"
    )
    done = python(code)
    assert done.stdout.strip() == "The vote is on Monday."
    assert "RuntimeWarning" in done.stderr and "pure-Python path" in done.stderr


def test_a_build_of_other_source_is_not_used() -> None:
    code = (
        "import sys, types; stale = types.ModuleType('cleaner._native')\n"
        "stale.__file__ = 'old.so'; sys.modules['cleaner._native'] = stale\n"
        "from cleaner import native\n"
        "print(native.compiled)"
    )
    done = python(code)
    assert done.stdout.strip() == "None" and "from other source" in done.stderr


def test_the_compiled_path_is_used_when_built(extension: ModuleType) -> None:
    done = python("import cleaner.native as n; print(n.compiled is not None)")
    assert done.stdout.strip() == "True"


def test_the_build_turns_off_contraction() -> None:
    # Scores round as in Python only when a * b + c is not fused into one operation.
    assert "-ffp-contract=off" in (ROOT / "setup.py").read_text("utf-8")
