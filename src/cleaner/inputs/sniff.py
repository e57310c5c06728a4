"""Tell HTML from plain text."""

from __future__ import annotations

import regex

HTML_START = regex.compile(
    r"\A[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    regex.I | regex.S,
)
HTML_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|script|meta|article|section|h[1-6]|table|td|img)\b[^>]{0,500}>",
    regex.I,
)
SNIFF = 20000
MIN_TAGS = 5


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document or is dense with HTML tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Use <b> for bold, the guide says.")
    False
    """
    head = text[:SNIFF]
    if HTML_START.match(head):
        return True
    matches = enumerate(HTML_TAG.finditer(head), start=1)
    return any(count >= MIN_TAGS for count, _ in matches)
