"""Which repeated lines are a site's template: the guards a line must pass to be learned.

A line repeated across the pages of a site is its template when it stands on a large share
of them. Real text repeats too: a quote cited in many stories, a standard sign-off. Those
are sentences, and stand on a smaller share, so a line that reads like prose (long, or
shaped like a sentence) needs a much larger share than a menu entry or a heading.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text.features import ends_sentence, has_words

# A line reads like prose when it has this many words and ends like a sentence...
SENTENCE_WORDS = 6
# ... or this many words, however it ends.
LONG_WORDS = 15
LETTER = regex.compile(r"\p{L}")
EPSILON = 1e-9  # 6 of 20 pages is 30%, whatever the rounding of 6 / 20 and of 0.3


def prose_like(text: str) -> bool:
    """A line that could be a sentence of an article.

    >>> prose_like("The Associated Press contributed to this report.")
    True
    >>> prose_like("Sign up for our newsletter"), prose_like("More from Example News")
    (False, False)
    """
    if ends_sentence(text):
        return has_words(text, SENTENCE_WORDS)
    return has_words(text, LONG_WORDS)


@dataclass(frozen=True, slots=True)
class Guards:
    """The thresholds of `cleaner learn`; a bad value raises ValueError.

    - ``min_share``: a line must stand on at least this share of its site's pages;
    - ``prose_share``: the share a prose-like line needs (see `prose_like`);
    - ``min_pages``: and on at least this many pages;
    - ``min_site_pages``: a site with fewer pages yields no rules.

    >>> Guards(min_share=1.5)
    Traceback (most recent call last):
    ...
    ValueError: min_share must be a share above 0 and at most 1, not 1.5
    """

    min_share: float = 0.3
    prose_share: float = 0.7
    min_pages: int = 5
    min_site_pages: int = 10

    def __post_init__(self) -> None:
        for name in ("min_share", "prose_share"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                raise ValueError(f"{name} must be a share above 0 and at most 1, not {value!r}")
        for name in ("min_pages", "min_site_pages"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 2:
                raise ValueError(f"{name} must be a whole number of at least 2, not {value!r}")

    def site_reason(self, pages: int) -> str | None:
        """Why a site yields no rules; None when it has enough pages."""
        if pages < self.min_site_pages:
            return f"{pages} pages, fewer than {self.min_site_pages}"
        return None

    def line_reason(self, line: str, count: int, pages: int) -> str | None:
        """Why a line seen on ``count`` of its site's ``pages`` is not learned; None when it is.

        >>> guards = Guards()
        >>> guards.line_reason("Most Popular", 30, 40) is None
        True
        >>> guards.line_reason("Most Popular", 4, 40)
        'on 4 pages, fewer than 5'
        >>> guards.line_reason("The minister said the talks would go on.", 20, 40)
        'prose-like, on 50% of pages, under 70%'
        """
        if count < self.min_pages:
            return f"on {count} pages, fewer than {self.min_pages}"
        if not LETTER.search(line):
            return "no letters"
        share = count / pages
        if prose_like(line):
            if share < self.prose_share - EPSILON:
                bar = _percent(self.prose_share)
                return f"prose-like, on {_percent(share)} of pages, under {bar}"
        elif share < self.min_share - EPSILON:
            return f"on {_percent(share)} of pages, under {_percent(self.min_share)}"
        return None


def _percent(share: float) -> str:
    """A share as a whole percentage, rounded down (a share just under the bar never reads
    as the bar itself).

    >>> _percent(0.299), _percent(1.0)
    ('29%', '100%')
    """
    return f"{int(share * 100 + 1e-9)}%"
