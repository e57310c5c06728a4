"""Small value cleaners: copyright holders, tag lists, reading times, titles, entities."""

from __future__ import annotations

import html
from collections.abc import Iterable

import regex

ABBREVIATION_END = regex.compile(
    r"\b(?:Inc|Ltd|Co|Corp|LLC|L\.L\.C|LLP|plc|PLC|S\.A|SA|AG|GmbH|N\.V|B\.V|L\.P|Pty|Cie"
    r"|S\.p\.A|S\.L|S\.r\.l|S\.A\.S|Sp\. z o\.o|Ltda)\.$"
)
TAG_SEPARATORS = regex.compile(r"\s*[,;|•·/#]\s*|\s{2,}")
TAG_WORD = regex.compile(r"\S+")
# Between the entries of a keywords meta tag (a comma-separated list by its definition).
KEYWORD_SEPARATORS = regex.compile(r"\s*[,;，、]\s*")
MAX_TAG_CHARS = 80
# An HTML character reference left in text the markup escaped once more than it meant to.
ENTITY = regex.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


# "All rights reserved" in the languages of the packs, after the holder.
RESERVED = regex.compile(
    r"[\s,|–-]*(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|riproduzione riservata|"
    r"alle rechten voorbehouden|todos os direitos reservados|wszelkie prawa zastrzeżone|"
    r"все права (?:защищены|сохранены))\b.*$",
    regex.IGNORECASE,
)


def copyright_holder(text: str | None) -> str | None:
    """The holder named in a copyright line, with a sentence-final period and a rights
    reservation after it dropped.

    >>> copyright_holder("Nexstar Media Inc."), copyright_holder("The Example Times.")
    ('Nexstar Media Inc.', 'The Example Times')
    >>> copyright_holder("Le Progrès Lyonnais. Tous droits réservés")
    'Le Progrès Lyonnais'
    """
    if not text:
        return None
    holder: str = str(RESERVED.sub("", text)).strip(" ,|-–")
    if holder.endswith(".") and not ABBREVIATION_END.search(holder):
        holder = holder[:-1].rstrip()
    words = holder.split()
    if not words or len(words) > 10 or not any(c.isalpha() for c in holder):
        return None
    if holder.lower() in {"all rights reserved", "copyright"}:
        return None
    return holder


def split_tags(text: str | None, body: str = "") -> list[str]:
    """Tags from a tag line. Separator-less lists are cut into the fewest phrases the body uses.

    >>> split_tags("Russia, Sanctions | Ukraine")
    ['Russia', 'Sanctions', 'Ukraine']
    >>> split_tags("John McCain Mitch McConnell", "Sen. John McCain and Mitch McConnell spoke.")
    ['John McCain', 'Mitch McConnell']
    """
    if not text:
        return []
    parts = [p for p in TAG_SEPARATORS.split(text.strip()) if p]
    if len(parts) == 1 and body:
        parts = _segment_by_body(parts[0], body) or parts
    tags: list[str] = []
    for part in parts:
        tag = part.strip(" .")
        if tag and len(tag) <= MAX_TAG_CHARS and tag not in tags:
            tags.append(tag)
    return tags


def keyword_tags(values: Iterable[str] | None) -> list[str]:
    """Tags from the markup's values (``article:tag``, keywords, JSON-LD), each value a
    tag or a comma-separated list of them; the first spelling of each tag, in order.

    >>> keyword_tags(["Wirtschaft, Klimaschutz,Fracking", "klimaschutz", "Trump; NGO"])
    ['Wirtschaft', 'Klimaschutz', 'Fracking', 'Trump', 'NGO']
    """
    tags: list[str] = []
    seen: set[str] = set()
    for value in values or ():
        for part in KEYWORD_SEPARATORS.split(value):
            tag = clean_title(part)
            if tag and len(tag) <= MAX_TAG_CHARS and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
    return tags


def _segment_by_body(text: str, body: str) -> list[str] | None:
    """Split ``text`` into the fewest word runs that each occur in ``body`` (None if impossible)."""
    words = TAG_WORD.findall(text)
    if len(words) < 2 or len(words) > 40:
        return None
    best: list[list[str] | None] = [None] * (len(words) + 1)
    best[0] = []
    for end in range(1, len(words) + 1):
        for start in range(end):
            prefix = best[start]
            if prefix is None:
                continue
            phrase = " ".join(words[start:end])
            if regex.search(rf"(?<!\w){regex.escape(phrase)}(?!\w)", body):
                candidate = [*prefix, phrase]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[-1]


def reading_minutes(text: str | None) -> int | None:
    """A reading time in whole minutes (1 to 600), or None.

    >>> reading_minutes("8"), reading_minutes("0")
    (8, None)
    """
    if not text or not text.strip().isdigit():
        return None
    minutes = int(text)
    return minutes if 1 <= minutes <= 600 else None


def clean_title(text: str | None) -> str | None:
    """A title with spacing tidied; None when empty or absurdly long."""
    if not text:
        return None
    title = " ".join(text.split())
    return title if 0 < len(title) <= 400 else None


def read_entities(text: str, rounds: int = 1) -> str:
    """``text`` with the character references left in it read, up to ``rounds`` times
    (a reference escaped twice needs two).

    >>> read_entities("Jos&amp;eacute;"), read_entities("Jos&amp;eacute;", rounds=2)
    ('Jos&eacute;', 'José')
    """
    for _ in range(rounds):
        if not ENTITY.search(text):
            break
        text = html.unescape(text)
    return text
