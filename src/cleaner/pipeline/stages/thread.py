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

from ...rules import Scope
from ...rules.exact import template
from ...text.features import is_prose, word_count
from ..document import Document
from ..labels import Label

# Words of prose, kept above the heading, that make an article (a short news story
# has a hundred or more).
MIN_ARTICLE_WORDS = 100
# A heading repeated within this many lines (a link and its label) is still one heading.
NEAR_LINES = 2
# Digits a heading's count may have more than the heading's own ('9' and '1,234').
MAX_DIGITS_CHARS = 12
THREAD_REASON = "Comment thread: the lines after a comment heading under the article."


def label_thread(doc: Document) -> None:
    """Label every kept line after the first thread heading under an article with the
    heading's rule, unless that heading is one of a list's."""
    rules = {rule.id for rule in doc.matchers[Scope.THREAD_START].rules}
    if not any(label is not None and label.rule in rules for label in doc.labels):
        return
    prose_words = 0  # counted up to MIN_ARTICLE_WORDS
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        if label is None:
            if prose_words < MIN_ARTICLE_WORDS and line.text and is_prose(line.text):
                prose_words += word_count(line.text)
        elif (
            label.rule in rules
            and label.reason != THREAD_REASON
            and prose_words >= MIN_ARTICLE_WORDS
        ):
            if not _repeats(doc, index):
                _label_after(doc, index, label)
            return


def _repeats(doc: Document, heading: int) -> bool:
    """True when a line of the heading's shape (its `template`: each run of digits read as
    one) comes again in the document, apart from it: one heading per post or teaser, not
    one thread."""
    shape = template(doc.lines[heading].key)
    longest = len(shape) + MAX_DIGITS_CHARS  # a line of that shape is no longer
    return any(
        abs(index - heading) > NEAR_LINES
        and len(shape) <= len(line.key) <= longest
        and template(line.key) == shape
        for index, line in enumerate(doc.lines)
    )


def _label_after(doc: Document, heading: int, label: Label) -> None:
    thread = Label(label.category, label.rule, THREAD_REASON)
    for index in range(heading + 1, len(doc.lines)):
        if doc.unlabeled(index):
            doc.label(index, thread)
