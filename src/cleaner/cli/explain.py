"""``--explain``: each removal of a document, with its category and rule, for a person."""

from __future__ import annotations

import os
from typing import TextIO

from ..article import Article

TEXT_WIDTH = 100
RESET = "\033[0m"
BOLD, DIM, YELLOW, CYAN = "\033[1m", "\033[2m", "\033[33m", "\033[36m"


def use_color(choice: str, stream: TextIO) -> bool:
    """``always``, ``never``, or ``auto``: a terminal, NO_COLOR unset or empty, TERM not dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text


def _excerpt(text: str) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.splitlines() if line.strip())
    return flat if len(flat) <= TEXT_WIDTH else flat[: TEXT_WIDTH - 1] + "…"


def render_trail(source: str, article: Article, color: bool) -> str:
    """One heading line, then one line per removal: category, rule id, offsets, text.

    >>> from cleaner import Metadata, Removal
    >>> trail = (Removal("credit", "CRED001", "Getty Images", 0, 12, "An agency credit."),)
    >>> print(render_trail("a.txt", Article("Body.", Metadata(), trail), False), end="")
    a.txt: 1 removed
      credit       CRED001        0-12         Getty Images
    """
    lines = [_paint(f"{source}: {len(article.removed)} removed", BOLD, color)]
    for removal in article.removed:
        lines.append(
            "  "
            + _paint(f"{removal.category:<12}", YELLOW, color)
            + " "
            + _paint(f"{removal.rule:<14}", CYAN, color)
            + " "
            + _paint(f"{removal.start}-{removal.end}".ljust(12), DIM, color)
            + " "
            + _excerpt(removal.text)
        )
    for warning in article.warnings:
        lines.append("  warning: " + warning)
    return "\n".join(lines) + "\n"
