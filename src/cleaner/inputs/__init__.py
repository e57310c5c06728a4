"""Input before cleaning: bytes decoded into text, and HTML told from plain text."""

from .decode import Decoded, DecodeError, decode
from .sniff import looks_like_html

__all__ = ["DecodeError", "Decoded", "decode", "looks_like_html"]
