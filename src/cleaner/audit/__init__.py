"""The visual audit behind ``cleaner report``: HTML pages that show what was removed.

`render_page` turns a document's text (the one the rules saw) and its Article into a page
with each removal highlighted in its category's colour; `render_index` lists the pages
with a chart of removed characters per category. The pages are self-contained: inline
CSS, no script, nothing loaded from anywhere. The library never imports this package.
"""

from .index import render_index
from .marks import highlighted
from .page import Summary, render_page

__all__ = ["Summary", "highlighted", "render_index", "render_page"]
