"""The comment thread under an article: from its heading ('Top Rated Comments', '12
Comments', 'Kommentare') to the end of the document.

A thread-start rule labels its heading line wherever it matches (see `label_lines`). When
enough of the article's prose comes before the heading, the lines after it are readers'
comments and the page below them, not the article, and go too. A heading with little
prose above it opens the page's own content (a forum thread, a question and its
answers), which stays; so does one whose shape comes again elsewhere on the page ('6
Comments' ... '9 Comments'): it heads the comments of each post or teaser of a list.
"""

from __future__ import annotations

import re

from ...rules import Scope
from ...text.features import is_prose, word_count
from ..document import Document
from ..labels import Label

# Words of prose, kept above the heading, that make an article (a short news story
# has a hundred or more).
MIN_ARTICLE_WORDS = 100
DIGITS = re.compile(r"\d+")
# A heading repeated within this many lines (a link and its label) is still one heading.
NEAR_LINES = 2
THREAD_REASON = "Comment thread: the lines after a comment heading under the article."


def label_thread(doc: Document) -> None:
    """Label every kept line after the first thread heading under an article with the
    heading's rule, unless that heading is one of a list's."""
    rules = {rule.id for rule in doc.matchers[Scope.THREAD_START].rules}
    headings = [
        (index, label)
        for index, label in enumerate(doc.labels)
        if label is not None and label.rule in rules and label.reason != THREAD_REASON
    ]
    prose_words = 0
    start = 0
    for heading, label in headings:
        prose_words += sum(
            word_count(line.text)
            for index, line in enumerate(doc.lines[start:heading], start)
            if doc.unlabeled(index) and is_prose(line.text)
        )
        start = heading
        if prose_words >= MIN_ARTICLE_WORDS:
            if not _repeats(doc, heading):
                _label_after(doc, heading, label)
            return


def _shape(text: str) -> str:
    return DIGITS.sub("0", text)


def _repeats(doc: Document, heading: int) -> bool:
    """True when a line of the heading's shape (digits read as one) comes again in the
    document, apart from it: one heading per post or teaser, not one thread."""
    shape = _shape(doc.lines[heading].key)
    return any(
        abs(index - heading) > NEAR_LINES and _shape(line.key) == shape
        for index, line in enumerate(doc.lines)
        if line.text
    )


def _label_after(doc: Document, heading: int, label: Label) -> None:
    thread = Label(label.category, label.rule, THREAD_REASON)
    for index in range(heading + 1, len(doc.lines)):
        if doc.unlabeled(index):
            doc.label(index, thread)
