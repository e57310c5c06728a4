"""The authors a page's JSON-LD gives its own article.

trafilatura's JSON-LD reader takes every ``Person`` in the page's graph and the authors
of every article node: a site owner's or a reviewer's profile, and the authors of the
teasers a page marks up as articles, come back as the page's authors; it does not know
a forum thread's ``DiscussionForumPosting``. Here only the page's article counts (the
first article node; when several are marked up, the one whose headline starts the
page's title or an h1 heading), and its ``author`` entries, read by name or by their
``@id`` in the graph.
"""

from __future__ import annotations

import json
from typing import Any

# schema.org types of an article (lower-cased): trafilatura's, and the forum, social and
# technical postings and reports it does not read as articles.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "advertisercontentarticle",
        "analysisnewsarticle",
        "askpublicnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "discussionforumposting",
        "liveblogposting",
        "medicalscholarlyarticle",
        "newsarticle",
        "opinionnewsarticle",
        "report",
        "reportagenewsarticle",
        "reviewnewsarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "socialmediaposting",
        "techarticle",
    }
)
AUTHOR_TYPES = frozenset({"person"})
MAX_SCRIPT_CHARS = 1_000_000


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _types(node: dict[str, Any]) -> set[str]:
    return {kind.lower() for kind in _as_list(node.get("@type")) if isinstance(kind, str)}


def _nodes(tree: Any) -> list[dict[str, Any]] | None:
    """Every node of the page's JSON-LD (graphs flattened), or None when a script does
    not parse (trafilatura's own reader then stands)."""
    nodes: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        text = (script.text or "").strip()
        if not text:
            continue
        if len(text) > MAX_SCRIPT_CHARS:
            return None
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            return None
        for item in _as_list(data):
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            if graph is not None:
                nodes.extend(node for node in _as_list(graph) if isinstance(node, dict))
            else:
                nodes.append(item)
    return nodes


def _headings(tree: Any) -> list[str]:
    """The page's ``<title>`` and its ``<h1>`` headings, whitespace collapsed."""
    texts = [element.text_content() for element in tree.iter("title", "h1")]
    return [" ".join(text.split()) for text in texts if text and text.strip()]


def _article(nodes: list[dict[str, Any]], tree: Any) -> dict[str, Any] | None:
    """The page's own article node: the first, or when several are marked up, the one
    whose headline starts the page's title or one of its h1 headings."""
    articles = [node for node in nodes if _types(node) & ARTICLE_TYPES]
    if len(articles) > 1:
        headings = _headings(tree)
        named = [
            node
            for node in articles
            if isinstance(node.get("headline"), str)
            and (headline := " ".join(node["headline"].split()))
            and any(heading.startswith(headline) for heading in headings)
        ]
        if len(named) == 1:
            return named[0]
    return articles[0] if articles else None


def article_authors(tree: Any) -> list[str] | None:
    """The names of the authors the page's JSON-LD gives its article; None when it
    marks up no article (or does not parse), [] when the article names no author.

    >>> from lxml import html
    >>> page = html.fromstring('''<html><head><script type="application/ld+json">
    ... {"@context": "https://schema.org", "@graph": [
    ...   {"@type": "BlogPosting", "author": {"@id": "#ann"}, "headline": "Hi"},
    ...   {"@type": "Person", "@id": "#ann", "name": "Ann Lee"},
    ...   {"@type": "Person", "@id": "#owner", "name": "Site Owner"}]}
    ... </script></head><body><p>x</p></body></html>''')
    >>> article_authors(page)
    ['Ann Lee']
    """
    if tree is None:
        return None
    nodes = _nodes(tree)
    if not nodes:
        return None
    article = _article(nodes, tree)
    if article is None:
        return None
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    names = []
    for author in _as_list(article.get("author")):
        if isinstance(author, str):
            names.append(author)
            continue
        if not isinstance(author, dict):
            continue
        if "name" not in author and isinstance(author.get("@id"), str):
            author = by_id.get(author["@id"], author)
        if author.get("@type") is not None and not _types(author) & AUTHOR_TYPES:
            continue
        for name in _as_list(author.get("name")):
            if isinstance(name, str) and name.strip() and not name.startswith("http"):
                names.append(name.strip())
    return names
