"""The kinds of boilerplate that cleaner removes."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """A kind of non-article text. Every removal names one."""

    NEWSLETTER = "newsletter"
    RECOMMENDED = "recommended"
    AD = "ad"
    COPYRIGHT = "copyright"
    COMMENTS = "comments"
    SOCIAL = "social"
    WIDGET = "widget"
    CREDIT = "credit"
    HEADER = "header"
    FOOTER = "footer"
    LEGAL = "legal"
    NAVIGATION = "navigation"
    PAGE = "page"
    TEMPLATE = "template"

    @property
    def description(self) -> str:
        """One sentence saying what the category covers."""
        return DESCRIPTIONS[self]


DESCRIPTIONS: dict[Category, str] = {
    Category.NEWSLETTER: "Newsletter and sign-up prompts, with their consent lines.",
    Category.RECOMMENDED: (
        "Teaser blocks ('Recommended Stories', 'Most Popular', 'Related', 'Read more: ...') "
        "with the teaser items that follow them."
    ),
    Category.AD: "Advertising labels and inline ad tokens such as {mosads}.",
    Category.COPYRIGHT: (
        "Copyright and reproduction notices ('Copyright 2023 ... All rights reserved')."
    ),
    Category.COMMENTS: (
        "Comment prompts, counts and commenting notices, and the comment thread under the article."
    ),
    Category.SOCIAL: "Share rows, follow-us prompts and social network buttons.",
    Category.WIDGET: (
        "Widget chrome and errors ('Oops! Something went wrong.', 'Load more', 'See all ...')."
    ),
    Category.CREDIT: "Photo, video and image credits and captions' credit lines.",
    Category.HEADER: (
        "Title, dateline, byline, reading time and section label; they go to metadata."
    ),
    Category.FOOTER: (
        "Tags, contributor lines and update stamps after the article; they go to metadata."
    ),
    Category.LEGAL: "Cookie, privacy and terms notices.",
    Category.NAVIGATION: "Menus, breadcrumbs, skip links and pagination.",
    Category.PAGE: (
        "Page text outside the article body in a full-page dump (menus, footers, teasers)."
    ),
    Category.TEMPLATE: (
        "Lines of a site's own template learned from a corpus of its pages "
        "(`cleaner learn`) that no built-in category names."
    ),
}


def parse_categories(names: object) -> frozenset[Category]:
    """Turn category names into categories; unknown names raise ValueError.

    >>> sorted(parse_categories(["credit", "ad"]))
    [<Category.AD: 'ad'>, <Category.CREDIT: 'credit'>]
    """
    if names is None:
        return frozenset()
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, (list, tuple, set, frozenset)):
        raise ValueError(f"categories must be a list of names, not {type(names).__name__}")
    result: set[Category] = set()
    for name in names:
        try:
            result.add(Category(str(name).strip().lower()))
        except ValueError:
            known = ", ".join(c.value for c in Category)
            raise ValueError(f"unknown category {name!r} (known: {known})") from None
    return frozenset(result)
