"""Split bylines and contributor lines into person names; drop what is not a name."""

from __future__ import annotations

from html.entities import name2codepoint

import regex

from ..text.features import is_person_name
from .values import read_entities

SEPARATORS = regex.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\|)\s*")
# A role or outlet after the name: after a spaced dash, a bar or bullet, "for", "in".
# A hyphen inside a word ("Müller-Lüdenscheidt", "al-Hassan") is part of the name.
ROLE_TAIL = regex.compile(r"(?:\s+[-–—]\s+|\s*[|•·]|\s+[–—]|\s+(?:for|in)\b).*$")
# A label before the name: "By", "Von", "Par", "Por", "Door", "Author:", "Autorin", and
# anything up to an English " by " ("Recipe by", "View all posts by").
LEAD = regex.compile(
    r"^(?:.*?\bby\s+|(?:von|vom|par|por|door|authors?|autor(?:in)?|auteur|autore|written"
    r"|text|interview)\b[:\s]+)",
    regex.IGNORECASE,
)
INITIALS = regex.compile(r"^(?:\p{Lu}\.?){1,3}$")
PARTICLE_HYPHEN = regex.compile(r"^(?:al|el|ul|bin|ben|ibn|abu|d|l)[-’']", regex.IGNORECASE)
# Words that end a name in a byline: a role follows ("Jane Doe Senior Reporter").
ROLES = frozenset(
    (
        "author", "writer", "editor", "reporter", "correspondent", "contributor",
        "columnist", "photographer", "founder", "co-founder", "ceo", "cto", "director",
        "manager", "president", "attorney", "consultant", "specialist", "expert", "senior",
        "former", "head", "chief", "lead", "staff", "contributing", "redakteur",
        "redakteurin", "journalist", "journalistin", "rédacteur", "rédactrice", "redactor",
        "redactora", "autor", "autorin", "auteur", "last", "updated", "published", "posted",
        "aktualisiert", "veröffentlicht", "member", "moderator", "veteran", "advisor",
        "adviser", "trending", "joined", "premium", "super",
    )
)  # fmt: skip
# Date words a byline's name runs into when the page prints the date after it ("Luke Kim
# December 3"): months that are not also names or surnames (May, June, April, August,
# March are), and weekdays.
DATE_WORDS = frozenset(
    (
        "january", "february", "september", "october", "november", "december", "jan", "feb",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    )
)  # fmt: skip
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


def _name_form(candidate: str) -> str:
    """The name as the name test reads it: initials with dots ("K" -> "K.", "J.R.R." ->
    "J. R. R."), an Arabic or French particle glued by a hyphen or apostrophe dropped
    ("al-Hassan" -> "Hassan")."""
    words: list[str] = []
    for word in candidate.split():
        if INITIALS.match(word):
            words.extend(f"{letter}." for letter in word.replace(".", ""))
        else:
            words.append(PARTICLE_HYPHEN.sub("", word) or word)
    return " ".join(words)


def _is_name(candidate: str) -> bool:
    words = {w.lower().strip(".,") for w in candidate.split()}
    return is_person_name(_name_form(candidate)) and not (words & NOT_NAMES)


def _cut_role(candidate: str) -> str:
    """The name before the first role word and without the date words after it ("Jane Doe
    Senior Reporter" -> "Jane Doe", "Luke Kim December" -> "Luke Kim")."""
    words = candidate.split()
    end = next(
        (i for i, word in enumerate(words) if i and word.lower().strip(".,:") in ROLES),
        len(words),
    )
    while end and words[end - 1].lower().strip(".,:") in DATE_WORDS:
        end -= 1
    return " ".join(words[:end]) if end < len(words) else candidate


def _titlecase_if_shouting(name: str) -> str:
    return name.title() if name.isupper() else name


def split_people(text: str | None) -> list[str]:
    """The person names in a byline or contributor string, in order, without duplicates.

    >>> split_people("Jane Doe and John Smith, Reuters")
    ['Jane Doe', 'John Smith']
    >>> split_people("JOHN SMITH | Staff Writer"), split_people("Email the author")
    (['John Smith'], [])
    >>> split_people("Von Anna Müller-Lüdenscheidt"), split_people("Anna K Smith, Omar al-Hassan")
    (['Anna Müller-Lüdenscheidt'], ['Anna K Smith', 'Omar al-Hassan'])
    """
    if not text:
        return []
    names: list[str] = []
    text = LEAD.sub("", text.strip())
    for part in SEPARATORS.split(ROLE_TAIL.sub("", text)):
        candidate = _titlecase_if_shouting(part.strip(" .")) if part else ""
        candidate = _without_avatar(_cut_role(candidate))
        if candidate and _is_name(candidate) and candidate not in names:
            names.append(candidate)
    return names


def _without_avatar(name: str) -> str:
    """A name without the initials of its avatar before it, when they are its own ("CM
    Craig McCarthy" -> "Craig McCarthy"; "JR Smith" stays).

    >>> _without_avatar("CM Craig McCarthy"), _without_avatar("JR Smith")
    ('Craig McCarthy', 'JR Smith')
    """
    first, _, rest = name.partition(" ")
    words = rest.split()
    initials = "".join(word[0] for word in words if word[:1].isupper())
    if 2 <= len(first) <= 3 and first.isupper() and len(words) >= 2 and first == initials:
        return rest
    return name


# A team or desk the byline names as the author ("The Example Team", "News Desk").
TEAM_WORDS = frozenset(
    ("team", "desk", "editors", "staff", "newsroom", "redaktion", "rédaction", "redacción")
)
NOT_A_HANDLE = frozenset(
    (
        "unknown", "undefined", "anonymous", "anonym", "unbekannt", "unbenannt", "name",
        "datum", "date", "human", "webmaster", "admin", "administrator", "privacy", "written",
        "posted", "published", "updated", "about", "authors", "author", "autor", "autorin",
        "text", "fotos", "photos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    )
)  # fmt: skip
HANDLE = regex.compile(r"^\p{L}[\p{L}\p{N}_-]{2,29}$")
# Letters after a name that are its degrees or credentials ("MS", "RD", "Ph.D.", "CEPF®").
CREDENTIAL = regex.compile(r"^(?:\p{Lu}[\p{Lu}-]{1,7}|Ph\.?\s?D\.?|\p{Lu}\.(?:\s?\p{Lu}\.)+)[®™]?$")
MAX_TEAM_WORDS = 5
# A company's legal form: the part names a company ("Example GmbH & Co. KG"), not a person.
LEGAL_FORM = regex.compile(
    r"(?:^|[\s,])(?:gmbh|ag|kg|ohg|gbr|e\.\s?v\.|inc\.?|llc|ltd\.?|plc|corp\.?|s\.\s?a\.|s\.\s?l\.|"
    r"srl|s\.\s?r\.\s?l\.|s\.\s?p\.\s?a\.|b\.\s?v\.|n\.\s?v\.|sarl|sas|co\.\s?kg)(?=$|[\s,.&])",
    regex.IGNORECASE,
)
NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# A host with its dots read as spaces ("Example De" for example.de): a name and a top-level
# domain that is no one's surname (not .hu, .no, .ro or .se: Hu, No, Ro and Se are).
SPELLED_HOST = regex.compile(
    r"^[\p{L}\p{N}-]+\s(?:com|net|org|info|biz|io|de|ch|at|it|fr|nl|pl|ru|uk|eu|es|cz|pt|br|"
    r"dk|fi)$",
    regex.IGNORECASE,
)


def squash(text: str | None) -> str:
    """Letters and digits only, case folded: how names of sites are compared.

    >>> squash("Www.Example.de – News"), squash(None)
    ('wwwexampledenews', '')
    """
    return str(NOT_ALNUM.sub("", text)).casefold() if text else ""


def markup_authors(text: str | None, site: frozenset[str] = frozenset()) -> list[str]:
    """The authors the page's markup names (meta tags, JSON-LD, byline elements; a list
    joined by ``;``): person names as ``split_people`` reads them, and, since the markup
    marks them as the author, a one-word name or handle and a team ("News Desk"). A part
    that is the site's own name (``site``: squashed forms, see ``squash``) or a host
    spelled out ("Www Example De", "Example Ch") is not an author.

    >>> markup_authors("Anna K Smith Senior Editor; Www Example De; Example",
    ...                frozenset({"example"}))
    ['Anna K Smith']
    >>> markup_authors("Frank Miller; Miller De"), markup_authors("Stol It")
    (['Frank Miller'], [])
    >>> markup_authors("Jintao Hu; Ji-hoon No")
    ['Jintao Hu', 'Ji-hoon No']
    >>> markup_authors("Susan; The Example Team; Dec")
    ['Susan', 'The Example Team']
    >>> markup_authors("Dylan Bailey; MS; RD; FAND"), markup_authors("WRAL; the")
    (['Dylan Bailey'], ['WRAL'])
    >>> markup_authors("Haufe-Lexware GmbH & Co. KG")
    []
    >>> markup_authors("Jos&amp;eacute; P&eacute;rez")
    ['José Pérez']
    >>> markup_authors("Paul Frew; Home; Co-Founder"), markup_authors("Maria; Katerina")
    (['Paul Frew'], ['Maria', 'Katerina'])
    """
    if not text:
        return []
    text = read_entities(text, rounds=2)  # references left in the markup, even escaped twice
    names: list[str] = []
    parts = text.split(";")
    if _split_at_reference(parts):
        return []
    for raw in parts:
        part = LEAD.sub("", raw.strip()).strip(" ,.|")
        if names and (_cut_role(part) != part or CREDENTIAL.match(part)):
            continue  # the role or degree of the name before it ("Tom Krisher; AP Auto Writer")
        if any(" " in name for name in names) and _one_word(part):
            continue  # the rest of a role or place after a full name ("Paul Frew, Home and ...")
        if _is_team(part.split()) and not split_people(part.rsplit(maxsplit=1)[0]):
            if part not in names:
                names.append(part)
            continue
        part = _cut_role(part)
        words = part.split()
        if not words or squash(part) in site or _is_host(part) or LEGAL_FORM.search(part):
            continue
        found = [_without_site(n, site) for n in split_people(part)]
        if not found and _is_team_or_handle(words):
            found = [part]
        names.extend(n for n in found if n not in names)
    return names


def _one_word(part: str) -> bool:
    """A part of one word that does not name a team ("Home", "London", "Co-Founder")."""
    words = part.split()
    return len(words) == 1 and words[0].lower() not in TEAM_WORDS


def _split_at_reference(parts: list[str]) -> bool:
    """True when the author list was split inside a name at a character reference escaped
    twice ("Redacci; Oacute; N Diario" from "Redacci&amp;oacute;n Diario"): where the names
    began and ended is lost ("José Pérez" and "Josén" split alike), so none is read.

    >>> _split_at_reference(["Redacci", " Oacute", " N Diario"]), _split_at_reference(["Ana"])
    (True, False)
    """
    bare = (part.strip().lower() for part in parts)
    return any(len(name) > 3 and name in name2codepoint for name in bare)


def _is_host(part: str) -> bool:
    """A host spelled out as a name: "Www Example De", "Example Ch"."""
    return squash(part).startswith("www") or SPELLED_HOST.match(part) is not None


def _without_site(name: str, site: frozenset[str]) -> str:
    """A name without the site's name after it ("Adam Aaronson PhillyVoice").

    >>> _without_site("Adam Aaronson PhillyVoice", frozenset({"phillyvoice"}))
    'Adam Aaronson'
    """
    words = name.split()
    if len(words) >= 3 and squash(words[-1]) in site:
        return " ".join(words[:-1])
    return name


def _is_team(words: list[str]) -> bool:
    """A team the markup names as the author: a few words ending in a team word, the
    first capitalised ("Podium Staff", "News Desk", "Great Day Editorial Team"); the
    caller checks that the words before the team word are not a person's name ("Adam
    Aaronson PhillyVoice Staff" is a person and a role).

    >>> _is_team("Podium Staff".split()), _is_team("Staff".split()), _is_team("the team".split())
    (True, False, False)
    """
    low = [w.lower().strip(".,") for w in words]
    return (
        1 < len(words) <= MAX_TEAM_WORDS
        and low[-1] in TEAM_WORDS
        and words[0][:1].isupper()
        and not any(w in NOT_A_HANDLE for w in low)
    )


def _is_team_or_handle(words: list[str]) -> bool:
    low = [w.lower().strip(".,") for w in words]
    if any(w in NOT_A_HANDLE or w in NOT_NAMES - TEAM_WORDS - {"the"} for w in low):
        return False
    if len(words) == 1:
        return HANDLE.match(words[0]) is not None and low[0] != "the"
    return _is_team(words)
