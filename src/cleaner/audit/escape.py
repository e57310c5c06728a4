"""Input text made safe to show: escaped for HTML, with characters that cannot be shown
made visible or dropped.

Every piece of text that comes from a document or a rule pack goes through `text` (element
content) or `attr` (attribute values). Besides ``&``, ``<`` and ``>`` (and quotes in
attributes), they replace what HTML cannot carry or should not obey: control characters
become their visible pictures (U+2400...), lone surrogates and C1 controls the replacement
character, and the bidirectional formatting controls are dropped, so a document cannot
reorder the text around it (right-to-left text is isolated by the page's markup instead).
"""

from __future__ import annotations

import html
import re

from ..text.normalize import OTHER_BREAK

UNSHOWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e"
    r"\u2066-\u2069]"
)
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char in BIDI_CONTROLS:
        return ""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(value: str) -> str:
    """``value`` with every line break as ``\\n`` and nothing HTML cannot show.

    >>> visible("a\\r\\nb\\x00c\\u202ed\\ud800")
    'a\\nb␀cd\\ufffd'
    """
    if not value.isascii() or not value.isprintable():
        value = OTHER_BREAK.sub("\n", value)
        value = UNSHOWABLE.sub(_shown, value)
    return value


def text(value: str) -> str:
    """Element content: visible characters, ``&``, ``<`` and ``>`` escaped.

    >>> text("<script>alert('x')</script> & co")
    "&lt;script&gt;alert('x')&lt;/script&gt; &amp; co"
    """
    return html.escape(visible(value), quote=False)


def attr(value: str) -> str:
    """An attribute value (to put between double quotes): one line, quotes escaped too.

    >>> attr('say "hi"\\nnow')
    'say &quot;hi&quot; now'
    """
    return html.escape(visible(value).replace("\n", " "), quote=True)


def language(value: str | None) -> str | None:
    """A BCP 47 language tag for ``lang``, or None when ``value`` is not one.

    >>> language("en-GB"), language('en" onload="x')
    ('en-GB', None)
    """
    return value if value and LANGUAGE.fullmatch(value) else None
