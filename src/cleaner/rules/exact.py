"""Exact-line patterns: literal text whose digit runs may vary, looked up rather than scanned.

A learned rule (``cleaner learn``) matches one line of a site's template: its text with
every run of digits generalised to ``\\d+`` and every other character literal. With tens of
thousands of such rules, scanning for their literals would cost more than the rest of the
cleaning. Instead, each line's *template* (its text with each digit run replaced by
``DIGIT_RUN``) is looked up in a table of the rules' templates: one substitution and one
dictionary lookup per line, whatever the number of rules.

A case-sensitive, whole-line pattern made only of literal characters (metacharacters
escaped) and ``\\d+`` between them (never two digit runs in a row, no literal digit) matches
a line exactly when the line's template is the pattern's template: the literals hold no
digit, so each ``\\d+`` takes one whole digit run of the line. The table is a gate like the
literal gate: the rule's own pattern still decides.
"""

from __future__ import annotations

import regex

# Stands for one run of decimal digits (as `regex` reads ``\d``) in a template.
DIGIT_RUN = "\ue001"
DIGIT_RUNS = regex.compile(r"\d+")
DIGIT_PATTERN = r"\d+"
# Characters that mean something in a pattern outside a class; escaped in exact patterns.
META = frozenset("\\.^$*+?{}[]|()")
# An exact-line pattern: ``\d+``, escaped characters (a backslash before a space or before
# anything but a letter, digit, underscore or other white space), and characters that are
# neither metacharacters nor digits.
EXACT = regex.compile(r"(?:\\d\+|\\(?:[^\w\s]| )|[^\\.^$*+?{}\[\]|()\d\ue001])+")
PIECE = regex.compile(r"\\d\+|\\(.)")


def template(text: str) -> str:
    """``text`` with each run of digits replaced by ``DIGIT_RUN``.

    >>> template("Page 3 of 12") == f"Page {DIGIT_RUN} of {DIGIT_RUN}"
    True
    """
    return str(DIGIT_RUNS.sub(DIGIT_RUN, text))


def escape(text: str) -> str:
    """``text`` as a pattern that matches it literally (only metacharacters escaped).

    >>> escape("Sign up (free) | 2 min")
    'Sign up \\\\(free\\\\) \\\\| 2 min'
    """
    return "".join("\\" + ch if ch in META else ch for ch in text)


def exact_pattern(line: str) -> str:
    """The exact-line pattern of a line: its text, with each digit run as ``\\d+``.

    >>> exact_pattern("© 2026 Example Media.")
    '© \\\\d+ Example Media\\\\.'
    """
    return DIGIT_PATTERN.join(escape(part) for part in template(line).split(DIGIT_RUN))


def pattern_template(pattern: str) -> str | None:
    """The template every line an exact pattern matches has; None for any other pattern.

    >>> pattern_template(r"Page \\d+ of \\d+") == template("Page 1 of 2")
    True
    >>> pattern_template(r"Page \\d+"), pattern_template("Page 2"), pattern_template(r"\\d+\\d+")
    ('Page \\ue001', None, None)
    >>> pattern_template("a.b"), pattern_template(r"a\\.b"), pattern_template("")
    (None, 'a.b', None)
    """
    if not EXACT.fullmatch(pattern):
        return None
    found = str(PIECE.sub(lambda m: m.group(1) or DIGIT_RUN, pattern))
    return None if DIGIT_RUN * 2 in found else found
