"""cleaner: strip boilerplate from news articles.

>>> import cleaner
>>> article = cleaner.clean("Sign up to receive our latest news!\\n\\nThe vote is on Monday.")
>>> article.text
'The vote is on Monday.'
>>> article.removed[0].category
'newsletter'
"""

from importlib.metadata import PackageNotFoundError, version

from .api import Cleaner, clean
from .article import Article, Metadata, Removal, WarningCode
from .categories import Category
from .config import CleanerConfig, HtmlFocus, Mode
from .inputs import DecodeError
from .parallel import WorkerDied
from .pipeline.render import replay
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
    "HtmlFocus",
    "Metadata",
    "Mode",
    "Removal",
    "RulePackError",
    "WarningCode",
    "WorkerDied",
    "__version__",
    "clean",
    "replay",
]
