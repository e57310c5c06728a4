"""The heuristics that remove text without a rule pattern, each with a stable id."""

from __future__ import annotations

from types import MappingProxyType

from ..categories import Category
from .labels import Label

TITLE = Label(Category.HEADER, "HEUR-TITLE", "The headline above the article, moved to metadata.")
SECTION = Label(Category.HEADER, "HEUR-SECTION", "A section label above the headline.")
BYLINE = Label(Category.HEADER, "HEUR-BYLINE", "A bare author name next to other header lines.")
OUTSIDE = Label(
    Category.PAGE,
    "HEUR-REGION",
    "Page text outside the article region of a full-page dump.",
)

HEURISTICS = MappingProxyType({label.rule: label for label in (TITLE, SECTION, BYLINE, OUTSIDE)})
