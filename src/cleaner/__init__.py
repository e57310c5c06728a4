"""cleaner: strip boilerplate from news articles.

>>> import cleaner
>>> article = cleaner.clean("Sign up to receive our latest news!\\n\\nThe vote is on Monday.")
>>> article.text
'The vote is on Monday.'
>>> article.removed[0].category
'newsletter'
"""

from importlib.metadata import PackageNotFoundError, version

from .article import Article, Metadata, Removal
from .categories import Category
from .config import CleanerConfig
from .decode import DecodeError
from .pipeline import Cleaner, clean
from .pool import WorkerDied
from .render import replay
from .rules import RulePackError

try:
    __version__ = version("cleaner")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Category",
    "Cleaner",
    "CleanerConfig",
    "DecodeError",
    "Metadata",
    "Removal",
    "RulePackError",
    "WorkerDied",
    "__version__",
    "clean",
    "replay",
]
