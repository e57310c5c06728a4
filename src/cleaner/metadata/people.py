"""Split bylines and contributor lines into person names; drop what is not a name."""

from __future__ import annotations

import regex

from ..text.features import is_person_name

SEPARATORS = regex.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\|)\s*")
ROLE_TAIL = regex.compile(r"\s*(?:[|•·–—-]|\bfor\b|\bin\b).*$")
NOT_NAMES = frozenset(
    [
        "email",
        "e-mail",
        "author",
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "photographer",
        "news",
        "agency",
        "press",
        "associated",
        "reuters",
        "afp",
        "bloomberg",
        "follow",
        "twitter",
        "facebook",
        "updated",
        "published",
        "share",
        "comments",
        "view",
        "profile",
        "more",
        "the",
        "our",
        "team",
        "desk",
        "images",
        "image",
        "photo",
        "photos",
        "wire",
        "board",
        "times",
        "finance",
        "content",
        "sponsored",
        "subscribe",
        "sign",
        "click",
        "here",
        "now",
        "editorial",
        "media",
        "newsroom",
        "magazine",
        "newspaper",
        "services",
        "service",
        "bureau",
        "inc",
        "ltd",
        "llc",
    ]
)


def _is_name(candidate: str) -> bool:
    words = {w.lower().strip(".,") for w in candidate.split()}
    return is_person_name(candidate) and not (words & NOT_NAMES)


def _titlecase_if_shouting(name: str) -> str:
    return name.title() if name.isupper() else name


def split_people(text: str | None) -> list[str]:
    """The person names in a byline or contributor string, in order, without duplicates.

    >>> split_people("Jane Doe and John Smith, Reuters")
    ['Jane Doe', 'John Smith']
    >>> split_people("JOHN SMITH | Staff Writer"), split_people("Email the author")
    (['John Smith'], [])
    """
    if not text:
        return []
    names: list[str] = []
    for part in SEPARATORS.split(ROLE_TAIL.sub("", text.strip())):
        candidate = _titlecase_if_shouting(part.strip(" .")) if part else ""
        if candidate and _is_name(candidate) and candidate not in names:
            names.append(candidate)
    return names
