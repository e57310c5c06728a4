"""Fit the line classifier on the dev corpora, cross-validate it by site, write the model.

Training documents, from every aeb-dev and wcxb-dev page with a gold body: the page's text
dump and its seed-like text, each line labelled by its place in the gold body
(`linelabels`), and the gold body itself, every line of it article text; and every
traf-dev page's text dump (or extracted text), where only the lines holding one of its
snippets are labelled (a ``with`` snippet: article text; a ``without`` snippet: page
text), which teaches the model pages that are mostly German. Each document
first goes through the pipeline's stages before the region (rules, zones), as cleaning
does, and only the lines no rule removed are learned from; a line weighs the square root
of its words over the square root of its document's lines.

The model (`cleaner.pipeline.classify.model`) is fitted in three steps: the local score,
a logistic regression on the local features; the lexicon, a logistic regression on each
line's words (scikit-learn; only words that lines of at least 5 sites hold, and a word
that names a site, a label of its host, neither counts nor teaches on that site's lines, so
no site's own name is learned), cross-fitted over two halves of the training sites so that
the final score learns from lexical scores of words it did not see; the final score,
boosted one-split trees (LightGBM) over the local and context features, summed per feature
into step functions, then (for page dumps) boosted trees of three levels from where those
leave off (what features say together), kept as trees. The model for text extracted from
HTML has no trees: cross-validated, they took 0.002 shingle F1 off aeb-dev and gave
nothing on wcxb-dev articles or traf-dev. The switch cost of the sequence step is the one
with the best mean shingle F1 on the training pages.

Cross-validation: 5 folds grouped by site (``corpora.folds``); everything is fitted again
inside each fold, written as a model file, loaded by the library and run by the library's
own code on the held-out sites' pages (traf-dev's too). ``--write``
fits on all dev pages and writes ``src/cleaner/models/text-lines.json``; ``--folds DIR``
keeps each fold's model for ``bench/quality.py --fold-models DIR``.

    python bench/train.py [--limit N] [--folds bench/cache/folds] [--write]
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import cleaner
from cleaner.evaluation.metrics import page_counts, snippet_hits
from cleaner.pipeline import STAGES, Document
from cleaner.pipeline.classify import decide
from cleaner.pipeline.classify.features import (
    CONTEXT_FEATURES,
    LOCAL_FEATURES,
    Shape,
    context_features,
    local_features,
    words_of,
)
from cleaner.pipeline.classify.model import SCHEMA, LineModel
from cleaner.pipeline.labels import Label
from cleaner.pipeline.stages.region import MAX_WRAPPED_WIDTH, MIN_LINES, select_article

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpora  # noqa: E402
from linelabels import IN, UNSURE, place_lines, snippet_lines  # noqa: E402

CACHE = ROOT / "bench" / "cache" / "train"
MODELS = ROOT / "src" / "cleaner" / "models"
FOLDS = 5
SWITCH_COSTS = (0.0, 0.1, 0.25, 0.5, 1.0)
LOCAL_C = 1.0
LEXICON_C = 0.5
# A word is learned only when lines of this many sites hold it: no site's own name or jargon.
LEXICON_MIN_SITES = 5
LEXICON_WORDS = 20000
LEXICON_ROUND = 4
TREES = 600
# Trees of DEEP_DEPTH levels after the one-split trees, in the page dumps' model.
DEEP_TREES = 200
DEEP_DEPTH = 3
LEARNING_RATE = 0.1
MIN_LEAF = 50


@dataclass
class Doc:
    """One document, read up to the classifier, with its line targets and gold answers."""

    key: str
    site: str
    kind: str  # dump, seed, html, body; traf, traf-html (snippet lines only)
    texts: list[str]
    labels: list[Label | None]
    listed: list[bool]
    targets: np.ndarray  # IN, OUT or UNSURE per line (UNSURE for lines a rule removed)
    rows: np.ndarray  # local features
    shapes: list[Shape]
    gold: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()

    @property
    def corpus(self) -> str:
        return self.key.split("/")[0]


_engine: cleaner.Cleaner | None = None


def read_document(text: str) -> tuple[list[str], list[Label | None], list[bool]]:
    """The open lines' keys, labels and list marks after the stages before the region."""
    global _engine
    if _engine is None:
        _engine = cleaner.Cleaner(find_article=False)
    doc = Document.of(text, _engine.rules)
    for stage in STAGES:
        if stage is select_article:
            break
        stage(doc)
    open_lines = [line for line in doc.lines if line.text]
    labels = [doc.labels[line.index] for line in open_lines]
    return [line.key for line in open_lines], labels, [line.listed for line in open_lines]


Item = tuple[str, str, str, str, str | None, tuple[tuple[str, ...], tuple[str, ...]] | None]


def make_doc(item: Item) -> Doc | None:
    key, site, kind, text, gold, snippets = item
    if kind in ("html", "traf-html"):
        found = extracted_text(text, key)
        if found is None:
            return None
        text = found
    texts, labels, listed = read_document(text)
    with_, without = snippets or ((), ())
    if kind == "body":
        targets = [IN] * len(texts)
    elif kind.startswith("traf"):
        targets = snippet_lines(texts, with_, without)
    elif gold is None:
        targets = [UNSURE] * len(texts)
    else:
        targets = place_lines(texts, gold)
    targets = [t if label is None else UNSURE for t, label in zip(targets, labels, strict=True)]
    rows, shapes = local_features(texts, labels, listed)
    array = np.array(rows, dtype=float).reshape(len(texts), len(LOCAL_FEATURES))
    return Doc(
        key,
        site,
        kind,
        texts,
        labels,
        listed,
        np.array(targets),
        array,
        shapes,
        gold,
        with_,
        without,
    )


def items(limit: int | None, html: bool) -> Iterable[Item]:
    """The documents: page dumps and seed-like texts (or the text extracted from HTML), and
    gold bodies; traf-dev pages with their snippets."""
    for page in corpora.select(["aeb-dev", "wcxb-dev"], limit):
        if html:  # the page's markup: make_doc extracts its text
            yield page.key, page.site, "html", page.html, page.body, None
        else:
            yield page.key, page.site, "dump", page.dump, page.body, None
            if page.seed is not None:
                yield page.key, page.site, "seed", page.seed, page.body, None
        yield page.key, page.site, "body", page.body or "", page.body, None
    for page in corpora.select(["traf-dev"], limit):
        kind, source = ("traf-html", page.html) if html else ("traf", page.dump)
        yield page.key, page.site, kind, source, None, (page.with_, page.without)


def extracted_text(markup: str, key: str) -> str | None:
    """The text HTML mode's extractor gives the rules, or None when it fell back to the
    page's visible text (which the text model reads)."""
    from cleaner.config import HtmlFocus
    from cleaner.html import extract_page

    extraction = extract_page(markup, url=None, focus=HtmlFocus.BALANCED)
    return None if extraction.whole_page else extraction.text


def build(limit: int | None, workers: int, html: bool) -> list[Doc]:
    """Every document read up to the classifier (cached by the library's sources)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    stamp = hashlib.sha1(json.dumps([limit, html, source_hash()]).encode()).hexdigest()[:12]
    path = CACHE / f"docs-{stamp}.pkl"
    if path.exists():
        with path.open("rb") as f:
            cached: list[Doc] = pickle.load(f)
        return cached
    corpora.ensure_dumps(corpora.select(corpora.POPULATIONS, limit), workers)
    with ProcessPoolExecutor(workers) as pool:
        made = pool.map(make_doc, list(items(limit, html)), chunksize=8)
        docs = [doc for doc in made if doc is not None]
    with path.open("wb") as f:
        pickle.dump(docs, f)
    return docs


def source_hash() -> str:
    """A hash of the library's code and rule packs, which the documents' reading depends on."""
    digest = hashlib.sha1()
    for pattern in ("*.py", "*.toml"):
        for file in sorted((ROOT / "src" / "cleaner").rglob(pattern)):
            digest.update(file.read_bytes())
    return digest.hexdigest()


def line_weights(doc: Doc) -> np.ndarray:
    """A line weighs sqrt(its words) / sqrt(its document's lines) (of its labelled lines, on
    traf-dev, where only the lines holding a snippet are labelled)."""
    words = np.array([t.count(" ") + 1 for t in doc.texts], dtype=float)
    lines = int((doc.targets >= 0).sum()) if doc.kind.startswith("traf") else len(doc.texts)
    return np.sqrt(words) / np.sqrt(max(lines, 1))


def fit_logistic(x: Any, y: np.ndarray, w: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Logistic regression (standardised dense features); weights for the raw features."""
    from sklearn.linear_model import LogisticRegression

    if isinstance(x, np.ndarray):
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit((x - mean) / scale, y, sample_weight=w)
        weights = model.coef_[0] / scale
        return weights, float(model.intercept_[0] - (weights * mean).sum())
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y, sample_weight=w)
    return model.coef_[0], float(model.intercept_[0])


def training_lines(docs: Sequence[Doc]) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """The masks of learnable lines per document, their targets and weights."""
    masks = [
        (d.targets >= 0) & np.array([lab is None for lab in d.labels], dtype=bool) for d in docs
    ]
    y = np.concatenate([d.targets[m] for d, m in zip(docs, masks, strict=True)])
    w = np.concatenate([line_weights(d)[m] for d, m in zip(docs, masks, strict=True)])
    return masks, y, w


@functools.cache
def site_names(site: str) -> frozenset[str]:
    """The words that name a site: the labels of its host (and of a group key's parts).

    >>> sorted(site_names("edition.news-site.com"))
    ['com', 'edition', 'news', 'site']
    >>> sorted(site_names("traf-dev/blog.example.de.post"))
    ['blog', 'de', 'dev', 'example', 'post', 'traf']
    """
    return frozenset(words_of(site.replace(".", " ").replace("/", " ")))


def _given(words: list[str]) -> list[str]:
    """The analyzer of words already split (`fit_lexicon`)."""
    return words


def fit_lexicon(docs: Sequence[Doc]) -> dict[str, Any]:
    """The lexicon's words and bias (the model file's ``lexicon`` table)."""
    from sklearn.feature_extraction.text import CountVectorizer

    masks, y, w = training_lines(docs)
    lines_words: list[list[str]] = []  # each learned line's words, its site's names left out
    lengths_list: list[int] = []
    sites: dict[str, set[str]] = defaultdict(set)
    lines: Counter[str] = Counter()
    for doc, mask in zip(docs, masks, strict=True):
        names = site_names(doc.site)
        for text, learned in zip(doc.texts, mask, strict=True):
            if learned:
                tokens = words_of(text)
                kept = [word for word in tokens if word not in names]
                lines_words.append(kept)
                lengths_list.append(max(len(tokens), 1))
                found = set(kept)
                lines.update(found)
                for word in found:
                    sites[word].add(doc.site)
    common = sorted(
        (w for w in sites if len(sites[w]) >= LEXICON_MIN_SITES), key=lambda w: (-lines[w], w)
    )
    vectorizer = CountVectorizer(analyzer=_given, vocabulary=sorted(common[:LEXICON_WORDS]))
    counts = vectorizer.fit_transform(lines_words).astype(float)
    lengths = np.array(lengths_list, dtype=float)
    from scipy.sparse import diags

    x = diags(1.0 / np.sqrt(lengths)) @ counts
    weights, bias = fit_logistic(x, y, w, LEXICON_C)
    vocabulary = vectorizer.get_feature_names_out()
    words = {
        str(word): round(float(weight), LEXICON_ROUND)
        for word, weight in sorted(zip(vocabulary, weights, strict=True))
        if round(float(weight), LEXICON_ROUND)
    }
    return {"bias": round(bias, LEXICON_ROUND), "words": words}


def stumps_to_steps(booster: Any, names: Sequence[str]) -> dict[str, Any]:
    """One step function per feature from a LightGBM model of one-split trees."""
    splits: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    base = 0.0
    for tree in booster.dump_model()["tree_info"]:
        node = tree["tree_structure"]
        if "split_feature" not in node:
            base += node["leaf_value"]
            continue
        left, right = node["left_child"]["leaf_value"], node["right_child"]["leaf_value"]
        assert node["decision_type"] == "<=" and "split_feature" not in node["left_child"]
        splits[node["split_feature"]].append((float(node["threshold"]), left, right))
    steps: dict[str, Any] = {}
    for feature, name in enumerate(names):
        found = splits.get(feature, [])
        cuts = sorted({t for t, _, _ in found})
        values = []
        for position in range(len(cuts) + 1):  # the interval (cuts[p - 1], cuts[p]]
            probe = cuts[position] if position < len(cuts) else np.inf
            values.append(sum(left if probe <= t else right for t, left, right in found))
        steps[name] = {
            "at": [float(c) for c in cuts],
            "values": [round(v, 6) for v in values or [0.0]],
        }
    return {"base": round(base, 6), "steps": steps}


def flat_trees(booster: Any, names: Sequence[str]) -> tuple[float, list[dict[str, Any]]]:
    """A LightGBM model's trees as a model file lists them; the values of the trees without
    a split, summed (they belong to the base)."""
    base = 0.0
    trees: list[dict[str, Any]] = []
    for info in booster.dump_model()["tree_info"]:
        root = info["tree_structure"]
        if "split_feature" in root:
            trees.append(flat_tree(root, names))
        else:
            base += root["leaf_value"]
    return base, trees


def flat_tree(root: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """One tree's nodes in preorder (children after their node) and its leaves, a child
    ``-k - 1`` being leaf ``k``."""
    tree: dict[str, list[Any]] = {k: [] for k in ("features", "at", "left", "right", "leaves")}

    def walk(node: dict[str, Any]) -> int:
        if "split_feature" not in node:
            tree["leaves"].append(round(float(node["leaf_value"]), 6))
            return -len(tree["leaves"])
        assert node["decision_type"] == "<="
        at = len(tree["features"])
        tree["features"].append(names[node["split_feature"]])
        tree["at"].append(float(node["threshold"]))
        tree["left"].append(0)
        tree["right"].append(0)
        tree["left"][at] = walk(node["left_child"])
        tree["right"][at] = walk(node["right_child"])
        return at

    walk(root)
    return tree


def contexts(
    docs: Sequence[Doc], local: np.ndarray, lexicon: Callable[[Doc], list[float]]
) -> list[np.ndarray]:
    out = []
    for doc in docs:
        scores = [float(s) for s in doc.rows @ local[:-1] + local[-1]]
        context = context_features(scores, lexicon(doc), doc.shapes)
        out.append(np.hstack([doc.rows, np.array(context).reshape(len(doc.texts), -1)]))
    return out


def lexicon_scorer(table: dict[str, Any]) -> Callable[[Doc], list[float]]:
    from cleaner.pipeline.classify.model import Lexicon

    lexicon = Lexicon(table["words"], table["bias"])
    return lambda doc: [lexicon.score(t) for t in doc.texts]


def booster(trees: int, depth: int) -> Any:
    """LightGBM's boosted trees of ``depth`` levels, deterministic."""
    import lightgbm

    return lightgbm.LGBMClassifier(
        n_estimators=trees,
        max_depth=depth,
        num_leaves=2**depth,
        learning_rate=LEARNING_RATE,
        min_child_samples=MIN_LEAF,
        deterministic=True,
        force_row_wise=True,
        num_threads=1,
        verbose=-1,
    )


def fit(docs: Sequence[Doc], command: str, deep_trees: int) -> dict[str, Any]:
    """A model file's structure, fitted on ``docs``, with ``deep_trees`` trees of
    ``DEEP_DEPTH`` levels after the one-split ones."""
    train = list(docs)
    masks, y, w = training_lines(train)
    x = np.vstack([d.rows[m] for d, m in zip(train, masks, strict=True)])
    local_w, local_b = fit_logistic(x, y, w, LOCAL_C)
    local = np.append(local_w, local_b)
    halves = {h: [d for d in train if corpora.site_fold(d.site + "#", 2) != h] for h in (0, 1)}
    scorers = {h: lexicon_scorer(fit_lexicon(part)) for h, part in halves.items()}
    vectors = contexts(train, local, lambda d: scorers[corpora.site_fold(d.site + "#", 2)](d))
    x2 = np.vstack([v[m] for v, m in zip(vectors, masks, strict=True)])
    boosted = booster(TREES, 1)
    boosted.fit(x2, y, sample_weight=w)
    final = stumps_to_steps(boosted.booster_, LOCAL_FEATURES + CONTEXT_FEATURES)
    final["trees"] = []
    raw = boosted.predict(x2, raw_score=True)
    if deep_trees:
        deep = booster(deep_trees, DEEP_DEPTH)
        deep.fit(x2, y, sample_weight=w, init_score=raw)
        extra, final["trees"] = flat_trees(deep.booster_, LOCAL_FEATURES + CONTEXT_FEATURES)
        final["base"] = round(final["base"] + extra, 6)
        raw = raw + deep.predict(x2, raw_score=True)
    data = {
        "schema": SCHEMA,
        "description": "Line classifier for page dumps: is each line article text?",
        "command": command,
        "data": data_hash(train),
        "local": {
            "bias": round(float(local_b), 6),
            "weights": {
                n: round(float(v), 6) for n, v in zip(LOCAL_FEATURES, local_w, strict=True)
            },
        },
        "lexicon": fit_lexicon(train),
        "final": final,
        "switch_cost": SWITCH_COSTS[0],
    }
    model = LineModel.from_dict(data, "fitted")
    every = max(1, len(x2) // 2000)  # the file's trees score as LightGBM's, up to rounding
    assert np.allclose([model.final.score(row) for row in x2[::every]], raw[::every], atol=1e-3)
    pages = [d for d in train if d.kind in ("dump", "seed", "html")][::3]
    best = max(SWITCH_COSTS, key=lambda s: (mean_f1(pages, model, s), -s))
    data["switch_cost"] = best
    return data


def data_hash(docs: Sequence[Doc]) -> str:
    digest = hashlib.sha1()
    for doc in sorted(docs, key=lambda d: (d.key, d.kind)):
        digest.update(f"{doc.key}\t{doc.kind}\t{len(doc.texts)}\n".encode())
    return f"sha1:{digest.hexdigest()[:16]} ({len(docs)} documents)"


def kept_lines(doc: Doc, model: LineModel, switch: float | None = None) -> str:
    """The text the library keeps of a document's open lines (the region stage's first
    round, page-like documents only; lines a rule removed never count)."""
    if switch is not None:
        model = dataclasses.replace(model, switch_cost=switch)
    keep = [label is None for label in doc.labels]
    if len(doc.texts) >= MIN_LINES and any(len(t) > MAX_WRAPPED_WIDTH for t in doc.texts):
        keep = decide(model, doc.texts, doc.labels, doc.listed).keep
    return "\n".join(t for t, k in zip(doc.texts, keep, strict=True) if k)


def mean_f1(docs: Sequence[Doc], model: LineModel, switch: float) -> float:
    return float(
        np.mean([page_counts(d.gold or "", kept_lines(d, model, switch)).f1 for d in docs])
    )


def evaluate(models: dict[int, LineModel], docs: Sequence[Doc]) -> dict[str, list[Any]]:
    """Held-out figures per corpus and kind, each page with its fold's model."""
    scores: dict[str, list[Any]] = defaultdict(list)
    for doc in docs:
        text = kept_lines(doc, models[corpora.site_fold(doc.site, FOLDS)])
        if doc.kind.startswith("traf"):
            hits = snippet_hits(text, doc.with_, doc.without, case_sensitive=True)
            scores["traf-dev dump"].append(hits.segments)
        else:
            scores[f"{doc.corpus} {doc.kind}"].append(page_counts(doc.gold or "", text))
    return scores


def report(scores: dict[str, list[Any]]) -> None:
    for name in sorted(scores):
        values = scores[name]
        if name.startswith("traf"):
            tp, fp, fn = (sum(getattr(v, k) for v in values) for k in ("tp", "fp", "fn"))
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(f"  {name:22} segments F1 {2 * p * r / max(p + r, 1e-9):.4f} P {p:.4f} R {r:.4f}")
            continue
        p = float(np.mean([s.precision for s in values]))
        r = float(np.mean([s.recall for s in values]))
        low = float(np.mean([s.f1 < 0.5 for s in values]))
        print(
            f"  {name:22} shingle F1 {2 * p * r / (p + r):.4f} P {p:.4f} R {r:.4f}"
            f"  under 0.5: {low:.1%}  pages {len(values)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="pages per corpus (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folds", type=Path, help="write each fold's model here")
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    parser.add_argument("--write", action="store_true", help="write the model of all pages")
    parser.add_argument(
        "--html", action="store_true", help="the model for text extracted from HTML pages"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    docs = build(args.limit, args.workers, args.html)
    name = "html-lines" if args.html else "text-lines"
    prefix = "html-fold" if args.html else "fold"
    deep = 0 if args.html else DEEP_TREES
    lines = sum(len(d.texts) for d in docs)
    print(f"{len(docs)} documents, {lines} lines ({time.perf_counter() - start:.0f} s)")
    if not args.no_cv:
        models: dict[int, LineModel] = {}
        for fold in range(FOLDS):
            train = [d for d in docs if corpora.site_fold(d.site, FOLDS) != fold]
            data = fit(train, f"python bench/train.py (fold {fold} of {FOLDS})", deep)
            models[fold] = LineModel.from_dict(data, f"fold-{fold}")
            if args.folds:
                args.folds.mkdir(parents=True, exist_ok=True)
                (args.folds / f"{prefix}-{fold}.json").write_text(json.dumps(data) + "\n", "utf-8")
            elapsed = time.perf_counter() - start
            print(f"fold {fold}: switch {data['switch_cost']} ({elapsed:.0f} s)", flush=True)
        print("cross-validated, line level (held-out sites, first round of the region stage):")
        report(evaluate(models, docs))
    if args.write:
        flag = " --html" if args.html else ""
        data = fit(docs, f"python bench/train.py{flag} --write", deep)
        model = MODELS / f"{name}.json"
        model.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {model.relative_to(ROOT)} (switch cost {data['switch_cost']})")


if __name__ == "__main__":
    main()
