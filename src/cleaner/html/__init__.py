"""HTML in: the only place that parses pages. A page becomes an `Extraction` (its main
text, its metadata hints and how the text was read), which the text pipeline cleans."""

from .extract import Extraction, Method, extract_page

__all__ = ["Extraction", "Method", "extract_page"]
